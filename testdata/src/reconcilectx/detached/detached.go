package detached

import (
	"context"
	"time"

	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Object struct{ client.Object }

type R struct{ client.Client }

// With -report-detached, goroutines and deferred calls are reported too,
// and the fix keeps ctx's values while dropping its cancellation.
func (r *R) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var obj Object
	go func() {
		_ = r.Update(context.Background(), &obj) // want `^context.Background\(\) in a goroutine drops the values and trace of ctx, the Reconcile's context; use context.WithoutCancel\(ctx\)$`
	}()
	go r.audit(context.TODO()) // want `context.TODO\(\) in a goroutine drops the values and trace of ctx`
	defer func() {
		cctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background\(\) in a deferred call drops the values and trace of ctx`
		defer cancel()
		_ = r.Update(cctx, &obj)
	}()
	return reconcile.Result{}, nil
}

func (r *R) audit(ctx context.Context) {}

// The parameter is named when the fix needs it.
type Blank struct{ client.Client }

func (r *Blank) Reconcile(_ context.Context, req reconcile.Request) (reconcile.Result, error) {
	go r.audit(context.TODO()) // want `context.TODO\(\) in a goroutine drops the values and trace of the Reconcile's context, which the function discards; use context.WithoutCancel\(ctx\)`
	return reconcile.Result{}, nil
}

func (r *Blank) audit(ctx context.Context) {}

// ok: still silent with the option: the ctx is done here.
func (r *R) stop(ctx context.Context) {
	<-ctx.Done()
	go r.audit(context.Background())
}
