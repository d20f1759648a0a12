package watchloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// flow follows watches, their result channels and contexts through the
// local variables of one top-level declaration, function literals
// included. Build it once per declaration with newFlow.
type flow struct {
	api    *watchAPI
	in     *ctxinfo.Info
	defs   map[*types.Var][]source
	fields map[fieldKey][]fieldDef // assignments to x.f, for a local variable x
	refs   map[*types.Var][]inspector.Cursor
	owners map[*types.Var]*ctxinfo.Func // parameters of the declaration's functions
}

// source is one value assigned to a variable: expr, or its index-th
// result when expr is a call with several results. A nil expr is a value
// the flow does not follow (a range element, for instance).
type source struct {
	expr  ast.Expr
	index int
}

// fieldKey names the field f of the value of the local variable x, in
// x.f.
type fieldKey struct{ base, field *types.Var }

// fieldDef is one value assigned to x.f, in the function fn (a
// *ast.FuncDecl or *ast.FuncLit) at pos.
type fieldDef struct {
	src source
	fn  ast.Node
	pos token.Pos
}

// fieldOf returns the key of e when e is x.f for a local variable x and
// a field f.
func (f *flow) fieldOf(e ast.Expr) (fieldKey, bool) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return fieldKey{}, false
	}
	s := f.in.TypesInfo.Selections[sel]
	base := f.local(sel.X)
	if s == nil || s.Kind() != types.FieldVal || base == nil {
		return fieldKey{}, false
	}
	return fieldKey{base, s.Obj().(*types.Var)}, true
}

// fieldSources returns the values assigned to the field that e selects
// earlier in the function that uses e, or in one that encloses it.
func (f *flow) fieldSources(e ast.Expr) []source {
	k, ok := f.fieldOf(e)
	if !ok {
		return nil
	}
	var out []source
	for _, d := range f.fields[k] {
		if d.pos < e.Pos() && d.fn.Pos() <= e.Pos() && e.End() <= d.fn.End() {
			out = append(out, d.src)
		}
	}
	return out
}

// newFlow records the definitions of the watch, channel and context
// variables of the declaration at decl, and the uses of its watch
// variables, in one walk.
func newFlow(api *watchAPI, decl inspector.Cursor) *flow {
	in := api.in
	f := &flow{
		api:    api,
		in:     in,
		defs:   map[*types.Var][]source{},
		fields: map[fieldKey][]fieldDef{},
		refs:   map[*types.Var][]inspector.Cursor{},
		owners: map[*types.Var]*ctxinfo.Func{},
	}
	info := in.TypesInfo
	def := func(lhs ast.Expr, src source) {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok || id.Name == "_" {
			return
		}
		v, _ := info.ObjectOf(id).(*types.Var)
		if v != nil && f.interesting(v) {
			f.defs[v] = append(f.defs[v], src)
		}
	}
	for cur := range decl.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil),
		(*ast.Ident)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
				continue
			}
			for i, lhs := range n.Lhs {
				if rhs, idx := analysisutil.AssignedValue(n.Rhs, len(n.Lhs), i); rhs != nil {
					def(lhs, source{rhs, idx})
					if k, ok := f.fieldOf(lhs); ok && api.isWatch(k.field.Type()) {
						for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
							f.fields[k] = append(f.fields[k], fieldDef{source{rhs, idx}, fn.Node(), lhs.Pos()})
							break
						}
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if rhs, idx := analysisutil.AssignedValue(n.Values, len(n.Names), i); rhs != nil {
					def(name, source{rhs, idx})
				}
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				def(n.Key, source{})
			}
			if n.Value != nil {
				def(n.Value, source{})
			}
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && !v.IsField() && api.isWatch(v.Type()) {
				f.refs[v] = append(f.refs[v], cur)
			}
		case *ast.FuncDecl, *ast.FuncLit:
			if fn := in.Func(n); fn != nil {
				for v := range fn.Sig.Params().Variables() {
					f.owners[v] = fn
				}
			}
		}
	}
	return f
}

// interesting reports whether the flow follows variable v: watches,
// contexts and channels.
func (f *flow) interesting(v *types.Var) bool {
	t := v.Type()
	if _, ok := t.Underlying().(*types.Chan); ok {
		return true
	}
	return f.api.isWatch(t) || f.in.IsContext(t)
}

