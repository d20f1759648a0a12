package storedctx

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// read is a use of a field's value.
type read struct {
	cur   inspector.Cursor
	watch bool // it only observes the context's end (Done, Err, Deadline, context.Cause)
}

// store is an assignment of a value to a field (in an assignment or a
// composite literal).
type store struct {
	cur  inspector.Cursor // the assignment or composite literal
	at   ast.Node         // the left-hand side or the key/value element
	expr ast.Expr         // the value, or the call whose result idx is stored
	idx  int              // index into a tuple-valued expr, or -1
	fn   *ctxinfo.Func
	orig origin

	cancel *ast.DeferStmt // the defer of the cancel function of the stored context, in the storing function
}

// def is an assignment to a local variable.
type def struct {
	expr ast.Expr
	idx  int
}

// conv is a use of a value of an owner's type as an interface.
type conv struct {
	src   types.Type
	iface *types.Interface
}

// call is a call, from caller, of a package function that receives a
// context, with arg as that context.
type call struct {
	caller, callee *ctxinfo.Func
	arg            ast.Expr
	cur            inspector.Cursor // the call
}

// collectUses records, in one walk of the package, the stores into and
// reads of the fields, assignments to variables, method values, uses of
// owner values as interfaces, and calls that hand a context on.
func (s *state) collectUses() {
	s.params = map[*types.Var]*ctxinfo.Func{}
	s.perRequest = map[*ctxinfo.Func]*ctxinfo.Func{}
	s.cancelStores = map[*types.Var][]def{}
	s.locals = map[*types.Var][]def{}
	s.methodValues = map[*types.Func]bool{}
	s.callers = map[*ctxinfo.Func][]*ctxinfo.Func{}
	s.convs = map[*owner][]conv{}
	s.in.Funcs(func(fn *ctxinfo.Func) {
		if fn.Ctx != nil {
			s.params[fn.Ctx.Var] = fn
		}
		if fn.Req != nil {
			s.params[fn.Req.Var] = fn
		}
		for v := range fn.Sig.Params().Variables() {
			if s.isCommand(v.Type()) {
				s.params[v] = fn // its Context() is the function's ctx
			}
		}
		if fn.Kind != ctxinfo.Plain && fn.HasContext() {
			s.perRequest[fn] = fn
		}
	})
	filter := []ast.Node{(*ast.SelectorExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil),
		(*ast.CompositeLit)(nil), (*ast.CallExpr)(nil),
		(*ast.Ident)(nil), (*ast.UnaryExpr)(nil), (*ast.StarExpr)(nil), (*ast.IndexExpr)(nil),
		(*ast.IndexListExpr)(nil), (*ast.TypeAssertExpr)(nil)}
	for _, file := range s.files() {
		for cur := range file.Preorder(filter...) {
			if e, ok := cur.Node().(ast.Expr); ok && s.ownerOf(s.info.TypeOf(e)) != nil {
				s.conversion(s.in.TargetType(cur), e)
			}
			switch n := cur.Node().(type) {
			case *ast.SelectorExpr:
				s.selector(cur, n)
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					rhs, idx := analysisutil.AssignedValue(n.Rhs, len(n.Lhs), i)
					if rhs == nil {
						continue
					}
					if v := s.fieldVar(lhs); v != nil {
						s.storeTo(v, cur, lhs, rhs, idx)
					}
					if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
						if v, ok := s.info.ObjectOf(id).(*types.Var); ok {
							s.locals[v] = append(s.locals[v], def{rhs, idx})
						}
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					v, _ := s.info.Defs[id].(*types.Var)
					rhs, idx := analysisutil.AssignedValue(n.Values, len(n.Names), i)
					if v == nil || rhs == nil {
						continue
					}
					s.locals[v] = append(s.locals[v], def{rhs, idx})
				}
			case *ast.CompositeLit:
				s.compositeLit(cur, n)
			case *ast.CallExpr:
				s.call(cur, n)
			}
		}
	}
}

// storeTo records that rhs (or its result idx) is stored into field v.
func (s *state) storeTo(v *types.Var, cur inspector.Cursor, at ast.Node, rhs ast.Expr, idx int) {
	if s.isNil(rhs, idx) {
		return // Ctx: nil, or c.ctx = nil once done: no context kept
	}
	if fd := s.fields[v]; fd != nil {
		fd.stores = append(fd.stores, &store{cur: cur, at: at, expr: rhs, idx: idx, fn: s.outermost(cur)})
	} else if s.funcFlds[v] {
		s.cancelStores[v] = append(s.cancelStores[v], def{rhs, idx})
	}
}

// isNil reports whether the value stored is the untyped nil.
func (s *state) isNil(e ast.Expr, idx int) bool {
	return idx < 0 && s.info.Types[e].IsNil()
}

