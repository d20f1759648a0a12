package storedctx

import (
	"go/token"
	"go/types"

	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// holdsContext reports whether a value of type t keeps a context: t is a
// context (see ctxinfo.Info.IsContext; a type parameter constrained by
// context.Context counts), or a pointer, slice, array, map (by key or
// value) or channel of one, a named type defined as one of these, or an
// instance of a generic struct type one of whose fields holds a context
// because a type argument makes it one (atomic.Pointer[context.Context]
// keeps its T; a pool.Pool[T] with a ctx field of its own keeps a
// context the pool's package declares, not one this struct stores).
// Function types, interfaces
// that are not contexts and other struct types hold none: a struct's own
// fields are where a context it keeps is declared.
func (s *state) holdsContext(t types.Type) bool { return s.holds(t, 0) }

func (s *state) holds(t types.Type, depth int) bool {
	if t == nil || depth > 4 {
		return false
	}
	if s.in.IsContext(t) {
		return true
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		switch under := n.Underlying().(type) {
		case *types.Struct:
			if n.TypeArgs().Len() == 0 {
				return false
			}
			// Only the fields that the type arguments fill in: a field
			// whose type does not depend on them is the generic type's
			// own, declared and reported in its package.
			gen := n.Origin().Underlying().(*types.Struct)
			for i := range under.NumFields() {
				if i < gen.NumFields() && types.Identical(gen.Field(i).Type(), under.Field(i).Type()) {
					continue
				}
				if s.holds(under.Field(i).Type(), depth+1) {
					return true
				}
			}
			return false
		case *types.Interface, *types.Signature, *types.Basic:
			return false
		default:
			return s.holds(under, depth+1)
		}
	}
	for _, e := range elems(t) {
		if s.holds(e, depth+1) {
			return true
		}
	}
	return false
}

// elems returns the types of the values that a value of type t points
// to or contains when t is (or is defined as) a pointer, slice, array or
// channel (its element type) or a map (its key and element types), and
// nil otherwise.
func elems(t types.Type) []types.Type {
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return []types.Type{u.Elem()}
	case *types.Slice:
		return []types.Type{u.Elem()}
	case *types.Array:
		return []types.Type{u.Elem()}
	case *types.Chan:
		return []types.Type{u.Elem()}
	case *types.Map:
		return []types.Type{u.Key(), u.Elem()}
	}
	return nil
}

// declaresContextMethods reports whether t or *t has one of
// context.Context's methods declared on t itself rather than promoted
// from an embedded field: t implements (part of) a context on purpose.
func (s *state) declaresContextMethods(t types.Type) bool {
	if t == nil {
		return false
	}
	t = ctxinfo.SelfInstance(t)
	if _, ok := t.Underlying().(*types.Interface); ok {
		return false
	}
	p := types.Type(types.NewPointer(t))
	if _, ok := types.Unalias(t).(*types.Pointer); ok {
		p = t
	}
	for m := range s.in.Context.Underlying().(*types.Interface).Methods() {
		obj, index, _ := types.LookupFieldOrMethod(p, false, m.Pkg(), m.Name())
		if _, ok := obj.(*types.Func); ok && len(index) == 1 {
			return true
		}
	}
	return false
}

// isReconciler reports whether t or *t implements one of controller-runtime's
// reconciler interfaces (ctxinfo.ReconcilerInterfaces) for the request or
// object type that its Reconcile method takes.
func (s *state) isReconciler(t types.Type) bool {
	pkg := s.in.Package(ctxinfo.ReconcilePath)
	if pkg == nil || t == nil {
		return false
	}
	p := addrType(ctxinfo.SelfInstance(t))
	obj, _, _ := types.LookupFieldOrMethod(p, false, pkg, "Reconcile")
	m, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig, ok := m.Type().(*types.Signature)
	if !ok || sig.Params().Len() != 2 {
		return false
	}
	arg := sig.Params().At(1).Type()
	for _, iface := range ctxinfo.ReconcilerInterfaces(pkg, arg) {
		if types.Implements(p, iface) {
			return true
		}
	}
	return false
}

// isRunnable reports whether t or *t has a method Start(context.Context)
// error: controller-runtime's manager.Runnable, the shape of a component
// started once with the context that bounds its life.
func (s *state) isRunnable(t types.Type) bool {
	if t == nil {
		return false
	}
	errType := types.Universe.Lookup("error").Type()
	sig := types.NewSignatureType(nil, nil, nil,
		types.NewTuple(types.NewParam(token.NoPos, nil, "", s.in.Context)),
		types.NewTuple(types.NewParam(token.NoPos, nil, "", errType)), false)
	start := types.NewFunc(token.NoPos, nil, "Start", sig)
	runnable := types.NewInterfaceType([]*types.Func{start}, nil).Complete()
	return types.Implements(addrType(ctxinfo.SelfInstance(t)), runnable)
}

// addrType returns *t, or t itself when it is a pointer or an
// interface (whose method sets a pointer would not have).
func addrType(t types.Type) types.Type {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface:
		return t
	}
	return types.NewPointer(t)
}

func structOf(t types.Type) *types.Struct {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

func isGeneric(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.TypeParams().Len() > 0
}

func isPointer(t types.Type) bool { _, ok := t.(*types.Pointer); return ok }

func isNamedStruct(t types.Type) bool {
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	_, ok = n.Underlying().(*types.Struct)
	return ok
}
