package storedctx

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
	"github.com/ctxlint/ctxlint/internal/directive"
	"github.com/ctxlint/ctxlint/internal/names"
)

//go:embed doc.go
var doc string

// Analyzer reports contexts kept in struct fields. It has its own flags;
// New returns a fresh instance with fresh flags.
var Analyzer = New()

// New returns a new instance of the analyzer.
func New() *analysis.Analyzer {
	c := &checker{}
	a := &analysis.Analyzer{
		Name:     names.Storedctx,
		Doc:      analysisutil.MustExtractDoc(doc, names.Storedctx),
		URL:      analysisutil.URLBase + names.Storedctx,
		Requires: []*analysis.Analyzer{ctxinfo.Analyzer, directive.Analyzer},
		Run:      analysisutil.Recover(names.Storedctx, c.run),
	}
	a.Flags.BoolVar(&c.includeTests, "include-tests", false,
		"also report structs declared in _test.go files (test tables, suite fixtures)")
	a.Flags.Var(&c.allow, "allow",
		"comma-separated `types` whose context fields are not reported, each as import/path.Type or, matching every package of that name, pkgname.Type")
	return a
}

// checker holds the options of one analyzer instance.
type checker struct {
	includeTests bool
	allow        allowList
}

// allowList is the value of the -allow flag.
type allowList struct {
	raw     string
	entries []allowEntry
}

type allowEntry struct {
	pkg  string // import path, or package name when it has no slash
	name string
}

func (l *allowList) String() string { return l.raw }

// Set parses a comma-separated list of pkg.Type entries, replacing the
// previous list.
func (l *allowList) Set(s string) error {
	var entries []allowEntry
	for e := range strings.SplitSeq(s, ",") {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		i := strings.LastIndex(e, ".")
		if i <= 0 || !token.IsIdentifier(e[i+1:]) || strings.HasSuffix(e[:i], "/") {
			return fmt.Errorf("allow entry %q is not of the form import/path.Type or pkgname.Type", e)
		}
		entries = append(entries, allowEntry{pkg: e[:i], name: e[i+1:]})
	}
	l.raw, l.entries = s, entries
	return nil
}

func (l *allowList) allows(tn *types.TypeName) bool {
	if tn == nil || tn.Pkg() == nil {
		return false
	}
	for _, e := range l.entries {
		if e.name != tn.Name() {
			continue
		}
		if e.pkg == tn.Pkg().Path() || !strings.Contains(e.pkg, "/") && e.pkg == tn.Pkg().Name() {
			return true
		}
	}
	return false
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	in, _ := pass.ResultOf[ctxinfo.Analyzer].(*ctxinfo.Info)
	if in == nil || in.Context == nil {
		return nil, nil // the package cannot refer to context.Context
	}
	s := &state{
		pass:     directive.Filter(pass, names.Storedctx),
		in:       in,
		cfg:      c,
		info:     pass.TypesInfo,
		named:    map[*types.TypeName]*owner{},
		fields:   map[*types.Var]*field{},
		funcFlds: map[*types.Var]bool{},
	}
	if !s.collectFields() {
		return nil, nil
	}
	s.collectUses()
	s.propagate()
	s.report()
	return nil, nil
}

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
}

type state struct {
	pass *analysis.Pass
	in   *ctxinfo.Info
	cfg  *checker
	info *types.Info

	owners []*owner                     // in source order
	named  map[*types.TypeName]*owner   // owners that are defined struct types
	fields map[*types.Var]*field        // fields holding contexts, by declared var
	params map[*types.Var]*ctxinfo.Func // ctx and request parameters

	funcFlds     map[*types.Var]bool               // func() and func(error) fields of owners
	cancelStores map[*types.Var][]def              // values stored in those
	locals       map[*types.Var][]def              // values assigned to variables
	methodValues map[*types.Func]bool              // methods used as values
	callers      map[*ctxinfo.Func][]*ctxinfo.Func // ctx-less methods of owners → the functions that call them
	convs        map[*owner][]conv                 // owner values used as interfaces
	calls        []call
	perRequest   map[*ctxinfo.Func]*ctxinfo.Func // function → the Reconcile or handler whose ctx it receives
	lent         map[*ctxinfo.Func]bool          // functions whose ctx is, at every call, a lifetime lent by its owner

	ifaces     []*types.Interface // non-empty interfaces of the package and its imports
	ifacesDone bool
}

