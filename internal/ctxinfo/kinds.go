package ctxinfo

import (
	"go/ast"
	"go/types"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// kinds classifies functions by the interfaces and function types they
// implement. Every test is by type: a method counts only when its receiver
// implements the interface and the method is one of that interface's.
type kinds struct {
	in *Info

	// controller-runtime reconcile
	result           types.Type   // reconcile.Result
	typedReconciler  *types.Named // reconcile.TypedReconciler[request]
	objectReconciler *types.Named // reconcile.ObjectReconciler[object]
	typedFunc        *types.Named // reconcile.TypedFunc[request]

	// controller-runtime admission
	admHandler     *types.Interface // admission.Handler
	admHandlerFunc types.Type       // admission.HandlerFunc
	validator      *types.Named     // admission.Validator[T]
	defaulter      *types.Named     // admission.Defaulter[T]

	// k8s.io/apiserver admission plugins
	mutation   *types.Interface
	validation *types.Interface

	// net/http
	responseWriter types.Type
	errorType      types.Type

	// functions used as healthz.Checker
	checkerLits  map[*ast.FuncLit]bool
	checkerDecls map[*types.Func]bool
}

func (k *kinds) isChecker(fn *Func) bool {
	if lit, ok := fn.Node.(*ast.FuncLit); ok {
		return k.checkerLits[lit]
	}
	return fn.Obj != nil && k.checkerDecls[fn.Obj]
}

func newKinds(in *Info) *kinds {
	k := &kinds{in: in, errorType: types.Universe.Lookup("error").Type()}
	named := func(path, name string) *types.Named {
		n, _ := types.Unalias(analysisutil.LookupNamed(in.pkgs[path], name)).(*types.Named)
		return n
	}
	iface := func(path, name string) *types.Interface {
		if n := named(path, name); n != nil {
			i, _ := n.Underlying().(*types.Interface)
			return i
		}
		return nil
	}
	if n := named(ReconcilePath, "Result"); n != nil {
		k.result = n
	}
	k.typedReconciler = named(ReconcilePath, "TypedReconciler")
	k.objectReconciler = named(ReconcilePath, "ObjectReconciler")
	k.typedFunc = named(ReconcilePath, "TypedFunc")
	k.admHandler = iface(AdmissionPath, "Handler")
	if n := named(AdmissionPath, "HandlerFunc"); n != nil {
		k.admHandlerFunc = n
	}
	k.validator = named(AdmissionPath, "Validator")
	k.defaulter = named(AdmissionPath, "Defaulter")
	k.mutation = iface(APIServerAdmPath, "MutationInterface")
	k.validation = iface(APIServerAdmPath, "ValidationInterface")
	if n := named(HTTPPath, "ResponseWriter"); n != nil {
		k.responseWriter = n
	}
	k.checkerLits, k.checkerDecls = in.checkers()
	return k
}

func (k *kinds) classify(fn *Func) Kind {
	switch {
	case k.isReconcile(fn):
		return Reconcile
	case k.isAdmission(fn):
		return Admission
	case k.isHTTP(fn):
		return HTTP
	}
	return Plain
}

// Instantiate returns generic[arg]'s interface or underlying type, or nil.
func Instantiate(generic *types.Named, arg types.Type) types.Type {
	if generic == nil || generic.TypeParams().Len() != 1 {
		return nil
	}
	t, err := types.Instantiate(nil, generic, []types.Type{arg}, false)
	if err != nil {
		return nil
	}
	return t.Underlying()
}

// isMethodOf reports whether fn is a method whose receiver implements
// iface and which is itself one of iface's methods.
func isMethodOf(fn *Func, iface *types.Interface) bool {
	if iface == nil || fn.Obj == nil || fn.Sig.Recv() == nil {
		return false
	}
	found := false
	for m := range iface.Methods() {
		if m.Name() == fn.Obj.Name() {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	recv := fn.Sig.Recv().Type()
	if types.Implements(recv, iface) {
		return true
	}
	if _, isPtr := recv.(*types.Pointer); !isPtr {
		return types.Implements(types.NewPointer(recv), iface)
	}
	return false
}

// isReconcile: a method implementing reconcile.TypedReconciler[R] or
// reconcile.ObjectReconciler[T], or a literal of type reconcile.TypedFunc[R].
func (k *kinds) isReconcile(fn *Func) bool {
	if k.result == nil {
		return false
	}
	p, r := fn.Sig.Params(), fn.Sig.Results()
	if p.Len() != 2 || r.Len() != 2 || !k.in.IsContext(p.At(0).Type()) ||
		!types.Identical(r.At(0).Type(), k.result) || !types.Identical(r.At(1).Type(), k.errorType) {
		return false
	}
	req := p.At(1).Type()
	if fn.Sig.Recv() != nil {
		for _, generic := range []*types.Named{k.typedReconciler, k.objectReconciler} {
			if iface, ok := Instantiate(generic, req).(*types.Interface); ok && isMethodOf(fn, iface) {
				return true
			}
		}
		return false
	}
	if _, lit := fn.Node.(*ast.FuncLit); lit {
		if under := Instantiate(k.typedFunc, req); under != nil {
			return types.Identical(fn.Sig, under)
		}
	}
	return false
}

// isAdmission: controller-runtime admission.Handler.Handle and
// HandlerFunc literals, Validator[T] and Defaulter[T] methods (CustomValidator
// and CustomDefaulter are aliases of their runtime.Object instances), and
// k8s.io/apiserver admission plugins' Admit and Validate.
func (k *kinds) isAdmission(fn *Func) bool {
	if fn.Ctx == nil {
		return false
	}
	if isMethodOf(fn, k.admHandler) || isMethodOf(fn, k.mutation) || isMethodOf(fn, k.validation) {
		return true
	}
	if _, lit := fn.Node.(*ast.FuncLit); lit && k.admHandlerFunc != nil {
		if types.Identical(fn.Sig, k.admHandlerFunc.Underlying()) {
			return true
		}
	}
	if fn.Obj == nil || fn.Sig.Recv() == nil {
		return false
	}
	// The object type is the method's last parameter in every method of
	// Validator[T] and Defaulter[T].
	p := fn.Sig.Params()
	if p.Len() < 2 {
		return false
	}
	obj := p.At(p.Len() - 1).Type()
	for _, generic := range []*types.Named{k.validator, k.defaulter} {
		if iface, ok := Instantiate(generic, obj).(*types.Interface); ok && isMethodOf(fn, iface) {
			return true
		}
	}
	return false
}

// isHTTP: a function with both an http.ResponseWriter and an
// *http.Request parameter (ServeHTTP, HandlerFunc literals and helpers that
// serve a request), a function used as a controller-runtime health checker
// (healthz.Checker, func(*http.Request) error), or a go-restful route or
// filter function.
func (k *kinds) isHTTP(fn *Func) bool {
	if fn.Req == nil {
		return false
	}
	if fn.Restful {
		return true
	}
	p, r := fn.Sig.Params(), fn.Sig.Results()
	if p.Len() == 1 && r.Len() == 1 && types.Identical(r.At(0).Type(), k.errorType) && k.isChecker(fn) {
		return true // a healthz.Checker serving a probe
	}
	if k.responseWriter == nil {
		return false
	}
	for v := range p.Variables() {
		if types.Identical(v.Type(), k.responseWriter) {
			return true
		}
	}
	return false
}
