package watchloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
)

// ruleCommaOK is the heading of the rule in doc.go.
const ruleCommaOK = "Receives without comma-ok"

// checkCommaOK reports a receive from a watch's channel in a loop without comma-ok (or with its
// ok discarded), with a fix; it leaves alone receives outside loops and in bounded loops, and
// events whose check catches the zero event of a closed channel (zeroEventHandled).
func (c *checker) checkCommaOK(r *recv) {
	l := r.loop
	if l == nil || c.bounded(l) || c.zeroEventHandled(r) {
		return
	}
	ch := types.ExprString(r.expr.X)
	if _, direct := c.api.resultChanCall(r.expr.X); !direct {
		ch += " (the result channel of " + types.ExprString(r.watches[0]) + ")"
	}
	msg := "receive from " + ch + " without comma-ok; receive with ev, ok := and leave the loop when !ok"
	okDiscarded := "the ok of this receive from " + ch + " is discarded; check ok and leave the loop when it is false"

	diag := analysis.Diagnostic{Pos: r.expr.Pos(), End: r.expr.End(), Message: msg}
	var plan *fixPlan
	parent := r.cur.Parent()
	switch k, _ := r.cur.ParentEdge(); k {
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Rhs) != 1 {
			break
		}
		switch len(as.Lhs) {
		case 1:
			if as.Tok == token.DEFINE {
				plan = c.planCommaOK(r, as, as.Lhs[0], nil)
			}
		case 2:
			blank, ok := as.Lhs[1].(*ast.Ident)
			if !ok || blank.Name != "_" {
				return // ev, ok := <-ch: compiled code uses ok
			}
			diag.Message = okDiscarded
			if as.Tok == token.DEFINE {
				plan = c.planCommaOK(r, as, nil, blank)
			}
		}
	case edge.ValueSpec_Values:
		spec := parent.Node().(*ast.ValueSpec)
		if len(spec.Names) == 2 {
			if spec.Names[1].Name != "_" {
				return
			}
			diag.Message = okDiscarded
		}
	case edge.ExprStmt_X:
		plan = c.planCommaOK(r, parent.Node().(*ast.ExprStmt), nil, nil)
	}
	c.report(ruleCommaOK, diag, plan)
}

// bounded reports whether l runs a fixed number of times (a three-clause
// for, or a range over an integer, string, slice, array or map): taking
// events there without comma-ok cannot spin forever.
func (c *checker) bounded(l *loop) bool {
	switch n := l.node.(type) {
	case *ast.ForStmt:
		return n.Init != nil && n.Cond != nil && n.Post != nil
	case *ast.RangeStmt:
		t := c.pass.TypesInfo.TypeOf(n.X)
		if t == nil {
			return false
		}
		switch u := t.Underlying().(type) {
		case *types.Basic, *types.Slice, *types.Array, *types.Map:
			return true
		case *types.Pointer:
			_, isArray := u.Elem().Underlying().(*types.Array)
			return isArray
		}
	}
	return false
}

// planCommaOK plans the comma-ok fix for r, whose statement is stmt:
// ev := <-ch gets ", ok" after lhs; ev, _ := <-ch gets its blank
// replaced; a bare <-ch becomes if _, ok := <-ch; !ok { exit }. Then a
// check that leaves the loop follows the receive. It returns nil when
// the fix is not mechanical.
func (c *checker) planCommaOK(r *recv, stmt ast.Stmt, lhs ast.Expr, blank *ast.Ident) *fixPlan {
	l := r.loop
	if lhs != nil {
		if id, ok := lhs.(*ast.Ident); !ok || id.Name == "_" {
			return nil
		}
	}
	stmtCur := r.cur.Parent()
	if r.comm == nil {
		switch stmtCur.ParentEdgeKind() {
		case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
		default:
			return nil // an init statement, a labelled statement...
		}
	}
	content := c.content(stmt.Pos())
	if content == nil {
		return nil
	}
	var scope *types.Scope
	var scopePos token.Pos
	if r.clause != nil {
		scope, scopePos = c.pass.TypesInfo.Scopes[r.clause], r.clause.Pos()
	} else {
		scope, scopePos = c.pass.Pkg.Scope().Innermost(stmt.Pos()), stmt.Pos()
	}
	okName := "ok"
	if _, isExpr := stmt.(*ast.ExprStmt); !isExpr || r.comm != nil {
		okName = freshName(scope, scopePos, "ok")
		if okName == "" {
			return nil
		}
	}
	exit, labelEdit, ok := c.exitFor(l, r.comm == nil && noBreakableBetween(stmtCur, l))
	if !ok {
		return nil
	}
	plan := newExitPlan("Check ok and leave the loop with "+exit, l, labelEdit)
	check := func(indent string) string {
		return "\n" + indent + "if !" + okName + " {\n" + indent + "\t" + exit + "\n" + indent + "}"
	}
	switch {
	case lhs != nil:
		plan.add(lhs.End(), lhs.End(), ", "+okName)
	case blank != nil:
		plan.add(blank.Pos(), blank.End(), okName)
	case r.comm != nil: // case <-ch:
		plan.add(stmt.Pos(), stmt.Pos(), "_, "+okName+" := ")
	default: // <-ch as a statement
		indent := indentAt(c.pass.Fset, content, stmt.Pos())
		eol := c.lineEnd(content, stmt.End())
		plan.add(stmt.Pos(), stmt.Pos(), "if _, "+okName+" := ")
		plan.add(stmt.End(), stmt.End(), "; !"+okName+" {")
		plan.add(eol, eol, "\n"+indent+"\t"+exit+"\n"+indent+"}")
		return plan
	}
	if r.clause != nil {
		indent := indentAt(c.pass.Fset, content, r.clause.Pos()) + "\t"
		at := c.lineEnd(content, r.clause.Colon+1)
		plan.add(at, at, check(indent))
	} else {
		indent := indentAt(c.pass.Fset, content, stmt.Pos())
		at := c.lineEnd(content, stmt.End())
		plan.add(at, at, check(indent))
	}
	return plan
}

// freshName returns name, or name2, name3..., the first that is neither
// declared in scope nor visible from it at pos; "" if none is found.
func freshName(scope *types.Scope, pos token.Pos, name string) string {
	if scope == nil {
		return ""
	}
	for i := 1; i <= 9; i++ {
		n := name
		if i > 1 {
			n += strconv.Itoa(i)
		}
		if scope.Lookup(n) != nil {
			continue
		}
		if _, obj := scope.LookupParent(n, pos); obj != nil {
			continue
		}
		return n
	}
	return ""
}
