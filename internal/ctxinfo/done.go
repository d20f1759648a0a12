package ctxinfo

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// IsDoneCall reports whether e is x.Done() for a context x.
func (in *Info) IsDoneCall(e ast.Expr) bool {
	return in.isCtxMethodCall(e, "Done")
}

func (in *Info) isCtxMethodCall(e ast.Expr, name string) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	selection := in.TypesInfo.Selections[sel]
	if selection == nil || selection.Kind() != types.MethodVal {
		return false
	}
	return in.IsContext(selection.Recv())
}

// isDoneRecv reports whether e is <-x.Done() for a context x.
func (in *Info) isDoneRecv(e ast.Expr) bool {
	ch := recvChan(e)
	return ch != nil && in.IsDoneCall(ch)
}

// recvChan returns x when e is the receive <-x, or nil.
func recvChan(e ast.Expr) ast.Expr {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return u.X
	}
	return nil
}

// RecvChan returns the channel that a select case's communication
// receives from (x in case <-x: or case v, ok := <-x:), or nil for a send
// or the default case.
func RecvChan(comm ast.Stmt) ast.Expr { return recvChan(commRecv(comm)) }

// IsDoneComm reports whether a select case receives from x.Done() for a
// context x.
func (in *Info) IsDoneComm(comm ast.Stmt) bool {
	ch := RecvChan(comm)
	return ch != nil && in.IsDoneCall(ch)
}

// isStopComm reports whether a select case receives from a stop channel:
// a channel of struct{} other than a context's Done(), whose only message
// is that it was closed or signalled (case <-c.stopChan:).
func (in *Info) isStopComm(comm ast.Stmt) bool {
	ch := RecvChan(comm)
	if ch == nil || in.IsDoneCall(ch) {
		return false
	}
	c, ok := in.TypesInfo.TypeOf(ch).Underlying().(*types.Chan)
	if !ok {
		return false
	}
	st, ok := c.Elem().Underlying().(*types.Struct)
	return ok && st.NumFields() == 0
}

// commRecv returns the receive expression of a select case, if any.
func commRecv(comm ast.Stmt) ast.Expr {
	switch s := comm.(type) {
	case *ast.ExprStmt:
		return s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			return s.Rhs[0]
		}
	}
	return nil
}

// waitsForDone reports whether the statement after s runs only once a
// context is done: after <-ctx.Done(); after a select that can end only
// through a case <-ctx.Done(), every other case (the default included)
// leaving instead of falling through (see skipsRest); or after a guard
// if ctx.Err() == nil { return ... } that leaves while ctx is not done.
func (in *Info) waitsForDone(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ExprStmt:
		return in.isDoneRecv(s.X)
	case *ast.SelectStmt:
		done := false
		for _, c := range s.Body.List {
			cc := c.(*ast.CommClause)
			switch {
			case cc.Comm != nil && in.IsDoneComm(cc.Comm):
				done = true
			case !in.skipsRest(cc.Body):
				return false
			}
		}
		return done
	case *ast.IfStmt:
		op, ok := in.errCheck(s.Init, s.Cond)
		return ok && op == token.EQL && s.Else == nil && in.skipsRest(s.Body.List)
	}
	return false
}

// skipsRest reports whether running list never goes on to the statement
// after the select case or if body it is: it ends in a return, a call
// that does not return (panic, os.Exit, log.Fatal, ...), or a continue,
// directly or in every branch of an if-else, and has no break or goto
// that could jump out to that statement.
func (in *Info) skipsRest(list []ast.Stmt) bool {
	return endsPath(in.TypesInfo, list, true) && !jumpsOut(list)
}

// LeavesFunc reports whether running list ends the function: it ends in
// a return or a call that does not return (panic, os.Exit, log.Fatal,
// ...), directly or in every branch of an if-else.
func (in *Info) LeavesFunc(list []ast.Stmt) bool {
	return endsPath(in.TypesInfo, list, false)
}

// endsPath reports whether list ends in a return, a call that does not
// return, or, with orContinue, a continue, directly or in every branch
// of an if-else.
func endsPath(info *types.Info, list []ast.Stmt, orContinue bool) bool {
	if len(list) == 0 {
		return false
	}
	switch s := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return orContinue && s.Tok == token.CONTINUE
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && analysisutil.NoReturn(info, call)
	case *ast.BlockStmt:
		return endsPath(info, s.List, orContinue)
	case *ast.LabeledStmt:
		return endsPath(info, []ast.Stmt{s.Stmt}, orContinue)
	case *ast.IfStmt:
		return s.Else != nil && endsPath(info, s.Body.List, orContinue) && endsPath(info, []ast.Stmt{s.Else}, orContinue)
	}
	return false
}

