package waits

import (
	"context"
	"sync"
	"time"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// WatchReconciler starts a watcher of its own lifetime from its
// Reconcile. The watcher runs on its own goroutine, not on the worker:
// its waits block no reconcile.
type WatchReconciler struct {
	client.Client
	stop context.CancelFunc
}

func (r *WatchReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	r.ensureWatcher(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		r.drain(ctx)
	}()
	wg.Wait()
	return ctrl.Result{}, nil
}

func (r *WatchReconciler) ensureWatcher(ctx context.Context) {
	wctx, cancel := context.WithCancel(context.Background())
	r.stop = cancel
	go r.watch(wctx)
	go func() { r.watch(wctx) }()
}

func (r *WatchReconciler) watch(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		default:
			time.Sleep(time.Second) // ok: a backoff on the watcher's goroutine
		}
	}
}

// Its neighbour: a goroutine the Reconcile waits for runs within the
// reconcile, so its wait holds the worker.
func (r *WatchReconciler) drain(ctx context.Context) {
	time.Sleep(time.Second) // want `^time.Sleep blocks the worker and ignores ctx, the context drain receives from Reconcile`
}
