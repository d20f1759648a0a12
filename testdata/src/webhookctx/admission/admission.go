package admission

import (
	"context"
	"errors"
	"time"

	"k8s.io/apimachinery/pkg/runtime"
	apiadmission "k8s.io/apiserver/pkg/admission"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"
)

type Pod struct{ client.Object }

func check(ctx context.Context) error { return nil }

// admission.Handler.
type mutator struct{}

func (m *mutator) Handle(ctx context.Context, req admission.Request) admission.Response {
	if err := check(context.TODO()); err != nil { // want `^context.TODO\(\) replaces ctx, the admission request's context; use ctx$`
		return admission.Errored(500, err)
	}
	return admission.Allowed("")
}

// admission.HandlerFunc literals.
var handler = admission.HandlerFunc(func(ctx context.Context, req admission.Request) admission.Response {
	tctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) // want `context.Background\(\) replaces ctx, the admission request's context`
	defer cancel()
	_ = check(tctx)
	return admission.Allowed("")
})

// Typed validators and defaulters.
type PodValidator struct{}

func (v *PodValidator) ValidateCreate(ctx context.Context, obj *Pod) (admission.Warnings, error) {
	return nil, check(context.TODO()) // want `context.TODO\(\) replaces ctx, the admission request's context`
}

func (v *PodValidator) ValidateUpdate(ctx context.Context, oldObj, newObj *Pod) (admission.Warnings, error) {
	return nil, v.quota()
}

func (v *PodValidator) ValidateDelete(_ context.Context, obj *Pod) (admission.Warnings, error) {
	return nil, check(context.TODO()) // want `context.TODO\(\) replaces the admission request's context, which the function discards`
}

func (v *PodValidator) quota() error { return check(context.Background()) } // want `^context.Background\(\) in PodValidator.quota, which PodValidator.ValidateUpdate calls without its ctx; thread`

var _ admission.Validator[*Pod] = &PodValidator{}

// CustomDefaulter is Defaulter[runtime.Object].
type defaulter struct{}

func (d *defaulter) Default(ctx context.Context, obj runtime.Object) error {
	return check(context.TODO()) // want `context.TODO\(\) replaces ctx, the admission request's context`
}

var _ admission.CustomDefaulter = &defaulter{}

// k8s.io/apiserver admission plugins.
type plugin struct{}

func (p *plugin) Handles(op apiadmission.Operation) bool { return true }

func (p *plugin) Admit(ctx context.Context, a apiadmission.Attributes, o apiadmission.ObjectInterfaces) error {
	return check(context.Background()) // want `context.Background\(\) replaces ctx, the admission request's context`
}

func (p *plugin) Validate(ctx context.Context, a apiadmission.Attributes, o apiadmission.ObjectInterfaces) error {
	select {
	case <-ctx.Done():
		return check(context.Background()) // ok: the request's context is done
	default:
	}
	return errors.New("denied")
}

var (
	_ apiadmission.MutationInterface   = &plugin{}
	_ apiadmission.ValidationInterface = &plugin{}
)

// ok: a method named Validate that implements nothing of the above is
// plain code: inheritctx reports it, not webhookctx.
type config struct{}

func (c *config) Validate(ctx context.Context) error { return check(context.TODO()) }

// ok: a Reconcile belongs to reconcilectx, even next to webhooks.
type R struct{}

func (r *R) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, check(context.TODO())
}
