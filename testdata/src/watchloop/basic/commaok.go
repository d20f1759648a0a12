package basic

import (
	"context"

	"k8s.io/apimachinery/pkg/watch"
)

// Rule 2: receives without comma-ok in a loop.

func goroutineLoop(ctx context.Context, w watch.Interface) {
	go func() {
		defer w.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case ev := <-w.ResultChan(): // want `^receive from w.ResultChan\(\) without comma-ok; receive with ev, ok := and leave the loop when !ok$`
				handle(ev)
			}
		}
	}()
}

func codeAfterLoop(ctx context.Context, w watch.Interface) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.ResultChan(): // want `receive from w.ResultChan\(\) without comma-ok`
			handle(ev)
		}
	}
	println("watch ended")
}

func labelled(ctx context.Context, w watch.Interface) int {
	n := 0
events:
	for {
		select {
		case <-ctx.Done():
			break events
		case <-w.ResultChan(): // want `receive from w.ResultChan\(\) without comma-ok`
			n++
		}
	}
	return n
}

func direct(w watch.Interface) {
	defer w.Stop()
	ch := w.ResultChan()
	for {
		ev := <-ch // want `^receive from ch \(the result channel of w\) without comma-ok`
		handle(ev)
	}
}

func blankOK(w watch.Interface) {
	for {
		ev, _ := <-w.ResultChan() // want `^the ok of this receive from w.ResultChan\(\) is discarded; check ok and leave the loop when it is false$`
		handle(ev)
	}
}

func discardEvent(w watch.Interface) int {
	n := 0
	for n < 10 {
		<-w.ResultChan() // want `receive from w.ResultChan\(\) without comma-ok`
		n++
	}
	return n
}

func okTaken(w watch.Interface, ok bool) {
	for ok {
		select {
		case ev := <-w.ResultChan(): // want `receive from w.ResultChan\(\) without comma-ok`
			handle(ev)
		}
	}
}

// No fix: a function with results ends with the loop; a break would
// leave it without a return, and no return value is mechanical.
func mustReturn(ctx context.Context, w watch.Interface) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev := <-w.ResultChan(): // want `receive from w.ResultChan\(\) without comma-ok`
			handle(ev)
		}
	}
}

// No fix: two fixes would add the same label to the loop.
func twoReceives(ctx context.Context, a, b watch.Interface) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-a.ResultChan(): // want `receive from a.ResultChan\(\) without comma-ok`
			handle(ev)
		case ev := <-b.ResultChan(): // want `receive from b.ResultChan\(\) without comma-ok`
			handle(ev)
		}
	}
	println("done")
}

// No fix: assignment to an existing variable, or a receive inside an expression.
func assigned(w watch.Interface) {
	var ev watch.Event
	for {
		ev = <-w.ResultChan() // want `receive from w.ResultChan\(\) without comma-ok`
		handle(ev)
		handle(<-w.ResultChan()) // want `receive from w.ResultChan\(\) without comma-ok`
	}
}

// A second fix in the same function gets its own label.
func twoLoops(ctx context.Context, a, b watch.Interface) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-a.ResultChan(): // want `receive from a.ResultChan\(\) without comma-ok`
			handle(ev)
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-b.ResultChan(): // want `receive from b.ResultChan\(\) without comma-ok`
			handle(ev)
		}
	}
	println("done")
}

// The clause already declares ok further down: the fix picks another name.
func laterOK(ctx context.Context, w watch.Interface) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.ResultChan(): // want `receive from w.ResultChan\(\) without comma-ok`
			ok := ev.Type == watch.Added
			if ok {
				handle(ev)
			}
		}
	}
}
