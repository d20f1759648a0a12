package storedctx

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// A struct with an exported context field that its own package never
// sets is a bundle that other packages fill in (keda's
// fallback.ScaledObjectHandler{Ctx: ctx, ...}, built per call in the
// scaling package): whether the context outlives its call is decided
// where it is built. The declaring package leaves such a field to the
// packages of its module that build values of the type (storedElsewhere),
// and each of those reports the stores it makes that are not per-call
// (foreignStores), at the store. Analysis facts flow only from a package
// to those that import it, so the declaring package cannot see them.

// foreignStore is a store, in this package, of a context into an
// exported field of a struct type declared in another package of the
// module.
type foreignStore struct {
	v     *types.Var
	named *types.Named
	cur   inspector.Cursor // the composite literal or the assignment
	at    ast.Node         // the key/value element or the left-hand side
	value ast.Expr
	idx   int        // index into a tuple-valued value, or -1
	base  *ast.Ident // for an assignment x.f = v: x
}

// inModule reports whether pkg belongs to the module under development
// that this package belongs to.
func (s *state) inModule(pkg *types.Package) bool {
	m := s.pass.Module
	if pkg == nil || pkg == s.pass.Pkg || !analysisutil.IsLocalModule(m) {
		return false
	}
	return pkg.Path() == m.Path || strings.HasPrefix(pkg.Path(), m.Path+"/")
}

// storedElsewhere reports whether the field is left to the packages that
// build values of its type: it is an exported field of an exported
// defined type of a package of the module under development, the
// package never stores it, no function reads it in place of a ctx of its
// own, and the type is not long-lived (a reconciler, runnable or
// handler keeps what it is given for every later call).
func (s *state) storedElsewhere(f *finding) bool {
	o := f.fd.owner
	return analysisutil.IsLocalModule(s.pass.Module) && o.direct && o.tn.Exported() && f.fd.v.Exported() &&
		len(f.fd.stores) == 0 && len(f.conflicts) == 0 && !f.lt.longLived()
}

// collectForeign finds the stores of contexts into exported fields of
// struct types declared in other packages of the module.
func (s *state) collectForeign() []foreignStore {
	if !analysisutil.IsLocalModule(s.pass.Module) {
		return nil
	}
	var out []foreignStore
	for _, file := range s.files() {
		for cur := range file.Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CompositeLit:
				named := s.foreignStruct(s.info.TypeOf(n))
				if named == nil {
					continue
				}
				st := named.Underlying().(*types.Struct)
				for j, elt := range n.Elts {
					var v *types.Var
					value := elt
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						id, _ := kv.Key.(*ast.Ident)
						v, _ = s.info.ObjectOf(id).(*types.Var)
						value = kv.Value
					} else if j < st.NumFields() {
						v = st.Field(j)
					}
					if v != nil && v.Exported() && s.holdsContext(v.Type()) && !s.isNil(value, -1) {
						out = append(out, foreignStore{v: v, named: named, cur: cur, at: elt, value: value, idx: -1})
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
					if !ok {
						continue
					}
					selection := s.info.Selections[sel]
					if selection == nil || selection.Kind() != types.FieldVal || len(selection.Index()) != 1 {
						continue
					}
					named := s.foreignStruct(selection.Recv())
					v := selection.Obj().(*types.Var)
					rhs, idx := analysisutil.AssignedValue(n.Rhs, len(n.Lhs), i)
					if named == nil || rhs == nil || !s.holdsContext(v.Type()) || s.isNil(rhs, idx) {
						continue
					}
					base, _ := ast.Unparen(sel.X).(*ast.Ident)
					out = append(out, foreignStore{v: v, named: named, cur: cur, at: lhs, value: rhs, idx: idx, base: base})
				}
			}
		}
	}
	return out
}

// foreignStruct returns the defined struct type that t is or points to
// when it is declared in another package of the module, or nil.
func (s *state) foreignStruct(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	named, ok := t.(*types.Named)
	if !ok || !s.inModule(named.Obj().Pkg()) {
		return nil
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return nil
	}
	return named
}

// reportForeign reports the stores of collectForeign that are neither
// per-call nor the default for a context never given (if x.Ctx == nil {
// x.Ctx = context.Background() }).
func (s *state) reportForeign(stores []foreignStore) {
	for _, st := range stores {
		if s.foreignPerCall(st) || s.in.NilDefault(st.cur) {
			continue
		}
		typ := st.named.Obj().Pkg().Name() + "." + st.named.Obj().Name()
		s.pass.Report(analysis.Diagnostic{
			Pos: st.at.Pos(), End: st.at.End(),
			Message: "field " + st.v.Name() + " of " + typ + " is set here to a context that the value may keep beyond its call; pass ctx to the functions that need it instead",
			URL:     analysisutil.RuleURL(Name, ruleOther),
		})
	}
}

// foreignPerCall reports whether a store into another package's struct is
// that of a per-call bundle: the context is the ctx of the function that
// builds the value or of a function around it (a func literal capturing
// it), or, with no ctx in scope, one the function makes and cancels in a
// defer (ctx, cancel := context.WithTimeout(context.Background(), d);
// defer cancel(), a command's own deadline), and the value does not
// outlive the innermost function (as for isPerCall). For an assignment
// x.f = ctx, x must be a local variable holding a value of the struct
// type or a pointer to a composite literal of it, none of whose uses lets
// the value outlive the call.
func (s *state) foreignPerCall(st foreignStore) bool {
	fn := s.innermost(st.cur)
	if fn == nil || st.idx >= 0 {
		return false // a context stored with its cancel, say: not followed
	}
	o := s.derive(st.value, 0)
	own := o.kind == param && encloses(o.fn, fn) ||
		s.in.ScopeAt(st.cur).Provider == nil && s.deferredCancel(&store{cur: st.cur, expr: st.value, idx: st.idx}) != nil
	if !own {
		return false
	}
	if _, lit := st.cur.Node().(*ast.CompositeLit); lit {
		e := s.escapeIn(fn, st.cur, true)
		if e == nil || e.outlives(st.cur) {
			return false
		}
		return !e.returned || s.perCallResult(fn, e.typ)
	}
	if st.base == nil {
		return false // x.y.f = ctx: a field of a value that lives elsewhere
	}
	v, _ := s.info.Uses[st.base].(*types.Var)
	base, ok := st.cur.FindNode(st.base)
	if v == nil || !ok || !s.declaredIn(fn, v) {
		return false // a parameter, a captured or package-level variable
	}
	if _, ptr := types.Unalias(v.Type()).(*types.Pointer); ptr {
		defs := s.locals[v]
		if len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			u, ok := ast.Unparen(d.expr).(*ast.UnaryExpr)
			if !ok || d.idx >= 0 {
				return false
			}
			if _, ok := ast.Unparen(u.X).(*ast.CompositeLit); !ok {
				return false // a pointer to a value built elsewhere
			}
		}
	}
	e := s.escapeIn(fn, base, false)
	return e != nil && !e.into(st.base)
}

// declaredIn reports whether v is declared in fn's body.
func (s *state) declaredIn(fn *ctxinfo.Func, v *types.Var) bool {
	return fn.Body != nil && fn.Body.Pos() <= v.Pos() && v.Pos() < fn.Body.End()
}

// encloses reports whether outer is inner or a function around it.
func encloses(outer, inner *ctxinfo.Func) bool {
	return outer != nil && outer.Node.Pos() <= inner.Node.Pos() && inner.Node.End() <= outer.Node.End()
}
