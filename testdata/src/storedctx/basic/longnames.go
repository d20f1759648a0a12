package basic

import (
	"context"

	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// Long names: the message counts the methods, or leaves out where the
// root context is stored (the related information shows it), rather
// than pass 200 characters.
type quotaScalerWithAVeryLongName struct {
	ctx context.Context // want `^field ctx of quotaScalerWithAVeryLongName stores a context, though 4 of its methods receive a ctx of their own; use their ctx parameters and remove the field$`
	c   client.Client
}

func (q *quotaScalerWithAVeryLongName) length() error { return q.c.Get(q.ctx, client.ObjectKey{}, nil) }

func (q *quotaScalerWithAVeryLongName) CloseTheScalerConnections(ctx context.Context) error {
	return nil
}
func (q *quotaScalerWithAVeryLongName) GetMetricSpecForScalingTheTarget(ctx context.Context)     {}
func (q *quotaScalerWithAVeryLongName) GetMetricsAndActivityOfTheQueue(ctx context.Context)      {}
func (q *quotaScalerWithAVeryLongName) getTheCurrentLengthOfTheQueueInAzure(ctx context.Context) {}

type DefaultingObjectsWithLongNamesReconciler struct {
	ctx context.Context // want `^field ctx of reconciler DefaultingObjectsWithLongNamesReconciler stores a context: one reconciler serves every reconcile; use the ctx Reconcile receives and pass it on$`
	c   client.Client
}

func NewDefaultingObjectsWithLongNamesReconcilerForTheManager(c client.Client) *DefaultingObjectsWithLongNamesReconciler {
	return &DefaultingObjectsWithLongNamesReconciler{ctx: context.Background(), c: c}
}

func (r *DefaultingObjectsWithLongNamesReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

type queueScalerWithAVeryLongName struct {
	ctx context.Context // want `^field ctx of queueScalerWithAVeryLongName stores a context: CloseTheScalerConnections uses it in place of its own ctx \(at longnames.go:\d+\); use that ctx and remove the field$`
	c   client.Client
}

func (q *queueScalerWithAVeryLongName) CloseTheScalerConnections(ctx context.Context) error {
	return q.c.Get(q.ctx, client.ObjectKey{}, nil)
}

// A reconcile func literal's ctx, kept in a package-level job: the
// message names the literal without an article of its own.
type lastJob struct {
	ctx context.Context // want `^field ctx of lastJob stores a context: the ctx of a call of the reconcile func outlives it; pass ctx as a parameter instead$`
}

var last lastJob

func (j lastJob) get(c client.Client) error { return c.Get(j.ctx, client.ObjectKey{}, nil) }

var _ = reconcile.Func(func(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	last = lastJob{ctx: ctx}
	return reconcile.Result{}, nil
})
