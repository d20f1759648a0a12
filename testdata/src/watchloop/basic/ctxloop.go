// Package basic holds the scenarios of the watchloop check.
package basic

import (
	"context"
	"net/http"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	watchtools "k8s.io/client-go/tools/watch"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

func handle(ev watch.Event) {}

// Rule 1: loops that only the watch closing can end.

func rangeBackground(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(context.Background(), metav1.ListOptions{})
	if err != nil {
		return err
	}
	defer w.Stop()
	for ev := range w.ResultChan() { // want `^loop over w.ResultChan\(\) ignores ctx: w was created from context.Background\(\); select on <-ctx.Done\(\) as well, or create the watch from ctx$`
		handle(ev)
	}
	return nil
}

func rangeParam(ctx context.Context, w watch.Interface) {
	for ev := range w.ResultChan() { // want `^loop over w.ResultChan\(\) ignores ctx: w is a parameter; select on <-ctx.Done\(\) as well$`
		handle(ev)
	}
}

type watcher struct {
	w   watch.Interface
	ctx context.Context
	c   client.WithWatch
}

func (r *watcher) rangeField(ctx context.Context) {
	for ev := range r.w.ResultChan() { // want `r.w is handed in from elsewhere`
		handle(ev)
	}
}

func (r *watcher) rangeStoredCtx(ctx context.Context, list client.ObjectList) error {
	w, err := r.c.Watch(r.ctx, list)
	if err != nil {
		return err
	}
	defer w.Stop()
	for ev := range w.ResultChan() { // want `w was created from r.ctx, which is not derived from ctx`
		handle(ev)
	}
	return nil
}

func rangeWithoutCancel(ctx context.Context, d dynamic.Interface) error {
	w, err := d.Resource(gvr).Namespace("ns").Watch(context.WithoutCancel(ctx), metav1.ListOptions{})
	if err != nil {
		return err
	}
	defer w.Stop()
	ch := w.ResultChan()
	for ev := range ch { // want `^loop over ch ignores ctx: w was created from context.WithoutCancel\(ctx\), which is never cancelled`
		handle(ev)
	}
	return nil
}

func selectTickerOnly(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(context.TODO(), metav1.ListOptions{})
	if err != nil {
		return err
	}
	defer w.Stop()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for { // want `^loop receiving from w.ResultChan\(\) ignores ctx: w was created from context.TODO\(\); add a case <-ctx.Done\(\) that returns, or create the watch from ctx$`
		select {
		case <-tick.C:
			println("still watching") // ok: a ticker that goes round again is no way out
		case ev, ok := <-w.ResultChan():
			if !ok {
				return nil
			}
			handle(ev)
		}
	}
}

func plainReceive(ctx context.Context, w watch.Interface) {
	for { // want `^loop receiving from w.ResultChan\(\) ignores ctx: w is a parameter; receive in a select with a case <-ctx.Done\(\) that returns$`
		select {
		case <-ctx.Done():
			return
		default:
		}
		ev, ok := <-w.ResultChan()
		if !ok {
			return
		}
		handle(ev)
	}
}

// The goroutine outlives the Reconcile: it captures its ctx.
func (r *watcher) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	lw := cache.WatcherWithContext(nil)
	rw, err := watchtools.NewRetryWatcherWithContext(context.Background(), "1", lw)
	if err != nil {
		return ctrl.Result{}, err
	}
	go func() {
		defer rw.Stop()
		for ev := range rw.ResultChan() { // want `loop over rw.ResultChan\(\) ignores ctx: rw was created from context.Background\(\)`
			handle(ev)
		}
	}()
	return ctrl.Result{}, nil
}

func retryWithoutCtx(ctx context.Context, lw cache.Watcher) error {
	rw, err := watchtools.NewRetryWatcher("1", lw)
	if err != nil {
		return err
	}
	defer rw.Stop()
	for ev := range rw.ResultChan() { // want `rw was created by NewRetryWatcher, which takes no context`
		handle(ev)
	}
	return nil
}

func filtered(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(context.Background(), metav1.ListOptions{})
	if err != nil {
		return err
	}
	fw := watch.Filter(w, func(in watch.Event) (watch.Event, bool) { return in, true })
	defer fw.Stop()
	for ev := range fw.ResultChan() { // want `fw wraps w and w was created from context.Background\(\)`
		handle(ev)
	}
	return nil
}

// The ctx of an HTTP handler is its request's.
func serveEvents(rw http.ResponseWriter, req *http.Request) {
	w, err := podsClient.Watch(context.Background(), metav1.ListOptions{})
	if err != nil {
		return
	}
	defer w.Stop()
	for ev := range w.ResultChan() { // want `^loop over w.ResultChan\(\) ignores req.Context\(\): w was created from context.Background\(\)`
		handle(ev)
	}
}
