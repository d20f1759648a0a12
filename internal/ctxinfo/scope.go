package ctxinfo

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// Scope describes the context available at a node.
type Scope struct {
	// Provider is the innermost enclosing function that receives a
	// context, as a parameter or through the request it serves; the
	// context to use is Provider's. Nil when no context is in scope.
	Provider *Func

	// Owner is the kind of function the node belongs to: the innermost
	// enclosing Reconcile or handler, whether or not it is the provider;
	// Plain otherwise. A helper reached from a Reconcile counts as
	// Reconcile, with OwnerFunc the helper.
	Owner     Kind
	OwnerFunc *Func

	// Detached is the go or defer statement that lies between the node
	// and the provider, if any, or the statement that hands a func
	// literal around the node to a function that runs it on a new
	// goroutine (see StartsGoroutine); for a context value assigned to a
	// local variable, it is the first of such statements when every use
	// of the variable lies in one (bg := context.Background(); go
	// worker(bg)). Code there usually outlives the call on purpose.
	Detached ast.Stmt
}

// ScopeAt returns the context scope at cur.
func (in *Info) ScopeAt(cur inspector.Cursor) Scope {
	s := in.scopeAt(cur)
	if s.Provider != nil && s.Detached == nil {
		s.Detached = in.detachedUses(cur)
	}
	return s
}

// scopeAt is ScopeAt without looking at where the value at cur goes.
func (in *Info) scopeAt(cur inspector.Cursor) Scope {
	var s Scope
	var outermost *Func
	starter := false // inside a func literal given to a goroutine starter
	for a := range cur.Enclosing() {
		switch n := a.Node().(type) {
		case *ast.GoStmt:
			if s.Provider == nil && s.Detached == nil {
				s.Detached = n
			}
		case *ast.DeferStmt:
			if s.Provider == nil && s.Detached == nil {
				s.Detached = n
			}
		case *ast.FuncDecl, *ast.FuncLit:
			fn := in.funcs[n]
			if fn == nil {
				continue
			}
			outermost = fn
			if s.Provider == nil && fn.HasContext() {
				s.Provider = fn
			}
			if s.OwnerFunc == nil && fn.Kind != Plain {
				s.Owner, s.OwnerFunc = fn.Kind, fn
			}
			if s.Provider == nil && s.Detached == nil && StartsGoroutine(fn.PassedTo) {
				starter = true
			}
		case ast.Stmt:
			if starter && s.Detached == nil {
				s.Detached = n // the statement that calls the starter
			}
			starter = false
		}
	}
	if s.OwnerFunc == nil && outermost != nil && outermost.ReachedFrom != nil {
		s.Owner, s.OwnerFunc = Reconcile, outermost
	}
	if s.Provider == nil {
		s.Detached = nil
	}
	return s
}

// WaitPath is the import path of k8s.io/apimachinery's wait package.
const WaitPath = "k8s.io/apimachinery/pkg/util/wait"

// StartsGoroutine reports whether fn runs the func it is given on a new
// goroutine and returns at once, as a go statement does: the Start,
// StartWithChannel and StartWithContext methods of wait.Group. Not
// errgroup.Group.Go, whose work Wait joins to the caller's.
func StartsGoroutine(fn *types.Func) bool {
	for _, m := range [...]string{"Start", "StartWithChannel", "StartWithContext"} {
		if analysisutil.IsMethod(fn, WaitPath, "Group", m) {
			return true
		}
	}
	return false
}

// detachedUses returns, when the context value at cur is assigned to a
// local variable every use of which is detached (in a go or defer
// statement, or a func literal given to a goroutine starter), the
// statement of the first use; otherwise nil.
func (in *Info) detachedUses(cur inspector.Cursor) ast.Stmt {
	e, ok := cur.Node().(ast.Expr)
	if !ok || !in.IsContext(in.TypesInfo.TypeOf(e)) {
		return nil
	}
	cur = analysisutil.Unparen(cur)
	id, _ := assignee(cur).(*ast.Ident)
	if id == nil || in.TypesInfo.Defs[id] == nil {
		return nil // not a declaration: the variable may have other values
	}
	v, _ := in.TypesInfo.Defs[id].(*types.Var)
	body, ok := outermostFunc(cur)
	if v == nil || !ok || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	var first ast.Stmt
	for use := range in.usesOf(body, v) {
		d := in.scopeAt(use).Detached
		if d == nil {
			return nil
		}
		if first == nil {
			first = d
		}
	}
	return first
}

