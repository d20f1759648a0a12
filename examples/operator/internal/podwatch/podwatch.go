// Package podwatch follows the pods of a namespace with a raw client-go
// watch.
package podwatch

import (
	"context"
	"log"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// Watcher logs pod events.
type Watcher struct {
	Client kubernetes.Interface
}

// RunBad shows three watch mistakes.
func (p *Watcher) RunBad(ctx context.Context, ns string) error {
	// BAD(watchloop,inheritctx): w is never stopped (the return below leaks it), and it drops ctx.
	w, err := p.Client.CoreV1().Pods(ns).Watch(context.Background(), metav1.ListOptions{})
	if err != nil {
		return err
	}
	// BAD(watchloop): w was made from context.Background(): ctx cannot stop this loop.
	for {
		// BAD(watchloop): without comma-ok, a closed watch makes this loop spin.
		ev := <-w.ResultChan()
		if pod, ok := ev.Object.(*corev1.Pod); ok {
			log.Printf("%s %s", ev.Type, pod.Name)
		}
		if ev.Type == "ERROR" {
			return nil
		}
	}
}

// RunGood is the same loop written right.
func (p *Watcher) RunGood(ctx context.Context, ns string) error {
	// GOOD: made from ctx, and stopped on every path.
	w, err := p.Client.CoreV1().Pods(ns).Watch(ctx, metav1.ListOptions{})
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
				return nil // the watch ended; the caller may watch again
			}
			if pod, isPod := ev.Object.(*corev1.Pod); isPod {
				log.Printf("%s %s", ev.Type, pod.Name)
			}
		}
	}
}

// Forward sends event types to out until ctx is done.
func (p *Watcher) Forward(ctx context.Context, ns string, out chan<- string) error {
	w, err := p.Client.CoreV1().Pods(ns).Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	defer w.Stop()
	for {
		select {
		case <-ctx.Done():
			// BAD(watchloop): break leaves the select, not the loop, which then spins on ctx.Done().
			break
		case ev, ok := <-w.ResultChan():
			if !ok {
				return nil
			}
			out <- string(ev.Type)
		}
	}
}

// Drain ranges over a watch made from ctx: client-go closes its channel
// when ctx ends, so the loop stops with ctx.
func (p *Watcher) Drain(ctx context.Context, ns string) error {
	w, err := p.Client.CoreV1().Pods(ns).Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return err
	}
	defer w.Stop()
	// GOOD: the watch closes when ctx ends.
	for ev := range w.ResultChan() {
		log.Printf("%s", ev.Type)
	}
	return nil
}
