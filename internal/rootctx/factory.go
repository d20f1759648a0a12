package rootctx

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// This file is about context factories: ctx-less helpers of the package
// that return a context made from a root context, with its cancel
// function (func timeoutCtx(d time.Duration) (context.Context,
// context.CancelFunc) { return context.WithTimeout(context.Background(),
// d) }). The lifetime is handed to the caller, so the root is no mistake
// in itself (see ctxinfo.OwnsLifetime); a caller that defers the cancel
// and does its own work with the context uses it in place of the ctx it
// could have derived it from. Such a call reaches the factory's root as
// a helper's root is reached. A factory of another package of the module
// is known by its Factory fact.

// Factory is the fact that an exported function is a context factory
// (see factoryRoot): Root is the root context it derives what it returns
// from.
type Factory struct {
	Root RootRef
}

func (*Factory) AFact() {}

func (f *Factory) String() string { return "context factory of " + f.Root.Root + " at " + f.Root.At }

// factoryRoot returns the root of fn when fn is a context factory of the
// package: it receives no ctx, returns a context and a cancel function,
// and returns context.With*(context.Background() or TODO(), ...)
// directly; otherwise nil.
func (m *minters) factoryRoot(fn *ctxinfo.Func) *Root {
	if r, ok := m.factories[fn]; ok {
		return r
	}
	var root *Root
	if !fn.HasContext() && fn.Obj != nil && m.returnsLifetime(fn.Obj) {
		for c := range fn.Cur.Preorder((*ast.ReturnStmt)(nil)) {
			ret := c.Node().(*ast.ReturnStmt)
			if len(ret.Results) != 1 || m.in.Enclosing(c)[0] != fn {
				continue
			}
			with, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
			if !ok || len(with.Args) == 0 || !ctxinfo.IsWithCancel(analysisutil.Callee(m.pass.TypesInfo, with)) {
				continue
			}
			call, ok := ast.Unparen(with.Args[0]).(*ast.CallExpr)
			if !ok {
				continue
			}
			if name, ok := m.in.IsRootCall(call); ok {
				cur, _ := c.FindNode(call)
				root = &Root{Name: name, In: Hop{Fn: fn.Obj}, Pos: call.Pos(), call: call, cur: cur}
				break
			}
		}
	}
	m.factories[fn] = root
	return root
}

// factoryAt returns the root of the context factory that the call at cur
// calls, when its function keeps what the factory returns for its own
// work (ctxinfo.KeepsForOwnWork); otherwise nil.
func (m *minters) factoryAt(cur inspector.Cursor) *Root {
	obj := analysisutil.Callee(m.pass.TypesInfo, cur.Node().(*ast.CallExpr))
	var r *Root
	if fn := m.in.Decl(obj); fn != nil {
		r = m.factoryRoot(fn)
	} else if m.facts && obj != nil && obj.Pkg() != nil && obj.Pkg() != m.pass.Pkg && m.returnsLifetime(obj) {
		var f Factory
		if m.pass.ImportObjectFact(obj, &f) {
			r = m.extRoot(&f.Root)
		}
	}
	if r == nil || !m.in.KeepsForOwnWork(cur) {
		return nil
	}
	return r
}

// returnsLifetime reports whether fn returns a context and its cancel
// function, and nothing else: the shape of a context factory.
func (m *minters) returnsLifetime(fn *types.Func) bool {
	res := fn.Signature().Results()
	return res.Len() == 2 && m.in.IsContext(res.At(0).Type()) && m.in.IsCancelFunc(res.At(1).Type())
}
