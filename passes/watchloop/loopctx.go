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

// ruleLoopCtx is the heading of the rule in doc.go.
const ruleLoopCtx = "Loops that ignore the context"

// checkLoopCtx reports a watch loop that ignores the ctx in scope; it leaves alone loops with a
// way out, and watches that close with ctx, are stopped elsewhere or have an unknown origin.
func (c *checker) checkLoopCtx(l *loop) {
	scope := c.in.ScopeAt(l.cur)
	if scope.Provider == nil {
		return
	}
	fns := c.in.Enclosing(l.cur)
	var bad, badCh ast.Expr
	check := func(ch ast.Expr, ws []ast.Expr) {
		for _, w := range ws {
			if bad == nil && !c.covered(w, l, fns) {
				bad, badCh = w, ch
			}
		}
	}
	if l.rangeWatches != nil {
		check(l.rangeExpr(), l.rangeWatches)
	}
	leaves := map[*ast.SelectStmt]bool{}
	selectOnly := l.rangeWatches == nil
	for _, r := range l.recvs {
		if r.sel != nil {
			v, done := leaves[r.sel]
			if !done {
				v = c.selectLeaves(r.sel, l)
				leaves[r.sel] = v
			}
			if v {
				continue
			}
		} else {
			selectOnly = false
		}
		check(r.expr.X, r.watches)
	}
	if bad == nil {
		return
	}
	ctx := scope.Provider.CtxExpr()
	if ctx == "" {
		ctx = "its context"
	}
	why, created := c.describeOrigin(bad, ctx, fns, 0)
	var lead, fix string
	if badCh == l.rangeExpr() {
		lead = "loop over " + types.ExprString(badCh) + " ignores " + ctx
		fix = "select on <-" + doneExpr(ctx) + " as well"
	} else {
		lead = "loop receiving from " + types.ExprString(badCh) + " ignores " + ctx
		if selectOnly {
			fix = "add a case <-" + doneExpr(ctx) + " that returns"
		} else {
			fix = "receive in a select with a case <-" + doneExpr(ctx) + " that returns"
		}
	}
	if created {
		fix += ", or create the watch from " + ctx
	}
	c.report(ruleLoopCtx, analysis.Diagnostic{
		Pos:     l.node.Pos(),
		End:     loopHeaderEnd(l.node),
		Message: lead + ": " + why + "; " + fix,
	}, nil)
}

func doneExpr(ctx string) string {
	if ctx == "its context" {
		return "ctx.Done()"
	}
	return ctx + ".Done()"
}

func loopHeaderEnd(n ast.Stmt) token.Pos {
	switch n := n.(type) {
	case *ast.ForStmt:
		return n.Body.Lbrace
	case *ast.RangeStmt:
		return n.Body.Lbrace
	}
	return n.End()
}

// covered reports whether the wait on w's channel in loop l ends when
// ctx ends, or at all: w closes with ctx, someone else stops it, it was
// stopped (closed) before the loop, or the flow cannot tell where it came
// from.
func (c *checker) covered(w ast.Expr, l *loop, fns []*ctxinfo.Func) bool {
	for _, o := range c.flow.origins(w) {
		if o.kind == originUnknown {
			return true
		}
		if o.kind == originCall && c.api.isPkgFunc(o.call, "NewEmptyWatch") {
			return true // closed from the start
		}
		if o.kind == originCall && c.api.fromFake(o.call) {
			return true // a fake, fed and ended by the test
		}
	}
	if c.opts.ctxClosesWatch && c.flow.closesWith(w, fns) {
		return true
	}
	return c.stoppedElsewhere(w, l)
}

// stoppedElsewhere reports whether the watch variable w is stopped by
// code that can run while loop l waits (another goroutine or function, or
// a method value handed on, such as context.AfterFunc(ctx, w.Stop)), or
// was stopped before the loop, which closes its channel.
func (c *checker) stoppedElsewhere(w ast.Expr, l *loop) bool {
	v := c.flow.local(w)
	if v == nil {
		return false
	}
	loopFn := c.funcOf(l.cur)
	if loopFn == nil {
		return false
	}
	for _, u := range c.flow.uses(v) {
		if u.ParentEdgeKind() != edge.SelectorExpr_X {
			continue
		}
		sel := u.Parent().Node().(*ast.SelectorExpr)
		if _, ok := c.api.isStop(sel); !ok {
			continue
		}
		if uFn := c.funcOf(u).Node; uFn != loopFn.Node {
			if uFn.Pos() <= l.node.Pos() && l.node.End() <= uFn.End() && !goBetween(l.cur, uFn) {
				continue // the loop runs in a closure of the stopping function, before it returns
			}
			return true
		}
		if u.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
			return true // a method value: whoever receives it stops the watch
		}
		if u.Parent().Parent().ParentEdgeKind() == edge.DeferStmt_Call {
			continue // runs after the loop
		}
		if sel.Pos() < l.node.Pos() {
			return true // stopped, so closed, before the loop
		}
	}
	return false
}