// jumpsOut reports whether list holds a goto, a labelled break, or a
// break that is not inside a loop, switch or select of its own: a way
// out of list other than its end.
func jumpsOut(list []ast.Stmt) bool {
	found := false
	var visit func(n ast.Node, nested bool)
	visit = func(n ast.Node, nested bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if m != n {
					visit(m, true)
					return false
				}
			case *ast.BranchStmt:
				if m.Tok == token.GOTO || m.Tok == token.BREAK && (m.Label != nil || !nested) {
					found = true
				}
			}
			return !found
		})
	}
	for _, s := range list {
		switch s.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			visit(s, true)
		default:
			visit(s, false)
		}
	}
	return found
}

// errCheck reports whether cond compares x.Err() with nil for a context
// x, or v where v was just assigned x.Err() in init, and how (== or !=).
func (in *Info) errCheck(init ast.Stmt, cond ast.Expr) (token.Token, bool) {
	x, op, ok := analysisutil.ComparedWithNil(in.TypesInfo, cond)
	if !ok {
		return 0, false
	}
	if in.isCtxMethodCall(x, "Err") {
		return op, true
	}
	id, ok := x.(*ast.Ident)
	as, ok2 := init.(*ast.AssignStmt)
	if !ok || !ok2 || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return 0, false
	}
	lhs, ok := as.Lhs[0].(*ast.Ident)
	if !ok || in.TypesInfo.ObjectOf(lhs) == nil || in.TypesInfo.ObjectOf(lhs) != in.TypesInfo.Uses[id] || !in.isCtxMethodCall(as.Rhs[0], "Err") {
		return 0, false
	}
	return op, true
}

// nilCheck reports whether cond compares a context with nil, and how
// (== or !=).
func (in *Info) nilCheck(cond ast.Expr) (token.Token, bool) {
	x, op, ok := analysisutil.ComparedWithNil(in.TypesInfo, cond)
	if !ok || !in.IsContext(in.TypesInfo.TypeOf(x)) {
		return 0, false
	}
	return op, true
}

// IsDone reports whether code at cur runs only once a context is done,
// or when it is missing, looking no further out than the function stop:
// in a case <-ctx.Done() branch, in a case <-stopCh branch (a channel
// of struct{}) that leaves the function (the clean-up of a component told
// to stop, whose context most often ends at the same moment), after a
// statement that waits for
// ctx.Done(), after a call of the cancel function of the context in
// scope (see cancelsOwn), in the body of if ctx.Err() != nil, or where
// ctx is nil (if
// ctx == nil { ctx = context.Background() }, a default for a caller that
// passed none). A fresh context there is right: the old one cannot carry
// any work. So is code in the interrupt function of an oklog/run
// Group's actor (g.Add(execute, interrupt)), which runs to stop the actor
// once the group ends, most often because its context was cancelled.
func (in *Info) IsDone(cur inspector.Cursor, stop ast.Node) bool {
	child := cur
	for a := range cur.Enclosing() {
		if a == cur {
			continue
		}
		switch n := a.Node().(type) {
		case *ast.CommClause:
			if k, _ := child.ParentEdge(); k == edge.CommClause_Body && n.Comm != nil && (in.IsDoneComm(n.Comm) || in.isStopComm(n.Comm) && in.LeavesFunc(n.Body)) {
				return true
			}
			if in.anyWaitBefore(child, n.Body, edge.CommClause_Body, stop) {
				return true
			}
		case *ast.CaseClause:
			if in.anyWaitBefore(child, n.Body, edge.CaseClause_Body, stop) {
				return true
			}
		case *ast.BlockStmt:
			if in.anyWaitBefore(child, n.List, edge.BlockStmt_List, stop) {
				return true
			}
		case *ast.FuncLit:
			if in.isInterrupt(a) {
				return true
			}
		case *ast.IfStmt:
			k, _ := child.ParentEdge()
			if op, ok := in.errCheck(n.Init, n.Cond); ok && (op == token.NEQ && k == edge.IfStmt_Body || op == token.EQL && k == edge.IfStmt_Else) {
				return true
			}
			if op, ok := in.nilCheck(n.Cond); ok && (op == token.EQL && k == edge.IfStmt_Body || op == token.NEQ && k == edge.IfStmt_Else) {
				return true
			}
		}
		if a.Node() == stop {
			break
		}
		child = a
	}
	return false
}

func (in *Info) anyWaitBefore(child inspector.Cursor, list []ast.Stmt, k edge.Kind, stop ast.Node) bool {
	ek, idx := child.ParentEdge()
	if ek != k {
		return false
	}
	for _, s := range list[:idx] {
		if in.waitsForDone(s) || in.cancelsOwn(s, stop) {
			return true
		}
	}
	return false
}

