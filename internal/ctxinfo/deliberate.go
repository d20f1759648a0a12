package ctxinfo

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

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
	return in.keptByCallee(cur) || in.OwnsLifetime(cur) || in.nilDefault(cur) || in.remoteTrace(cur)
}

// nilDefault reports whether the root context at cur is the default for a
// missing value, which the next statement replaces when there is one:
// ctx := context.Background(); if r != nil { ctx = r.Context() }. The
// replacement must use the value compared with nil, and not the root
// context itself (that would derive from it, not replace it).
func (in *Info) nilDefault(cur inspector.Cursor) bool {
	cur = analysisutil.Unparen(cur)
	v := in.assignedVar(cur)
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
	x, op, ok := analysisutil.ComparedWithNil(in.TypesInfo, ifs.Cond)
	if !ok || op != token.NEQ {
		return false
	}
	for _, st := range ifs.Body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		if lhs, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident); ok && in.TypesInfo.Uses[lhs] == v &&
			in.mentions(as.Rhs[0], x) && !analysisutil.Refers(in.TypesInfo, as.Rhs[0], v) {
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
// With the cancel deferred, a closure that calls it and is handed to
// another function as an argument does not make it leave: that function
// runs within the call, and the context ends with the call whose work it
// does; a goroutine, a store or a return still does.
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
	if _, ok := withCur.Parent().Node().(*ast.ReturnStmt); ok {
		return true
	}
	derived, cancel := assignedPair(withCur.Parent().Node())
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
		// With the cancel deferred, the lifetime ends when the function
		// returns: a closure handed to a function the call runs (a
		// worker that stops the others once it finds a match) ends it
		// no sooner than the call's own work, which the caller's ctx
		// should bound too. A goroutine, a store or a return that takes
		// the cancel ends it from elsewhere (a server's shutdown).
		return in.cancelEscapes(cur, v) || in.shutdownOnly(cur, derived, v)
	}
	return false
}

// shutdownOnly reports whether the context derived from the root context
// at cur, held by the variable named derived, serves only the function's
// own ending: the cancel function is called by a deferred call, and every
// use of the derived context is in a deferred call or where a context is
// done (a shutdown after <-ctx.Done()), or in goroutines that must keep
// running until a deferred call that uses it too has run. The usual bug,
// a WithTimeout of context.Background() that does the call's work, uses
// it elsewhere.
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
	if !in.deferredCall(body, cancel) {
		return false
	}
	ending, deferred, helpers := false, false, false
	for use := range in.UsesOf(body, v) {
		switch {
		case inDefer(use, v):
			ending, deferred = true, true
		case in.IsDone(use, fns[0].Node):
			ending = true
		case in.inGoroutine(use, v):
			helpers = true
		default:
			return false
		}
	}
	// Goroutines alone are the function's detached work, left to the
	// go-statement rule; with a deferred use too, they are helpers that
	// must run until the shutdown that the ending does (log readers
	// draining a server the deferred call stops).
	return ending && (!helpers || deferred)
}

// inGoroutine reports whether the use of v at cur is in a go statement,
// or in a func literal given to a goroutine starter, within v's scope.
func (in *Info) inGoroutine(cur inspector.Cursor, v *types.Var) bool {
	for a := range cur.Enclosing() {
		n := a.Node()
		if n.Pos() <= v.Pos() && v.Pos() < n.End() {
			return false
		}
		switch n := n.(type) {
		case *ast.GoStmt:
			return true
		case *ast.FuncLit:
			if fn := in.funcs[n]; fn != nil && StartsGoroutine(fn.PassedTo) {
				return true
			}
		}
	}
	return false
}

// servesEnding reports whether the use of v at cur serves only the
// ending of the function stop: it is in a deferred call, or where a
// context is done.
func (in *Info) servesEnding(cur inspector.Cursor, v *types.Var, stop ast.Node) bool {
	return inDefer(cur, v) || in.IsDone(cur, stop)
}

// deferredCall reports whether body calls the function held by v in a
// deferred call (defer cancel()).
func (in *Info) deferredCall(body inspector.Cursor, v *types.Var) bool {
	for use := range in.UsesOf(body, v) {
		if k, _ := analysisutil.Unparen(use).ParentEdge(); k == edge.CallExpr_Fun && inDefer(use, v) {
			return true
		}
	}
	return false
}

