// Package reconcile is a stub of
// sigs.k8s.io/controller-runtime/pkg/reconcile for ctxlint tests. Like the
// real package, Reconciler and Func are aliases of generic instances.
package reconcile

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/types"

	"sigs.k8s.io/controller-runtime/pkg/client"
)

type Result struct {
	Requeue      bool
	RequeueAfter time.Duration
}

func (r *Result) IsZero() bool { return r == nil || *r == Result{} }

type Request struct {
	types.NamespacedName
}

type Reconciler = TypedReconciler[Request]

type TypedReconciler[request comparable] interface {
	Reconcile(context.Context, request) (Result, error)
}

type Func = TypedFunc[Request]

type TypedFunc[request comparable] func(context.Context, request) (Result, error)

func (r TypedFunc[request]) Reconcile(ctx context.Context, req request) (Result, error) {
	return r(ctx, req)
}

type ObjectReconciler[object client.Object] interface {
	Reconcile(context.Context, object) (Result, error)
}

func AsReconciler[object client.Object](client client.Client, rec ObjectReconciler[object]) Reconciler {
	return nil
}

func TerminalError(wrapped error) error { return wrapped }
