// Package ctxnoclose is watchloop with -ctx-closes-watch=false.
package ctxnoclose

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
)

func handle(ev watch.Event) {}

// Without trusting client-go's semantics, a range over a watch made from
// ctx is reported like any other.
func rangeFromCtx(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	defer w.Stop()
	for ev := range w.ResultChan() { // want `^loop over w.ResultChan\(\) ignores ctx: w was created from ctx, but ctx-closes-watch is off; select on <-ctx.Done\(\) as well$`
		handle(ev)
	}
	return nil
}

// ok: a select on ctx.Done() still stops the loop.
func selectDone(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
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
