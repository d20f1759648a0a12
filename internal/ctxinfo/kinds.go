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
	result    types.Type // reconcile.Result
	reconcile *types.Package
	typedFunc *types.Named // reconcile.TypedFunc[request]
	plainFunc types.Type   // reconcile.Func before v0.19, not generic

	// controller-runtime admission
	admHandler     *types.Interface   // admission.Handler
	admHandlerFunc types.Type         // admission.HandlerFunc
	validator      *types.Named       // admission.Validator[T]
	defaulter      *types.Named       // admission.Defaulter[T]
	custom         []*types.Interface // CustomValidator, CustomDefaulter before v0.23, not generic

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
	k.reconcile = in.pkgs[ReconcilePath]
	k.typedFunc = named(ReconcilePath, "TypedFunc")
	if n := named(ReconcilePath, "Func"); n != nil && n.TypeArgs().Len() == 0 {
		k.plainFunc = n.Underlying()
	}
	k.admHandler = iface(AdmissionPath, "Handler")
	if n := named(AdmissionPath, "HandlerFunc"); n != nil {
		k.admHandlerFunc = n
	}
	k.validator = named(AdmissionPath, "Validator")
	k.defaulter = named(AdmissionPath, "Defaulter")
	for _, name := range []string{"CustomValidator", "CustomDefaulter"} {
		if n := named(AdmissionPath, name); n != nil && n.TypeArgs().Len() == 0 {
			if i, ok := n.Underlying().(*types.Interface); ok {
				k.custom = append(k.custom, i)
			}
		}
	}
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

// ReconcilerInterfaces returns the interfaces of controller-runtime's
// reconcile package (pkg) that a Reconcile method taking req implements:
// TypedReconciler[req] and ObjectReconciler[req] since v0.19, and the
// plain Reconciler interface before it (since v0.19 an alias of
// TypedReconciler[Request], then left to the generic one).
func ReconcilerInterfaces(pkg *types.Package, req types.Type) []*types.Interface {
	var out []*types.Interface
	for _, name := range []string{"TypedReconciler", "ObjectReconciler", "Reconciler"} {
		n, _ := types.Unalias(analysisutil.LookupNamed(pkg, name)).(*types.Named)
		var t types.Type
		switch {
		case n == nil:
		case n.TypeParams().Len() == 1:
			t = Instantiate(n, req)
		case n.TypeArgs().Len() == 0:
			t = n.Underlying()
		}
		if i, ok := t.(*types.Interface); ok {
			out = append(out, i)
		}
	}
	return out
}

// isReconcile: a method implementing a reconciler interface
// (ReconcilerInterfaces), or a literal of type reconcile.TypedFunc[R]
// (reconcile.Func before v0.19).
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
		for _, iface := range ReconcilerInterfaces(k.reconcile, req) {
			if isMethodOf(fn, iface) {
				return true
			}
		}
		return false
	}
	if _, lit := fn.Node.(*ast.FuncLit); lit {
		if under := Instantiate(k.typedFunc, req); under != nil {
			return types.Identical(fn.Sig, under)
		}
		return k.plainFunc != nil && types.Identical(fn.Sig, k.plainFunc)
	}
	return false
}

// isAdmission: controller-runtime admission.Handler.Handle and
// HandlerFunc literals, Validator[T] and Defaulter[T] methods (CustomValidator
// and CustomDefaulter are aliases of their runtime.Object instances since
// v0.23, and interfaces of their own before), and k8s.io/apiserver
// admission plugins' Admit and Validate.
func (k *kinds) isAdmission(fn *Func) bool {
	if fn.Ctx == nil {
		return false
	}
	if isMethodOf(fn, k.admHandler) || isMethodOf(fn, k.mutation) || isMethodOf(fn, k.validation) {
		return true
	}
	for _, iface := range k.custom {
		if isMethodOf(fn, iface) {
			return true
		}
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
