package ctxinfo

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// TargetType returns the type that the expression at cur is converted or
// assigned to by its context: the parameter of the call it is an argument
// of (the element type for the variadic part), the type of a conversion,
// the variable it is assigned or declared to (one to one), the field or
// element type of the composite literal it is put in, or the result it is
// returned as (one to one). It returns nil when there is none or it cannot
// tell.
func (in *Info) TargetType(cur inspector.Cursor) types.Type {
	info := in.TypesInfo
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
		if as := parent.Node().(*ast.AssignStmt); len(as.Lhs) == len(as.Rhs) {
			return info.TypeOf(as.Lhs[idx])
		}
	case edge.ValueSpec_Values:
		if vs := parent.Node().(*ast.ValueSpec); len(vs.Names) == len(vs.Values) {
			if obj := info.Defs[vs.Names[idx]]; obj != nil {
				return obj.Type()
			}
		}
	case edge.KeyValueExpr_Value:
		if lit, ok := parent.Parent().Node().(*ast.CompositeLit); ok {
			return in.eltType(lit, parent.Node().(*ast.KeyValueExpr), parent.ParentEdgeIndex())
		}
	case edge.CompositeLit_Elts:
		return in.eltType(parent.Node().(*ast.CompositeLit), nil, idx)
	case edge.ReturnStmt_Results:
		ret := parent.Node().(*ast.ReturnStmt)
		// The function that returns: the innermost around the return
		// statement (the cursor itself may be a literal being returned).
		for fn := range parent.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			var sig *types.Signature
			switch n := fn.Node().(type) {
			case *ast.FuncDecl:
				if obj, ok := info.Defs[n.Name].(*types.Func); ok {
					sig = obj.Signature()
				}
			case *ast.FuncLit:
				sig, _ = info.TypeOf(n).(*types.Signature)
			}
			if sig != nil && sig.Results().Len() == len(ret.Results) {
				return sig.Results().At(idx).Type()
			}
			break
		}
	}
	return nil
}

// eltType returns the type that the i-th element of lit (a value, or the
// value of kv) must have: the field's type for a struct, keyed or in
// order, the element type for a slice, an array or a map.
func (in *Info) eltType(lit *ast.CompositeLit, kv *ast.KeyValueExpr, i int) types.Type {
	t := in.TypesInfo.TypeOf(lit)
	if t == nil {
		return nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		if kv != nil {
			if id, ok := kv.Key.(*ast.Ident); ok {
				if v, ok := in.TypesInfo.ObjectOf(id).(*types.Var); ok && v.IsField() {
					return v.Type()
				}
			}
			return nil
		}
		if i < u.NumFields() {
			return u.Field(i).Type()
		}
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	case *types.Map:
		if kv != nil {
			return u.Elem()
		}
	}
	return nil
}
