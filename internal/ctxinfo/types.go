package ctxinfo

import (
	"go/token"
	"go/types"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// HoldsContext reports whether a value of type t keeps a context: t is a
// context (see IsContext; a type parameter constrained by context.Context
// counts), or a pointer, slice, array, map (by key or value) or channel
// of one, a named type defined as one of these, or an instance of a
// generic struct type one of whose fields holds a context (such as
// atomic.Pointer[context.Context]). Function types, interfaces that are
// not contexts and other struct types hold none: a struct's own fields
// are where a context it keeps is declared.
func (in *Info) HoldsContext(t types.Type) bool { return in.holds(t, 0) }

func (in *Info) holds(t types.Type, depth int) bool {
	if t == nil || depth > 4 || in.ctxIface == nil {
		return false
	}
	if in.IsContext(t) {
		return true
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		switch under := n.Underlying().(type) {
		case *types.Struct:
			if n.TypeArgs().Len() == 0 {
				return false
			}
			for i := range under.NumFields() {
				if in.holds(under.Field(i).Type(), depth+1) {
					return true
				}
			}
			return false
		case *types.Interface, *types.Signature, *types.Basic:
			return false
		default:
			return in.holds(under, depth+1)
		}
	}
	for _, e := range Elems(t) {
		if in.holds(e, depth+1) {
			return true
		}
	}
	return false
}

// Elems returns the types of the values that a value of type t points
// to or contains when t is (or is defined as) a pointer, slice, array or
// channel (its element type) or a map (its key and element types), and
// nil otherwise.
func Elems(t types.Type) []types.Type {
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

// ImplementsContext reports whether t or *t implements context.Context:
// a value of type t is itself a context (a wrapper such as a struct that
// embeds context.Context, or one that declares Deadline, Done, Err and
// Value).
func (in *Info) ImplementsContext(t types.Type) bool {
	if in.ctxIface == nil || t == nil {
		return false
	}
	t = selfInstance(t)
	if types.Implements(t, in.ctxIface) {
		return true
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		return false
	}
	if _, ok := types.Unalias(t).(*types.Pointer); ok {
		return false
	}
	return types.Implements(types.NewPointer(t), in.ctxIface)
}

// DeclaresContextMethods reports whether t or *t has one of
// context.Context's methods declared on t itself rather than promoted
// from an embedded field: t implements (part of) a context on purpose.
func (in *Info) DeclaresContextMethods(t types.Type) bool {
	if in.ctxIface == nil || t == nil {
		return false
	}
	t = selfInstance(t)
	if _, ok := t.Underlying().(*types.Interface); ok {
		return false
	}
	p := types.Type(types.NewPointer(t))
	if _, ok := types.Unalias(t).(*types.Pointer); ok {
		p = t
	}
	for m := range in.ctxIface.Methods() {
		obj, index, _ := types.LookupFieldOrMethod(p, false, m.Pkg(), m.Name())
		if _, ok := obj.(*types.Func); ok && len(index) == 1 {
			return true
		}
	}
	return false
}

// IsCancelFunc reports whether t is context.CancelFunc or
// context.CancelCauseFunc (or an alias of one).
func (in *Info) IsCancelFunc(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == ContextPath &&
		(obj.Name() == "CancelFunc" || obj.Name() == "CancelCauseFunc")
}

// IsReconciler reports whether t or *t implements controller-runtime's
// reconcile.TypedReconciler[R] (reconcile.Reconciler is an alias of an
// instance) or reconcile.ObjectReconciler[T], for the request or object
// type that its Reconcile method takes.
func (in *Info) IsReconciler(t types.Type) bool {
	pkg := in.Package(ReconcilePath)
	if pkg == nil || t == nil {
		return false
	}
	p := addrType(selfInstance(t))
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
	for _, name := range []string{"TypedReconciler", "ObjectReconciler"} {
		generic, _ := types.Unalias(analysisutil.LookupNamed(pkg, name)).(*types.Named)
		if iface, ok := instantiate(generic, arg).(*types.Interface); ok && types.Implements(p, iface) {
			return true
		}
	}
	return false
}

// IsRunnable reports whether t or *t has a method Start(context.Context)
// error: controller-runtime's manager.Runnable, the shape of a component
// started once with the context that bounds its life.
func (in *Info) IsRunnable(t types.Type) bool {
	if in.Context == nil || t == nil {
		return false
	}
	errType := types.Universe.Lookup("error").Type()
	sig := types.NewSignatureType(nil, nil, nil,
		types.NewTuple(types.NewParam(token.NoPos, nil, "", in.Context)),
		types.NewTuple(types.NewParam(token.NoPos, nil, "", errType)), false)
	start := types.NewFunc(token.NoPos, nil, "Start", sig)
	runnable := types.NewInterfaceType([]*types.Func{start}, nil).Complete()
	return types.Implements(addrType(selfInstance(t)), runnable)
}

// selfInstance returns t, or, for a generic named type that is not
// instantiated, its instance over its own type parameters (the type
// that the methods' receivers denote), so that method-set queries are
// well defined.
func selfInstance(t types.Type) types.Type {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.TypeParams().Len() == 0 || n.TypeArgs().Len() > 0 {
		return t
	}
	args := make([]types.Type, n.TypeParams().Len())
	for i := range args {
		args[i] = n.TypeParams().At(i)
	}
	inst, err := types.Instantiate(nil, n, args, false)
	if err != nil {
		return t
	}
	return inst
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
