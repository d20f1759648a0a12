package oneroot

import (
	"context"

	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

func use(ctx context.Context) error { return nil }

// A root context that a Reconcile and a plain function both reach is one
// finding, by the check of the first caller in source order.
type R struct{ client.Client }

func (r *R) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.refresh()
	return reconcile.Result{}, nil
}

func plain(ctx context.Context) { (&R{}).refresh() }

func (r *R) refresh() { _ = use(context.TODO()) } // want `^reconcilectx: context.TODO\(\) in R.refresh, which R.Reconcile calls without its ctx; thread a context.Context parameter down and pass ctx$`

// The plain function first: inheritctx reports it.
func plainFirst(ctx context.Context) { sync() }

type S struct{ client.Client }

func (s *S) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	sync()
	return reconcile.Result{}, nil
}

func sync() { _ = use(context.Background()) } // want `^inheritctx: context.Background\(\) in sync, which plainFirst calls without its ctx; thread a context.Context parameter down and pass ctx$`