// local returns the variable that e denotes when e is an identifier of a
// local variable or parameter (not a field, not package-level), or nil.
func (f *flow) local(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := f.in.TypesInfo.ObjectOf(id).(*types.Var)
	if v == nil || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// sources returns the values assigned to the local variable v the first
// time a walk that records the variables it has seen in seen asks, and
// nil after (first is false then).
func (f *flow) sources(v *types.Var, seen map[*types.Var]bool) (srcs []source, first bool) {
	if seen[v] {
		return nil, false
	}
	seen[v] = true
	return f.defs[v], true
}

// uses returns the references to the watch variable v in the
// declaration, in source order.
func (f *flow) uses(v *types.Var) []inspector.Cursor { return f.refs[v] }

// chanWatches returns the watches whose result channel e is: x for
// x.ResultChan(), or the watches of every ResultChan() call assigned to
// the local variable e. It returns nil when e is not known to be a
// watch's result channel.
func (f *flow) chanWatches(e ast.Expr) []ast.Expr {
	if x, ok := f.api.resultChanCall(e); ok {
		return []ast.Expr{x}
	}
	v := f.local(e)
	if v == nil || f.owners[v] != nil {
		return nil
	}
	srcs := f.defs[v]
	if len(srcs) == 0 {
		return nil
	}
	var out []ast.Expr
	for _, s := range srcs {
		x, ok := f.api.resultChanCall(s.expr)
		if !ok || s.index > 0 {
			return nil
		}
		out = append(out, x)
	}
	return out
}

// originKind says where a watch came from.
type originKind uint8

const (
	// originUnknown: a local variable set in a way the flow does not
	// follow.
	originUnknown originKind = iota
	// originParam: a parameter of a function of the declaration.
	originParam
	// originElsewhere: a field, a package-level variable, an element, or
	// another expression that hands the watch in from elsewhere.
	originElsewhere
	// originCall: the result of a call in the declaration.
	originCall
)

// origin is one place a watch came from.
type origin struct {
	kind originKind
	expr ast.Expr      // the parameter, the expression handing it in, or the call
	call *ast.CallExpr // for originCall
	// ctx is, for originCall, the first context argument of the call, or
	// nil when it takes none.
	ctx ast.Expr
}

// origins returns where the watch denoted by w came from: one origin per
// value assigned to the local variable w, or w itself.
func (f *flow) origins(w ast.Expr) (out []origin) {
	f.addOrigins(w, map[*types.Var]bool{}, &out)
	return out
}

func (f *flow) addOrigins(e ast.Expr, seen map[*types.Var]bool, out *[]origin) {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.TypeAssertExpr:
		f.addOrigins(x.X, seen, out)
		return
	case *ast.CallExpr:
		if tv, ok := f.in.TypesInfo.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			f.addOrigins(x.Args[0], seen, out) // a conversion
			return
		}
		*out = append(*out, origin{kind: originCall, expr: x, call: x, ctx: ctxArg(f.in, x)})
		return
	case *ast.Ident:
		v := f.local(x)
		if v == nil {
			if _, isVar := f.in.TypesInfo.ObjectOf(x).(*types.Var); isVar {
				*out = append(*out, origin{kind: originElsewhere, expr: x})
			} else {
				*out = append(*out, origin{kind: originUnknown, expr: x})
			}
			return
		}
		if f.owners[v] != nil {
			*out = append(*out, origin{kind: originParam, expr: x})
		}
		srcs, first := f.sources(v, seen)
		if first && len(srcs) == 0 && f.owners[v] == nil {
			*out = append(*out, origin{kind: originUnknown, expr: x})
		}
		for _, s := range srcs {
			if s.expr == nil {
				*out = append(*out, origin{kind: originUnknown, expr: x})
			} else {
				f.addOrigins(s.expr, seen, out)
			}
		}
		return
	case *ast.SelectorExpr:
		// x.f assigned earlier in the function: the values assigned.
		if k, ok := f.fieldOf(x); ok && !seen[k.field] {
			if srcs := f.fieldSources(x); len(srcs) > 0 {
				seen[k.field] = true
				for _, s := range srcs {
					f.addOrigins(s.expr, seen, out)
				}
				return
			}
		}
		*out = append(*out, origin{kind: originElsewhere, expr: x})
		return
	case *ast.IndexExpr, *ast.IndexListExpr, *ast.StarExpr:
		*out = append(*out, origin{kind: originElsewhere, expr: x})
		return
	}
	*out = append(*out, origin{kind: originUnknown, expr: e})
}

// rootKind says what a context is, at its root.
type rootKind uint8

const (
	// ctxOther: a field, a package-level variable, or the result of a
	// call the flow does not know.
	ctxOther rootKind = iota
	// ctxParam: a context parameter, or the context of a request
	// parameter, of a function of the declaration (fn).
	ctxParam
	// ctxRoot: context.Background() or context.TODO().
	ctxRoot
	// ctxDetached: context.WithoutCancel(...), never cancelled.
	ctxDetached
)

