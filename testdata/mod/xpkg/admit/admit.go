// Package admit reaches hooks.Validate's root context from a plain
// function, which inheritctx owns, while hooks reports the root as
// webhookctx (TestFoldIntoRoots).
package admit

import (
	"context"

	"example.com/xpkg/hooks"
)

// Admit has a ctx and does not pass it.
func Admit(ctx context.Context) error {
	return hooks.Validate() // want `^inheritctx: context.Background\(\) in hooks.Validate \(example.com/xpkg/hooks/hooks.go:16\), which Admit calls without its ctx`
}
