package basic

import (
	"context"
	"testing"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/watch"
)

// A closed watch channel gives zero events, whose Object is nil. A loop
// that checks each event's Object, and leaves (or watches anew) when it
// is not what it expects, does not spin on the closed channel.

type widget struct{}

func (*widget) GetObjectKind() schema.ObjectKind { return nil }
func (*widget) DeepCopyObject() runtime.Object   { return nil }

func use(w *widget) {}

// ok: the failed assertion returns.
func assertReturns(ctx context.Context, w watch.Interface) {
	defer w.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.ResultChan():
			obj, ok := ev.Object.(*widget)
			if !ok {
				return
			}
			use(obj)
		}
	}
}

// ok: its else fails the test, which does not return.
func assertFatal(t *testing.T, w watch.Interface) {
	defer w.Stop()
	for {
		select {
		case ev := <-w.ResultChan():
			if obj, ok := ev.Object.(*widget); ok {
				use(obj)
			} else {
				t.Fatal("not a widget")
			}
		}
	}
}

// ok: a nil object makes a new watch in place of the closed one.
func rewatchOnNil(ctx context.Context, w watch.Interface, again func() watch.Interface) {
	var obj *widget
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.ResultChan():
			obj, _ = ev.Object.(*widget)
		}
		if obj == nil {
			w = again()
			continue
		}
		use(obj)
	}
}

// ok: a receive statement whose event's Object is compared with nil.
func nilObjectReturns(w watch.Interface) {
	for {
		ev := <-w.ResultChan()
		if ev.Object == nil {
			return
		}
		handle(ev)
	}
}

// Reported: continue goes back to the closed channel.
func assertContinues(ctx context.Context, w watch.Interface) {
	defer w.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.ResultChan(): // want `^receive from w.ResultChan\(\) without comma-ok`
			obj, ok := ev.Object.(*widget)
			if !ok {
				continue
			}
			use(obj)
		}
	}
}

// Reported: break leaves only the select.
func assertBreaksSelect(ctx context.Context, w watch.Interface) {
	defer w.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.ResultChan(): // want `^receive from w.ResultChan\(\) without comma-ok`
			obj, ok := ev.Object.(*widget)
			if !ok {
				break
			}
			use(obj)
		}
	}
}

// Reported: what is checked is not the event's object.
func checksOther(ctx context.Context, w watch.Interface, ok bool) {
	defer w.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.ResultChan(): // want `^receive from w.ResultChan\(\) without comma-ok`
			if !ok {
				return
			}
			handle(ev)
		}
	}
}
