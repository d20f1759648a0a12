package ctxinfo

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// This file is what ctxlint knows about Kubernetes watches: which values
// are watches (they implement k8s.io/apimachinery/pkg/watch.Interface),
// which channels are a watch's result channel, where a watch came from,
// and whether it closes its channel when a context ends.
//
// Client-go's watches (typed and dynamic clients, controller-runtime's
// WithWatch, RetryWatcher) read from a request made with the context they
// were created from: when that context ends, the request ends and the
// result channel is closed. A watch created from a context derived from
// ctx (context.WithCancel, WithTimeout, WithValue and the like, but not
// WithoutCancel) therefore closes when ctx ends.

// Packages of client-go whose functions and methods start watches without
// taking a context.
const (
	cachePath      = "k8s.io/client-go/tools/cache"
	toolsWatchPath = "k8s.io/client-go/tools/watch"
)

// WatchInterface returns the method set of watch.Interface, or nil when
// the package cannot refer to it.
func (in *Info) WatchInterface() *types.Interface { return in.watchIface }

// IsWatch reports whether a value of type t is a watch: t implements
// watch.Interface (through aliases, pointers, embedding and type
// parameter constraints), or *t does for a named non-interface type.
func (in *Info) IsWatch(t types.Type) bool {
	iface := in.WatchInterface()
	if iface == nil || t == nil {
		return false
	}
	t = types.Unalias(t)
	switch u := t.(type) {
	case *types.Basic, *types.Tuple, *types.Signature:
		return false
	case *types.TypeParam:
		return types.Implements(u, iface)
	}
	if types.Implements(t, iface) {
		return true
	}
	if _, isNamed := t.(*types.Named); !isNamed {
		return false
	}
	if _, isIface := t.Underlying().(*types.Interface); isIface {
		return false
	}
	return types.Implements(types.NewPointer(t), iface)
}

// ResultChanCall reports whether e is x.ResultChan() for a watch x, and
// returns x.
func (in *Info) ResultChanCall(e ast.Expr) (ast.Expr, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "ResultChan" {
		return nil, false
	}
	s := in.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal || !in.IsWatch(s.Recv()) {
		return nil, false
	}
	return sel.X, true
}

// IsWatchMethod reports whether e is x.<name> (a call's function or a
// method value) for a watch x, and returns x.
func (in *Info) IsWatchMethod(e ast.Expr, name string) (ast.Expr, bool) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return nil, false
	}
	s := in.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal || !in.IsWatch(s.Recv()) {
		return nil, false
	}
	return sel.X, true
}

// WatchResult returns the index of the first result of call that is a
// watch, or -1 (also for conversions and builtins).
func (in *Info) WatchResult(call *ast.CallExpr) int {
	tv, ok := in.TypesInfo.Types[call.Fun]
	if !ok || tv.IsType() || tv.IsBuiltin() {
		return -1
	}
	switch t := in.TypesInfo.TypeOf(call).(type) {
	case nil:
		return -1
	case *types.Tuple:
		for i := range t.Len() {
			if in.IsWatch(t.At(i).Type()) {
				return i
			}
		}
		return -1
	default:
		if in.IsWatch(t) {
			return 0
		}
	}
	return -1
}

// IsFakeWatch reports whether call makes one of apimachinery's in-memory
// watchers (watch.NewFake and its variants, watch.NewEmptyWatch), which
// hold no connection: nothing leaks when they are not stopped.
func (in *Info) IsFakeWatch(call *ast.CallExpr) bool {
	return analysisutil.IsPkgFunc(analysisutil.Callee(in.TypesInfo, call), WatchPath,
		"NewFake", "NewFakeWithChanSize", "NewFakeWithOptions", "NewRaceFreeFake",
		"NewRaceFreeFakeWithLogger", "NewEmptyWatch")
}

