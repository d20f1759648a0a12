// Package reconcile is a stub of
// sigs.k8s.io/controller-runtime/pkg/reconcile as it was up to v0.18:
// Reconciler is a plain interface and Func a plain function type, with
// the real signatures of v0.18.7.
package reconcile

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/types"
)

type Result struct {
	Requeue      bool
	RequeueAfter time.Duration
}

type Request struct {
	types.NamespacedName
}

type Reconciler interface {
	Reconcile(context.Context, Request) (Result, error)
}

type Func func(context.Context, Request) (Result, error)

func (r Func) Reconcile(ctx context.Context, o Request) (Result, error) { return r(ctx, o) }
