// Package nostop is watchloop with -check-stop=false.
package nostop

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
)

func handle(ev watch.Event) {}

// ok: with -check-stop=false, unstopped and discarded watches are not reported.
func neverStopped(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	for ev := range w.ResultChan() {
		handle(ev)
	}
	_, err = cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{})
	return err
}

// The other rules still apply.
func spins(ctx context.Context, w watch.Interface) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.ResultChan(): // want `receive from w.ResultChan\(\) without comma-ok`
			handle(ev)
		}
	}
}