// StartsWatch reports whether call starts a watch that its caller owns
// and must stop: it returns a watch (and no bool, as reactors' "handled"
// results do), is not one of apimachinery's in-memory fakes, and either
// takes a context (client-go's typed and dynamic Watch,
// controller-runtime's WithWatch.Watch, NewRetryWatcherWithContext, and
// any wrapper that does the same) or is a function or method of
// client-go's tools/cache or tools/watch packages (ListerWatcher's
// context-less Watch, NewRetryWatcher). Helpers that return a watch whose
// stopping is optional, such as record.EventBroadcaster's
// StartRecordingToSink, take no context and are left out.
func (in *Info) StartsWatch(call *ast.CallExpr) bool {
	if in.WatchResult(call) < 0 || in.IsFakeWatch(call) {
		return false
	}
	info := in.TypesInfo
	if tuple, ok := info.TypeOf(call).(*types.Tuple); ok {
		for v := range tuple.Variables() {
			if b, ok := v.Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
				return false
			}
		}
	}
	if fn := analysisutil.Callee(info, call); fn != nil && fn.Pkg() != nil {
		switch fn.Pkg().Path() {
		case cachePath, toolsWatchPath:
			return true
		}
	}
	for _, a := range call.Args {
		if in.IsContext(info.TypeOf(a)) {
			return true
		}
	}
	return false
}

// WatchFlow follows watches, their result channels and contexts through
// the local variables of one top-level declaration, function literals
// included. Build it once per declaration with NewWatchFlow.
type WatchFlow struct {
	in     *Info
	defs   map[*types.Var][]source
	uses   map[*types.Var][]inspector.Cursor
	owners map[*types.Var]*Func // parameters of the declaration's functions
}

// source is one value assigned to a variable: expr, or its index-th
// result when expr is a call with several results. A nil expr is a value
// the flow does not follow (a range element, for instance).
type source struct {
	expr  ast.Expr
	index int
}

