package basic

import (
	"context"
	"errors"
	"io"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	watchtools "k8s.io/client-go/tools/watch"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Rule 3: watches not stopped on every path.

func earlyReturn(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // want `^watch w is not stopped on every path: the return at stop.go:32 leaves it open; defer w.Stop\(\) once it is created, or hand it on$`
	if err != nil {
		return err
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.ResultChan():
			if !ok {
				return errors.New("closed")
			}
			if ev.Type == watch.Error {
				return errors.New("watch error") // the leak: w is still open
			}
			w.Stop()
			return nil
		}
	}
}

// ok: the range ends only once the channel is closed, when the watch has
// ended (client-go's watchers stop themselves as they close it).
func rangedToTheEnd(ctx context.Context, c client.WithWatch, list client.ObjectList) {
	w, err := c.Watch(ctx, list)
	if err != nil {
		return
	}
	for ev := range w.ResultChan() {
		handle(ev)
	}
}

// Reported: a break leaves the range with the watch still open.
func neverStopped(ctx context.Context, c client.WithWatch, list client.ObjectList) {
	w, err := c.Watch(ctx, list) // want `^watch w is not stopped on every path: the function can end without stopping it`
	if err != nil {
		return
	}
	for ev := range w.ResultChan() {
		if ev.Type == watch.Error {
			break
		}
	}
}

func discarded(ctx context.Context, cs kubernetes.Interface) error {
	_, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // want `^the watch returned by Watch is discarded and never stopped; keep it and defer its Stop\(\)$`
	return err
}

func rewatch(ctx context.Context, cs kubernetes.Interface) {
	for {
		w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // want `^watch w is not stopped on every path: the loop creates it again before the old one is stopped`
		if err != nil {
			continue
		}
		for ev := range w.ResultChan() {
			if ev.Type == watch.Error {
				break
			}
		}
		if ctx.Err() != nil {
			w.Stop()
			return
		}
	}
}

func overwritten(ctx context.Context, cs kubernetes.Interface) {
	var w watch.Interface
	w, _ = cs.CoreV1().Pods("a").Watch(ctx, metav1.ListOptions{}) // want `watch w is not stopped on every path: it is overwritten at stop.go:91 while still open`
	w, _ = cs.CoreV1().Pods("b").Watch(ctx, metav1.ListOptions{})
	defer w.Stop()
}

// Comparing w with nil neither stops it nor hands it on.
func nilCompare(ctx context.Context, cs kubernetes.Interface) {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // want `watch w is not stopped on every path: the function can end without stopping it`
	if err != nil {
		return
	}
	if w != nil {
		handle(<-w.ResultChan())
	}
}

// ok: stopped, deferred, handed on in every way, or failed.

func deferred(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	defer w.Stop()
	return nil
}

func errEqNil(ctx context.Context, cs kubernetes.Interface) {
	if w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}); err == nil {
		w.Stop()
	}
}

func returned(ctx context.Context, cs kubernetes.Interface) (watch.Interface, error) {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return nil, err
	}
	return w, nil
}

func returnedDirectly(ctx context.Context, cs kubernetes.Interface) (watch.Interface, error) {
	return cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
}

func namedResult(ctx context.Context, cs kubernetes.Interface) (w watch.Interface, err error) {
	w, err = cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	return
}

type holder struct {
	w  watch.Interface
	ws []watch.Interface
	m  map[string]watch.Interface
}

var global watch.Interface

func stored(ctx context.Context, cs kubernetes.Interface, h *holder, out chan<- watch.Interface) error {
	var err error
	h.w, err = cs.CoreV1().Pods("a").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	global, _ = cs.CoreV1().Pods("b").Watch(ctx, metav1.ListOptions{})
	w1, _ := cs.CoreV1().Pods("c").Watch(ctx, metav1.ListOptions{})
	h.ws = append(h.ws, w1)
	w2, _ := cs.CoreV1().Pods("d").Watch(ctx, metav1.ListOptions{})
	h.m["d"] = w2
	w3, _ := cs.CoreV1().Pods("e").Watch(ctx, metav1.ListOptions{})
	out <- w3
	w4, _ := cs.CoreV1().Pods("f").Watch(ctx, metav1.ListOptions{})
	*h = holder{w: w4}
	return nil
}

func stoppedByGoroutine(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	go func() {
		defer w.Stop()
		for ev := range w.ResultChan() {
			handle(ev)
		}
	}()
	return nil
}

func stopAfterFunc(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	context.AfterFunc(ctx, w.Stop)
	return nil
}

