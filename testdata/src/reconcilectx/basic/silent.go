package basic

import (
	"context"
	"time"

	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// Code that reconcilectx must leave alone.

type QuietReconciler struct {
	client.Client
	cancel context.CancelFunc
}

func (r *QuietReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var obj Object

	// ok: detached goroutines and deferred cleanups, by default.
	go func() {
		_ = r.Update(context.Background(), &obj)
	}()
	defer r.cleanup(context.Background())

	// ok: WithoutCancel keeps the values and drops only cancellation.
	_ = r.Update(context.WithoutCancel(ctx), &obj)

	// ok: a new lifetime whose cancel func is stored: something else ends it.
	var bg context.Context
	bg, r.cancel = context.WithCancel(context.Background())
	_ = bg

	select {
	case <-ctx.Done():
		// ok: ctx is done, a fresh bounded context for cleanup is right.
		sctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		return reconcile.Result{}, r.cleanup(sctx)
	case <-time.After(time.Second):
	}

	if ctx.Err() != nil {
		return reconcile.Result{}, r.cleanup(context.Background()) // ok: ctx is done
	}

	// ok: a helper that takes a ctx and uses it.
	return reconcile.Result{}, r.cleanup(ctx)
}

func (r *QuietReconciler) cleanup(ctx context.Context) error { return nil }

// ok: a method named Reconcile without a ctx is no controller-runtime reconciler.
type LegacyReconciler struct{ client.Client }

func (r *LegacyReconciler) Reconcile(req reconcile.Request) (reconcile.Result, error) {
	var obj Object
	return reconcile.Result{}, r.Get(context.TODO(), req.NamespacedName, &obj)
}

// ok: SetupWithManager and constructors have no ctx in scope.
func (r *QuietReconciler) SetupWithManager() error {
	var obj Object
	return r.Get(context.Background(), obj.key(), &obj)
}

func NewQuietReconciler(c client.Client) *QuietReconciler {
	var obj Object
	_ = c.Get(context.TODO(), client.ObjectKey{}, &obj)
	return &QuietReconciler{Client: c}
}

// ok: suppressed with a reason.
type IgnoredReconciler struct{ client.Client }

func (r *IgnoredReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var obj Object
	//ctxlint:ignore reconcilectx the audit log must be written even when the reconcile is cancelled
	_ = r.Create(context.Background(), &obj)
	_ = r.Update(context.TODO(), &obj) //ctxlint:ignore reconcilectx,inheritctx same reason as above
	return reconcile.Result{}, nil
}
