package watchloop

import (
	"go/ast"
	"go/types"
	"path"

	"golang.org/x/tools/go/ast/edge"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// This file recognises the watches of test fakes: apimachinery's
// in-memory watchers, client-go's testing package (Fake.InvokesWatch,
// ObjectTracker.Watch) and the fake clients of client-go and
// controller-runtime (kubernetes/fake, dynamic/fake, client/fake, and
// generated fake clientsets). A fake's watch is fed and ended by the
// test that made it: it holds no connection, and it does not close
// with the ctx it was created from.

// clientGoTesting is the import path of client-go's testing package.
const clientGoTesting = "k8s.io/client-go/testing"

// isFakePkg reports whether pkg is a package of fakes: client-go's
// testing package, or a package whose import path ends in /fake, as
// those of client-go's, controller-runtime's and client-gen's fake
// clients do.
func isFakePkg(pkg *types.Package) bool {
	return pkg != nil && (pkg.Path() == clientGoTesting || path.Base(pkg.Path()) == "fake")
}

// isFakeType reports whether t (or what it points to) is a named type of
// a package of fakes.
func isFakeType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && isFakePkg(n.Obj().Pkg())
}

// fromFake reports whether call returns a fake's watch: it is one of
// apimachinery's in-memory watchers, or a function or method of a
// package of fakes, or a method called on a value that comes from one
// (cs.CoreV1().Pods(ns).Watch(ctx, opts) for cs := fake.NewClientset(),
// c.Watch(ctx, list) for c := fake.NewClientBuilder().Build()).
func (api *watchAPI) fromFake(call *ast.CallExpr) bool { return api.fakeCall(call, 0) }

func (api *watchAPI) fakeCall(call *ast.CallExpr, depth int) bool {
	if api.isFake(call) {
		return true
	}
	if fn := analysisutil.Callee(api.in.TypesInfo, call); fn != nil && isFakePkg(fn.Pkg()) {
		return true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if s := api.in.TypesInfo.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return false
	}
	return api.fakeValue(sel.X, depth+1)
}

// fakeValue reports whether the value of e comes from a package of
// fakes: its type is one of theirs, or it is the result of a call that
// comes from one, directly or through a local variable defined once.
func (api *watchAPI) fakeValue(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	info := api.in.TypesInfo
	if isFakeType(info.TypeOf(e)) {
		return true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return api.fakeCall(x, depth)
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		if v == nil || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return false
		}
		rhs := api.definition(v)
		return rhs != nil && api.fakeValue(rhs, depth+1)
	}
	return false
}

// definition returns the value that the declaration of the local
// variable v gives it (v := x, var v = x), or nil.
func (api *watchAPI) definition(v *types.Var) ast.Expr {
	id, ok := api.in.Inspector.Root().FindByPos(v.Pos(), v.Pos()+1)
	if !ok {
		return nil
	}
	if _, isIdent := id.Node().(*ast.Ident); !isIdent {
		return nil
	}
	var rhs ast.Expr
	switch id.ParentEdgeKind() {
	case edge.AssignStmt_Lhs:
		n := id.Parent().Node().(*ast.AssignStmt)
		if e, idx := analysisutil.AssignedValue(n.Rhs, len(n.Lhs), id.ParentEdgeIndex()); idx <= 0 {
			rhs = e
		}
	case edge.ValueSpec_Names:
		n := id.Parent().Node().(*ast.ValueSpec)
		if e, idx := analysisutil.AssignedValue(n.Values, len(n.Names), id.ParentEdgeIndex()); idx <= 0 {
			rhs = e
		}
	}
	return rhs
}
