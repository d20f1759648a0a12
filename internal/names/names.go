// Package names holds the user-facing names of ctxlint's checks, the one
// list that passes, directives and front ends agree on.
package names

// The checks, as users name them on the command line, in configuration,
// in //ctxlint:ignore directives and at the start of every message.
const (
	Reconcilectx = "reconcilectx"
	Inheritctx   = "inheritctx"
	Storedctx    = "storedctx"
	Watchloop    = "watchloop"
	Webhookctx   = "webhookctx"
)

// All lists every check, in the order they are documented.
var All = []string{Reconcilectx, Inheritctx, Storedctx, Watchloop, Webhookctx}

// Known reports whether name is the name of a check.
func Known(name string) bool {
	for _, n := range All {
		if n == name {
			return true
		}
	}
	return false
}
