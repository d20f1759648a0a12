package waits

import (
	"context"
	"net/http"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Object struct{ client.Object }

type JobReconciler struct {
	client.Client
	endpoint string
}

func (r *JobReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	var obj Object
	if err := r.Get(ctx, req.NamespacedName, &obj); err != nil {
		return ctrl.Result{}, err
	}
	time.Sleep(30 * time.Second) // want `^time.Sleep blocks the worker and ignores ctx, the Reconcile's context; return ctrl.Result\{RequeueAfter: 30 \* time.Second\} instead$`
	for i := 0; i < 3 && ctx.Err() == nil; i++ {
		time.Sleep(time.Second) // want `^time.Sleep blocks the worker and ignores ctx, the Reconcile's context; return ctrl.Result\{RequeueAfter: time.Second\} instead$`
	}
	if err := r.waitCerts(ctx); err != nil {
		return ctrl.Result{}, err
	}
	if err := r.waitReady(ctx); err != nil {
		return ctrl.Result{}, err
	}
	_, _ = http.Get(r.endpoint)                                                // want `^http.Get cannot carry ctx, the Reconcile's context; use http.NewRequestWithContext\(ctx, ...\) and http.DefaultClient.Do$`
	err := wait.PollImmediate(time.Second, time.Minute, func() (bool, error) { // want `^wait.PollImmediate cannot carry ctx, the Reconcile's context; use wait.PollUntilContextTimeout\(ctx, ...\)$`
		return true, nil
	})

	// ok: the wait that watches ctx, and the requeue.
	select {
	case <-ctx.Done():
		return ctrl.Result{}, ctx.Err()
	case <-time.After(time.Second):
	}
	go func() {
		time.Sleep(time.Second) // ok: detached
	}()
	return ctrl.Result{RequeueAfter: time.Minute}, err
}

// waitReady is reached from the Reconcile with its ctx.
func (r *JobReconciler) waitReady(ctx context.Context) error {
	<-time.After(5 * time.Second) // want `^<-time.After blocks the worker and ignores ctx, the context waitReady receives from Reconcile; return ctrl.Result\{RequeueAfter: 5 \* time.Second\} from the Reconcile instead$`
	return nil
}

var _ = reconcile.Func(func(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	time.Sleep(time.Second) // want `^time.Sleep blocks the worker and ignores ctx, the Reconcile's context`
	return reconcile.Result{}, nil
})

// A select of a timeout and a ticker, neither of them ctx: one wait,
// reported once, at its first case.
func (r *JobReconciler) waitCerts(ctx context.Context) error {
	ticker := time.NewTicker(time.Second)
	timeout := time.NewTimer(time.Minute)
	defer ticker.Stop()
	defer timeout.Stop()
	for {
		select {
		case <-timeout.C: // want `^<-timeout.C blocks the worker and ignores ctx, the context waitCerts receives from Reconcile`
			return context.DeadlineExceeded
		case <-ticker.C:
			if r.endpoint != "" {
				return nil
			}
		}
	}
}
