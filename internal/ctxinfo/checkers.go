package ctxinfo

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// HealthzPath is controller-runtime's health-check package.
const HealthzPath = "sigs.k8s.io/controller-runtime/pkg/healthz"

// checkers finds the functions of the package that are used as a
// controller-runtime healthz.Checker: function literals and functions or
// method values passed where a Checker is expected (AddHealthzCheck,
// AddReadyzCheck), converted to one, or assigned, declared, returned or
// put in a composite literal as one. Only those serve a probe's request:
// a method that merely has the shape func(*http.Request) error does not.
// It returns the literals and the declared functions found.
func (in *Info) checkers() (lits map[*ast.FuncLit]bool, decls map[*types.Func]bool) {
	checker := analysisutil.LookupNamed(in.pkgs[HealthzPath], "Checker")
	if checker == nil {
		return nil, nil
	}
	lits, decls = map[*ast.FuncLit]bool{}, map[*types.Func]bool{}
	info := in.Pass.TypesInfo
	mark := func(e ast.Expr) {
		switch e := ast.Unparen(e).(type) {
		case *ast.FuncLit:
			lits[e] = true
		case *ast.Ident, *ast.SelectorExpr:
			var id *ast.Ident
			if sel, ok := e.(*ast.SelectorExpr); ok {
				id = sel.Sel
			} else {
				id = e.(*ast.Ident)
			}
			if fn, ok := info.Uses[id].(*types.Func); ok {
				decls[fn.Origin()] = true
			}
		}
	}
	isChecker := func(t types.Type) bool { return t != nil && types.Identical(t, checker) }
	for cur := range in.Inspector.Root().Preorder((*ast.FuncLit)(nil), (*ast.Ident)(nil), (*ast.SelectorExpr)(nil)) {
		if target := in.targetType(cur); isChecker(target) {
			mark(cur.Node().(ast.Expr))
		}
	}
	return lits, decls
}

// targetType returns the type an expression is converted or assigned to
// by its context: the parameter of the call it is an argument of, the
// type of a conversion, the variable or field it is assigned, declared
// or keyed into, or the result it is returned as. It returns nil when
// there is none or it cannot tell.
func (in *Info) targetType(cur inspector.Cursor) types.Type {
	info := in.Pass.TypesInfo
	cur = analysisutil.Unparen(cur)
	parent := cur.Parent()
	k, idx := cur.ParentEdge()
	switch k {
	case edge.CallExpr_Args:
		call := parent.Node().(*ast.CallExpr)
		tv, ok := info.Types[call.Fun]
		if !ok {
			return nil
		}
		if tv.IsType() {
			return tv.Type
		}
		sig, ok := tv.Type.Underlying().(*types.Signature)
		if !ok {
			return nil
		}
		params := sig.Params()
		switch {
		case idx < params.Len()-1 || !sig.Variadic() && idx < params.Len():
			return params.At(idx).Type()
		case sig.Variadic() && params.Len() > 0:
			if s, ok := params.At(params.Len() - 1).Type().Underlying().(*types.Slice); ok && !call.Ellipsis.IsValid() {
				return s.Elem()
			}
		}
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			return info.TypeOf(as.Lhs[idx])
		}
	case edge.ValueSpec_Values:
		vs := parent.Node().(*ast.ValueSpec)
		if idx < len(vs.Names) {
			if obj := info.Defs[vs.Names[idx]]; obj != nil {
				return obj.Type()
			}
		}
	case edge.KeyValueExpr_Value:
		kv := parent.Node().(*ast.KeyValueExpr)
		if id, ok := kv.Key.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
				return v.Type()
			}
		}
	case edge.ReturnStmt_Results:
		for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			var sig *types.Signature
			switch n := fn.Node().(type) {
			case *ast.FuncDecl:
				if obj, ok := info.Defs[n.Name].(*types.Func); ok {
					sig = obj.Signature()
				}
			case *ast.FuncLit:
				sig, _ = info.TypeOf(n).(*types.Signature)
			}
			if sig != nil && idx < sig.Results().Len() {
				return sig.Results().At(idx).Type()
			}
			break
		}
	}
	return nil
}
