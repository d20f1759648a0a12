package storedctx

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// isPerCall reports whether the field belongs to per-call state objects
// (crypto/tls's handshake states): every store of it fills a value that
// a function builds (a composite literal, or a local variable that one
// initialises, rc := &state{}; rc.ctx = ctx) with its own ctx (or a
// context derived from it), and the value built never outlives that
// call; the type is not long-lived, and no function with a ctx of its
// own reads the field in place of its ctx. A function with no ctx in
// scope may fill such a value with a root context (a test double's
// builder) when another store is a call's own ctx: whether that root
// should be a caller's ctx is inheritctx's to say. Such a field is left
// alone.
func (s *state) isPerCall(f *finding) bool {
	f.ctors = nil
	if len(f.fd.stores) == 0 || len(f.conflicts) > 0 || f.lt.longLived() {
		return false
	}
	var ctors []*ctxinfo.Func
	built := false
	for _, st := range f.fd.stores {
		if s.in.NilDefault(st.cur) {
			continue // if p.ctx == nil { p.ctx = context.Background() }: a default for none given, no choice of a root
		}
		fn := s.innermost(st.cur)
		if fn == nil {
			return false
		}
		lit, ok := s.builtValue(fn, st)
		if !ok {
			return false // an assignment to an existing value
		}
		own := s.callsOwn(fn, st)
		twin := !own && st.orig.kind == root && s.in.ScopeAt(st.cur).Provider == nil
		if !own && !twin {
			return false
		}
		built = built || !twin
		e := s.escapeIn(fn, lit, true)
		if e == nil {
			return false
		}
		if e.outlives(lit) {
			if twin || !s.waitsForReply(fn, lit) {
				return false
			}
			continue
		}
		if twin {
			continue
		}
		if e.returned && !s.perCallResult(fn, e.typ) {
			return false
		}
		if e.returned && s.handsOff(fn) {
			ctors = append(ctors, fn)
		}
	}
	f.ctors = ctors
	return built
}

// builtValue returns the composite literal that st fills: st itself, or,
// for an assignment to a field of a local variable of fn (rc.ctx = ctx),
// the literal that is that variable's only value (rc := &state{}).
func (s *state) builtValue(fn *ctxinfo.Func, st *store) (inspector.Cursor, bool) {
	if _, ok := st.cur.Node().(*ast.CompositeLit); ok {
		return st.cur, true
	}
	sel, ok := st.at.(*ast.SelectorExpr)
	if !ok {
		return inspector.Cursor{}, false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return inspector.Cursor{}, false
	}
	v, _ := s.info.Uses[id].(*types.Var)
	defs := s.locals[v]
	if v == nil || len(defs) != 1 || defs[0].idx >= 0 || v.Pos() < fn.Node.Pos() || v.Pos() >= fn.Node.End() {
		return inspector.Cursor{}, false
	}
	x := ast.Unparen(defs[0].expr)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	if _, ok := x.(*ast.CompositeLit); !ok {
		return inspector.Cursor{}, false
	}
	if a, ok := funcCursor(fn, st.cur); ok {
		return a.FindNode(x)
	}
	return inspector.Cursor{}, false
}

// handsOff reports whether fn is an exported function (not a method) of
// a package of a module under development: a constructor whose calls in
// other packages are checked there (see ctors.go), through a PerCall
// fact on it. Without facts (golangci-lint without cross-package), no
// constructor is.
func (s *state) handsOff(fn *ctxinfo.Func) bool {
	return s.facts && fn.Obj != nil && fn.Obj.Exported() && fn.Sig.Recv() == nil && analysisutil.IsLocalModule(s.pass.Module)
}

// callsOwn reports whether the context stored by st is the own context
// of fn, the function that stores it: its ctx (or one from a parameter's
// getter, or derived from them), or, in a function with no ctx in scope,
// a context it makes and whose cancel it defers.
func (s *state) callsOwn(fn *ctxinfo.Func, st *store) bool {
	if st.orig.kind == param {
		return st.orig.fn == fn
	}
	return st.cancel != nil && s.in.ScopeAt(st.cur).Provider == nil
}

// escapeIn returns an escape that follows the value of the expression at
// cur through fn (nil when cur is not in fn); returns says whether being
// returned by fn counts as staying within the call (to be checked at
// fn's calls).
func (s *state) escapeIn(fn *ctxinfo.Func, cur inspector.Cursor, returns bool) *escape {
	a, ok := funcCursor(fn, cur)
	if !ok {
		return nil
	}
	t := types.Unalias(s.info.TypeOf(cur.Node().(ast.Expr)))
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	return &escape{s: s, fn: a, typ: t, seen: map[*types.Var]bool{}, returns: returns}
}

// funcCursor returns the cursor of fn's declaration or literal, which
// encloses cur, if it does.
func funcCursor(fn *ctxinfo.Func, cur inspector.Cursor) (inspector.Cursor, bool) {
	for a := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if a.Node() == fn.Node {
			return a, true
		}
	}
	return inspector.Cursor{}, false
}

