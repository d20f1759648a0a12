package basic

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
)

// A watch kept in a field, made from ctx just above the loop.
type tracker struct {
	w  watch.Interface
	cs kubernetes.Interface
}

// ok: t.w was created from ctx a line above; it closes when ctx ends.
func (t *tracker) run(ctx context.Context) error {
	var err error
	t.w, err = t.cs.CoreV1().Pods("").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	defer t.w.Stop()
	for ev := range t.w.ResultChan() {
		handle(ev)
	}
	return nil
}

// ok: through a variable, then the field.
func (t *tracker) runVar(ctx context.Context) error {
	w, err := t.cs.CoreV1().Pods("").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	t.w = w
	defer t.w.Stop()
	for ev := range t.w.ResultChan() {
		handle(ev)
	}
	return nil
}

// The field's watch was made by another method: it is handed in.
func (t *tracker) start(ctx context.Context) (err error) {
	t.w, err = t.cs.CoreV1().Pods("").Watch(ctx, metav1.ListOptions{})
	return err
}

func (t *tracker) consume(ctx context.Context) {
	for ev := range t.w.ResultChan() { // want `^loop over t.w.ResultChan\(\) ignores ctx: t.w is handed in from elsewhere; select on <-ctx.Done\(\) as well$`
		handle(ev)
	}
}

// Made from context.Background() above the loop: the field does not
// hide where it came from.
func (t *tracker) runDetached(ctx context.Context) error {
	var err error
	t.w, err = t.cs.CoreV1().Pods("").Watch(context.Background(), metav1.ListOptions{})
	if err != nil {
		return err
	}
	defer t.w.Stop()
	for ev := range t.w.ResultChan() { // want `^loop over t.w.ResultChan\(\) ignores ctx: t.w was created from context.Background\(\)`
		handle(ev)
	}
	return nil
}

// Made after the loop, in the same method: not what the loop reads.
func (t *tracker) rewatch(ctx context.Context) error {
	for ev := range t.w.ResultChan() { // want `t.w is handed in from elsewhere`
		handle(ev)
	}
	var err error
	t.w, err = t.cs.CoreV1().Pods("").Watch(ctx, metav1.ListOptions{})
	return err
}
