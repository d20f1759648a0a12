package ctxinfo

import (
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
)

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

// TestingPath is the import path of the standard testing package.
const TestingPath = "testing"

// IsTestingHandle reports whether t is *testing.T, *testing.B,
// *testing.F or testing.TB: what a test, benchmark or fuzz target, or
// its helpers, receive.
func IsTestingHandle(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		n, ok := types.Unalias(p.Elem()).(*types.Named)
		if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != TestingPath {
			return false
		}
		switch n.Obj().Name() {
		case "T", "B", "F":
			return true
		}
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == TestingPath && n.Obj().Name() == "TB"
}

// hasTestContext reports whether a parameter of type t, declared at pos,
// gives the test's context through its Context method: t is a type of
// package testing (or a pointer to one) whose method set has Context()
// context.Context, and the file's Go version is at least 1.24, when that
// method appeared.
func (in *Info) hasTestContext(t types.Type, pos token.Pos) bool {
	base := t
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		base = p.Elem()
	}
	named, ok := types.Unalias(base).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != TestingPath {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, named.Obj().Pkg(), "Context")
	m, ok := obj.(*types.Func)
	if !ok || m.Pkg() == nil || m.Pkg().Path() != TestingPath {
		return false
	}
	sig := m.Signature()
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 || !in.IsContext(sig.Results().At(0).Type()) {
		return false
	}
	for c := range in.Inspector.Root().Children() {
		if f := c.Node().(*ast.File); f.FileStart <= pos && pos <= f.FileEnd {
			v := in.TypesInfo.FileVersions[f]
			return v == "" || version.Compare(v, "go1.24") >= 0
		}
	}
	return false
}
