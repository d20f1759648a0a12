package watchloop

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// ruleBreak is the heading of the rule in doc.go.
const ruleBreak = "Break in a select"

// checkBreak reports a bare break that leaves only the select ending a watch loop, with a fix; it
// leaves alone breaks that skip the rest of a case, and cases that set the loop's condition.
func (c *checker) checkBreak(b inspector.Cursor, loops map[ast.Node]*loop) {
	var selCur, clauseCur inspector.Cursor
	child := b
	for a := range b.Enclosing() {
		if a == b {
			continue
		}
		switch a.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt:
			return // the break does not target a select
		case *ast.CommClause:
			if child.ParentEdgeKind() != edge.CommClause_Body {
				return
			}
			clauseCur = a
		case *ast.SelectStmt:
			selCur = a
		}
		if selCur.Valid() {
			break
		}
		child = a
	}
	if !selCur.Valid() || !clauseCur.Valid() {
		return
	}
	// The select must be the last statement of a loop that reads a watch.
	stmt := selCur
	if stmt.ParentEdgeKind() == edge.LabeledStmt_Stmt {
		stmt = stmt.Parent()
	}
	if stmt.ParentEdgeKind() != edge.BlockStmt_List {
		return
	}
	body := stmt.Parent()
	list := body.Node().(*ast.BlockStmt).List
	if list[len(list)-1] != stmt.Node() {
		return
	}
	var l *loop
	switch k := body.ParentEdgeKind(); k {
	case edge.ForStmt_Body, edge.RangeStmt_Body:
		l = loops[body.Parent().Node()]
	}
	if l == nil {
		return
	}
	clause := clauseCur.Node().(*ast.CommClause)
	if vars := c.condVars(l); vars != nil && c.assignsAny(clause, vars) {
		return // the loop's condition may end it after the break
	}
	var where string
	switch {
	case c.in.IsDoneComm(clause.Comm):
		where = "in " + caseText(clause)
	case c.underNotOK(b, clauseCur, clause):
		where = "when " + types.ExprString(ctxinfo.RecvChan(clause.Comm)) + " is closed"
	case tailOf(b, clauseCur):
		where = "at the end of " + caseText(clause)
	default:
		return // a break that skips the rest of the case on purpose
	}
	brk := b.Node().(*ast.BranchStmt)
	diag := analysis.Diagnostic{
		Pos:     brk.Pos(),
		End:     brk.End(),
		Message: "break leaves the select, not the loop, " + where + "; use a labelled break or return",
	}
	var plan *fixPlan
	if exit, labelEdit, ok := c.exitFor(l, false); ok {
		plan = newExitPlan("Leave the loop with "+exit, l, labelEdit)
		plan.add(brk.Pos(), brk.End(), exit)
	}
	c.report(ruleBreak, diag, plan)
}

// caseText names a select clause in a message: "case <-ch", "case ch <-
// v" or "default".
func caseText(clause *ast.CommClause) string {
	if clause.Comm == nil {
		return "default"
	}
	if ch := ctxinfo.RecvChan(clause.Comm); ch != nil {
		return "case <-" + types.ExprString(ch)
	}
	if send, ok := clause.Comm.(*ast.SendStmt); ok {
		return "case " + types.ExprString(send.Chan) + " <- " + types.ExprString(send.Value)
	}
	return "this case"
}

// underNotOK reports whether b lies in the body of if !ok (or ok ==
// false), where ok is the comma-ok of the clause's receive.
func (c *checker) underNotOK(b, clauseCur inspector.Cursor, clause *ast.CommClause) bool {
	as, ok := clause.Comm.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 {
		return false
	}
	id, ok := as.Lhs[1].(*ast.Ident)
	if !ok || id.Name == "_" {
		return false
	}
	info := c.pass.TypesInfo
	okObj := info.ObjectOf(id)
	isOK := func(e ast.Expr) bool {
		x, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[x] == okObj
	}
	isFalse := func(e ast.Expr) bool { return analysisutil.IsFalse(info, e) }
	child := b
	for a := range b.Enclosing() {
		if a == clauseCur {
			return false
		}
		if ifs, ok := a.Node().(*ast.IfStmt); ok && child.ParentEdgeKind() == edge.IfStmt_Body {
			switch cond := ast.Unparen(ifs.Cond).(type) {
			case *ast.UnaryExpr:
				if cond.Op == token.NOT && isOK(cond.X) {
					return true
				}
			case *ast.BinaryExpr:
				if cond.Op == token.EQL && (isOK(cond.X) && isFalse(cond.Y) || isFalse(cond.X) && isOK(cond.Y)) {
					return true
				}
			}
		}
		child = a
	}
	return false
}

// tailOf reports whether nothing in the clause runs after b: b is last
// in its block, and each enclosing block and if up to the clause is last
// in its own. A break there does nothing as a select exit, so it was
// meant for the loop.
func tailOf(b, clauseCur inspector.Cursor) bool {
	x := b
	for {
		p := x.Parent()
		k, idx := x.ParentEdge()
		switch k {
		case edge.CommClause_Body:
			return p == clauseCur && idx == len(p.Node().(*ast.CommClause).Body)-1
		case edge.BlockStmt_List:
			if idx != len(p.Node().(*ast.BlockStmt).List)-1 {
				return false
			}
		case edge.IfStmt_Body, edge.IfStmt_Else, edge.LabeledStmt_Stmt:
		default:
			return false
		}
		x = p
	}
}

// assignsAny reports whether the clause, function literals included,
// assigns to one of vars.
func (c *checker) assignsAny(clause *ast.CommClause, vars map[types.Object]bool) bool {
	found := false
	for _, s := range clause.Body {
		ast.Inspect(s, func(n ast.Node) bool {
			found = found || c.assigns(n, vars)
			return !found
		})
	}
	return found
}
