package storedctx

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// owner is a struct type that declares fields holding contexts.
type owner struct {
	st     *types.Struct
	tn     *types.TypeName // the type declared as st (direct), or whose declaration encloses st
	direct bool            // st is the underlying type of tn, a defined type
	where  string          // for other structs: "the anonymous struct in tests"
	fields []*field

	lt      *lifetime       // computed on demand
	imposed map[string]bool // computed on demand
}

// field is a struct field that holds a context.
type field struct {
	v        *types.Var
	owner    *owner
	pos, end token.Pos
	stores   []*store
	reads    []read
}

// collectFields finds every struct type with fields that hold contexts.
func (s *state) collectFields() bool {
	for _, file := range s.files() {
		for cur := range file.Preorder((*ast.StructType)(nil)) {
			n := cur.Node().(*ast.StructType)
			st, _ := s.info.TypeOf(n).(*types.Struct)
			if st == nil || n.Fields == nil {
				continue
			}
			var o *owner
			i := 0
			for f, id := range analysisutil.FieldNames(n.Fields) {
				if i >= st.NumFields() {
					break
				}
				v := st.Field(i)
				i++
				if isFuncField(v.Type()) {
					s.funcFlds[v] = true
				}
				if !s.holdsContext(v.Type()) {
					continue
				}
				if o == nil {
					o = &owner{st: st}
				}
				fd := &field{v: v, owner: o}
				if id != nil {
					fd.pos, fd.end = id.Pos(), id.End()
				} else {
					fd.pos, fd.end = f.Type.Pos(), f.Type.End()
				}
				o.fields = append(o.fields, fd)
				s.fields[v] = fd
			}
			if o != nil {
				s.describe(cur, o)
				s.owners = append(s.owners, o)
				if o.direct {
					s.named[o.tn] = o
				}
			}
		}
	}
	return len(s.fields) > 0
}

// isFuncField reports whether t could hold a cancel function: func() or
// func(error), through named types such as context.CancelFunc.
func isFuncField(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Results().Len() != 0 || sig.Variadic() {
		return false
	}
	p := sig.Params()
	if p.Len() == 0 {
		return true
	}
	return p.Len() == 1 && types.Identical(p.At(0).Type(), types.Universe.Lookup("error").Type())
}

// describe sets the owner's names: the type it defines or lies in, and
// where an anonymous struct is.
func (s *state) describe(cur inspector.Cursor, o *owner) {
	if cur.ParentEdgeKind() == edge.TypeSpec_Type {
		spec := cur.Parent().Node().(*ast.TypeSpec)
		if tn, ok := s.info.Defs[spec.Name].(*types.TypeName); ok {
			o.tn = tn
			if !tn.IsAlias() {
				o.direct = true
				return
			}
			o.where = tn.Name()
			return
		}
	}
	for a := range cur.Parent().Enclosing((*ast.TypeSpec)(nil), (*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil),
		(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := a.Node().(type) {
		case *ast.TypeSpec:
			o.tn, _ = s.info.Defs[n.Name].(*types.TypeName)
			o.where = "an anonymous struct in " + n.Name.Name
		case *ast.ValueSpec:
			o.where = "the anonymous struct in " + n.Names[0].Name
		case *ast.AssignStmt:
			if id, ok := n.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
				o.where = "the anonymous struct in " + id.Name
			} else {
				continue
			}
		case *ast.FuncDecl:
			o.where = "an anonymous struct in " + n.Name.Name
		case *ast.FuncLit:
			continue
		}
		return
	}
	o.where = "an anonymous struct"
}

// name is how messages name the owner.
func (o *owner) name() string {
	if o.direct {
		return o.tn.Name()
	}
	return o.where
}

// ownerOf returns the owner whose defined type is t or *t, or nil.
func (s *state) ownerOf(t types.Type) *owner {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return nil
	}
	return s.named[n.Origin().Obj()]
}
