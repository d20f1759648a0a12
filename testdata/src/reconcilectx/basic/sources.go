package basic

import (
	"context"

	"k8s.io/client-go/util/workqueue"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
	"sigs.k8s.io/controller-runtime/pkg/source"
)

// A Reconcile that starts a watch on a kind it meets: the source watches
// until the context it is started with ends, so the Reconcile's ctx, done
// once the Reconcile returns, would stop it at once. A root context given
// to it is deliberate, through a wrapper of the package too.

type tracker struct {
	src   source.SyncingSource
	queue workqueue.TypedRateLimitingInterface[reconcile.Request]
}

func (t *tracker) start(ctx context.Context) error { return t.src.Start(ctx, t.queue) }

// startBoth hands its ctx on to two wrappers that keep it.
func (t *tracker) startBoth(ctx context.Context, other *tracker) error {
	if err := t.start(ctx); err != nil {
		return err
	}
	return other.src.Start(ctx, other.queue)
}

// sync hands its ctx to a wrapper and uses it for its own work too.
func (t *tracker) sync(ctx context.Context) error {
	if err := t.start(ctx); err != nil {
		return err
	}
	return t.src.WaitForSync(ctx)
}

type TrackingReconciler struct {
	trackers map[string]*tracker
	other    *tracker
}

func (r *TrackingReconciler) track(kind string) error {
	ctx := context.TODO() // ok: the watch must outlive the Reconcile that starts it
	return r.trackers[kind].start(ctx)
}

func (r *TrackingReconciler) trackBoth(kind string) error {
	return r.trackers[kind].startBoth(context.Background(), r.other) // ok: likewise, one wrapper down
}

func (r *TrackingReconciler) trackDirect(kind string) error {
	t := r.trackers[kind]
	return t.src.Start(context.Background(), t.queue) // ok: the source itself
}

// Reported: the wrapper also waits with the context, work the Reconcile's
// ctx should bound.
func (r *TrackingReconciler) trackAndWait(kind string) error {
	return r.trackers[kind].sync(context.TODO()) // want `^context.TODO\(\) in TrackingReconciler.trackAndWait, which TrackingReconciler.Reconcile calls without its ctx`
}

func (r *TrackingReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	if err := r.track(req.Name); err != nil {
		return ctrl.Result{}, err
	}
	if err := r.trackBoth(req.Name); err != nil {
		return ctrl.Result{}, err
	}
	if err := r.trackDirect(req.Name); err != nil {
		return ctrl.Result{}, err
	}
	return ctrl.Result{}, r.trackAndWait(req.Name)
}
