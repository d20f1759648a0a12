package reconcilectx

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/directive"
	"github.com/ctxlint/ctxlint/internal/names"
	"github.com/ctxlint/ctxlint/internal/rootctx"
)

//go:embed doc.go
var doc string

// Analyzer reports root contexts made inside controller-runtime Reconciles
// and the helpers they call. It has its own flags; New returns a fresh
// instance with fresh flags.
var Analyzer = New()

// New returns a new instance of the analyzer.
func New() *analysis.Analyzer {
	var opts rootctx.Options
	a := &analysis.Analyzer{
		Name:     names.Reconcilectx,
		Doc:      analysisutil.MustExtractDoc(doc, names.Reconcilectx),
		URL:      analysisutil.URLBase + names.Reconcilectx,
		Requires: []*analysis.Analyzer{rootctx.Analyzer, directive.Analyzer},
		Run: analysisutil.Recover(names.Reconcilectx, func(pass *analysis.Pass) (any, error) {
			rootctx.Report(directive.Filter(pass, names.Reconcilectx), names.Reconcilectx, opts)
			return nil, nil
		}),
	}
	a.Flags.BoolVar(&opts.ReportDetached, "report-detached", false,
		"also report root contexts in go statements and deferred calls, suggesting context.WithoutCancel(ctx)")
	return a
}
