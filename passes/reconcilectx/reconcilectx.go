package reconcilectx

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/names"
	"github.com/ctxlint/ctxlint/internal/rootctx"
)

//go:embed doc.go
var doc string

// Analyzer reports root contexts made inside controller-runtime Reconciles
// and the helpers they call. New returns a fresh instance with fresh
// flags.
var Analyzer = New()

// New returns a new instance of the analyzer.
func New() *analysis.Analyzer {
	return rootctx.NewCheck(names.Reconcilectx, doc,
		"also report root contexts in go statements and deferred calls, suggesting context.WithoutCancel(ctx)", nil)
}
