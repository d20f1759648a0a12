package storedctx

import (
	"go/ast"
	"go/types"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// originKind says where a context value comes from.
type originKind uint8

const (
	unknown   originKind = iota
	param                // a function's ctx parameter or its request's context
	root                 // context.Background() or context.TODO()
	detached             // context.WithoutCancel(...)
	fieldRead            // the value of a context field, x.f
	process              // the process's signal context (signal.NotifyContext)
)

// origin is where a context value comes from.
type origin struct {
	kind originKind
	fn   *ctxinfo.Func // for param: the function that receives it
	root string        // for root: Background or TODO
	fd   *field        // for fieldRead: the field read
}

// settles reports whether o is known and, when it is a field read,
// whether it is the sole value among those of a variable or an append:
// the others might be anything, so it tells nothing then.
func (o origin) settles(sole bool) bool {
	return o.kind != unknown && (o.kind != fieldRead || sole)
}

// derive follows a context expression back to where it comes from:
// through variables, context.With* and other functions that return a
// context made from their first argument, append, and r.Context(), to a
// ctx parameter, a root context or a context field.
func (s *state) derive(e ast.Expr, depth int) origin {
	if e == nil || depth > 8 {
		return origin{}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := s.info.ObjectOf(e).(*types.Var)
		if v == nil {
			return origin{}
		}
		if fn := s.params[v]; fn != nil && fn.Ctx != nil && fn.Ctx.Var == v {
			return origin{kind: param, fn: fn}
		}
		defs := s.locals[v]
		for _, d := range defs {
			if d.idx > 0 {
				continue
			}
			if o := s.derive(d.expr, depth+1); o.settles(len(defs) == 1) {
				return o
			}
		}
	case *ast.SelectorExpr:
		if sel := s.info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal && s.in.IsContext(sel.Type()) {
			if fd := s.fields[sel.Obj().(*types.Var).Origin()]; fd != nil {
				return origin{kind: fieldRead, fd: fd}
			}
		}
	case *ast.CallExpr:
		if name, ok := s.in.IsRootCall(e); ok {
			return origin{kind: root, root: name}
		}
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := s.info.Uses[id].(*types.Builtin); ok {
				if b == types.Universe.Lookup("append") {
					vals := e.Args[min(1, len(e.Args)):]
					for _, a := range vals {
						if o := s.derive(a, depth+1); o.settles(len(vals) == 1) {
							return o
						}
					}
				}
				return origin{}
			}
		}
		if s.isSignalContext(e) {
			return origin{kind: process}
		}
		fn := analysisutil.Callee(s.info, e)
		if analysisutil.IsPkgFunc(fn, ctxinfo.ContextPath, "WithoutCancel") {
			return origin{kind: detached}
		}
		if o := s.requestContext(e); o.kind != unknown {
			return o
		}
		tv, ok := s.info.Types[e.Fun]
		if !ok || tv.IsType() || len(e.Args) == 0 {
			return origin{}
		}
		sig, _ := tv.Type.Underlying().(*types.Signature)
		if sig != nil && sig.Results().Len() > 0 && s.in.IsContext(sig.Results().At(0).Type()) {
			return s.derive(e.Args[0], depth+1)
		}
	}
	return origin{}
}

// requestContext recognises the context a function gets from a
// parameter's getter: r.Context() of a handler's request parameter (or
// r.Request.Context() for go-restful), and cmd.Context() of a
// *cobra.Command parameter (the methods matched by their types.Func).
func (s *state) requestContext(call *ast.CallExpr) origin {
	x, ok := s.in.RequestContext(call)
	if !ok {
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !isSel || len(call.Args) != 0 || !analysisutil.IsMethod(analysisutil.Callee(s.info, call), cobraPath, "Command", "Context") {
			return origin{}
		}
		x = ast.Unparen(sel.X)
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return origin{}
	}
	v, _ := s.info.ObjectOf(id).(*types.Var)
	if fn := s.params[v]; fn != nil && (fn.Req != nil && fn.Req.Var == v || s.isCommand(v.Type())) {
		return origin{kind: param, fn: fn}
	}
	return origin{}
}

// cobraPath is the import path of github.com/spf13/cobra, whose commands
// carry the context their Execute was given.
const cobraPath = "github.com/spf13/cobra"

// takesCommand reports whether fn has a *cobra.Command parameter, whose
// Context() is fn's ctx.
func (s *state) takesCommand(fn *ctxinfo.Func) bool {
	for v := range fn.Sig.Params().Variables() {
		if s.isCommand(v.Type()) {
			return true
		}
	}
	return false
}

// isCommand reports whether t is *cobra.Command.
func (s *state) isCommand(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == cobraPath && n.Obj().Name() == "Command"
}

// propagate works out which functions receive a per-request context: a
// Reconcile's, an HTTP or admission handler's, or one that such a
// function hands to a function of this package, at any depth; then the
// origins of the stores, and which functions are lent a lifetime.
func (s *state) propagate() {
	origins := make([]origin, len(s.calls))
	for i, c := range s.calls {
		origins[i] = s.derive(c.arg, 0)
	}
	for changed := true; changed; {
		changed = false
		for i, c := range s.calls {
			if s.perRequest[c.callee] != nil || origins[i].kind != param {
				continue
			}
			if r := s.perRequest[origins[i].fn]; r != nil {
				s.perRequest[c.callee] = r
				changed = true
			}
		}
	}
	for _, fd := range s.fields {
		for _, st := range fd.stores {
			if st.idx <= 0 {
				st.orig = s.derive(st.expr, 0)
				st.cancel = s.deferredCancel(st)
			}
		}
	}
	s.origins = origins
	s.lend(origins)
	s.lifetimes(origins)
}

// isPerRequest reports whether st stores a per-request context: the ctx
// of a Reconcile or handler, or one it hands on (see propagate). A field
// with such a store is reported even where other rules leave it alone.
func (s *state) isPerRequest(st *store) bool {
	return st.orig.kind == param && s.perRequest[st.orig.fn] != nil
}
