package inheritctx

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/ctxinfo"
	"github.com/ctxlint/ctxlint/internal/rootctx"
)

//go:embed doc.go
var doc string

// Analyzer reports root contexts made in functions that have a context in
// scope. New returns a fresh instance with fresh flags.
var Analyzer = New()

// Name is the check's name.
const Name = "inheritctx"

// Owns returns the kinds of function whose sites inheritctx reports:
// every function that is not inside a Reconcile or a handler.
func Owns() []ctxinfo.Kind { return []ctxinfo.Kind{ctxinfo.Plain} }

// New returns a new instance of the analyzer.
func New() *analysis.Analyzer {
	// Sleeps in plain functions are too often deliberate (a pause in a
	// command, a throttle in a loop) to report by default: see doc.go.
	return rootctx.NewCheck(rootctx.Spec{Name: Name, Doc: doc, Owns: Owns(), WaitsOff: true})
}