// perCallResult reports whether the value of type typ that fn builds
// with its ctx and returns is, at every call of fn, a per-call object of
// the caller: every call passes it the caller's own ctx (a parameter,
// r.Context(), cmd.Context() or a context derived from them) or the
// value of a context field (whose own stores are judged at that field),
// and keeps the result within the caller's call; and fn is unexported
// (or a literal) and called at least once, or an exported constructor
// whose calls in other packages are checked there (handsOff).
func (s *state) perCallResult(fn *ctxinfo.Func, typ types.Type) bool {
	handsOff := s.handsOff(fn)
	if fn.Obj != nil && fn.Obj.Exported() && !handsOff {
		return false // callers in other packages may keep it
	}
	n := 0
	for _, c := range s.calls {
		if c.callee != fn {
			continue
		}
		n++
		if o := s.derive(c.arg, 0); !(o.kind == param && o.fn == c.caller || o.kind == fieldRead) {
			return false
		}
		e := s.escapeIn(c.caller, c.cur, false)
		if e == nil {
			return false
		}
		e.typ = typ
		if e.result(c.cur) {
			return false
		}
	}
	return n > 0 || handsOff
}

// escape follows a value through the expressions and the local
// variables of one function, whose call the value must not outlive.
type escape struct {
	s    *state
	fn   inspector.Cursor // the function's declaration or literal
	typ  types.Type       // the type of the value (a pointer to it too)
	seen map[*types.Var]bool

	returns  bool // being returned by fn keeps the value within the call (fn is a constructor)
	returned bool // and it is returned
}

// outlives reports whether the value at cur may outlive the call: it is
// used in a go statement, or in a function literal that may outlive the
// call itself, or it flows somewhere that does.
func (e *escape) outlives(cur inspector.Cursor) bool {
	for a := range cur.Parent().Enclosing((*ast.GoStmt)(nil), (*ast.FuncLit)(nil)) {
		if a == e.fn {
			break
		}
		if _, ok := a.Node().(*ast.GoStmt); ok {
			return true
		}
		if e.outlives(a) { // a closure that captures the value
			return true
		}
		break // e.outlives(a) has looked at the outer ones
	}
	return e.flows(cur)
}

// flows reports whether the value at cur flows where it may outlive the
// call: it is returned, sent, appended, stored in a field, an element,
// a pointee, a package variable or another composite literal, used as a
// method value, or anything not known to be safe. Calling it or its
// methods, reading or writing its fields, comparing it and passing it to
// a function are safe, unless a result of that call may hold it and
// outlive the call (a wrapper returned); assigning it to a local
// variable is as safe as that variable's uses.
func (e *escape) flows(cur inspector.Cursor) bool {
	cur = analysisutil.Unparen(cur)
	parent := cur.Parent()
	switch cur.ParentEdgeKind() {
	case edge.CallExpr_Fun, edge.BinaryExpr_X, edge.BinaryExpr_Y, edge.ExprStmt_X, edge.AssignStmt_Lhs:
		return false
	case edge.SelectorExpr_X:
		switch sel := e.s.info.Selections[parent.Node().(*ast.SelectorExpr)]; {
		case sel == nil:
			return true
		case sel.Kind() == types.FieldVal:
			return false
		case sel.Kind() == types.MethodVal:
			fun := analysisutil.Unparen(parent)
			return fun.ParentEdgeKind() != edge.CallExpr_Fun || e.result(fun.Parent())
		}
	case edge.CallExpr_Args:
		tv := e.s.info.Types[parent.Node().(*ast.CallExpr).Fun]
		switch {
		case tv.IsBuiltin():
			return true // append, panic
		case tv.IsType():
			return e.outlives(parent) // a conversion
		}
		return e.result(parent)
	case edge.UnaryExpr_X:
		return parent.Node().(*ast.UnaryExpr).Op != token.AND || e.outlives(parent)
	case edge.StarExpr_X, edge.TypeAssertExpr_X:
		return e.outlives(parent)
	case edge.AssignStmt_Rhs:
		n := parent.Node().(*ast.AssignStmt)
		return len(n.Lhs) != len(n.Rhs) || e.into(n.Lhs[cur.ParentEdgeIndex()])
	case edge.ValueSpec_Values:
		n := parent.Node().(*ast.ValueSpec)
		return len(n.Names) != len(n.Values) || e.into(n.Names[cur.ParentEdgeIndex()])
	case edge.ReturnStmt_Results:
		if e.returns && e.returnsFrom(parent) {
			e.returned = true
			return false
		}
	}
	return true
}

// returnsFrom reports whether the return statement at ret returns from
// the function followed, not from a literal within it.
func (e *escape) returnsFrom(ret inspector.Cursor) bool {
	for a := range ret.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return a == e.fn
	}
	return false
}

