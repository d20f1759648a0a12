// Package legacy is an operator on controller-runtime before v0.19 (a
// plain reconcile.Reconciler) and before v0.23 (plain CustomValidator and
// CustomDefaulter interfaces): every function is routed to the check of
// its kind, as on the current generic shapes.
package legacy

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/runtime"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"
)

type FooReconciler struct{}

var _ reconcile.Reconciler = &FooReconciler{}

func (r *FooReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if err := use(context.TODO()); err != nil { // want `^reconcilectx: context.TODO\(\) replaces ctx, the Reconcile's context; use ctx$`
		return reconcile.Result{}, err
	}
	time.Sleep(time.Second) // want `^reconcilectx: time.Sleep blocks the worker and ignores ctx, the Reconcile.s context; return ctrl.Result{RequeueAfter: time.Second} instead$`
	return reconcile.Result{}, nil
}

// A reconcile.Func literal is a Reconcile too.
var fooFunc = reconcile.Func(func(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, use(context.Background()) // want `^reconcilectx: context.Background\(\) replaces ctx, the Reconcile's context; use ctx$`
})

// A method named Reconcile that implements no reconciler is a plain
// function with a ctx: inheritctx's.
type Syncer struct{}

func (s *Syncer) Reconcile(ctx context.Context, name string) error {
	return use(context.TODO()) // want `^inheritctx: context.TODO\(\) replaces ctx, the context Reconcile receives; use ctx$`
}

// A reconciler keeping a ctx in a field is a reconciler to storedctx.
type LeakyReconciler struct {
	ctx context.Context // want `^storedctx: field ctx of reconciler LeakyReconciler stores a context`
}

func (r *LeakyReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.ctx = ctx
	return reconcile.Result{}, use(r.ctx)
}

type PodValidator struct{}

var _ admission.CustomValidator = &PodValidator{}

func (v *PodValidator) ValidateCreate(ctx context.Context, obj runtime.Object) (admission.Warnings, error) {
	return nil, use(context.TODO()) // want `^webhookctx: context.TODO\(\) replaces ctx, the admission request's context; use ctx$`
}

func (v *PodValidator) ValidateUpdate(ctx context.Context, oldObj, newObj runtime.Object) (admission.Warnings, error) {
	return nil, use(ctx) // silent: uses its ctx
}

func (v *PodValidator) ValidateDelete(ctx context.Context, obj runtime.Object) (admission.Warnings, error) {
	return nil, nil
}

type PodDefaulter struct{}

var _ admission.CustomDefaulter = &PodDefaulter{}

func (d *PodDefaulter) Default(ctx context.Context, obj runtime.Object) error {
	return use(context.Background()) // want `^webhookctx: context.Background\(\) replaces ctx, the admission request's context; use ctx$`
}

// The older admission.Validator is implemented by the API type itself and
// its methods receive no ctx: a root context there has none to replace.
type Pod struct{ runtime.Object }

var _ admission.Validator = &Pod{}

func (p *Pod) ValidateCreate() (admission.Warnings, error) { return nil, use(context.TODO()) }

func (p *Pod) ValidateUpdate(old runtime.Object) (admission.Warnings, error) {
	return nil, use(context.TODO())
}

func (p *Pod) ValidateDelete() (admission.Warnings, error) { return nil, nil }

func use(ctx context.Context) error { return nil }