// ctxOrigin is one root of a context expression.
type ctxOrigin struct {
	kind rootKind
	fn   *ctxinfo.Func // for ctxParam
	expr ast.Expr      // the root expression
}

// ctxRoots returns the roots of the context expression e: it follows
// local variables, context.With* (except WithoutCancel, a root of its
// own), r.Context() of a request parameter, and other calls that take a
// context (they are assumed to derive from it, as logr.NewContext and
// errgroup.WithContext do).
func (f *flow) ctxRoots(e ast.Expr) (out []ctxOrigin) {
	f.addCtxRoots(e, map[*types.Var]bool{}, &out)
	return out
}

func (f *flow) addCtxRoots(e ast.Expr, seen map[*types.Var]bool, out *[]ctxOrigin) {
	e = ast.Unparen(e)
	info := f.in.TypesInfo
	switch x := e.(type) {
	case *ast.Ident:
		v := f.local(x)
		if v == nil {
			*out = append(*out, ctxOrigin{kind: ctxOther, expr: x})
			return
		}
		if fn := f.owners[v]; fn != nil {
			*out = append(*out, ctxOrigin{kind: ctxParam, fn: fn, expr: x})
		}
		srcs, _ := f.sources(v, seen)
		for _, s := range srcs {
			if s.expr == nil {
				*out = append(*out, ctxOrigin{kind: ctxOther, expr: x})
			} else {
				f.addCtxRoots(s.expr, seen, out)
			}
		}
		return
	case *ast.CallExpr:
		if _, ok := f.in.IsRootCall(x); ok {
			*out = append(*out, ctxOrigin{kind: ctxRoot, expr: x})
			return
		}
		if analysisutil.IsPkgFunc(analysisutil.Callee(info, x), ctxinfo.ContextPath, "WithoutCancel") {
			*out = append(*out, ctxOrigin{kind: ctxDetached, expr: x})
			return
		}
		if fn := f.requestOwner(x); fn != nil {
			*out = append(*out, ctxOrigin{kind: ctxParam, fn: fn, expr: x})
			return
		}
		found := false
		for _, a := range x.Args {
			if f.in.IsContext(info.TypeOf(a)) {
				found = true
				f.addCtxRoots(a, seen, out)
			}
		}
		if !found {
			*out = append(*out, ctxOrigin{kind: ctxOther, expr: x})
		}
		return
	}
	*out = append(*out, ctxOrigin{kind: ctxOther, expr: e})
}

// requestOwner returns the function of the declaration whose request
// parameter r call takes the context of (r.Context(), or for go-restful
// r.Request.Context()), or nil.
func (f *flow) requestOwner(call *ast.CallExpr) *ctxinfo.Func {
	x, ok := f.in.RequestContext(call)
	if !ok {
		return nil
	}
	v := f.local(x)
	if v == nil {
		return nil
	}
	if fn := f.owners[v]; fn != nil && fn.Req != nil && fn.Req.Var == v {
		return fn
	}
	return nil
}

// ctxFrom reports whether the context expression e is derived from the
// context of one of the functions fns (typically those enclosing a
// node, from Enclosing): some root of e is such a function's context
// parameter or request.
func (f *flow) ctxFrom(e ast.Expr, fns []*ctxinfo.Func) bool {
	for _, o := range f.ctxRoots(e) {
		if o.kind == ctxParam && slices.Contains(fns, o.fn) {
			return true
		}
	}
	return false
}

// closesWith reports whether the watch denoted by w closes its result
// channel when the context of one of fns ends: some origin of w is a
// call that received a context derived from it, or wraps such a watch
// (as watch.Filter does).
func (f *flow) closesWith(w ast.Expr, fns []*ctxinfo.Func) bool {
	return f.closesWithDepth(w, fns, 0)
}

func (f *flow) closesWithDepth(w ast.Expr, fns []*ctxinfo.Func, depth int) bool {
	if depth > 8 {
		return false
	}
	info := f.in.TypesInfo
	for _, o := range f.origins(w) {
		if o.kind != originCall {
			continue
		}
		for _, a := range o.call.Args {
			t := info.TypeOf(a)
			if f.in.IsContext(t) && f.ctxFrom(a, fns) {
				return true
			}
			if f.api.isWatch(t) && f.closesWithDepth(a, fns, depth+1) {
				return true
			}
		}
	}
	return false
}