// result reports whether the value, passed to the call at cur or
// receiving it, may outlive the call through a result of the call that
// may hold it.
func (e *escape) result(cur inspector.Cursor) bool {
	t := e.s.info.TypeOf(cur.Node().(ast.Expr))
	tuple, ok := t.(*types.Tuple)
	if !ok {
		return t == nil || e.holds(t, 0) && e.outlives(cur)
	}
	var lhs []ast.Expr
	switch n := analysisutil.Unparen(cur).Parent().Node().(type) {
	case *ast.AssignStmt:
		lhs = n.Lhs
	case *ast.ValueSpec:
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
	}
	for i := range tuple.Len() {
		if e.holds(tuple.At(i).Type(), 0) && (len(lhs) != tuple.Len() || e.into(lhs[i])) {
			return true
		}
	}
	return false
}

// holds reports whether a value of type t may refer to the value
// followed: t is its type or a pointer to it, an interface either
// implements, a func (which may capture it), or a pointer, container or
// struct of such a type.
func (e *escape) holds(t types.Type, depth int) bool {
	return e.holdsSeen(t, depth, map[*types.Named]bool{})
}

// maxHoldsDepth bounds how deep holds looks into nested types (an
// instantiation can nest without end); deeper, it assumes the worst.
// API types nest deeply (a Workload's pod templates go some twenty
// levels down to their strings), so the bound is well above that.
const maxHoldsDepth = 64

// holdsSeen is holds, skipping the defined types already looked at (or
// being looked at, through a cycle): a second look finds nothing new.
func (e *escape) holdsSeen(t types.Type, depth int, seen map[*types.Named]bool) bool {
	if types.Identical(t, e.typ) {
		return true
	}
	if _, ok := t.Underlying().(*types.Basic); ok {
		return false // checked first: a string at the bottom of a deep type holds nothing
	}
	if depth > maxHoldsDepth {
		return true
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if seen[n] {
			return false
		}
		seen[n] = true
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return types.Implements(e.typ, u) || types.Implements(types.NewPointer(e.typ), u)
	case *types.Struct:
		for f := range u.Fields() {
			if e.holdsSeen(f.Type(), depth+1, seen) {
				return true
			}
		}
		return false
	}
	elems := elems(t)
	return elems == nil || slices.ContainsFunc(elems, func(el types.Type) bool { return e.holdsSeen(el, depth+1, seen) })
}

// into reports whether a value assigned to lhs may outlive the call: lhs
// is not a local variable of the function, or one of its uses lets the
// value outlive the call.
func (e *escape) into(lhs ast.Expr) bool {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return true // a field, an element or a pointee
	}
	if id.Name == "_" {
		return false
	}
	v, _ := e.s.info.ObjectOf(id).(*types.Var)
	if v == nil || !e.local(v) {
		return true
	}
	if e.seen[v] {
		return false
	}
	e.seen[v] = true
	for c := range e.fn.Preorder((*ast.Ident)(nil)) {
		if e.s.info.Uses[c.Node().(*ast.Ident)] == v && e.outlives(c) {
			return true
		}
	}
	return false
}

// local reports whether v is a variable of the function (a parameter
// or a variable declared in its body), other than a named result of the
// function or of a function literal in it (which a bare return returns).
func (e *escape) local(v *types.Var) bool {
	if n := e.fn.Node(); v.Pos() < n.Pos() || v.Pos() >= n.End() {
		return false
	}
	c, ok := e.fn.FindByPos(v.Pos(), v.Pos()+token.Pos(len(v.Name())))
	return ok && analysisutil.Climb(c, edge.Field_Names, edge.FieldList_List).ParentEdgeKind() != edge.FuncType_Results
}

// waitsForReply reports whether fn, after the statement that builds the
// value at cur, waits for a reply before it goes on: a later statement of
// the same block receives from a channel (outside func literals), and no
// statement between them returns. A request handed to a worker (sent on
// a channel, queued in a map of a batcher) with the caller's ctx, while
// the caller blocks on the result (return <-req.reply), lives no longer
// than that call: the worker serves it within the call.
func (s *state) waitsForReply(fn *ctxinfo.Func, cur inspector.Cursor) bool {
	for c := cur; c.Node() != fn.Node; c = c.Parent() {
		if _, ok := c.Node().(ast.Stmt); !ok || c.ParentEdgeKind() != edge.BlockStmt_List {
			continue
		}
		_, idx := c.ParentEdge()
		for _, st := range c.Parent().Node().(*ast.BlockStmt).List[idx+1:] {
			if receives(st) {
				return true
			}
			if _, ok := st.(*ast.ReturnStmt); ok {
				return false
			}
		}
		return false
	}
	return false
}

// receives reports whether st receives from a channel, outside the func
// literals in it.
func receives(st ast.Stmt) bool {
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				found = true
			}
		}
		return !found
	})
	return found
}