func panics(ctx context.Context, cs kubernetes.Interface) {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		panic(err)
	}
	if w == nil {
		panic("no watch")
	}
	defer w.Stop()
}

// ok: a deferred closure, set up before the watch exists, stops it.
func deferredClosure(ctx context.Context, cs kubernetes.Interface) error {
	var w watch.Interface
	var err error
	defer func() {
		if w != nil {
			w.Stop()
		}
	}()
	w, err = cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	return nil
}

// ok: a switch on the creation's error: no watch in the error cases.
func switchOnErr(ctx context.Context, cs kubernetes.Interface) bool {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	switch err {
	case nil:
	case io.EOF:
		return true
	default:
		return false
	}
	defer w.Stop()
	return true
}

// ok: results with a "handled" bool, as in client-go's reactors.
type reactor interface {
	React(ctx context.Context, action string) (handled bool, ret watch.Interface, err error)
}

func react(ctx context.Context, r reactor) (watch.Interface, error) {
	for range 3 {
		handled, ret, err := r.React(ctx, "watch")
		if !handled {
			continue
		}
		return ret, err
	}
	return nil, errors.New("unhandled")
}

// ok: helpers that return a watch whose stopping is optional (no ctx, not
// named Watch or New...Watcher), as record.EventBroadcaster's
// StartRecordingToSink.
type broadcaster struct{}

func (broadcaster) StartRecordingToSink(sink string) watch.Interface { return nil }

func startRecording(b broadcaster) {
	b.StartRecordingToSink("events")
}

// A New...Watcher constructor starts a watch.
func retryDiscarded(lw cache.Watcher) {
	watchtools.NewRetryWatcher("1", lw) // want `the watch returned by NewRetryWatcher is discarded`
}

// ok: fakes hold no connection.
func fakes() {
	fw := watch.NewFake()
	fw.Add(nil)
	_ = watch.NewEmptyWatch()
}

// ok: consumed until the process ends.
func forever(ctx context.Context, cs kubernetes.Interface) {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return
	}
	for {
		handle(<-w.ResultChan()) // want `receive from w.ResultChan\(\) without comma-ok`
	}
}

// ok: a nil watch needs no Stop.
func nilWatch(ctx context.Context, cs kubernetes.Interface) {
	w, _ := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if w == nil {
		return
	}
	defer w.Stop()
}

// A ListerWatcher's context-less Watch starts a watch too: it is a method
// of client-go's tools/cache.
func listerWatcher(lw cache.ListerWatcher) {
	w, err := lw.Watch(metav1.ListOptions{}) // want `^watch w is not stopped on every path: the function can end without stopping it`
	if err != nil {
		return
	}
	ev, _ := <-w.ResultChan()
	handle(ev)
}

// ok: a getter that hands out a watch it owns itself is not a start,
// whatever its name.
type hub struct{ w watch.Interface }

func (h *hub) WatchFor(kind string) watch.Interface { return h.w }

func peek(h *hub) {
	w := h.WatchFor("pods")
	ev, _ := <-w.ResultChan()
	handle(ev)
}

// Reported in the goroutine's terms: the goroutine that reads the watch
// leaves on ctx.Done() without stopping it, and stopping it where it is
// made would cut the goroutine off.
func readInGoroutine(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // want `^watch w is not stopped by the goroutine that reads it \(stop.go:\d+\); defer w.Stop\(\) in that goroutine$`
	if err != nil {
		return err
	}
	go func() {
		for {
			select {
			case ev, ok := <-w.ResultChan():
				if !ok {
					return
				}
				handle(ev)
			case <-ctx.Done():
				return
			}
		}
	}()
	return nil
}

// ok: the goroutine that reads the watch stops it.
func stoppedInGoroutine(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	go func() {
		defer w.Stop()
		for ev := range w.ResultChan() {
			handle(ev)
		}
	}()
	return nil
}

func printEvent(ev watch.Event) error { return nil }

// The error variable set again in the loop says nothing of the watch:
// its non-nil return leaves the watch open.
func printWatch(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // want `^watch w is not stopped on every path: the return at stop.go:\d+ leaves it open`
	if err != nil {
		return err // ok: no watch was made
	}
	for ev := range w.ResultChan() {
		if err = printEvent(ev); err != nil {
			return err
		}
	}
	return nil
}

// ok: the same loop, with the watch stopped on that return.
func printWatchStopped(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	for ev := range w.ResultChan() {
		if err = printEvent(ev); err != nil {
			w.Stop()
			return err
		}
	}
	return nil
}
