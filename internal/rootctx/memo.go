package rootctx

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// memoizes reports whether fn is a lazy getter: its body begins by
// returning a value it keeps (if r.cache != nil { return r.cache }, on a
// field of its receiver or a package-level variable) and it assigns that
// value itself. What it builds, it builds once, for every later caller,
// as a func that sync.Once runs (initOnce): the first caller's ctx would
// not bound the value's making for the others, so the root contexts it
// makes, and those of the helpers it calls, are no helper roots of its
// callers.
func memoizes(info *types.Info, fn *ctxinfo.Func) bool {
	if fn.Body == nil || len(fn.Body.List) == 0 {
		return false
	}
	var kept types.Object
	for _, stmt := range fn.Body.List[:min(2, len(fn.Body.List))] {
		if kept = keptReturned(info, fn, stmt); kept != nil {
			break
		}
	}
	if kept == nil {
		return false
	}
	assigned := false
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
			for _, lhs := range as.Lhs {
				if keptObj(info, fn, lhs) == kept {
					assigned = true
				}
			}
		}
		return !assigned
	})
	return assigned
}

// keptReturned returns the kept value's object when stmt is
// "if X != nil { return X, ... }", X a field of fn's receiver or a
// package-level variable; or nil.
func keptReturned(info *types.Info, fn *ctxinfo.Func, stmt ast.Stmt) types.Object {
	is, ok := stmt.(*ast.IfStmt)
	if !ok || is.Init != nil || is.Else != nil || len(is.Body.List) != 1 {
		return nil
	}
	x, op, ok := analysisutil.ComparedWithNil(info, is.Cond)
	if !ok || op != token.NEQ {
		return nil
	}
	obj := keptObj(info, fn, x)
	ret, ok := is.Body.List[0].(*ast.ReturnStmt)
	if obj == nil || !ok || len(ret.Results) == 0 || keptObj(info, fn, ret.Results[0]) != obj {
		return nil
	}
	return obj
}

// keptObj returns the object of e when e is a field of fn's receiver
// (r.cache) or a package-level variable; or nil.
func keptObj(info *types.Info, fn *ctxinfo.Func, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return v
		}
	case *ast.SelectorExpr:
		recv := fn.Sig.Recv()
		id, ok := ast.Unparen(e.X).(*ast.Ident)
		if !ok || recv == nil || info.Uses[id] != recv {
			return nil
		}
		if sel := info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
	}
	return nil
}