// CtxExpr returns the expression that denotes the function's context:
// its ctx parameter's name, or r.Context() for a request. It returns ""
// when the parameter has no usable name.
func (f *Func) CtxExpr() string {
	switch {
	case f.Ctx != nil:
		if f.Ctx.Named() {
			return f.Ctx.Ident.Name
		}
		return ""
	case f.Req != nil && f.Req.Named():
		if f.Restful {
			return f.Req.Ident.Name + ".Request.Context()"
		}
		return f.Req.Ident.Name + ".Context()"
	}
	return ""
}

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
	return endsPath(in.TypesInfo, list) && !jumpsOut(list)
}

func endsPath(info *types.Info, list []ast.Stmt) bool {
	if len(list) == 0 {
		return false
	}
	switch s := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.CONTINUE
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && analysisutil.NoReturn(info, call)
	case *ast.BlockStmt:
		return endsPath(info, s.List)
	case *ast.LabeledStmt:
		return endsPath(info, []ast.Stmt{s.Stmt})
	case *ast.IfStmt:
		return s.Else != nil && endsPath(info, s.Body.List) && endsPath(info, []ast.Stmt{s.Else})
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
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ && b.Op != token.EQL {
		return 0, false
	}
	x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
	if in.isNil(x) {
		x, y = y, x
	}
	if !in.isNil(y) {
		return 0, false
	}
	if in.isCtxMethodCall(x, "Err") {
		return b.Op, true
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
	return b.Op, true
}

// nilCheck reports whether cond compares a context with nil, and how
// (== or !=).
func (in *Info) nilCheck(cond ast.Expr) (token.Token, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL && b.Op != token.NEQ {
		return 0, false
	}
	x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
	if in.isNil(x) {
		x, y = y, x
	}
	if !in.isNil(y) || !in.IsContext(in.TypesInfo.TypeOf(x)) {
		return 0, false
	}
	return b.Op, true
}

func (in *Info) isNil(e ast.Expr) bool { return analysisutil.IsNil(in.TypesInfo, e) }

// IsDone reports whether code at cur runs only once a context is done,
// or when it is missing, looking no further out than the function stop:
// in a case <-ctx.Done() branch, after a statement that waits for
// ctx.Done(), in the body of if ctx.Err() != nil, or where ctx is nil (if
// ctx == nil { ctx = context.Background() }, a default for a caller that
// passed none). A fresh context there is right: the old one cannot carry
// any work.
func (in *Info) IsDone(cur inspector.Cursor, stop ast.Node) bool {
	child := cur
	for a := range cur.Enclosing() {
		if a == cur {
			continue
		}
		switch n := a.Node().(type) {
		case *ast.CommClause:
			if k, _ := child.ParentEdge(); k == edge.CommClause_Body && n.Comm != nil && in.IsDoneComm(n.Comm) {
				return true
			}
			if in.anyWaitBefore(child, n.Body, edge.CommClause_Body) {
				return true
			}
		case *ast.CaseClause:
			if in.anyWaitBefore(child, n.Body, edge.CaseClause_Body) {
				return true
			}
		case *ast.BlockStmt:
			if in.anyWaitBefore(child, n.List, edge.BlockStmt_List) {
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

func (in *Info) anyWaitBefore(child inspector.Cursor, list []ast.Stmt, k edge.Kind) bool {
	ek, idx := child.ParentEdge()
	if ek != k {
		return false
	}
	for _, s := range list[:idx] {
		if in.waitsForDone(s) {
			return true
		}
	}
	return false
}

// DeliberateRoot reports whether the root context made at cur is not a
// context dropped by mistake: it starts a lifetime that something else
// ends (see OwnsLifetime); it is the parent of a context type of the
// package's own, built on purpose to detach (&onlyValues{Context:
// context.Background(), ...}); it is given to a function that keeps its
// context for the life of what it returns (see retainers); or it is only
// compared (ctx != context.Background()).
func (in *Info) DeliberateRoot(cur inspector.Cursor) bool {
	up := analysisutil.Unparen(cur)
	switch k, _ := up.ParentEdge(); k {
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		op := up.Parent().Node().(*ast.BinaryExpr).Op
		return op == token.EQL || op == token.NEQ
	case edge.KeyValueExpr_Value, edge.CompositeLit_Elts:
		lit := up.Parent()
		if k == edge.KeyValueExpr_Value {
			lit = lit.Parent()
		}
		if cl, ok := lit.Node().(*ast.CompositeLit); ok && in.ImplementsContext(in.TypesInfo.TypeOf(cl)) {
			return true
		}
	}
	return in.keptByCallee(cur) || in.OwnsLifetime(cur) || in.nilDefault(cur)
}

// nilDefault reports whether the root context at cur is the default for a
// missing value, which the next statement replaces when there is one:
// ctx := context.Background(); if r != nil { ctx = r.Context() }. The
// replacement must use the value compared with nil, and not the root
// context itself (that would derive from it, not replace it).
func (in *Info) nilDefault(cur inspector.Cursor) bool {
	cur = analysisutil.Unparen(cur)
	id, _ := assignee(cur).(*ast.Ident)
	if id == nil {
		return false
	}
	v, _ := in.TypesInfo.ObjectOf(id).(*types.Var)
	stmt := cur.Parent()
	if _, ok := stmt.Node().(*ast.ValueSpec); ok {
		stmt = stmt.Parent().Parent() // the GenDecl, then the DeclStmt
	}
	next, ok := stmt.NextSibling()
	if v == nil || !ok {
		return false
	}
	ifs, ok := next.Node().(*ast.IfStmt)
	if !ok {
		return false
	}
	b, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	x := b.X
	if in.isNil(x) {
		x = b.Y
	} else if !in.isNil(b.Y) {
		return false
	}
	for _, st := range ifs.Body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		if lhs, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident); ok && in.TypesInfo.Uses[lhs] == v &&
			in.mentions(as.Rhs[0], x) && !in.usesVar(as.Rhs[0], v) {
			return true
		}
	}
	return false
}

// mentions reports whether e has a subexpression that denotes the same
// variable or field path as x (r, or o.req).
func (in *Info) mentions(e, x ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if sub, ok := n.(ast.Expr); ok && in.sameRef(sub, x) {
			found = true
		}
		return !found
	})
	return found
}

// sameRef reports whether a and b are the same variable, or the same
// field selected from the same reference.
func (in *Info) sameRef(a, b ast.Expr) bool {
	switch a := ast.Unparen(a).(type) {
	case *ast.Ident:
		b, ok := ast.Unparen(b).(*ast.Ident)
		obj := in.TypesInfo.ObjectOf(a)
		return ok && obj != nil && obj == in.TypesInfo.ObjectOf(b)
	case *ast.SelectorExpr:
		b, ok := ast.Unparen(b).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		obj := in.TypesInfo.ObjectOf(a.Sel)
		return obj != nil && obj == in.TypesInfo.ObjectOf(b.Sel) && in.sameRef(a.X, b.X)
	}
	return false
}

// usesVar reports whether e refers to v.
func (in *Info) usesVar(e ast.Expr, v *types.Var) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && in.TypesInfo.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// OwnsLifetime reports whether the root context created at cur starts a
// new lifetime that something else ends: it is the parent of
// context.WithCancel (or WithTimeout, WithDeadline and their Cause forms)
// whose cancel function is returned, stored in a field, map, slice or
// global, put in a composite literal, handed to another function, or
// called from a goroutine or from a closure that itself leaves the
// function (dispose := func() { cancel(); ... } stored in the result).
// Or a lifetime the function owns to the end: cancel is deferred and the
// derived context is used only by deferred calls or once a context is
// done, kept live for a deferred srv.Shutdown(sctx) (see shutdownOnly).
func (in *Info) OwnsLifetime(cur inspector.Cursor) bool {
	cur = analysisutil.Unparen(cur)
	if k, idx := cur.ParentEdge(); k != edge.CallExpr_Args || idx != 0 {
		return false
	}
	withCur := cur.Parent()
	with := withCur.Node().(*ast.CallExpr)
	if !IsWithCancel(analysisutil.Callee(in.TypesInfo, with)) {
		return false
	}
	withCur = analysisutil.Unparen(withCur)
	var derived, cancel ast.Expr
	switch p := withCur.Parent().Node().(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) == 2 {
			derived, cancel = p.Lhs[0], p.Lhs[1]
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && len(p.Names) == 2 {
			derived, cancel = p.Names[0], p.Names[1]
		}
	}
	switch c := ast.Unparen(cancel).(type) {
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
		return true
	case *ast.Ident:
		v, _ := in.TypesInfo.ObjectOf(c).(*types.Var)
		if v == nil || c.Name == "_" {
			return false
		}
		if v.Parent() == v.Pkg().Scope() {
			return true // a package-level variable
		}
		return in.cancelEscapes(cur, v) || in.shutdownOnly(cur, derived, v)
	}
	return false
}

// shutdownOnly reports whether the context derived from the root context
// at cur, held by the variable named derived, serves only the function's
// own ending: the cancel function is called by a deferred call, and every
// use of the derived context is in a deferred call or where a context is
// done (a shutdown after <-ctx.Done()). The usual bug, a WithTimeout of
// context.Background() that does the call's work, uses it elsewhere.
func (in *Info) shutdownOnly(cur inspector.Cursor, derived ast.Expr, cancel *types.Var) bool {
	id, ok := ast.Unparen(derived).(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := in.TypesInfo.Defs[id].(*types.Var)
	body, ok := outermostFunc(cur)
	fns := in.Enclosing(cur)
	if v == nil || !ok || len(fns) == 0 {
		return false
	}
	deferred := false
	for use := range in.usesOf(body, cancel) {
		if k, _ := analysisutil.Unparen(use).ParentEdge(); k == edge.CallExpr_Fun && inDefer(use, cancel) {
			deferred = true
		}
	}
	if !deferred {
		return false
	}
	uses := 0
	for use := range in.usesOf(body, v) {
		if !inDefer(use, v) && !in.IsDone(use, fns[0].Node) {
			return false
		}
		uses++
	}
	return uses > 0
}

// inDefer reports whether the use of v at cur is in a defer statement
// that lies within v's scope.
func inDefer(cur inspector.Cursor, v *types.Var) bool {
	for a := range cur.Enclosing() {
		n := a.Node()
		if n.Pos() <= v.Pos() && v.Pos() < n.End() {
			return false
		}
		if _, ok := n.(*ast.DeferStmt); ok {
			return true
		}
	}
	return false
}

// cancelEscapes reports whether the cancel variable v leaves the
// function: see OwnsLifetime.
func (in *Info) cancelEscapes(cur inspector.Cursor, v *types.Var) bool {
	// Search the outermost enclosing function: closures may store it.
	body, ok := outermostFunc(cur)
	return ok && in.escapes(body, v, 0)
}

// outermostFunc returns the outermost function declaration or literal
// around cur, and false when cur is in none.
func outermostFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	var body inspector.Cursor
	for a := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = a
	}
	return body, body.Valid()
}

