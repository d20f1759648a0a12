package controller

import (
	"context"
	"time"

	batchv1 "k8s.io/api/batch/v1"
	"k8s.io/apimachinery/pkg/util/wait"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// JobReconciler waits for Jobs to finish.
type JobReconciler struct {
	client.Client
}

// Reconcile implements reconcile.Reconciler.
func (r *JobReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	var job batchv1.Job
	if err := r.Get(ctx, req.NamespacedName, &job); err != nil {
		return ctrl.Result{}, client.IgnoreNotFound(err)
	}
	if job.Status.Active > 0 {
		// BAD(reconcilectx): the worker sleeps through shutdown; requeue instead.
		time.Sleep(10 * time.Second)
	}
	// BAD(reconcilectx): the poll cannot be cancelled with the Reconcile's ctx.
	err := wait.PollImmediate(time.Second, time.Minute, func() (bool, error) {
		return job.Status.CompletionTime != nil, r.Get(ctx, req.NamespacedName, &job)
	})
	if err != nil {
		return ctrl.Result{}, err
	}
	// GOOD: let the queue call back, and poll with ctx.
	if job.Status.Active > 0 {
		return ctrl.Result{RequeueAfter: 10 * time.Second}, nil
	}
	return ctrl.Result{}, wait.PollUntilContextTimeout(ctx, time.Second, time.Minute, true, func(ctx context.Context) (bool, error) {
		return job.Status.CompletionTime != nil, r.Get(ctx, req.NamespacedName, &job)
	})
}

// Resync lists Jobs every period until stop is closed.
func (r *JobReconciler) Resync(ctx context.Context, period time.Duration, stop <-chan struct{}) {
	// BAD(inheritctx): the loop ignores ctx; use wait.UntilWithContext(ctx, ...).
	wait.Until(func() { _ = r.List(ctx, &batchv1.JobList{}) }, period, stop)
	// GOOD: stops when ctx is done.
	wait.UntilWithContext(ctx, func(ctx context.Context) { _ = r.List(ctx, &batchv1.JobList{}) }, period)
	// GOOD (left alone by default): a pause in a plain function; -inheritctx.waits reports it.
	time.Sleep(period)
}