// BoundedRoot reports whether the root context at cur is the parent of a
// context.WithTimeout or WithDeadline (or their Cause forms) whose cancel
// function the function that makes it defers: a detached context that
// ends by itself, at its deadline or when the function returns
// (sctx, cancel := context.WithTimeout(context.Background(), d); defer
// cancel()).
func (in *Info) BoundedRoot(cur inspector.Cursor) bool {
	cur = analysisutil.Unparen(cur)
	if k, idx := cur.ParentEdge(); k != edge.CallExpr_Args || idx != 0 {
		return false
	}
	withCur := cur.Parent()
	if !analysisutil.IsPkgFunc(analysisutil.Callee(in.TypesInfo, withCur.Node().(*ast.CallExpr)), ContextPath, deadlineFuncs...) {
		return false
	}
	withCur = analysisutil.Unparen(withCur)
	_, cancel := assignedPair(withCur.Parent().Node())
	id, ok := ast.Unparen(cancel).(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := in.TypesInfo.ObjectOf(id).(*types.Var)
	body, ok := outermostFunc(cur)
	return v != nil && ok && in.deferredCall(body, v)
}

// deadlineFuncs are the functions of package context that derive a
// context with a deadline.
var deadlineFuncs = []string{"WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause"}

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
	if !ok {
		return false
	}
	e := &escaper{in: in, body: body, deferred: in.deferredCall(body, v)}
	return e.escapes(v, 0)
}

// escaper follows a cancel function through the function body; with
// deferred (the body defers calling it), handing it, or a closure that
// calls it, to another function as an argument does not count as
// leaving: that function runs within the call, which ends the lifetime
// anyway.
type escaper struct {
	in       *Info
	body     inspector.Cursor
	deferred bool
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

// UsesOf yields the identifiers in body that refer to v.
func (in *Info) UsesOf(body inspector.Cursor, v *types.Var) iter.Seq[inspector.Cursor] {
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

// assignedVar returns the variable that the value at cur is assigned to
// or declared as, when that is a single identifier; or nil.
func (in *Info) assignedVar(cur inspector.Cursor) *types.Var {
	id, _ := assignee(cur).(*ast.Ident)
	if id == nil {
		return nil
	}
	v, _ := in.TypesInfo.ObjectOf(id).(*types.Var)
	return v
}

// maxEscapeDepth bounds how many closures deep escapes follows a cancel
// function (cancel called by stop, stop called by dispose, ...).
const maxEscapeDepth = 4

// escapes reports whether the function value held by v, a variable of
// the function body, leaves it: it is returned, stored outside a local
// variable, put in a composite literal, sent, handed to another function
// (unless e.deferred), called from a goroutine, or called from a closure
// that itself leaves.
func (e *escaper) escapes(v *types.Var, depth int) bool {
	in, body := e.in, e.body
	for id := range in.UsesOf(body, v) {
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
					if depth < maxEscapeDepth && e.leaves(a, depth+1) {
						return true
					}
				}
			}
			continue
		}
		if e.leaves(id, depth) {
			return true
		}
	}
	return false
}

// leaves reports whether the value of the expression at cur (a cancel
// function, or a closure that calls one) leaves the function body.
func (e *escaper) leaves(cur inspector.Cursor, depth int) bool {
	use := analysisutil.Unparen(cur)
	switch use.ParentEdgeKind() {
	case edge.ReturnStmt_Results, edge.CompositeLit_Elts, edge.KeyValueExpr_Value, edge.SendStmt_Value:
		return true
	case edge.CallExpr_Args:
		return !e.deferred
	}
	switch lhs := assignee(use).(type) {
	case nil:
		return false
	case *ast.Ident:
		return e.localEscapes(lhs, depth)
	default:
		return true // a field, an element, a dereference
	}
}

// localEscapes reports whether the variable named by id, given a cancel
// function or a closure that calls one, leaves the function body.
func (e *escaper) localEscapes(id *ast.Ident, depth int) bool {
	w, _ := e.in.TypesInfo.ObjectOf(id).(*types.Var)
	if w == nil || id.Name == "_" {
		return false
	}
	if w.Parent() == w.Pkg().Scope() {
		return true // a package-level variable
	}
	return depth < maxEscapeDepth && e.escapes(w, depth+1)
}

