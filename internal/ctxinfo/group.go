package ctxinfo

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// ErrgroupPath is the import path of golang.org/x/sync's errgroup.
const ErrgroupPath = "golang.org/x/sync/errgroup"

// Group is a local *errgroup.Group made, once, by
// "g, gctx := errgroup.WithContext(parent)".
type Group struct {
	Ctx    *types.Var // gctx: cancelled when a func the group runs fails
	Parent *types.Var // the variable given to WithContext, or nil when it is no plain variable
}

// Groups maps every local variable that holds an *errgroup.Group made by
// errgroup.WithContext to its group. A variable assigned more than once,
// or whose context is blank, is left out: which context goes with it is
// not known.
func (in *Info) Groups() map[*types.Var]Group {
	if !analysisutil.Imports(in.Pkg, ErrgroupPath) {
		return nil // calling errgroup.WithContext takes a direct import
	}
	groups := map[*types.Var]Group{}
	bad := map[*types.Var]bool{}
	for cur := range in.Inspector.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		var lhs []ast.Expr
		var rhs []ast.Expr
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			lhs, rhs = n.Lhs, n.Rhs
		case *ast.ValueSpec:
			for _, id := range n.Names {
				lhs = append(lhs, id)
			}
			rhs = n.Values
		}
		var call *ast.CallExpr
		if len(rhs) == 1 && len(lhs) == 2 {
			call, _ = ast.Unparen(rhs[0]).(*ast.CallExpr)
		}
		if call == nil || !analysisutil.IsPkgFunc(analysisutil.Callee(in.TypesInfo, call), ErrgroupPath, "WithContext") {
			continue
		}
		id, _ := ast.Unparen(lhs[0]).(*ast.Ident)
		gid, _ := ast.Unparen(lhs[1]).(*ast.Ident)
		if id == nil || gid == nil {
			continue
		}
		v, _ := in.TypesInfo.ObjectOf(id).(*types.Var)
		gctx, _ := in.TypesInfo.ObjectOf(gid).(*types.Var)
		if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			continue
		}
		if _, known := groups[v]; known || gctx == nil || gid.Name == "_" {
			bad[v] = true
			continue
		}
		g := Group{Ctx: gctx}
		if len(call.Args) == 1 {
			if pid, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
				g.Parent, _ = in.TypesInfo.Uses[pid].(*types.Var)
			}
		}
		groups[v] = g
	}
	// Any other assignment to a group variable (g = new(errgroup.Group))
	// or its address taken makes its group unknown.
	for cur := range in.Inspector.Root().Preorder((*ast.AssignStmt)(nil), (*ast.UnaryExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 && len(n.Lhs) == 2 {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok && analysisutil.IsPkgFunc(analysisutil.Callee(in.TypesInfo, call), ErrgroupPath, "WithContext") {
					continue // counted above
				}
			}
			for _, e := range n.Lhs {
				if id, ok := ast.Unparen(e).(*ast.Ident); ok {
					if v, ok := in.TypesInfo.Uses[id].(*types.Var); ok {
						if _, known := groups[v]; known {
							bad[v] = true
						}
					}
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				if v, ok := in.TypesInfo.Uses[id].(*types.Var); ok {
					if _, known := groups[v]; known {
						bad[v] = true
					}
				}
			}
		}
	}
	for v := range bad {
		delete(groups, v)
	}
	return groups
}

// Inner is the innermost context at a node when a func literal brings
// it: the literal's own context parameter, or, in a func literal that
// (*errgroup.Group).Go or TryGo runs, the group's context.
type Inner struct {
	Lit   *Func      // the literal
	Var   *types.Var // the context to use there
	Group *Group     // set when Var is a group's context
}

// Name is the name of the inner context's variable.
func (i Inner) Name() string { return i.Var.Name() }

// InnerAt returns the innermost context around cur when a func literal
// brings it: walking out from cur, the first function that receives a
// context or is run by the Go or TryGo of a group in groups decides. A
// declared function, a literal that takes its context as a request or
// leaves its context parameter unnamed or blank, and a literal run by a
// group that is not in groups report false.
func (in *Info) InnerAt(cur inspector.Cursor, groups map[*types.Var]Group) (Inner, bool) {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn := in.funcs[c.Node()]
		if fn == nil {
			continue
		}
		if fn.HasContext() {
			if _, lit := c.Node().(*ast.FuncLit); !lit || fn.Ctx == nil || !fn.Ctx.Named() {
				return Inner{}, false
			}
			return Inner{Lit: fn, Var: fn.Ctx.Var}, true
		}
		if g := in.groupOf(c, groups); g != nil {
			return Inner{Lit: fn, Var: g.Ctx, Group: g}, true
		}
	}
	return Inner{}, false
}

// groupOf returns the group that runs the func literal at lit, when it is
// the argument of g.Go or g.TryGo for a group variable g in groups.
func (in *Info) groupOf(lit inspector.Cursor, groups map[*types.Var]Group) *Group {
	if len(groups) == 0 || lit.ParentEdgeKind() != edge.CallExpr_Args {
		return nil
	}
	call := lit.Parent().Node().(*ast.CallExpr)
	fn := analysisutil.Callee(in.TypesInfo, call)
	if !analysisutil.IsMethod(fn, ErrgroupPath, "Group", "Go") && !analysisutil.IsMethod(fn, ErrgroupPath, "Group", "TryGo") {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := in.TypesInfo.Uses[id].(*types.Var)
	g, ok := groups[v]
	if !ok {
		return nil
	}
	return &g
}