// cancelsOwn reports whether s calls the cancel function of the context
// of stop, the function whose context is in scope: cancel() where
// ctx, cancel := context.WithCancel(ctx) (or another of WithCancelFuncs)
// assigns that context, the function's ctx parameter, anew. The cancel
// of a child context (cctx, ccancel := ...) leaves ctx live. After it,
// that context is done, as
// in a clean-up closure that cancels the work it started and then
// deletes what that work made (cancelFn := func() { cancel(); cleanup()
// }).
func (in *Info) cancelsOwn(s ast.Stmt, stop ast.Node) bool {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok || len(call.Args) > 1 || !in.IsCancelCall(call) {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	fn := in.funcs[stop]
	if !ok || fn == nil || fn.Ctx == nil {
		return false
	}
	cancel, _ := in.TypesInfo.Uses[id].(*types.Var)
	if cancel == nil {
		return false
	}
	for cur := range fn.Cur.Preorder((*ast.CallExpr)(nil)) {
		if !IsWithCancel(analysisutil.Callee(in.TypesInfo, cur.Node().(*ast.CallExpr))) {
			continue
		}
		x, c := assignedPair(analysisutil.Unparen(cur).Parent().Node())
		xid, _ := ast.Unparen(x).(*ast.Ident)
		cid, _ := ast.Unparen(c).(*ast.Ident)
		if xid != nil && cid != nil && in.TypesInfo.ObjectOf(cid) == cancel && in.TypesInfo.ObjectOf(xid) == fn.Ctx.Var {
			return true
		}
	}
	return false
}

// maxDoneDepth bounds how many func literals DoneWhenRun follows to their
// calls.
const maxDoneDepth = 3

// DoneWhenRun is IsDone, also through the calls of local func literals:
// code in a func literal bound to a local variable (giveUp := func()
// error { ... }) runs only once a context is done when every use of the
// variable is a call that does (case <-ctx.Done(): return giveUp()).
func (in *Info) DoneWhenRun(cur inspector.Cursor, stop ast.Node) bool {
	return in.doneWhenRun(cur, stop, 0)
}

func (in *Info) doneWhenRun(cur inspector.Cursor, stop ast.Node, depth int) bool {
	if in.IsDone(cur, stop) {
		return true
	}
	if depth >= maxDoneDepth {
		return false
	}
	for lit := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if lit == cur {
			continue
		}
		if _, ok := lit.Node().(*ast.FuncLit); !ok || lit.Node() == stop {
			return false
		}
		v := in.boundTo(lit)
		if v == nil {
			continue // a go func() { ... }(), say: its enclosing code decides
		}
		body, ok := outermostFunc(lit)
		return ok && in.onlyCalled(body, v, func(call inspector.Cursor) bool { return in.doneWhenRun(call, stop, depth+1) })
	}
	return false
}

// onlyCalled reports whether every use of v, a variable holding a func,
// in body is a call of it for which ok holds, and there is one at least.
func (in *Info) onlyCalled(body inspector.Cursor, v *types.Var, ok func(call inspector.Cursor) bool) bool {
	calls := 0
	for use := range in.UsesOf(body, v) {
		u := analysisutil.Unparen(use)
		if k, _ := u.ParentEdge(); k != edge.CallExpr_Fun || !ok(u.Parent()) {
			return false
		}
		calls++
	}
	return calls > 0
}

// boundTo returns the local variable that the func literal at lit is
// declared to (f := func() {...}, var f = func() {...}), or nil.
func (in *Info) boundTo(lit inspector.Cursor) *types.Var {
	lit = analysisutil.Unparen(lit)
	var id *ast.Ident
	switch k, idx := lit.ParentEdge(); k {
	case edge.AssignStmt_Rhs:
		if as := lit.Parent().Node().(*ast.AssignStmt); as.Tok == token.DEFINE && len(as.Lhs) == len(as.Rhs) {
			id, _ = as.Lhs[idx].(*ast.Ident)
		}
	case edge.ValueSpec_Values:
		if spec := lit.Parent().Node().(*ast.ValueSpec); len(spec.Names) == len(spec.Values) {
			id = spec.Names[idx]
		}
	}
	if id == nil {
		return nil
	}
	v, _ := in.TypesInfo.Defs[id].(*types.Var)
	if v == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// RunPath is the import path of github.com/oklog/run, whose Group runs
// actors until the first returns, then calls every interrupt function.
const RunPath = "github.com/oklog/run"

// isInterrupt reports whether the func literal at lit is the interrupt
// argument of oklog/run's (*Group).Add.
func (in *Info) isInterrupt(lit inspector.Cursor) bool {
	lit = analysisutil.Unparen(lit)
	k, idx := lit.ParentEdge()
	if k != edge.CallExpr_Args || idx != 1 {
		return false
	}
	fn := analysisutil.Callee(in.TypesInfo, lit.Parent().Node().(*ast.CallExpr))
	return analysisutil.IsMethod(fn, RunPath, "Group", "Add")
}