// goBetween reports whether a go statement lies between cur and its
// ancestor fn: the code at cur runs in a goroutine of fn.
func goBetween(cur inspector.Cursor, fn ast.Node) bool {
	for a := range cur.Enclosing() {
		switch a.Node().(type) {
		case *ast.GoStmt:
			return true
		}
		if a.Node() == fn {
			break
		}
	}
	return false
}

// selectLeaves reports whether some case of sel, other than a receive
// from a watch, leaves loop l.
func (c *checker) selectLeaves(sel *ast.SelectStmt, l *loop) bool {
	breakLabels, contLabels := c.outerLabels(l)
	condVars := c.condVars(l)
	for _, s := range sel.Body.List {
		cc := s.(*ast.CommClause)
		if cc.Comm != nil && c.isWatchComm(cc.Comm) {
			continue
		}
		if c.leaves(cc.Body, breakLabels, contLabels, condVars) {
			return true
		}
	}
	return false
}

func (c *checker) isWatchComm(comm ast.Stmt) bool {
	ch := ctxinfo.RecvChan(comm)
	return ch != nil && c.flow.chanWatches(ch) != nil
}

// outerLabels returns the labels whose break leaves l (l's and its
// enclosing statements') and those whose continue does (the enclosing
// loops').
func (c *checker) outerLabels(l *loop) (brk, cont map[types.Object]bool) {
	brk, cont = map[types.Object]bool{}, map[types.Object]bool{}
	for a := range l.cur.Enclosing() {
		switch n := a.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return brk, cont
		case *ast.LabeledStmt:
			obj := c.pass.TypesInfo.Defs[n.Label]
			brk[obj] = true
			if n.Stmt != l.node {
				cont[obj] = true
			}
		}
	}
	return brk, cont
}

// leaves reports whether statements (a select case's body) can leave the
// loop: a return, a break or continue to a label outside it, a goto, a
// call that does not return, a cancel or Stop call that ends the watch,
// or an assignment to a variable of the loop's condition.
func (c *checker) leaves(body []ast.Stmt, brk, cont, condVars map[types.Object]bool) bool {
	found := false
	visit := func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			switch {
			case n.Tok == token.GOTO:
				found = true
			case n.Label != nil && n.Tok == token.BREAK:
				found = brk[c.pass.TypesInfo.Uses[n.Label]]
			case n.Label != nil && n.Tok == token.CONTINUE:
				found = cont[c.pass.TypesInfo.Uses[n.Label]]
			}
		case *ast.CallExpr:
			if analysisutil.NoReturn(c.pass.TypesInfo, n) || c.in.IsCancelCall(n) {
				found = true
			} else if _, ok := c.api.isStop(n.Fun); ok {
				found = true
			}
		case *ast.AssignStmt, *ast.IncDecStmt:
			found = c.assigns(n, condVars)
		}
		return !found
	}
	for _, s := range body {
		ast.Inspect(s, visit)
	}
	return found
}

// describeOrigin says why the watch w does not close with ctx, and
// whether it was created here (so that creating it from ctx would help).
func (c *checker) describeOrigin(w ast.Expr, ctx string, fns []*ctxinfo.Func, depth int) (string, bool) {
	name := types.ExprString(w)
	for _, o := range c.flow.origins(w) {
		switch o.kind {
		case originParam:
			return name + " is a parameter", false
		case originElsewhere:
			if types.ExprString(o.expr) == name {
				return name + " is handed in from elsewhere", false
			}
			return name + " is handed in from " + types.ExprString(o.expr), false
		case originCall:
			if o.ctx == nil {
				for _, a := range o.call.Args {
					if c.api.isWatch(c.pass.TypesInfo.TypeOf(a)) && depth < 4 {
						why, created := c.describeOrigin(a, ctx, fns, depth+1)
						return name + " wraps " + types.ExprString(a) + " and " + why, created
					}
				}
				return name + " was created by " + calleeName(o.call) + ", which takes no context", true
			}
			if c.flow.ctxFrom(o.ctx, fns) {
				return name + " was created from " + types.ExprString(o.ctx) + ", but ctx-closes-watch is off", false
			}
			for _, r := range c.flow.ctxRoots(o.ctx) {
				switch r.kind {
				case ctxRoot:
					return name + " was created from " + types.ExprString(r.expr), true
				case ctxDetached:
					return name + " was created from " + types.ExprString(r.expr) + ", which is never cancelled", true
				}
			}
			return name + " was created from " + types.ExprString(o.ctx) + ", which is not derived from " + ctx, true
		}
	}
	return name + " does not close with " + ctx, false
}
