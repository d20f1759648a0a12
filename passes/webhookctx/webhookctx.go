package webhookctx

import (
	_ "embed"
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
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
	spec := &rootctx.Spec{
		Name:          Name,
		Doc:           doc,
		Owns:          Owns(),
		DetachedUsage: "also report go statements and deferred calls in handlers, suggesting context.WithoutCancel(r.Context())",
	}
	spec.More = func(pass *analysis.Pass, opts rootctx.Options) { reportOutbound(pass, spec, opts) }
	return rootctx.NewCheck(*spec)
}

// ruleOutbound is the heading in doc.go of the outbound-call rule.
const ruleOutbound = "Outbound calls without the context"

// reportOutbound reports calls in handlers that cannot carry the
// request's context although a form that can exists (http.Get,
// exec.Command, db.Query, ...). Calls outside handlers, in go statements
// and deferred calls (unless -report-detached), and where the request's
// context is done are left alone.
func reportOutbound(pass *analysis.Pass, spec *rootctx.Spec, opts rootctx.Options) {
	res := rootctx.Of(pass)
	if res == nil || res.Info.Context == nil {
		return
	}
	in := res.Info
	imports := false
	for _, p := range outboundPkgs {
		imports = imports || analysisutil.Imports(pass.Pkg, p)
	}
	if !imports {
		return
	}
	for cur := range in.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		o, ok := lookupOutbound(analysisutil.Callee(pass.TypesInfo, call))
		if !ok {
			continue
		}
		s := in.ScopeAt(cur)
		if s.Provider == nil || !spec.Owner(s.Owner) {
			continue
		}
		if s.Detached != nil && !opts.ReportDetached || in.IsDone(cur, s.Provider.Node) {
			continue
		}
		ctx, safe := in.CtxAt(s.Provider, call.Pos())
		name := ctx
		if name == "" {
			name = "the request's context"
		}
		d := analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(),
			URL:     analysisutil.RuleURL(Name, ruleOutbound),
			Message: fmt.Sprintf("%s cannot carry %s; use %s", o.describe(), describeCtx(ctx, s.Owner), o.suggest(name, len(call.Args))),
		}
		if safe {
			d.SuggestedFixes = o.fix(pass, call, ctx)
		}
		pass.Report(d)
	}
}

// describeCtx names the context to use: "r.Context(), the request's
// context".
func describeCtx(ctx string, k ctxinfo.Kind) string {
	whose := "the request's context"
	if k == ctxinfo.Admission {
		whose = "the admission request's context"
	}
	if ctx == "" {
		return whose
	}
	return ctx + ", " + whose
}
