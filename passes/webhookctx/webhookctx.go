package webhookctx

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/ctxinfo"
	"github.com/ctxlint/ctxlint/internal/rootctx"
)

//go:embed doc.go
var doc string

// Analyzer reports HTTP and admission handlers that drop the request's
// context. New returns a fresh instance with fresh flags.
var Analyzer = New()

// Name is the check's name.
const Name = "webhookctx"

// Owns returns the kinds of function whose sites webhookctx reports:
// HTTP handlers and admission handlers, and the closures inside them.
func Owns() []ctxinfo.Kind { return []ctxinfo.Kind{ctxinfo.HTTP, ctxinfo.Admission} }

// New returns a new instance of the analyzer.
func New() *analysis.Analyzer {
	spec := rootctx.Spec{
		Name:          Name,
		Doc:           doc,
		Owns:          Owns(),
		DetachedUsage: "also report go statements and deferred calls in handlers, suggesting context.WithoutCancel(r.Context())",
		CtxlessRule:   "Outbound calls without the context",
	}
	return rootctx.NewCheck(spec)
}
