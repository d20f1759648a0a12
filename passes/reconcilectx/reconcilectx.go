package reconcilectx

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/ctxinfo"
	"github.com/ctxlint/ctxlint/internal/rootctx"
)

//go:embed doc.go
var doc string

// Analyzer reports root contexts made inside controller-runtime Reconciles
// and the helpers they call. New returns a fresh instance with fresh
// flags.
var Analyzer = New()

// Name is the check's name.
const Name = "reconcilectx"

// Owns returns the kinds of function whose sites reconcilectx reports:
// Reconciles, and the functions they reach.
func Owns() []ctxinfo.Kind { return []ctxinfo.Kind{ctxinfo.Reconcile} }

// New returns a new instance of the analyzer.
func New() *analysis.Analyzer {
	return rootctx.NewCheck(rootctx.Spec{Name: Name, Doc: doc, Owns: Owns()})
}