// NilDefault reports whether cur, an assignment x = v of a root context
// (context.Background() or TODO()) to a single x, sits directly in the
// body of if x == nil { ... } with no else: the default for a context
// that was never given, which would otherwise be a nil context, as
// if ctx == nil { ctx = context.Background() } is for a variable.
func (in *Info) NilDefault(cur inspector.Cursor) bool {
	as, ok := cur.Node().(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return false
	}
	if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); !ok {
		return false
	} else if _, root := in.IsRootCall(call); !root {
		return false
	}
	if k, _ := cur.ParentEdge(); k != edge.BlockStmt_List {
		return false
	}
	body := cur.Parent()
	if k, _ := body.ParentEdge(); k != edge.IfStmt_Body {
		return false
	}
	ifs := body.Parent().Node().(*ast.IfStmt)
	x, op, ok := analysisutil.ComparedWithNil(in.TypesInfo, ifs.Cond)
	return ok && op == token.EQL && ifs.Else == nil && ifs.Init == nil && in.sameRef(x, as.Lhs[0])
}

// KeepsForOwnWork reports whether the call at cur, which returns a
// context and its cancel function (ctx, cancel := newTimeout(d)), is kept
// by the function that makes it for that function's own work: it defers
// the cancel, and uses the context after the call other than in
// deferred calls or once a context is done (a shutdown's, as in
// shutdownOnly).
func (in *Info) KeepsForOwnWork(cur inspector.Cursor) bool {
	cur = analysisutil.Unparen(cur)
	derived, cancel := assignedPair(cur.Parent().Node())
	id, ok := ast.Unparen(cancel).(*ast.Ident)
	ctxID, _ := ast.Unparen(derived).(*ast.Ident)
	if !ok || ctxID == nil || id.Name == "_" || ctxID.Name == "_" {
		return false
	}
	v, _ := in.TypesInfo.ObjectOf(id).(*types.Var)
	w, _ := in.TypesInfo.ObjectOf(ctxID).(*types.Var)
	body, ok := outermostFunc(cur)
	fns := in.Enclosing(cur)
	if v == nil || w == nil || !ok || len(fns) == 0 || !in.deferredCall(body, v) {
		return false
	}
	for use := range in.UsesOf(body, w) {
		if use.Node().Pos() > cur.Node().End() && !in.servesEnding(use, w, fns[0].Node) {
			return true // work done with it after the call
		}
	}
	return false
}

// assignedPair returns the two left-hand sides that stmt, an assignment
// or a declaration of one call's two results (ctx, cancel :=
// context.WithTimeout(...); req, err := http.NewRequest(...)), gives
// them; or nils.
func assignedPair(stmt ast.Node) (first, second ast.Expr) {
	switch p := stmt.(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) == 2 {
			return p.Lhs[0], p.Lhs[1]
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && len(p.Names) == 2 {
			return p.Names[0], p.Names[1]
		}
	}
	return nil, nil
}

// EndsProcessItself reports whether the *exec.Cmd that the exec.Command
// call at cur makes is stopped by the code itself: it is assigned to a
// variable whose process the outermost enclosing function signals or
// kills (cmd.Process.Signal(syscall.SIGTERM)), or that it hands, with a
// context, to another function (a handler that stops the process
// gracefully when that context ends). exec.CommandContext would kill the
// process as soon as the context ends, before that graceful stop.
func (in *Info) EndsProcessItself(cur inspector.Cursor) bool {
	cur = analysisutil.Unparen(cur)
	v := in.assignedVar(cur)
	body, ok := outermostFunc(cur)
	if v == nil || !ok {
		return false
	}
	for use := range in.UsesOf(body, v) {
		use = analysisutil.Unparen(use)
		switch k, _ := use.ParentEdge(); k {
		case edge.SelectorExpr_X: // cmd.Process.Signal(...), cmd.Process.Kill()
			proc := analysisutil.Unparen(use.Parent())
			if proc.ParentEdgeKind() != edge.SelectorExpr_X {
				continue
			}
			m, _ := in.TypesInfo.Uses[proc.Parent().Node().(*ast.SelectorExpr).Sel].(*types.Func)
			if analysisutil.IsMethod(m, "os", "Process", "Signal") || analysisutil.IsMethod(m, "os", "Process", "Kill") {
				return true
			}
		case edge.CallExpr_Args:
			call := use.Parent().Node().(*ast.CallExpr)
			if slices.ContainsFunc(call.Args, func(a ast.Expr) bool { return in.IsContext(in.TypesInfo.TypeOf(a)) }) {
				return true
			}
		}
	}
	return false
}
