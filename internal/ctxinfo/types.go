package ctxinfo

import "go/types"

// ImplementsContext reports whether t or *t implements context.Context:
// a value of type t is itself a context (a wrapper such as a struct that
// embeds context.Context, or one that declares Deadline, Done, Err and
// Value).
func (in *Info) ImplementsContext(t types.Type) bool {
	if in.ctxIface == nil || t == nil {
		return false
	}
	t = SelfInstance(t)
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

// SelfInstance returns t, or, for a generic named type that is not
// instantiated, its instance over its own type parameters (the type
// that the methods' receivers denote), so that method-set queries are
// well defined.
func SelfInstance(t types.Type) types.Type {
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