// usesOf yields the identifiers in body that refer to v.
func (in *Info) usesOf(body inspector.Cursor, v *types.Var) iter.Seq[inspector.Cursor] {
	return func(yield func(inspector.Cursor) bool) {
		for id := range body.Preorder((*ast.Ident)(nil)) {
			if in.TypesInfo.Uses[id.Node().(*ast.Ident)] == v && !yield(id) {
				return
			}
		}
	}
}

// assignee returns the left-hand side that the value of the expression at
// cur (already out of parentheses) is assigned or declared to, one to one,
// or nil when it is not the right-hand side of such an assignment.
func assignee(cur inspector.Cursor) ast.Expr {
	switch k, idx := cur.ParentEdge(); k {
	case edge.AssignStmt_Rhs:
		if as := cur.Parent().Node().(*ast.AssignStmt); len(as.Lhs) == len(as.Rhs) {
			return ast.Unparen(as.Lhs[idx])
		}
	case edge.ValueSpec_Values:
		if spec := cur.Parent().Node().(*ast.ValueSpec); len(spec.Names) == len(spec.Values) {
			return spec.Names[idx]
		}
	}
	return nil
}

// maxEscapeDepth bounds how many closures deep escapes follows a cancel
// function (cancel called by stop, stop called by dispose, ...).
const maxEscapeDepth = 4