// NewWatchFlow records the definitions of the watch, channel and context
// variables of the declaration at decl, and the uses of its watch
// variables, in one walk.
func (in *Info) NewWatchFlow(decl inspector.Cursor) *WatchFlow {
	f := &WatchFlow{
		in:     in,
		defs:   map[*types.Var][]source{},
		uses:   map[*types.Var][]inspector.Cursor{},
		owners: map[*types.Var]*Func{},
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
			if v, ok := info.Uses[n].(*types.Var); ok && !v.IsField() && in.IsWatch(v.Type()) {
				f.uses[v] = append(f.uses[v], cur)
			}
		case *ast.FuncDecl, *ast.FuncLit:
			if fn := in.funcs[n]; fn != nil {
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
func (f *WatchFlow) interesting(v *types.Var) bool {
	t := v.Type()
	if _, ok := t.Underlying().(*types.Chan); ok {
		return true
	}
	return f.in.IsWatch(t) || f.in.IsContext(t)
}

// Var returns the variable that e denotes when e is an identifier of a
// local variable or parameter (not a field, not package-level), or nil.
func (f *WatchFlow) Var(e ast.Expr) *types.Var {
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

// Uses returns the references to the watch variable v in the
// declaration, in source order.
func (f *WatchFlow) Uses(v *types.Var) []inspector.Cursor { return f.uses[v] }

// Owner returns the function whose parameter v is, or nil.
func (f *WatchFlow) Owner(v *types.Var) *Func { return f.owners[v] }

// ChanWatches returns the watches whose result channel e is: x for
// x.ResultChan(), or the watches of every ResultChan() call assigned to
// the local variable e. It returns nil when e is not known to be a
// watch's result channel.
func (f *WatchFlow) ChanWatches(e ast.Expr) []ast.Expr {
	if x, ok := f.in.ResultChanCall(e); ok {
		return []ast.Expr{x}
	}
	v := f.Var(e)
	if v == nil || f.owners[v] != nil {
		return nil
	}
	srcs := f.defs[v]
	if len(srcs) == 0 {
		return nil
	}
	var out []ast.Expr
	for _, s := range srcs {
		x, ok := f.in.ResultChanCall(s.expr)
		if !ok || s.index > 0 {
			return nil
		}
		out = append(out, x)
	}
	return out
}

// OriginKind says where a watch came from.
type OriginKind uint8

const (
	// OriginUnknown: a local variable set in a way the flow does not
	// follow.
	OriginUnknown OriginKind = iota
	// OriginParam: a parameter of a function of the declaration.
	OriginParam
	// OriginElsewhere: a field, a package-level variable, an element, or
	// another expression that hands the watch in from elsewhere.
	OriginElsewhere
	// OriginCall: the result of a call in the declaration.
	OriginCall
)

// WatchOrigin is one place a watch came from.
type WatchOrigin struct {
	Kind OriginKind
	Expr ast.Expr      // the parameter, the expression handing it in, or the call
	Call *ast.CallExpr // for OriginCall
	// Ctx is, for OriginCall, the first context argument of the call, or
	// nil when it takes none.
	Ctx ast.Expr
}

// WatchOrigins returns where the watch denoted by w came from: one
// origin per value assigned to the local variable w, or w itself.
func (f *WatchFlow) WatchOrigins(w ast.Expr) []WatchOrigin {
	var out []WatchOrigin
	f.watchOrigins(w, map[*types.Var]bool{}, &out)
	return out
}

func (f *WatchFlow) watchOrigins(e ast.Expr, seen map[*types.Var]bool, out *[]WatchOrigin) {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.TypeAssertExpr:
		f.watchOrigins(x.X, seen, out)
		return
	case *ast.CallExpr:
		if tv, ok := f.in.TypesInfo.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			f.watchOrigins(x.Args[0], seen, out) // a conversion
			return
		}
		o := WatchOrigin{Kind: OriginCall, Expr: x, Call: x}
		for _, a := range x.Args {
			if f.in.IsContext(f.in.TypesInfo.TypeOf(a)) {
				o.Ctx = a
				break
			}
		}
		*out = append(*out, o)
		return
	case *ast.Ident:
		v := f.Var(x)
		if v == nil {
			if _, isVar := f.in.TypesInfo.ObjectOf(x).(*types.Var); isVar {
				*out = append(*out, WatchOrigin{Kind: OriginElsewhere, Expr: x})
			} else {
				*out = append(*out, WatchOrigin{Kind: OriginUnknown, Expr: x})
			}
			return
		}
		if f.owners[v] != nil {
			*out = append(*out, WatchOrigin{Kind: OriginParam, Expr: x})
		}
		if seen[v] {
			return
		}
		seen[v] = true
		srcs := f.defs[v]
		if len(srcs) == 0 && f.owners[v] == nil {
			*out = append(*out, WatchOrigin{Kind: OriginUnknown, Expr: x})
		}
		for _, s := range srcs {
			if s.expr == nil {
				*out = append(*out, WatchOrigin{Kind: OriginUnknown, Expr: x})
				continue
			}
			f.watchOrigins(s.expr, seen, out)
		}
		return
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr, *ast.StarExpr:
		*out = append(*out, WatchOrigin{Kind: OriginElsewhere, Expr: x})
		return
	}
	*out = append(*out, WatchOrigin{Kind: OriginUnknown, Expr: e})
}

// CtxRootKind says what a context is, at its root.
type CtxRootKind uint8

const (
	// CtxOther: a field, a package-level variable, or the result of a
	// call the flow does not know.
	CtxOther CtxRootKind = iota
	// CtxParam: a context parameter, or the context of a request
	// parameter, of a function of the declaration (Func).
	CtxParam
	// CtxRoot: context.Background() or context.TODO().
	CtxRoot
	// CtxDetached: context.WithoutCancel(...), never cancelled.
	CtxDetached
)

// CtxOrigin is one root of a context expression.
type CtxOrigin struct {
	Kind CtxRootKind
	Func *Func    // for CtxParam
	Expr ast.Expr // the root expression
}

// CtxOrigins returns the roots of the context expression e: it follows
// local variables, context.With* (except WithoutCancel, a root of its
// own), r.Context() of a request parameter, and other calls that take a
// context (they are assumed to derive from it, as logr.NewContext and
// errgroup.WithContext do).
func (f *WatchFlow) CtxOrigins(e ast.Expr) []CtxOrigin {
	var out []CtxOrigin
	f.ctxOrigins(e, map[*types.Var]bool{}, &out)
	return out
}

func (f *WatchFlow) ctxOrigins(e ast.Expr, seen map[*types.Var]bool, out *[]CtxOrigin) {
	e = ast.Unparen(e)
	info := f.in.TypesInfo
	switch x := e.(type) {
	case *ast.Ident:
		v := f.Var(x)
		if v == nil {
			*out = append(*out, CtxOrigin{Kind: CtxOther, Expr: x})
			return
		}
		if fn := f.owners[v]; fn != nil {
			*out = append(*out, CtxOrigin{Kind: CtxParam, Func: fn, Expr: x})
		}
		if seen[v] {
			return
		}
		seen[v] = true
		for _, s := range f.defs[v] {
			if s.expr == nil {
				*out = append(*out, CtxOrigin{Kind: CtxOther, Expr: x})
				continue
			}
			f.ctxOrigins(s.expr, seen, out)
		}
		return
	case *ast.CallExpr:
		if _, ok := f.in.IsRootCall(x); ok {
			*out = append(*out, CtxOrigin{Kind: CtxRoot, Expr: x})
			return
		}
		fn := analysisutil.Callee(info, x)
		if analysisutil.IsPkgFunc(fn, ContextPath, "WithoutCancel") {
			*out = append(*out, CtxOrigin{Kind: CtxDetached, Expr: x})
			return
		}
		if f.isRequestContext(x) {
			*out = append(*out, CtxOrigin{Kind: CtxParam, Func: f.requestOwner(x), Expr: x})
			return
		}
		found := false
		for _, a := range x.Args {
			if f.in.IsContext(info.TypeOf(a)) {
				found = true
				f.ctxOrigins(a, seen, out)
			}
		}
		if !found {
			*out = append(*out, CtxOrigin{Kind: CtxOther, Expr: x})
		}
		return
	}
	*out = append(*out, CtxOrigin{Kind: CtxOther, Expr: e})
}

// isRequestContext reports whether call is r.Context() (or, for
// go-restful, r.Request.Context()) for a request parameter r of a
// function of the declaration.
func (f *WatchFlow) isRequestContext(call *ast.CallExpr) bool { return f.requestOwner(call) != nil }

func (f *WatchFlow) requestOwner(call *ast.CallExpr) *Func {
	x, ok := f.in.RequestContext(call)
	if !ok {
		return nil
	}
	v := f.Var(x)
	if v == nil {
		return nil
	}
	if fn := f.owners[v]; fn != nil && fn.Req != nil && fn.Req.Var == v {
		return fn
	}
	return nil
}

// CtxFrom reports whether the context expression e is derived from the
// context of one of the functions fns (typically those enclosing a
// node, from Enclosing): some root of e is such a function's context
// parameter or request.
func (f *WatchFlow) CtxFrom(e ast.Expr, fns []*Func) bool {
	for _, o := range f.CtxOrigins(e) {
		if o.Kind != CtxParam {
			continue
		}
		for _, fn := range fns {
			if o.Func == fn {
				return true
			}
		}
	}
	return false
}

// ClosesWith reports whether the watch denoted by w closes its result
// channel when the context of one of fns ends: some origin of w is a
// call that received a context derived from it, or wraps such a watch
// (as watch.Filter does).
func (f *WatchFlow) ClosesWith(w ast.Expr, fns []*Func) bool {
	return f.closesWith(w, fns, 0)
}

func (f *WatchFlow) closesWith(w ast.Expr, fns []*Func, depth int) bool {
	if depth > 8 {
		return false
	}
	info := f.in.TypesInfo
	for _, o := range f.WatchOrigins(w) {
		if o.Kind != OriginCall {
			continue
		}
		for _, a := range o.Call.Args {
			t := info.TypeOf(a)
			if f.in.IsContext(t) && f.CtxFrom(a, fns) {
				return true
			}
			if f.in.IsWatch(t) && f.closesWith(a, fns, depth+1) {
				return true
			}
		}
	}
	return false
}
