package ctxinfo

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// JoinedGo reports whether the goroutine that the node at cur starts is
// joined to the function that starts it: a go statement that runs a func
// literal calling Done on a sync.WaitGroup (deferred or not), or a func
// literal given to a sync.WaitGroup's Go; and the function enclosing it
// calls Wait on that group after it, in its own body and not in a func
// literal. The goroutine's work ends before that function goes on: it
// is part of the call, not work that outlives it.
func (in *Info) JoinedGo(cur inspector.Cursor) bool {
	groups := map[types.Object]bool{}
	var start ast.Node
	switch n := cur.Node().(type) {
	case *ast.GoStmt:
		lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit)
		if !ok {
			return false
		}
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			if call, ok := n.(*ast.CallExpr); ok {
				if obj := in.waitGroupCall(call, "Done"); obj != nil {
					groups[obj] = true
				}
			}
			return true
		})
		start = n
	case *ast.FuncLit:
		c := analysisutil.Unparen(cur)
		call, ok := c.Parent().Node().(*ast.CallExpr)
		if !ok || c.ParentEdgeKind() != edge.CallExpr_Args {
			return false
		}
		if obj := in.waitGroupCall(call, "Go"); obj != nil {
			groups[obj] = true
		}
		start = call
	}
	if len(groups) == 0 {
		return false
	}
	fns := in.Enclosing(cur.Parent())
	if len(fns) == 0 || fns[0].Body == nil {
		return false
	}
	joined := false
	ast.Inspect(fns[0].Body, func(n ast.Node) bool {
		if joined {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok && call.Pos() > start.End() {
			joined = groups[in.waitGroupCall(call, "Wait")]
		}
		return true
	})
	return joined
}

// waitGroupCall returns the variable or field of the sync.WaitGroup
// whose method name call calls (wg.Done(), s.wg.Wait()), or nil.
func (in *Info) waitGroupCall(call *ast.CallExpr, name string) types.Object {
	if !analysisutil.IsMethod(analysisutil.Callee(in.TypesInfo, call), "sync", "WaitGroup", name) {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	switch x := ast.Unparen(sel.X).(type) {
	case *ast.Ident:
		return in.TypesInfo.ObjectOf(x)
	case *ast.SelectorExpr:
		return in.TypesInfo.ObjectOf(x.Sel)
	case *ast.UnaryExpr:
		if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
			return in.TypesInfo.ObjectOf(id)
		}
	}
	return nil
}
