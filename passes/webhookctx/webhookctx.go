package webhookctx

import (
	_ "embed"
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
	"github.com/ctxlint/ctxlint/internal/names"
	"github.com/ctxlint/ctxlint/internal/rootctx"
)

//go:embed doc.go
var doc string

// Analyzer reports HTTP and admission handlers that drop the request's
// context. New returns a fresh instance with fresh flags.
var Analyzer = New()

// New returns a new instance of the analyzer.
func New() *analysis.Analyzer {
	return rootctx.NewCheck(names.Webhookctx, doc,
		"also report go statements and deferred calls in handlers, suggesting context.WithoutCancel(r.Context())", reportOutbound)
}

// reportOutbound reports calls in handlers that cannot carry the
// request's context although a form that can exists.
func reportOutbound(pass *analysis.Pass, opts rootctx.Options) {
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
		if s.Provider == nil || s.Owner != ctxinfo.HTTP && s.Owner != ctxinfo.Admission {
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
			Message: fmt.Sprintf("%s cannot carry %s: %s; use %s",
				o.describe(), describeCtx(ctx, s.Owner), consequence(o), o.suggest(name, len(call.Args))),
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

func consequence(o outbound) string {
	switch o.pkg {
	case "os/exec":
		return "the process keeps running after the request is cancelled or times out"
	case "database/sql":
		return "the query keeps running after the request is cancelled or times out"
	}
	return "the outbound call keeps going after the request is cancelled or times out, and its trace is cut"
}
