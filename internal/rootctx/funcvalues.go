package rootctx

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// funcValues returns the functions that the call at cur may call when it
// calls a local variable rather than a function: a variable every value
// of which is visible in the enclosing function and is a function or a
// method value (f := verifyA; f(obj)), or the value of a range over a
// local map, slice or array literal of such functions
// (verify := map[string]func(*T) error{"a": verifyA, "b": v.verifyB};
// for _, f := range verify { f(obj) }), or over what a method of the
// package returns when it returns only such literals (for _, f := range
// r.finders() { f(obj) }). It returns nil when any value is
// something else (a func literal, a parameter, a call's result), when the
// variable's address is taken, or when the container is used other than
// by range statements.
func (m *minters) funcValues(cur inspector.Cursor) []*types.Func {
	call := cur.Node().(*ast.CallExpr)
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := m.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || !m.isLocal(v) {
		return nil
	}
	body := outermost(cur)
	if body == nil {
		return nil
	}
	values, ok := m.valuesOf(body, v, true)
	if !ok {
		return nil
	}
	var out []*types.Func
	for _, e := range values {
		fn := m.funcOf(e)
		if fn == nil {
			return nil
		}
		out = append(out, fn)
	}
	return out
}

// isLocal reports whether v is a variable declared in a function of the
// package being analysed (not a package-level one, nor a field).
func (m *minters) isLocal(v *types.Var) bool {
	return v.Pkg() == m.pass.Pkg && !v.IsField() && v.Parent() != nil && v.Parent() != m.pass.Pkg.Scope()
}

// outermost returns the outermost function declaration or literal around
// cur: a local variable's every assignment lies in it.
func outermost(cur inspector.Cursor) ast.Node {
	var n ast.Node
	for a := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		n = a.Node()
	}
	return n
}

// valuesOf returns the expressions assigned to the local variable v in
// body, and whether they are all of its values. With ranged, a range
// statement's value variable takes the elements of the local container
// literals it ranges over.
func (m *minters) valuesOf(body ast.Node, v *types.Var, ranged bool) ([]ast.Expr, bool) {
	info := m.pass.TypesInfo
	declared := false // by a statement of body, not as a parameter
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if ok && info.Defs[id] == v {
			declared = true
		}
		return ok && (info.Defs[id] == v || info.Uses[id] == v)
	}
	var values []ast.Expr
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if !is(lhs) {
					continue
				}
				if len(n.Lhs) != len(n.Rhs) || n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
					ok = false
				} else {
					values = append(values, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if is(name) && len(n.Values) == len(n.Names) {
					values = append(values, n.Values[i])
				} else if is(name) && len(n.Values) > 0 {
					ok = false
				}
			}
		case *ast.RangeStmt:
			if n.Key != nil && is(n.Key) {
				ok = false
			} else if n.Value != nil && is(n.Value) {
				elts, eok := m.elements(body, n.X, ranged)
				values, ok = append(values, elts...), ok && eok
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && is(n.X) {
				ok = false // its address is taken
			}
		}
		return ok
	})
	return values, ok && declared
}

// elements returns the elements of the container x that a range
// statement goes over: those of a map, slice or array literal, of a call
// that returns only such literals (see returnedLits), or of a local
// variable whose every value is one of those and which is used by range
// statements only.
func (m *minters) elements(body ast.Node, x ast.Expr, ranged bool) ([]ast.Expr, bool) {
	if !ranged {
		return nil, false
	}
	var lits []ast.Expr
	switch x := ast.Unparen(x).(type) {
	case *ast.CompositeLit, *ast.CallExpr:
		lits = []ast.Expr{x}
	case *ast.Ident:
		w, ok := m.pass.TypesInfo.Uses[x].(*types.Var)
		if !ok || !m.isLocal(w) || !m.onlyRanged(body, w) {
			return nil, false
		}
		if lits, ok = m.valuesOf(body, w, false); !ok {
			return nil, false
		}
	default:
		return nil, false
	}
	var out []ast.Expr
	for i := 0; i < len(lits); i++ {
		e := lits[i]
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && m.isAppend(call) && len(call.Args) > 0 {
			lits = append(lits, call.Args[0]) // append(r.a(), r.b()...): the containers' elements, and the values added
			if call.Ellipsis.IsValid() {
				lits = append(lits, call.Args[1:]...)
			} else {
				out = append(out, call.Args[1:]...)
			}
			continue
		}
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
			ret, ok := m.returnedLits(call)
			if !ok {
				return nil, false
			}
			lits = append(lits, ret...)
			continue
		}
		lit, ok := ast.Unparen(e).(*ast.CompositeLit)
		if !ok {
			return nil, false
		}
		switch lit.Type.(type) {
		case *ast.MapType, *ast.ArrayType:
		default:
			return nil, false
		}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			out = append(out, elt)
		}
	}
	return out, true
}

// isAppend reports whether call calls the append builtin.
func (m *minters) isAppend(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	return ok && m.pass.TypesInfo.Uses[id] == types.Universe.Lookup("append")
}

// returnedLits returns what a call of a function or method of the
// package without arguments returns, when every return statement of its
// own body (not of a func literal in it) returns a single map, slice or
// array literal (func (r *finder) finders() []finderFunc { return
// []finderFunc{r.byName, r.byLabel} }).
func (m *minters) returnedLits(call *ast.CallExpr) ([]ast.Expr, bool) {
	fn := m.in.Decl(m.funcOf(call.Fun))
	if len(call.Args) > 0 || fn == nil || fn.Body == nil || fn.Obj == nil || fn.Obj.Pkg() != m.pass.Pkg {
		return nil, false
	}
	var out []ast.Expr
	ok := true
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			lit, isLit := (ast.Expr)(nil), false
			if len(n.Results) == 1 {
				_, isLit = ast.Unparen(n.Results[0]).(*ast.CompositeLit)
				lit = n.Results[0]
			}
			if !isLit {
				ok = false
			} else {
				out = append(out, lit)
			}
		}
		return ok
	})
	return out, ok && len(out) > 0
}

// onlyRanged reports whether every use of w in body is as the container
// of a range statement, or as the target of an assignment (whose value
// valuesOf checks): nothing else can add to it.
func (m *minters) onlyRanged(body ast.Node, w *types.Var) bool {
	ranged := map[*ast.Ident]bool{} // and assigned: valuesOf has each value
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.RangeStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
				ranged[id] = true
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN {
				for _, lhs := range n.Lhs {
					if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
						ranged[id] = true
					}
				}
			}
		}
		return true
	})
	only := true
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && m.pass.TypesInfo.Uses[id] == w && !ranged[id] {
			only = false
		}
		return only
	})
	return only
}

// funcOf returns the function that the expression e denotes: a function
// (verifyA, pkg.Verify) or a method value or expression (v.verifyB,
// (*V).verifyB); or nil.
func (m *minters) funcOf(e ast.Expr) *types.Func {
	info := m.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		fn, _ := info.Uses[e].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel != nil {
			if sel.Kind() == types.FieldVal {
				return nil
			}
			fn, _ := sel.Obj().(*types.Func)
			return fn
		}
		fn, _ := info.Uses[e.Sel].(*types.Func)
		return fn
	}
	return nil
}
