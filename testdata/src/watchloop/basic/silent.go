package basic

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	watchtools "k8s.io/client-go/tools/watch"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Code watchloop must leave alone.

// ok: the select-on-ctx.Done() loop with a comma-ok receive and a deferred Stop.
func selectDone(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(context.Background(), metav1.ListOptions{})
	if err != nil {
		return err
	}
	defer w.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-w.ResultChan():
			if !ok {
				return errors.New("watch closed")
			}
			handle(ev)
		}
	}
}

// ok: a watch created from ctx closes its channel when ctx ends.
func rangeFromCtx(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	defer w.Stop()
	for ev := range w.ResultChan() {
		handle(ev)
	}
	return nil
}

// ok: a ctx derived from ctx, through several steps, counts too.
func rangeFromDerived(ctx context.Context, c client.WithWatch, list client.ObjectList) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	vctx := context.WithValue(ctx, key{}, "v")
	w, err := c.Watch(vctx, list)
	if err != nil {
		return err
	}
	defer w.Stop()
	ch := w.ResultChan()
	for ev := range ch {
		handle(ev)
	}
	return nil
}

type key struct{}

// ok: a RetryWatcher made with ctx stops with it; the goroutine captures it.
func retryFromCtx(ctx context.Context, lw cache.WatcherWithContext) error {
	rw, err := watchtools.NewRetryWatcherWithContext(ctx, "1", lw)
	if err != nil {
		return err
	}
	go func() {
		defer rw.Stop()
		for ev := range rw.ResultChan() {
			handle(ev)
		}
	}()
	return nil
}

// ok: a single receive that is not in a loop takes one event.
func takeOne(t *testing.T) {
	fw := watch.NewFake()
	defer fw.Stop()
	ev := <-fw.ResultChan()
	_ = ev
}

// ok: a single receive in a function with a ctx, not in a loop.
func firstEvent(ctx context.Context, w watch.Interface) watch.Event {
	return <-w.ResultChan()
}

// ok: a range over a fake watcher filled and stopped (closed) before the loop.
func drainFake(ctx context.Context, objs []runtime.Object) {
	fw := watch.NewFakeWithChanSize(len(objs), false)
	for _, o := range objs {
		fw.Add(o)
	}
	fw.Stop()
	for ev := range fw.ResultChan() {
		handle(ev)
	}
}

// ok: an empty watch is closed from the start.
func drainEmpty(ctx context.Context) {
	for ev := range watch.NewEmptyWatch().ResultChan() {
		handle(ev)
	}
}

// ok: a bounded consumer with no ctx in scope that stops the watch itself.
func consumeN(w watch.Interface, n int) []watch.Event {
	defer w.Stop()
	var out []watch.Event
	for len(out) < n {
		ev, ok := <-w.ResultChan()
		if !ok {
			break
		}
		out = append(out, ev)
	}
	return out
}

// ok: no ctx in scope at all.
func main() {
	var cs kubernetes.Interface
	w, err := cs.CoreV1().Pods("ns").Watch(context.Background(), metav1.ListOptions{})
	if err != nil {
		panic(err)
	}
	defer w.Stop()
	for ev := range w.ResultChan() {
		handle(ev)
	}
}

// ok: the watch is handed to a goroutine that owns it and stops it.
func handOffGoroutine(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	go consume(ctx, w)
	return nil
}

// ok: the watch is handed to a function that owns it and stops it.
func handOff(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	return consume(ctx, w)
}

func consume(ctx context.Context, w watch.Interface) error {
	defer w.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.ResultChan():
			if !ok {
				return nil
			}
			handle(ev)
		}
	}
}

// ok: another goroutine stops the watch when ctx is done, which closes the channel.
func stopOnDone(ctx context.Context, w watch.Interface) {
	go func() {
		<-ctx.Done()
		w.Stop()
	}()
	for ev := range w.ResultChan() {
		handle(ev)
	}
}

// ok: context.AfterFunc stops the watch when ctx is done.
func afterFunc(ctx context.Context, w watch.Interface) {
	stop := context.AfterFunc(ctx, w.Stop)
	defer stop()
	for ev := range w.ResultChan() {
		handle(ev)
	}
}

