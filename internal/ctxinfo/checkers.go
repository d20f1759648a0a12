package ctxinfo

import (
	"go/ast"
	"go/types"

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
	info := in.TypesInfo
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
		if target := in.TargetType(cur); isChecker(target) {
			mark(cur.Node().(ast.Expr))
		}
	}
	return lits, decls
}
