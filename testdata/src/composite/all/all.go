package all

import (
	"context"

	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type R struct{ client.Client }

// Every message starts with its check's name.
func (r *R) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, use(context.TODO()) // want `^reconcilectx: context.TODO\(\) replaces ctx, the Reconcile's context`
}

func helper(ctx context.Context) error {
	return use(context.Background()) // want `^inheritctx: context.Background\(\) replaces ctx, the context helper receives`
}

func use(ctx context.Context) error { return nil }
