package storedctx

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// imposedMethods returns the names of the methods of o's type whose signatures
// are imposed from outside: methods of the non-empty interfaces that the
// type is used as, or implements among those declared in this package
// and the packages it imports, when the method is declared in another
// package (an interface of this package, or a method it adds to an
// embedded one, is this package's to change).
func (s *state) imposedMethods(o *owner) map[string]bool {
	if o.imposed != nil {
		return o.imposed
	}
	o.imposed = map[string]bool{}
	check := func(src types.Type, iface *types.Interface) {
		if types.Implements(s.in.Context, iface) {
			return // an interface that every context implements
		}
		if types.Implements(src, iface) {
			for m := range iface.Methods() {
				// A method that this package's own interface declares is
				// not imposed: the package can give it a ctx parameter.
				if m.Pkg() != s.pass.Pkg {
					o.imposed[m.Name()] = true
				}
			}
		}
	}
	for _, c := range s.convs[o] {
		check(c.src, c.iface)
	}
	if n, ok := o.tn.Type().(*types.Named); ok && n.TypeParams().Len() == 0 {
		p := types.NewPointer(n)
		for _, iface := range s.interfaces() {
			check(p, iface)
		}
	}
	return o.imposed
}

// interfaces returns the non-generic, non-empty interface types declared
// at package level in this package and in the packages it imports.
func (s *state) interfaces() []*types.Interface {
	if s.ifacesDone {
		return s.ifaces
	}
	s.ifacesDone = true
	pkgs := append([]*types.Package{s.pass.Pkg}, s.pass.Pkg.Imports()...)
	for _, p := range pkgs {
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			if n, ok := types.Unalias(tn.Type()).(*types.Named); ok && n.TypeParams().Len() > 0 {
				continue
			}
			iface, ok := tn.Type().Underlying().(*types.Interface)
			if ok && iface.NumMethods() > 0 && iface.IsMethodSet() {
				s.ifaces = append(s.ifaces, iface)
			}
		}
	}
	return s.ifaces
}

// passedAlongside reports whether the field read at cur is an argument
// of a call to which fn's own ctx is passed too: the two contexts have
// distinct roles there (startCache(ctx, c.lifeCtx)), the stored one is
// not used in place of fn's.
func (s *state) passedAlongside(cur inspector.Cursor, fn *ctxinfo.Func) bool {
	arg := analysisutil.Unparen(cur)
	if arg.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	for _, a := range arg.Parent().Node().(*ast.CallExpr).Args {
		if a != arg.Node() {
			if o := s.derive(a, 0); o.kind == param && o.fn == fn {
				return true
			}
		}
	}
	return false
}

// isSetter reports whether m, a method of o's type that stores its own
// ctx argument, is a setter in the WithContext style: it returns a value
// of the type (or of an interface the type implements), or does nothing
// but assign. Other methods that keep their ctx are not setters.
func (s *state) isSetter(m *ctxinfo.Func, o *owner) bool {
	res := m.Sig.Results()
	for i := range res.Len() {
		rt := res.At(i).Type()
		if s.ownerOf(rt) == o {
			return true
		}
		if iface, ok := rt.Underlying().(*types.Interface); ok && iface.NumMethods() > 0 &&
			!isGeneric(o.tn.Type()) && types.Implements(types.NewPointer(o.tn.Type()), iface) {
			return true // WithContext(ctx) Interface, returning the type as an interface
		}
	}
	for _, st := range m.Body.List {
		switch st := st.(type) {
		case *ast.AssignStmt:
		case *ast.ReturnStmt:
			if len(st.Results) > 0 {
				return false
			}
		default:
			return false
		}
	}
	return len(m.Body.List) > 0
}

// isAdapter reports whether the field is the lifetime of an adapter: a
// type whose methods that read the field have no context of their own
// because their signatures are imposed (by an interface it implements or
// is used as, or because they are passed as callbacks). Such a field is
// left alone; a read in place of a ctx in scope makes it no adapter.
func (s *state) isAdapter(f *finding) bool {
	o := f.fd.owner
	if !o.direct || len(f.readers) == 0 || len(f.conflicts) > 0 {
		return false
	}
	for _, m := range f.readers {
		if s.isImposed(o, m, map[*ctxinfo.Func]bool{}) {
			return true
		}
	}
	return false
}

// isImposed reports whether m, a method of o's type, has a signature
// imposed from outside, or is a ctx-less helper that such a method
// calls (at any depth).
func (s *state) isImposed(o *owner, m *ctxinfo.Func, seen map[*ctxinfo.Func]bool) bool {
	if seen[m] || len(seen) > 32 {
		return false
	}
	seen[m] = true
	if s.imposedMethods(o)[m.Obj.Name()] || s.methodValues[m.Obj.Origin()] {
		return true
	}
	for _, c := range s.callers[m] {
		if s.isMethodOf(c, o) && !c.HasContext() && s.isImposed(o, c, seen) {
			return true
		}
	}
	return false
}
