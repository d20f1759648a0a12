package storedctx

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// lend works out which functions receive, as their ctx, a lifetime lent
// by its owner at every call in the package (see isLent), given the
// origins of the contexts that the calls pass.
func (s *state) lend(origins []origin) {
	s.lent = map[*ctxinfo.Func]bool{}
	s.everyCall(origins, s.lent, s.isLent)
}

// everyCall adds to set, until nothing changes, the functions of the
// package whose every call passes them a context for which ok holds (ok
// may read set), given the origins of the contexts that the calls pass.
func (s *state) everyCall(origins []origin, set map[*ctxinfo.Func]bool, ok func(origin) bool) {
	for changed := true; changed; {
		changed = false
		other := map[*ctxinfo.Func]bool{} // functions that a call passes something else
		for i, c := range s.calls {
			if !ok(origins[i]) {
				other[c.callee] = true
			}
		}
		for _, c := range s.calls {
			if !other[c.callee] && !set[c.callee] {
				set[c.callee] = true
				changed = true
			}
		}
	}
}

// isLent reports whether a context of origin o is a lifetime lent by the
// type that owns it: the value of a context field of a type that keeps
// its cancel function (unless a per-request context is stored there), or
// the ctx of a function that receives such a lifetime at every call.
// A field whose every store is lent is left alone.
func (s *state) isLent(o origin) bool {
	switch o.kind {
	case fieldRead:
		return s.ownsLifetime(o.fd.owner) && !slices.ContainsFunc(o.fd.stores, s.isPerRequest)
	case param:
		return s.lent[o.fn]
	}
	return false
}

// lifetime is what makes a defined type long-lived.
type lifetime struct {
	kind       ctxinfo.Kind    // Reconcile for a reconciler, HTTP or Admission for a handler, else Plain
	runnable   bool            // it has Start(context.Context) error, whatever its kind
	methods    []*ctxinfo.Func // its methods declared in this package
	ctxMethods []*ctxinfo.Func // those that receive a ctx parameter, or a handler's request
}

// longLived reports whether the type is a reconciler, a handler or a
// runnable: one value serves many calls.
func (lt *lifetime) longLived() bool { return lt.kind != ctxinfo.Plain || lt.runnable }

// role names what makes the type long-lived, for messages: "reconciler",
// "HTTP handler", "admission handler", "runnable", or "" when it is not.
func (lt *lifetime) role() string {
	switch {
	case lt.kind == ctxinfo.Reconcile:
		return "reconciler"
	case lt.kind != ctxinfo.Plain:
		return lt.kind.String()
	case lt.runnable:
		return "runnable"
	}
	return ""
}

// lifetime reports what makes o's type long-lived (a Reconcile method or
// reconcile.TypedReconciler, a handler method, Start(ctx) error) and its
// methods with a ctx; anonymous structs and aliases are never long-lived.
func (s *state) lifetime(o *owner) *lifetime {
	if o.lt != nil {
		return o.lt
	}
	lt := &lifetime{}
	o.lt = lt
	if !o.direct {
		return lt
	}
	n, ok := o.tn.Type().(*types.Named)
	if !ok {
		return lt
	}
	handler := ctxinfo.Plain
	for m := range n.Methods() {
		fn := s.in.Decl(m)
		if fn == nil {
			continue
		}
		lt.methods = append(lt.methods, fn)
		// A ctx parameter, or a handler's request. A plain method's
		// *http.Request is mostly an outgoing one it builds or decorates
		// (authorize(req)): not a ctx of its own to use instead.
		if fn.Ctx != nil || fn.Kind != ctxinfo.Plain && fn.HasContext() {
			lt.ctxMethods = append(lt.ctxMethods, fn)
		}
		switch fn.Kind {
		case ctxinfo.Reconcile:
			lt.kind = ctxinfo.Reconcile
		case ctxinfo.HTTP, ctxinfo.Admission:
			handler = fn.Kind
		}
	}
	lt.runnable = s.isRunnable(n)
	if lt.kind == ctxinfo.Plain {
		if s.isReconciler(n) {
			lt.kind = ctxinfo.Reconcile
		} else {
			lt.kind = handler
		}
	}
	return lt
}

// isMethodOf reports whether fn is a method of o's type.
func (s *state) isMethodOf(fn *ctxinfo.Func, o *owner) bool {
	if fn == nil || fn.Obj == nil || fn.Sig.Recv() == nil || !o.direct {
		return false
	}
	return s.ownerOf(fn.Sig.Recv().Type()) == o
}

// isWrapper reports whether o is itself a context, whose job is to hold
// its parent, and so left alone: it declares context methods of its own,
// or it embeds a context and is neither long-lived nor given a context by
// its methods (a reconciler that embeds one is reported).
func (s *state) isWrapper(o *owner) bool {
	t := types.Type(o.st)
	if o.direct {
		t = o.tn.Type()
	}
	if !s.in.ImplementsContext(t) {
		return false
	}
	if s.declaresContextMethods(t) {
		return true
	}
	lt := s.lifetime(o)
	return !lt.longLived() && len(lt.ctxMethods) == 0
}

// ownsLifetime reports whether o keeps a cancel function for the
// context it holds: a context.CancelFunc or CancelCauseFunc field, or a
// func() field assigned the cancel function of context.WithCancel (or
// WithTimeout, WithDeadline and their Cause forms). Its context fields
// are left alone unless a per-request context is stored in them.
func (s *state) ownsLifetime(o *owner) bool {
	for i := range o.st.NumFields() {
		v := o.st.Field(i)
		if s.in.IsCancelFunc(v.Type()) {
			return true
		}
		for _, d := range s.cancelStores[v] {
			if s.isCancelValue(d, 0) {
				return true
			}
		}
	}
	return false
}

// isCancelValue reports whether d is the cancel function that a
// context.With* call returns (see ctxinfo.IsWithCancel), directly or
// through variables. It follows values; ctxinfo.Info.IsCancelCall
// recognises calls of a value typed context.CancelFunc, a different test.
func (s *state) isCancelValue(d def, depth int) bool {
	if depth > 8 {
		return false
	}
	switch e := ast.Unparen(d.expr).(type) {
	case *ast.CallExpr:
		return d.idx == 1 && ctxinfo.IsWithCancel(analysisutil.Callee(s.info, e))
	case *ast.Ident:
		if d.idx >= 0 {
			return false
		}
		if v, ok := s.info.ObjectOf(e).(*types.Var); ok {
			for _, dd := range s.locals[v] {
				if s.isCancelValue(dd, depth+1) {
					return true
				}
			}
		}
	}
	return false
}