// ok: the watch's owner stops it; the goroutine ends then.
func ownerStops(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(context.Background(), metav1.ListOptions{})
	if err != nil {
		return err
	}
	defer w.Stop()
	go func() {
		for ev := range w.ResultChan() {
			handle(ev)
		}
	}()
	<-ctx.Done()
	return nil
}

// ok: other ways out of the select: a stop channel, a timeout, a labelled break, a Stop.
func stopChannel(ctx context.Context, w watch.Interface, stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case ev, ok := <-w.ResultChan():
			if !ok {
				return
			}
			handle(ev)
		}
	}
}

func timeout(ctx context.Context, w watch.Interface) {
	for {
		select {
		case <-time.After(time.Minute):
			return
		case ev, ok := <-w.ResultChan():
			if !ok {
				return
			}
			handle(ev)
		}
	}
}

func labelledBreak(ctx context.Context, w watch.Interface) int {
	n := 0
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case ev, ok := <-w.ResultChan():
			if !ok {
				break loop
			}
			handle(ev)
			n++
		}
	}
	return n
}

func stopInCase(ctx context.Context, w watch.Interface) {
	for {
		select {
		case <-ctx.Done():
			w.Stop() // closes the channel: the next receive returns
		case ev, ok := <-w.ResultChan():
			if !ok {
				return
			}
			handle(ev)
		}
	}
}

func condLoop(ctx context.Context, w watch.Interface) {
	done := false
	for !done {
		select {
		case <-ctx.Done():
			done = true
		case ev, ok := <-w.ResultChan():
			if !ok {
				return
			}
			handle(ev)
		}
	}
}

// ok: a bounded loop that takes a fixed number of events (no ctx, fake watcher).
func takeThree(t *testing.T) {
	fw := watch.NewFake()
	for i := 0; i < 3; i++ {
		ev := <-fw.ResultChan()
		_ = ev
	}
	for range 2 {
		<-fw.ResultChan()
	}
}

// ok: a watch from somewhere the check cannot follow.
func fromSlice(ctx context.Context, ws []watch.Interface) {
	for _, w := range ws {
		for ev := range w.ResultChan() {
			handle(ev)
		}
	}
}

// ok: a break that skips the rest of the case on purpose.
func skipBookmarks(ctx context.Context, w watch.Interface) {
	defer w.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.ResultChan():
			if !ok {
				return
			}
			if ev.Type == watch.Bookmark {
				break
			}
			handle(ev)
		}
	}
}

// ok: a break in a select followed by more of the loop body.
func breakThenWork(ctx context.Context, w watch.Interface) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.ResultChan():
			if !ok {
				return
			}
			handle(ev)
			break
		}
		println("next")
	}
}

// ok: a case that cancels the watch's context ends the watch, and so the loop.
func cancelInCase(ctx context.Context, cs kubernetes.Interface, stop <-chan struct{}) {
	wctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w, err := cs.CoreV1().Pods("ns").Watch(wctx, metav1.ListOptions{})
	if err != nil {
		return
	}
	defer w.Stop()
	for {
		select {
		case <-stop:
			cancel()
		case ev, ok := <-w.ResultChan():
			if !ok {
				return
			}
			handle(ev)
		}
	}
}

// ok: a case that panics leaves the loop.
func panicOnDone(ctx context.Context, w watch.Interface) {
	for {
		select {
		case <-ctx.Done():
			panic("cancelled")
		case ev, ok := <-w.ResultChan():
			if !ok {
				return
			}
			handle(ev)
		}
	}
}

// ok: a handler's watch made from the request's context ends with the request.
func serveFromRequest(rw http.ResponseWriter, req *http.Request) {
	w, err := podsClient.Watch(req.Context(), metav1.ListOptions{})
	if err != nil {
		return
	}
	defer w.Stop()
	for ev := range w.ResultChan() {
		handle(ev)
	}
}

// ok: watch.Filter over a watch made from ctx closes with it.
func filteredFromCtx(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	fw := watch.Filter(w, func(in watch.Event) (watch.Event, bool) { return in, true })
	defer fw.Stop()
	for ev := range fw.ResultChan() {
		handle(ev)
	}
	return nil
}
