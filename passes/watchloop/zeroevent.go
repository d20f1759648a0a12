package watchloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// zeroEventHandled reports whether the event r receives is checked, right
// after, in a way that catches the zero event a closed channel gives: its
// Object is type-asserted with comma-ok (obj, ok := ev.Object.(*T)), or
// then compared with nil, and the branch taken for a nil Object leaves
// the loop (a return, a call that does not return such as t.Fatal, a
// break or continue to a label outside it, a Stop of the watch) or makes
// a new watch in place of the closed one. The loop then cannot spin on
// the closed channel.
func (c *checker) zeroEventHandled(r *recv) bool {
	ev := c.eventVar(r)
	if ev == nil {
		return false
	}
	after := followers(r.cur.Parent())
	if r.clause != nil {
		// The clause's body, then what follows the select in the loop.
		for sel := range r.cur.Enclosing((*ast.SelectStmt)(nil)) {
			after = append(slices.Clip(r.clause.Body), followers(sel)...)
			break
		}
	}
	info := c.pass.TypesInfo
	brk, cont := c.outerLabels(r.loop)
	vars := c.condVars(r.loop)
	if vars == nil {
		vars = map[types.Object]bool{}
	}
	for _, w := range r.watches {
		if id, ok := ast.Unparen(w).(*ast.Ident); ok {
			vars[info.ObjectOf(id)] = true // a new watch in place of the closed one
		}
	}
	okVar, objVar := types.Object(nil), types.Object(nil) // from obj, ok := ev.Object.(*T)
	assertion := func(s ast.Stmt) bool {
		as, ok := s.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) > 2 {
			return false
		}
		ta, ok := ast.Unparen(as.Rhs[0]).(*ast.TypeAssertExpr)
		if !ok || !c.isObjectOf(ta.X, ev) {
			return false
		}
		objVar = c.lhsVar(as.Lhs[0])
		if len(as.Lhs) == 2 {
			okVar = c.lhsVar(as.Lhs[1])
		}
		return true
	}
	for _, s := range after {
		if assertion(s) {
			continue
		}
		ifs, ok := s.(*ast.IfStmt)
		if !ok || ifs.Init != nil && !assertion(ifs.Init) {
			return false
		}
		zeroTaken, ok := c.zeroBranch(ifs.Cond, ev, okVar, objVar)
		if !ok {
			return false
		}
		var branch []ast.Stmt
		if zeroTaken {
			branch = ifs.Body.List
		} else if ifs.Else != nil {
			branch = []ast.Stmt{ifs.Else}
		}
		return c.leaves(branch, brk, cont, vars)
	}
	return false
}

// followers returns the statements after the statement at stmt in its
// block, or nil when it is not in a block.
func followers(stmt inspector.Cursor) []ast.Stmt {
	if stmt.ParentEdgeKind() != edge.BlockStmt_List {
		return nil
	}
	_, idx := stmt.ParentEdge()
	return stmt.Parent().Node().(*ast.BlockStmt).List[idx+1:]
}

// eventVar returns the variable that the receive r is assigned to (ev :=
// <-ch, case ev := <-ch), or nil.
func (c *checker) eventVar(r *recv) types.Object {
	as, ok := r.cur.Parent().Node().(*ast.AssignStmt)
	if !ok || r.cur.ParentEdgeKind() != edge.AssignStmt_Rhs || len(as.Lhs) != 1 {
		return nil
	}
	return c.lhsVar(as.Lhs[0])
}

func (c *checker) lhsVar(e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	return c.pass.TypesInfo.ObjectOf(id)
}

// isObjectOf reports whether e is ev.Object, the object of a watch event.
func (c *checker) isObjectOf(e ast.Expr, ev types.Object) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Object" {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && c.pass.TypesInfo.Uses[id] == ev
}

// zeroBranch tells, for an if condition that tests what a zero event
// gives (!ok, ok, obj == nil, obj != nil, ev.Object == nil, ...), whether
// the zero event takes the if's body (true) or its else (false); ok is
// false when cond tests nothing of the kind.
func (c *checker) zeroBranch(cond ast.Expr, ev, okVar, objVar types.Object) (zeroTaken, ok bool) {
	info := c.pass.TypesInfo
	is := func(e ast.Expr, v types.Object) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && v != nil && info.Uses[id] == v
	}
	switch cond := ast.Unparen(cond).(type) {
	case *ast.Ident:
		if is(cond, okVar) {
			return false, true
		}
	case *ast.UnaryExpr:
		if cond.Op == token.NOT && is(cond.X, okVar) {
			return true, true
		}
	case *ast.BinaryExpr:
		if cond.Op != token.EQL && cond.Op != token.NEQ {
			return false, false
		}
		x, y := cond.X, cond.Y
		if analysisutil.IsNil(info, x) || analysisutil.IsFalse(info, x) {
			x, y = y, x
		}
		switch {
		case analysisutil.IsFalse(info, y) && is(x, okVar):
			return cond.Op == token.EQL, true
		case analysisutil.IsNil(info, y) && (is(x, objVar) || c.isObjectOf(x, ev)):
			return cond.Op == token.EQL, true
		}
	}
	return false, false
}
