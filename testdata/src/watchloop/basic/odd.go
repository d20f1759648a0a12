package basic

import (
	"context"
	"iter"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
)

// Odd code: generics, aliases, embedding, range-over-func, goto, closures.

type Watch = watch.Interface

type wrapped struct {
	watch.Interface
	name string
}

// A type parameter constrained by watch.Interface is a watch.
func generic[W watch.Interface](ctx context.Context, w W) {
	for ev := range w.ResultChan() { // want `loop over w.ResultChan\(\) ignores ctx: w is a parameter`
		handle(ev)
	}
}

// An alias and an embedding type are watches too.
func aliased(ctx context.Context, w Watch, x *wrapped) {
	for ev := range w.ResultChan() { // want `loop over w.ResultChan\(\) ignores ctx`
		handle(ev)
	}
	for ev := range x.ResultChan() { // want `loop over x.ResultChan\(\) ignores ctx: x is a parameter`
		handle(ev)
	}
}

// A concrete fake's pointer is a watch.
func concrete(fw *watch.FakeWatcher) {
	for {
		ev := <-fw.ResultChan() // want `receive from fw.ResultChan\(\) without comma-ok`
		handle(ev)
	}
}

// An addressable FakeWatcher value is a watch (its methods have pointer receivers).
func byValue(ctx context.Context) {
	var fw watch.FakeWatcher
	for {
		ev, _ := <-fw.ResultChan() // want `the ok of this receive from fw.ResultChan\(\) is discarded`
		handle(ev)
	}
}

// ok: range-over-func loops and goto do not confuse the check.
func rangeFunc(ctx context.Context, seq iter.Seq[int], w watch.Interface) {
	defer w.Stop()
	for range seq {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.ResultChan():
			if !ok {
				return
			}
			handle(ev)
		}
	}
}

func withGoto(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
again:
	select {
	case <-ctx.Done():
		w.Stop()
		return nil
	case ev, ok := <-w.ResultChan():
		if !ok {
			w.Stop()
			return nil
		}
		handle(ev)
		goto again
	}
}

// A closure over a watch created outside it.
func closure(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(context.Background(), metav1.ListOptions{})
	if err != nil {
		return err
	}
	defer w.Stop()
	run := func() {
		for ev := range w.ResultChan() { // want `loop over w.ResultChan\(\) ignores ctx: w was created from context.Background\(\)`
			handle(ev)
		}
	}
	run()
	return nil
}

// ok: continue to an outer loop's label leaves the inner loop.
func nested(ctx context.Context, w watch.Interface, names []string) {
	defer w.Stop()
outer:
	for range names {
		for {
			select {
			case <-ctx.Done():
				continue outer
			case ev, ok := <-w.ResultChan():
				if !ok {
					return
				}
				handle(ev)
			}
		}
	}
}

// A plain continue does not leave the loop.
func plainContinue(ctx context.Context, w watch.Interface) {
	defer w.Stop()
	for { // want `loop receiving from w.ResultChan\(\) ignores ctx`
		select {
		case <-ctx.Done():
			continue
		case ev, ok := <-w.ResultChan():
			if !ok {
				return
			}
			handle(ev)
		}
	}
}

// ok: a watch whose type only looks like one is not a watch.
type notAWatch struct{ ch chan watch.Event }

func (n notAWatch) ResultChan() <-chan watch.Event { return n.ch }

func lookalike(ctx context.Context, n notAWatch) {
	for {
		ev := <-n.ResultChan()
		handle(ev)
	}
}