// fieldVar returns the declared field that an assignment to lhs stores
// into (x.f, x.f[k], *x.f), or nil.
func (s *state) fieldVar(lhs ast.Expr) *types.Var {
	for {
		switch e := lhs.(type) {
		case *ast.ParenExpr:
			lhs = e.X
			continue
		case *ast.IndexExpr:
			lhs = e.X
			continue
		case *ast.StarExpr:
			lhs = e.X
			continue
		case *ast.SelectorExpr:
			if sel := s.info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
				if v, ok := sel.Obj().(*types.Var); ok {
					return v.Origin()
				}
			}
		}
		return nil
	}
}

// selector records the reads of context fields that x.f selects,
// directly or through embedded fields, and method values.
func (s *state) selector(cur inspector.Cursor, n *ast.SelectorExpr) {
	sel := s.info.Selections[n]
	if sel == nil {
		return
	}
	if sel.Kind() == types.MethodExpr {
		if m, ok := sel.Obj().(*types.Func); ok {
			s.methodValues[m.Origin()] = true
		}
		return
	}
	nfields := len(sel.Index())
	if sel.Kind() == types.MethodVal {
		nfields--
		if m, ok := sel.Obj().(*types.Func); ok && analysisutil.Unparen(cur).ParentEdgeKind() != edge.CallExpr_Fun {
			s.methodValues[m.Origin()] = true
		}
	}
	t := sel.Recv()
	for k := 0; k < nfields; k++ {
		st := structOf(t)
		if st == nil || sel.Index()[k] >= st.NumFields() {
			return
		}
		f := st.Field(sel.Index()[k])
		t = f.Type()
		fd := s.fields[f.Origin()]
		if fd == nil {
			continue
		}
		last := k == nfields-1
		if last && sel.Kind() == types.FieldVal && (isStoreTarget(cur) || s.atomicStoreRecv(cur)) {
			continue
		}
		if last && sel.Kind() == types.MethodVal {
			if i := atomicStoreArg(asFunc(sel.Obj())); i >= 0 {
				fun := analysisutil.Climb(cur, edge.ParenExpr_X)
				if call, ok := fun.Parent().Node().(*ast.CallExpr); ok && fun.ParentEdgeKind() == edge.CallExpr_Fun && i < len(call.Args) {
					// p.ctx.Store(&ctx): the pointer's target is what is kept.
					val := ast.Unparen(call.Args[i])
					if u, ok := val.(*ast.UnaryExpr); ok && u.Op == token.AND {
						val = u.X
					}
					fd.stores = append(fd.stores, &store{cur: cur, at: n, expr: val, idx: -1, fn: s.outermost(cur)})
				}
				continue
			}
		}
		var watch bool
		switch {
		case last && sel.Kind() == types.MethodVal:
			// x.Done() through an embedded context field.
			watch = isWatchMethod(sel.Obj()) && analysisutil.Unparen(cur).ParentEdgeKind() == edge.CallExpr_Fun
		case last:
			watch = s.watches(cur)
		}
		fd.reads = append(fd.reads, read{cur, watch})
	}
}

// isWatchMethod reports whether m, a method of a context (the callers
// know the receiver, or the embedded field it is promoted from, to be
// one), only observes its end: Done, Err or Deadline, every method of
// context.Context but Value.
func isWatchMethod(m types.Object) bool {
	switch m.Name() {
	case "Done", "Err", "Deadline":
		return true
	}
	return false
}

// watches reports whether the context selected at cur is only observed
// there: x.f.Done(), x.f.Err(), x.f.Deadline() or context.Cause(x.f).
func (s *state) watches(cur inspector.Cursor) bool {
	c := analysisutil.Unparen(cur)
	switch c.ParentEdgeKind() {
	case edge.SelectorExpr_X:
		outer := c.Parent()
		sel, _ := s.info.Selections[outer.Node().(*ast.SelectorExpr)]
		if sel != nil && sel.Kind() == types.MethodVal && analysisutil.IsMethod(asFunc(sel.Obj()), atomicPath, "Pointer", "Load") {
			return s.nilCheckedOnly(analysisutil.Climb(outer, edge.ParenExpr_X).Parent())
		}
		if sel == nil || sel.Kind() != types.MethodVal || !isWatchMethod(sel.Obj()) || !s.in.IsContext(sel.Recv()) {
			return false
		}
		return analysisutil.Climb(outer, edge.ParenExpr_X).ParentEdgeKind() == edge.CallExpr_Fun
	case edge.CallExpr_Args:
		call := c.Parent().Node().(*ast.CallExpr)
		return analysisutil.IsPkgFunc(analysisutil.Callee(s.info, call), ctxinfo.ContextPath, "Cause")
	}
	return false
}

// atomicPath is the import path of sync/atomic, whose Pointer[T] keeps a
// *T: Pointer[context.Context] keeps a context.
const atomicPath = "sync/atomic"

// atomicStoreArg returns, for a method of sync/atomic's Pointer that
// stores a new value (Store, Swap, CompareAndSwap), the index of that
// value among its arguments; -1 for any other method.
func atomicStoreArg(fn *types.Func) int {
	switch {
	case analysisutil.IsMethod(fn, atomicPath, "Pointer", "Store"), analysisutil.IsMethod(fn, atomicPath, "Pointer", "Swap"):
		return 0
	case analysisutil.IsMethod(fn, atomicPath, "Pointer", "CompareAndSwap"):
		return 1
	}
	return -1
}