// escapes reports whether the function value held by v, a variable of
// the function body, leaves it: it is returned, stored outside a local
// variable, put in a composite literal, sent, handed to another function,
// called from a goroutine, or called from a closure that itself leaves.
func (in *Info) escapes(body inspector.Cursor, v *types.Var, depth int) bool {
	for id := range in.usesOf(body, v) {
		if k, _ := analysisutil.Unparen(id).ParentEdge(); k == edge.CallExpr_Fun {
			// v() inside a goroutine ends the lifetime from elsewhere,
			// and so does v() inside a closure that leaves. Only those
			// between v's declaration and the call count: a callback
			// that declares v itself is where the lifetime is made.
			for a := range id.Enclosing((*ast.GoStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
				if a == body || a.Node().Pos() <= v.Pos() && v.Pos() < a.Node().End() {
					break
				}
				switch a.Node().(type) {
				case *ast.GoStmt:
					return true
				case *ast.FuncLit:
					if depth < maxEscapeDepth && in.leaves(body, a, depth+1) {
						return true
					}
				}
			}
			continue
		}
		if in.leaves(body, id, depth) {
			return true
		}
	}
	return false
}

// leaves reports whether the value of the expression at cur (a cancel
// function, or a closure that calls one) leaves the function body.
func (in *Info) leaves(body, cur inspector.Cursor, depth int) bool {
	use := analysisutil.Unparen(cur)
	switch use.ParentEdgeKind() {
	case edge.ReturnStmt_Results, edge.CompositeLit_Elts, edge.KeyValueExpr_Value, edge.SendStmt_Value, edge.CallExpr_Args:
		return true
	}
	switch lhs := assignee(use).(type) {
	case nil:
		return false
	case *ast.Ident:
		return in.localEscapes(body, lhs, depth)
	default:
		return true // a field, an element, a dereference
	}
}

// localEscapes reports whether the variable named by id, given a cancel
// function or a closure that calls one, leaves the function body.
func (in *Info) localEscapes(body inspector.Cursor, id *ast.Ident, depth int) bool {
	w, _ := in.TypesInfo.ObjectOf(id).(*types.Var)
	if w == nil || id.Name == "_" {
		return false
	}
	if w.Parent() == w.Pkg().Scope() {
		return true // a package-level variable
	}
	return depth < maxEscapeDepth && in.escapes(body, w, depth+1)
}

// reach marks the package functions that a Reconcile calls with its
// context: starting from every Reconcile, it follows static calls to
// functions of this package that receive a context themselves.
func (in *Info) reach() {
	var queue []*Func
	in.Funcs(func(fn *Func) {
		if fn.Kind == Reconcile {
			queue = append(queue, fn)
		}
	})
	origin := map[*Func]*Func{}
	for _, fn := range queue {
		origin[fn] = fn
	}
	root := in.Inspector.Root()
	for len(queue) > 0 {
		fn := queue[0]
		queue = queue[1:]
		cur, ok := root.FindNode(fn.Node)
		if !ok {
			continue
		}
		for c := range cur.Preorder((*ast.CallExpr)(nil)) {
			callee := in.Decl(analysisutil.Callee(in.TypesInfo, c.Node().(*ast.CallExpr)))
			if callee == nil || callee.Kind != Plain || callee.Ctx == nil || callee.ReachedFrom != nil {
				continue
			}
			callee.ReachedFrom = origin[fn]
			origin[callee] = origin[fn]
			queue = append(queue, callee)
		}
	}
}
