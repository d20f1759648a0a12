package watchloop

import (
	"go/ast"
	"go/types"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// This file is what the check knows about Kubernetes watches: which
// values are watches (they implement k8s.io/apimachinery/pkg/watch.Interface),
// which calls are their methods, and which calls start one.
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
	toolsWatchPath = "k8s.io/client-go/tools/watch"
)

// watchAPI is watch.Interface as the package being analysed sees it.
type watchAPI struct {
	in    *ctxinfo.Info
	iface *types.Interface // the method set of watch.Interface

	// The methods of watch.Interface.
	resultChan, stop *types.Func
}

// newWatchAPI returns watch.Interface for the package of in, or nil when
// the package cannot refer to it.
func newWatchAPI(in *ctxinfo.Info) *watchAPI {
	pkg := in.Package(ctxinfo.WatchPath)
	t := analysisutil.LookupNamed(pkg, "Interface")
	if t == nil {
		return nil
	}
	iface, _ := t.Underlying().(*types.Interface)
	if iface == nil {
		return nil
	}
	api := &watchAPI{in: in, iface: iface}
	api.resultChan = method(t, pkg, "ResultChan")
	api.stop = method(t, pkg, "Stop")
	if api.resultChan == nil || api.stop == nil {
		return nil
	}
	return api
}

// method returns the method of t named name, or nil.
func method(t types.Type, pkg *types.Package, name string) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(t, false, pkg, name)
	m, _ := obj.(*types.Func)
	return m
}

// isWatch reports whether a value of type t is a watch: t implements
// watch.Interface (through aliases, pointers, embedding and type
// parameter constraints), or *t does for a named non-interface type.
func (api *watchAPI) isWatch(t types.Type) bool {
	if t == nil {
		return false
	}
	t = types.Unalias(t)
	switch u := t.(type) {
	case *types.Basic, *types.Tuple, *types.Signature:
		return false
	case *types.TypeParam:
		return types.Implements(u, api.iface)
	}
	if types.Implements(t, api.iface) {
		return true
	}
	if _, isNamed := t.(*types.Named); !isNamed {
		return false
	}
	if _, isIface := t.Underlying().(*types.Interface); isIface {
		return false
	}
	return types.Implements(types.NewPointer(t), api.iface)
}

// isMethod reports whether e is x.M (a call's function or a method value)
// for a watch x, where M is the method of x's type that implements m, a
// method of watch.Interface; it returns x. The method is resolved through
// the selection, never by its spelling.
func (api *watchAPI) isMethod(e ast.Expr, m *types.Func) (ast.Expr, bool) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	s := api.in.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal || !api.isWatch(s.Recv()) {
		return nil, false
	}
	if obj, _, _ := types.LookupFieldOrMethod(s.Recv(), true, m.Pkg(), m.Name()); obj != s.Obj() {
		return nil, false
	}
	return sel.X, true
}

// isStop reports whether e is x.Stop, the Stop method of a watch x, and
// returns x.
func (api *watchAPI) isStop(e ast.Expr) (ast.Expr, bool) { return api.isMethod(e, api.stop) }

// resultChanCall reports whether e is x.ResultChan() for a watch x, and
// returns x.
func (api *watchAPI) resultChanCall(e ast.Expr) (ast.Expr, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil, false
	}
	return api.isMethod(call.Fun, api.resultChan)
}

// watchResult returns the index of the first result of call that is a
// watch, or -1 (also for conversions and builtins).
func (api *watchAPI) watchResult(call *ast.CallExpr) int {
	info := api.in.TypesInfo
	tv, ok := info.Types[call.Fun]
	if !ok || tv.IsType() || tv.IsBuiltin() {
		return -1
	}
	switch t := info.TypeOf(call).(type) {
	case nil:
		return -1
	case *types.Tuple:
		for i := range t.Len() {
			if api.isWatch(t.At(i).Type()) {
				return i
			}
		}
		return -1
	default:
		if api.isWatch(t) {
			return 0
		}
	}
	return -1
}

// isPkgFunc reports whether call calls one of the named functions of
// package watch.
func (api *watchAPI) isPkgFunc(call *ast.CallExpr, names ...string) bool {
	return analysisutil.IsPkgFunc(analysisutil.Callee(api.in.TypesInfo, call), ctxinfo.WatchPath, names...)
}

// isFake reports whether call makes one of apimachinery's in-memory
// watchers (watch.NewFake and its variants, watch.NewEmptyWatch), which
// hold no connection: nothing leaks when they are not stopped.
func (api *watchAPI) isFake(call *ast.CallExpr) bool {
	return api.isPkgFunc(call, "NewFake", "NewFakeWithChanSize", "NewFakeWithOptions", "NewRaceFreeFake",
		"NewRaceFreeFakeWithLogger", "NewEmptyWatch")
}

// startsWatch reports whether call starts a watch that its caller owns
// and must stop: it returns a watch (and no bool, as reactors' "handled"
// results do), is not one of apimachinery's in-memory fakes, and either
// takes a context (client-go's typed and dynamic Watch,
// controller-runtime's WithWatch.Watch, NewRetryWatcherWithContext, and
// any wrapper that does the same) or is a function or method of
// client-go's tools/cache or tools/watch packages (ListerWatcher's
// context-less Watch, NewRetryWatcher). Helpers that return a watch whose
// stopping is optional, such as record.EventBroadcaster's
// StartRecordingToSink, take no context and are left out.
func (api *watchAPI) startsWatch(call *ast.CallExpr) bool {
	if api.watchResult(call) < 0 || api.fromFake(call) {
		return false
	}
	info := api.in.TypesInfo
	if tuple, ok := info.TypeOf(call).(*types.Tuple); ok {
		for v := range tuple.Variables() {
			if b, ok := v.Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
				return false
			}
		}
	}
	if fn := analysisutil.Callee(info, call); fn != nil && fn.Pkg() != nil {
		switch fn.Pkg().Path() {
		case ctxinfo.CachePath, toolsWatchPath:
			return true
		}
	}
	return ctxArg(api.in, call) != nil
}

// ctxArg returns the first argument of call that is a context, or nil.
func ctxArg(in *ctxinfo.Info, call *ast.CallExpr) ast.Expr {
	for _, a := range call.Args {
		if in.IsContext(in.TypesInfo.TypeOf(a)) {
			return a
		}
	}
	return nil
}

// calleeName is how messages name the function call calls: the selected
// or called name as written.
func calleeName(call *ast.CallExpr) string {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.Ident:
		return f.Name
	case *ast.IndexExpr:
		return types.ExprString(f.X)
	}
	return types.ExprString(call.Fun)
}