// nilCheckedOnly reports whether the value of the call at cur (p.ctx.Load())
// is only compared with nil, directly or through a variable it
// declares: whether a context was kept (a "started" check), which uses
// no context.
func (s *state) nilCheckedOnly(cur inspector.Cursor) bool {
	c := analysisutil.Unparen(cur)
	compared := func(c inspector.Cursor) bool {
		if c.ParentEdgeKind() != edge.BinaryExpr_X && c.ParentEdgeKind() != edge.BinaryExpr_Y {
			return false
		}
		_, _, ok := analysisutil.ComparedWithNil(s.info, c.Parent().Node().(ast.Expr))
		return ok
	}
	if compared(c) {
		return true
	}
	as, ok := c.Parent().Node().(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || c.ParentEdgeKind() != edge.AssignStmt_Rhs {
		return false
	}
	id, _ := as.Lhs[0].(*ast.Ident)
	v, _ := s.info.Defs[id].(*types.Var)
	if v == nil {
		return false
	}
	fn := s.innermost(c)
	if fn == nil {
		return false
	}
	uses := 0
	for use := range s.in.UsesOf(fn.Cur, v) {
		if !compared(analysisutil.Unparen(use)) {
			return false
		}
		uses++
	}
	return uses > 0
}

// asFunc returns o as a function, or nil.
func asFunc(o types.Object) *types.Func {
	fn, _ := o.(*types.Func)
	return fn
}

// atomicStoreRecv reports whether the selector at cur is the receiver of
// an atomic store (x.f.Store(v)): recorded as a store of x.f.
func (s *state) atomicStoreRecv(cur inspector.Cursor) bool {
	c := analysisutil.Unparen(cur)
	if c.ParentEdgeKind() != edge.SelectorExpr_X {
		return false
	}
	sel := s.info.Selections[c.Parent().Node().(*ast.SelectorExpr)]
	return sel != nil && sel.Kind() == types.MethodVal && atomicStoreArg(asFunc(sel.Obj())) >= 0
}

// isStoreTarget reports whether the selector at cur is (part of) the
// left-hand side of an assignment: x.f = v, x.f[k] = v, *x.f = v.
func isStoreTarget(cur inspector.Cursor) bool {
	return analysisutil.Climb(cur, edge.ParenExpr_X, edge.IndexExpr_X, edge.StarExpr_X).ParentEdgeKind() == edge.AssignStmt_Lhs
}

// conversion records e used where a value of type target is expected,
// when that is a non-empty interface and e is of an owner's type.
func (s *state) conversion(target types.Type, e ast.Expr) {
	if target == nil || e == nil {
		return
	}
	iface, ok := target.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 {
		return
	}
	src := s.info.TypeOf(e)
	if o := s.ownerOf(src); o != nil {
		s.convs[o] = append(s.convs[o], conv{src, iface})
	}
}

func (s *state) compositeLit(cur inspector.Cursor, n *ast.CompositeLit) {
	t := s.info.TypeOf(n)
	if t == nil {
		return
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	value := func(e ast.Expr) ast.Expr {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			return kv.Value
		}
		return e
	}
	u, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for j, elt := range n.Elts {
		var v *types.Var
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				v, _ = s.info.ObjectOf(id).(*types.Var)
			}
		} else if j < u.NumFields() {
			v = u.Field(j)
		}
		if v == nil {
			continue
		}
		s.storeTo(v.Origin(), cur, elt, value(elt), -1)
	}
}

func (s *state) call(cur inspector.Cursor, n *ast.CallExpr) {
	tv, ok := s.info.Types[n.Fun]
	if !ok || tv.IsType() || tv.IsBuiltin() || tv.Type == nil {
		return
	}
	sig, _ := tv.Type.Underlying().(*types.Signature)
	if sig == nil {
		return
	}
	if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
		if x := s.info.Selections[sel]; x != nil && x.Kind() == types.MethodExpr {
			return // arguments are shifted by the receiver
		}
	}
	callee := s.in.Decl(analysisutil.Callee(s.info, n))
	if callee == nil {
		return
	}
	if callee.Sig.Recv() != nil && !callee.HasContext() && s.ownerOf(callee.Sig.Recv().Type()) != nil {
		if caller := s.outermost(cur); caller != nil && caller != callee {
			s.callers[callee] = append(s.callers[callee], caller)
		}
	}
	if callee.Ctx == nil || callee.Kind != ctxinfo.Plain {
		return
	}
	cp := callee.Sig.Params()
	if len(n.Args) != cp.Len() && !callee.Sig.Variadic() {
		return
	}
	if k := callee.Ctx.Index; k < len(n.Args) {
		if caller := s.innermost(cur); caller != nil {
			s.calls = append(s.calls, call{caller: caller, callee: callee, arg: n.Args[k], cur: cur})
		}
	}
}