func (s *state) isTestFile(pos token.Pos) bool {
	f := s.pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// files returns the cursors of the files to analyse.
func (s *state) files() []inspector.Cursor {
	var out []inspector.Cursor
	for f := range s.in.Inspector.Root().Children() {
		if s.cfg.includeTests || !s.isTestFile(f.Node().Pos()) {
			out = append(out, f)
		}
	}
	return out
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
			for _, f := range n.Fields.List {
				names := f.Names
				if len(names) == 0 {
					names = []*ast.Ident{nil}
				}
				for _, id := range names {
					if i >= st.NumFields() {
						break
					}
					v := st.Field(i)
					i++
					if isFuncField(v.Type()) {
						s.funcFlds[v] = true
					}
					if !s.in.HoldsContext(v.Type()) {
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
	if fd := s.fields[v]; fd != nil {
		fd.stores = append(fd.stores, &store{cur: cur, at: at, expr: rhs, idx: idx, fn: s.outermost(cur)})
	} else if s.funcFlds[v] {
		s.cancelStores[v] = append(s.cancelStores[v], def{rhs, idx})
	}
}

// outermost returns the outermost function enclosing cur (the
// declaration a store belongs to), or nil.
func (s *state) outermost(cur inspector.Cursor) *ctxinfo.Func {
	if fns := s.in.Enclosing(cur); len(fns) > 0 {
		return fns[len(fns)-1]
	}
	return nil
}

// innermost returns the innermost function enclosing cur, or nil.
func (s *state) innermost(cur inspector.Cursor) *ctxinfo.Func {
	if fns := s.in.Enclosing(cur); len(fns) > 0 {
		return fns[0]
	}
	return nil
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
		if last && sel.Kind() == types.FieldVal && isStoreTarget(cur) {
			continue
		}
		var watch bool
		switch {
		case last && sel.Kind() == types.MethodVal:
			// x.Done() through an embedded context field.
			watch = watchMethods[sel.Obj().Name()] && analysisutil.Unparen(cur).ParentEdgeKind() == edge.CallExpr_Fun
		case last:
			watch = s.watches(cur)
		}
		fd.reads = append(fd.reads, read{cur, watch})
	}
}

// watchMethods are the methods of a context that only observe its end.
var watchMethods = map[string]bool{"Done": true, "Err": true, "Deadline": true}

// watches reports whether the context selected at cur is only observed
// there: x.f.Done(), x.f.Err(), x.f.Deadline() or context.Cause(x.f).
func (s *state) watches(cur inspector.Cursor) bool {
	c := analysisutil.Unparen(cur)
	switch c.ParentEdgeKind() {
	case edge.SelectorExpr_X:
		outer := c.Parent()
		sel, _ := s.info.Selections[outer.Node().(*ast.SelectorExpr)]
		if sel == nil || sel.Kind() != types.MethodVal || !watchMethods[sel.Obj().Name()] || !s.in.IsContext(sel.Recv()) {
			return false
		}
		return analysisutil.Climb(outer, edge.ParenExpr_X).ParentEdgeKind() == edge.CallExpr_Fun
	case edge.CallExpr_Args:
		call := c.Parent().Node().(*ast.CallExpr)
		return analysisutil.IsPkgFunc(analysisutil.Callee(s.info, call), ctxinfo.ContextPath, "Cause")
	}
	return false
}

// isStoreTarget reports whether the selector at cur is (part of) the
// left-hand side of an assignment: x.f = v, x.f[k] = v, *x.f = v.
func isStoreTarget(cur inspector.Cursor) bool {
	return analysisutil.Climb(cur, edge.ParenExpr_X, edge.IndexExpr_X, edge.StarExpr_X).ParentEdgeKind() == edge.AssignStmt_Lhs
}

func structOf(t types.Type) *types.Struct {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
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
	for k := range cp.Len() {
		if cp.At(k) == callee.Ctx.Var && k < len(n.Args) {
			if caller := s.innermost(cur); caller != nil {
				s.calls = append(s.calls, call{caller: caller, callee: callee, arg: n.Args[k]})
			}
		}
	}
}

// originKind says where a context value comes from.
type originKind uint8

const (
	unknown   originKind = iota
	param                // a function's ctx parameter or its request's context
	root                 // context.Background() or context.TODO()
	detached             // context.WithoutCancel(...)
	fieldRead            // the value of a context field, x.f
)

type origin struct {
	kind originKind
	fn   *ctxinfo.Func // for param: the function that receives it
	root string        // for root: Background or TODO
	fd   *field        // for fieldRead: the field read
}

// settles reports whether o is known and, when it is a field read,
// whether it is the sole value among those of a variable or an append:
// the others might be anything, so it tells nothing then.
func (o origin) settles(sole bool) bool {
	return o.kind != unknown && (o.kind != fieldRead || sole)
}

// derive follows a context expression back to where it comes from:
// through variables, context.With* and other functions that return a
// context made from their first argument, append, and r.Context(), to a
// ctx parameter, a root context or a context field.
func (s *state) derive(e ast.Expr, depth int) origin {
	if e == nil || depth > 8 {
		return origin{}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := s.info.ObjectOf(e).(*types.Var)
		if v == nil {
			return origin{}
		}
		if fn := s.params[v]; fn != nil && fn.Ctx != nil && fn.Ctx.Var == v {
			return origin{kind: param, fn: fn}
		}
		defs := s.locals[v]
		for _, d := range defs {
			if d.idx > 0 {
				continue
			}
			if o := s.derive(d.expr, depth+1); o.settles(len(defs) == 1) {
				return o
			}
		}
	case *ast.SelectorExpr:
		if sel := s.info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal && s.in.IsContext(sel.Type()) {
			if fd := s.fields[sel.Obj().(*types.Var).Origin()]; fd != nil {
				return origin{kind: fieldRead, fd: fd}
			}
		}
	case *ast.CallExpr:
		if name, ok := s.in.IsRootCall(e); ok {
			return origin{kind: root, root: name}
		}
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := s.info.Uses[id].(*types.Builtin); ok {
				if b.Name() == "append" {
					vals := e.Args[min(1, len(e.Args)):]
					for _, a := range vals {
						if o := s.derive(a, depth+1); o.settles(len(vals) == 1) {
							return o
						}
					}
				}
				return origin{}
			}
		}
		fn := analysisutil.Callee(s.info, e)
		if analysisutil.IsPkgFunc(fn, ctxinfo.ContextPath, "WithoutCancel") {
			return origin{kind: detached}
		}
		if fn != nil && fn.Name() == "Context" && len(e.Args) == 0 {
			if o := s.requestContext(e); o.kind != unknown {
				return o
			}
		}
		tv, ok := s.info.Types[e.Fun]
		if !ok || tv.IsType() || len(e.Args) == 0 {
			return origin{}
		}
		sig, _ := tv.Type.Underlying().(*types.Signature)
		if sig != nil && sig.Results().Len() > 0 && s.in.IsContext(sig.Results().At(0).Type()) {
			return s.derive(e.Args[0], depth+1)
		}
	}
	return origin{}
}

// requestContext recognises req.Context() (and req.Request.Context() for
// go-restful) on a handler's request parameter.
func (s *state) requestContext(call *ast.CallExpr) origin {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return origin{}
	}
	x := ast.Unparen(sel.X)
	if inner, ok := x.(*ast.SelectorExpr); ok {
		x = ast.Unparen(inner.X)
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return origin{}
	}
	v, _ := s.info.ObjectOf(id).(*types.Var)
	if fn := s.params[v]; fn != nil && fn.Req != nil && fn.Req.Var == v {
		return origin{kind: param, fn: fn}
	}
	return origin{}
}

// propagate works out which functions receive a per-request context: a
// Reconcile's, an HTTP or admission handler's, or one that such a
// function hands to a function of this package, at any depth; then the
// origins of the stores, and which functions are lent a lifetime.
func (s *state) propagate() {
	origins := make([]origin, len(s.calls))
	for i, c := range s.calls {
		origins[i] = s.derive(c.arg, 0)
	}
	for changed := true; changed; {
		changed = false
		for i, c := range s.calls {
			if s.perRequest[c.callee] != nil || origins[i].kind != param {
				continue
			}
			if r := s.perRequest[origins[i].fn]; r != nil {
				s.perRequest[c.callee] = r
				changed = true
			}
		}
	}
	for _, fd := range s.fields {
		for _, st := range fd.stores {
			if st.idx <= 0 {
				st.orig = s.derive(st.expr, 0)
			}
		}
	}
	s.lend(origins)
}

// lend works out which functions receive, as their ctx, a lifetime lent
// by its owner at every call in the package (see isLent), given the
// origins of the contexts that the calls pass.
func (s *state) lend(origins []origin) {
	s.lent = map[*ctxinfo.Func]bool{}
	for changed := true; changed; {
		changed = false
		other := map[*ctxinfo.Func]bool{} // functions that a call passes something else
		for i, c := range s.calls {
			if !s.isLent(origins[i]) {
				other[c.callee] = true
			}
		}
		for _, c := range s.calls {
			if !other[c.callee] && !s.lent[c.callee] {
				s.lent[c.callee] = true
				changed = true
			}
		}
	}
}

// isPerRequest reports whether st stores a per-request context.
func (s *state) isPerRequest(st *store) bool {
	return st.orig.kind == param && s.perRequest[st.orig.fn] != nil
}

// isLent reports whether a context of origin o is a lifetime lent by the
// type that owns it: the value of a context field of a type that keeps
// its cancel function (unless a per-request context is stored there), or
// the ctx of a function that receives such a lifetime at every call.
func (s *state) isLent(o origin) bool {
	switch o.kind {
	case fieldRead:
		return s.ownsLifetime(o.fd.owner) && !slices.ContainsFunc(o.fd.stores, s.isPerRequest)
	case param:
		return s.lent[o.fn]
	}
	return false
}

// lifetime is what makes a defined type long-lived.
type lifetime struct {
	kind       string          // "reconciler", "runnable", "HTTP handler", "admission handler" or ""
	runnable   bool            // it has Start(context.Context) error, whatever its kind
	methods    []*ctxinfo.Func // its methods declared in this package
	ctxMethods []*ctxinfo.Func // those that receive a context of their own
}

func (s *state) lifetime(o *owner) *lifetime {
	if o.lt != nil {
		return o.lt
	}
	lt := &lifetime{}
	o.lt = lt
	if !o.direct {
		return lt
	}
	n, ok := o.tn.Type().(*types.Named)
	if !ok {
		return lt
	}
	var handler string
	for m := range n.Methods() {
		fn := s.in.Decl(m)
		if fn == nil {
			continue
		}
		lt.methods = append(lt.methods, fn)
		if fn.HasContext() {
			lt.ctxMethods = append(lt.ctxMethods, fn)
		}
		switch fn.Kind {
		case ctxinfo.Reconcile:
			lt.kind = "reconciler"
		case ctxinfo.HTTP:
			handler = "HTTP handler"
		case ctxinfo.Admission:
			handler = "admission handler"
		}
	}
	lt.runnable = s.in.IsRunnable(n)
	switch {
	case lt.kind != "":
	case s.in.IsReconciler(n):
		lt.kind = "reconciler"
	case handler != "":
		lt.kind = handler
	case lt.runnable:
		lt.kind = "runnable"
	}
	return lt
}

// isMethodOf reports whether fn is a method of o's type.
func (s *state) isMethodOf(fn *ctxinfo.Func, o *owner) bool {
	if fn == nil || fn.Obj == nil || fn.Sig.Recv() == nil || !o.direct {
		return false
	}
	return s.ownerOf(fn.Sig.Recv().Type()) == o
}

// isWrapper reports whether o is itself a context, whose job is to hold
// its parent: it declares context methods of its own, or it embeds a
// context and is neither long-lived nor given a context by its methods.
func (s *state) isWrapper(o *owner) bool {
	t := types.Type(o.st)
	if o.direct {
		t = o.tn.Type()
	}
	if !s.in.ImplementsContext(t) {
		return false
	}
	if s.in.DeclaresContextMethods(t) {
		return true
	}
	lt := s.lifetime(o)
	return lt.kind == "" && len(lt.ctxMethods) == 0
}

// ownsLifetime reports whether o keeps a cancel function for the
// context it holds: a context.CancelFunc or CancelCauseFunc field, or a
// func() field assigned the cancel function of context.WithCancel (or
// WithTimeout, WithDeadline and their Cause forms).
func (s *state) ownsLifetime(o *owner) bool {
	for i := range o.st.NumFields() {
		v := o.st.Field(i)
		if s.in.IsCancelFunc(v.Type()) {
			return true
		}
		for _, d := range s.cancelStores[v] {
			if s.isCancel(d, 0) {
				return true
			}
		}
	}
	return false
}

// isCancel reports whether d is the cancel function of a context.With*
// call, directly or through variables.
func (s *state) isCancel(d def, depth int) bool {
	if depth > 8 {
		return false
	}
	switch e := ast.Unparen(d.expr).(type) {
	case *ast.CallExpr:
		return d.idx == 1 && ctxinfo.IsWithCancel(analysisutil.Callee(s.info, e))
	case *ast.Ident:
		if d.idx >= 0 {
			return false
		}
		if v, ok := s.info.ObjectOf(e).(*types.Var); ok {
			for _, dd := range s.locals[v] {
				if s.isCancel(dd, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

// imposedMethods returns the names of the methods of o's type whose signatures
// are imposed from outside: methods of the non-empty interfaces that the
// type is used as, or implements among those declared in this package
// and the packages it imports.
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
				o.imposed[m.Name()] = true
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

// finding gathers what is known about one field.
type finding struct {
	fd          *field
	lt          *lifetime
	perRequest  []*store // stores of a per-request context
	setters     []*store // stores of a method's own ctx argument by a setter
	own         []*store // other stores of a method's own ctx argument (Start keeping its ctx)
	roots       []*store // stores of context.Background() or TODO()
	conflicts   []inspector.Cursor
	conflictFn  []*ctxinfo.Func
	readers     []*ctxinfo.Func // methods of the type that read the field, without a ctx of their own or only to watch it
	watchedOnly bool            // the field is read, and only to watch the context's end
	borrowed    bool            // every store stores a lifetime lent by the type that owns it
}

// report reports the fields that hold contexts, in source order, except
// those of allowed types, of contexts and of per-call state objects;
// and, unless the context is known to be per-request, those of types
// that own its lifetime with a cancel function, those that borrow such a
// lifetime, and, unless a WithContext-style setter stores it, contexts
// that are only watched and those of adapters.
func (s *state) report() {
	for _, o := range s.owners {
		if o.tn != nil && s.cfg.allow.allows(o.tn) || s.isWrapper(o) {
			continue
		}
		owns := s.ownsLifetime(o)
		for _, fd := range o.fields {
			f := s.examine(fd)
			if len(f.perRequest) == 0 && (owns || f.borrowed || len(f.setters) == 0 && (f.watchedOnly || s.isAdapter(f))) || s.isPerCall(f) {
				continue
			}
			s.pass.Report(s.diagnostic(f))
		}
	}
}

func (s *state) examine(fd *field) *finding {
	o := fd.owner
	f := &finding{fd: fd, lt: s.lifetime(o), borrowed: len(fd.stores) > 0}
	for _, st := range fd.stores {
		f.borrowed = f.borrowed && s.isLent(st.orig)
		switch {
		case s.isPerRequest(st):
			f.perRequest = append(f.perRequest, st)
		case st.orig.kind == param:
			if m := st.orig.fn; m == st.fn && s.isMethodOf(m, o) {
				if s.isSetter(m, o) {
					f.setters = append(f.setters, st)
				} else {
					f.own = append(f.own, st)
				}
			}
		case st.orig.kind == root:
			f.roots = append(f.roots, st)
		}
	}
	// Functions that store their own ctx in the field: their reads of it
	// use their own ctx.
	storesOwn := map[*ctxinfo.Func]bool{}
	for _, st := range fd.stores {
		if st.orig.kind == param {
			storesOwn[st.orig.fn] = true
		}
	}
	seenConflict, seenReader := map[*ctxinfo.Func]bool{}, map[*ctxinfo.Func]bool{}
	f.watchedOnly = len(fd.reads) > 0
	for _, r := range fd.reads {
		if !r.watch {
			f.watchedOnly = false
		}
		if !r.watch {
			if p := s.in.ScopeAt(r.cur).Provider; p != nil && !storesOwn[p] && !s.passedAlongside(r.cur, p) {
				f.conflicts = append(f.conflicts, r.cur)
				if !seenConflict[p] {
					seenConflict[p] = true
					f.conflictFn = append(f.conflictFn, p)
				}
				continue
			}
		}
		if m := s.outermost(r.cur); s.isMethodOf(m, o) && !seenReader[m] {
			seenReader[m] = true
			f.readers = append(f.readers, m)
		}
	}
	return f
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
// but assign.
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
// is used as, or because they are passed as callbacks).
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

func (s *state) qualifier(p *types.Package) string {
	if p == s.pass.Pkg {
		return ""
	}
	return p.Name()
}

func (s *state) pos(n ast.Node) string { return analysisutil.Position(s.pass.Fset, n.Pos()) }

// what describes the context a field holds.
func (s *state) what(v *types.Var) string {
	ts := types.TypeString(v.Type(), s.qualifier)
	t := types.Unalias(v.Type())
	switch {
	case s.in.IsContext(v.Type()):
		if ts == "context.Context" {
			return "a context"
		}
		return "a context (" + ts + ")"
	case isPointer(t):
		return "a pointer to a context (" + ts + ")"
	case isNamedStruct(t):
		return "a context inside " + ts
	}
	return "contexts (" + ts + ")"
}

func isGeneric(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.TypeParams().Len() > 0
}

func isPointer(t types.Type) bool { _, ok := t.(*types.Pointer); return ok }

func isNamedStruct(t types.Type) bool {
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	_, ok = n.Underlying().(*types.Struct)
	return ok
}

func funcNames(fns []*ctxinfo.Func) string {
	var out []string
	for _, fn := range fns {
		out = append(out, fn.Name())
	}
	switch len(out) {
	case 0:
		return ""
	case 1:
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}

// qualName names a function for messages that may point outside the
// type being reported: "FooReconciler.Reconcile" for a method.
func qualName(fn *ctxinfo.Func) string {
	if fn.Obj != nil {
		return analysisutil.QualName(fn.Obj)
	}
	return fn.Name()
}

// storedIn says where a store happens: "in NewClient at client.go:12".
func (s *state) storedIn(st *store) string {
	if st.fn != nil && st.fn.Obj != nil {
		return "in " + st.fn.Name() + " at " + s.pos(st.at)
	}
	return "at " + s.pos(st.at)
}

func (s *state) diagnostic(f *finding) analysis.Diagnostic {
	fd, o, lt := f.fd, f.fd.owner, f.lt
	subject := o.name()
	if lt.kind != "" {
		subject = lt.kind + " " + subject
	}
	var msg string
	if fd.v.Embedded() {
		msg = fmt.Sprintf("%s embeds %s", subject, s.what(fd.v))
	} else {
		msg = fmt.Sprintf("field %s of %s stores %s", fd.v.Name(), subject, s.what(fd.v))
	}
	var related []analysis.RelatedInformation
	relate := func(n ast.Node, text string) {
		if len(related) < 4 {
			related = append(related, analysis.RelatedInformation{Pos: n.Pos(), End: n.End(), Message: text})
		}
	}
	var rootNote, rootSet string
	if len(f.roots) > 0 {
		st := f.roots[0]
		rootSet = fmt.Sprintf("set to context.%s() %s", st.orig.root, s.storedIn(st))
		rootNote = ", and it is " + rootSet + ", which is never cancelled"
		relate(st.at, "context."+st.orig.root+"() is stored here")
	}
	const general = "pass ctx to the functions that need it, and keep a context.CancelFunc or a done channel to own a lifetime"
	var why, fix string
	switch {
	case len(f.perRequest) > 0:
		st := f.perRequest[0]
		r := s.perRequest[st.orig.fn]
		via := ""
		if st.orig.fn != r {
			via = ", handed on to " + qualName(st.orig.fn)
		}
		relate(st.at, "the per-request context is stored here")
		switch r.Kind {
		case ctxinfo.Reconcile:
			why = fmt.Sprintf("it is the ctx of one call of %s%s, stored %s, with that reconcile's logger, ID and deadline: work done through the field later runs under the wrong reconcile, or fails once that call's ctx is cancelled", qualName(r), via, s.storedIn(st))
		case ctxinfo.HTTP:
			why = fmt.Sprintf("it is the ctx of one request served by %s%s, stored %s, and net/http cancels it when that handler returns: work done through the field later fails with context canceled", qualName(r), via, s.storedIn(st))
		default:
			why = fmt.Sprintf("it is the ctx of one admission request served by %s%s, stored %s, and it is cancelled when that webhook call returns: work done through the field later fails with context canceled", qualName(r), via, s.storedIn(st))
		}
		if st.fn == r && s.isMethodOf(r, o) {
			why += ", and concurrent calls overwrite each other's (a data race)"
		}
		fix = "pass the ctx as a parameter to each function that needs it instead of storing it"
	case len(f.conflicts) > 0:
		fn := f.conflictFn[0]
		for _, r := range f.conflicts {
			relate(r.Node(), "read here, where a context of the function's own is in scope")
		}
		why = fmt.Sprintf("%s receives a ctx of its own but uses this one (at %s)", fn.Name(), s.pos(f.conflicts[0].Node()))
		if rootSet != "" {
			why += ", " + rootSet + " and never cancelled"
		}
		why += ", so its caller's cancellation and deadline never reach that work"
		fix = fmt.Sprintf("use the ctx %s receives and remove the field", fn.Name())
	case len(f.setters) > 0:
		st := f.setters[0]
		relate(st.at, st.fn.Name()+" stores its ctx argument here")
		why = fmt.Sprintf("%s stores its ctx argument in it (at %s), so every later call through %s uses that one ctx: once it is cancelled or expires they all fail, and calls made before it is set have none (client-go turned this design down for that reason)", st.fn.Name(), s.pos(st.at), o.name())
		fix = "take a ctx parameter in each method that needs one instead"
	case len(f.own) > 0 && lt.runnable:
		st := f.own[0]
		relate(st.at, st.fn.Name()+" stores its ctx here")
		why = fmt.Sprintf("it keeps the ctx that %s receives (stored at %s), so work started later through the field runs until that ctx ends, whatever the ctx of the code that starts it", st.fn.Name(), s.pos(st.at))
		fix = "pass a ctx to that work explicitly; if the type owns this lifetime, keep the ctx together with its context.CancelFunc, or keep only ctx.Done() as a stop channel"
	case lt.kind == "reconciler":
		why = "one reconciler serves every reconcile, so work done through the field ignores each Reconcile's ctx: its cancellation at shutdown, its deadline and its logger" + rootNote
		fix = "use the ctx that Reconcile receives and pass it to the helpers that need it"
	case lt.kind == "runnable":
		why = "Start already receives the context that bounds the runnable's life, so a stored one is stale or competes with it" + rootNote
		fix = "pass Start's ctx to the work it starts; if the type owns a lifetime of its own, keep the ctx together with its context.CancelFunc"
	case lt.kind == "HTTP handler" || lt.kind == "admission handler":
		why = "one handler serves every request, so work done through the field ignores each request's cancellation and deadline" + rootNote
		fix = "use the context of the request being served"
	case len(lt.ctxMethods) == 1:
		m := lt.ctxMethods[0].Name()
		why = fmt.Sprintf("%s already receives a ctx of its own, so the stored one is either dead or used instead of it%s", m, rootNote)
		fix = fmt.Sprintf("use %s's ctx parameter, pass a ctx to the other methods that need one, and remove the field", m)
	case len(lt.ctxMethods) > 1:
		why = fmt.Sprintf("%s already receive a ctx of their own, so the stored one is either dead or used instead of theirs%s", funcNames(lt.ctxMethods), rootNote)
		fix = "use their ctx parameters, pass a ctx to the other methods that need one, and remove the field"
	case len(f.roots) > 0:
		why = "it is " + rootSet + ", which is never cancelled, so no caller's cancellation or deadline reaches the work done through it"
		fix = general
	default:
		why = "a context belongs to one call, and kept in a struct it outlives that call, so later work through the field runs with a context that may already be cancelled, or that no caller can cancel"
		fix = general
	}
	return analysis.Diagnostic{
		Pos:     fd.pos,
		End:     fd.end,
		Message: msg + ": " + why + "; " + fix,
		Related: related,
	}
}
