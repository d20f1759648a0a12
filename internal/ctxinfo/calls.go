package ctxinfo

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// WithCancelFuncs are the functions of package context that return a
// derived context together with the function that cancels it.
var WithCancelFuncs = []string{"WithCancel", "WithTimeout", "WithDeadline", "WithCancelCause", "WithTimeoutCause", "WithDeadlineCause"}

// IsWithCancel reports whether fn is one of WithCancelFuncs.
func IsWithCancel(fn *types.Func) bool {
	return analysisutil.IsPkgFunc(fn, ContextPath, WithCancelFuncs...)
}

// IsCancelCall reports whether call calls a value of type
// context.CancelFunc or context.CancelCauseFunc.
func (in *Info) IsCancelCall(call *ast.CallExpr) bool {
	return in.IsCancelFunc(in.TypesInfo.TypeOf(call.Fun))
}

// RequestContext reports whether call is the request's own context:
// (*http.Request).Context called on r, or on r.Request for a go-restful
// request r. It returns r, the request expression. The method is resolved
// by its types.Func, never by its name.
func (in *Info) RequestContext(call *ast.CallExpr) (ast.Expr, bool) {
	if len(call.Args) != 0 || !analysisutil.IsMethod(analysisutil.Callee(in.TypesInfo, call), HTTPPath, "Request", "Context") {
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	x := ast.Unparen(sel.X)
	if inner, ok := x.(*ast.SelectorExpr); ok {
		// go-restful: r.Request.Context(), where Request is the field of
		// restful.Request that holds the *http.Request.
		if s := in.TypesInfo.Selections[inner]; s != nil && s.Kind() == types.FieldVal && in.isRestfulRequestPtr(types.NewPointer(derefType(s.Recv()))) {
			x = ast.Unparen(inner.X)
		}
	}
	return x, true
}

func derefType(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// RequestGivenContext reports whether the *http.Request that the call at
// cur makes (req, err := http.NewRequest(...)) is held in a local
// variable that its function later gives a context: a use of it is the
// receiver of net/http's Request.WithContext or Request.Clone
// (client.Do(req.WithContext(ctx)), req = req.WithContext(ctx)).
// Whichever context that is, the request carries it, and a root context
// there is reported as one.
func (in *Info) RequestGivenContext(cur inspector.Cursor) bool {
	cur = analysisutil.Unparen(cur)
	req, _ := assignedPair(cur.Parent().Node())
	id, _ := ast.Unparen(req).(*ast.Ident)
	if id == nil {
		return false
	}
	v, _ := in.TypesInfo.ObjectOf(id).(*types.Var)
	body, ok := outermostFunc(cur)
	if v == nil || v.Pkg() == nil || !ok || v.Parent() == v.Pkg().Scope() {
		return false
	}
	for use := range in.UsesOf(body, v) {
		sel, ok := analysisutil.Unparen(use).Parent().Node().(*ast.SelectorExpr)
		if !ok {
			continue
		}
		m, _ := in.TypesInfo.Uses[sel.Sel].(*types.Func)
		if analysisutil.IsMethod(m, HTTPPath, "Request", "WithContext") || analysisutil.IsMethod(m, HTTPPath, "Request", "Clone") {
			return true
		}
	}
	return false
}
