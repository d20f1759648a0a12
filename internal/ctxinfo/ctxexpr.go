package ctxinfo

import (
	"go/token"
	"go/types"
)

// CtxAt returns the expression that denotes the provider's context at
// pos (its ctx parameter's name, or r.Context() for a request), and
// whether writing it there is safe: the names it uses must resolve to the
// provider's parameters at pos, not to something declared in between.
// The expression is "" when the parameter is unnamed or blank.
func (in *Info) CtxAt(p *Func, pos token.Pos) (string, bool) {
	expr := p.CtxExpr()
	if expr == "" {
		return "", false
	}
	param := p.Ctx
	if param == nil {
		param = p.Req
	}
	if param == nil {
		param = p.T
	}
	return expr, in.Resolves(pos, param.Ident.Name, param.Var)
}

// Resolves reports whether name, written at pos, denotes obj.
func (in *Info) Resolves(pos token.Pos, name string, obj types.Object) bool {
	scope := in.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, found := scope.LookupParent(name, pos)
	return found == obj
}
