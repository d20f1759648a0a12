package basic

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/kubernetes/fake"
	clienttesting "k8s.io/client-go/testing"
	"sigs.k8s.io/controller-runtime/pkg/client"
	crfake "sigs.k8s.io/controller-runtime/pkg/client/fake"
)

// Watches of test fakes: the test feeds and ends them, and they hold no
// connection.

// ok: a fake clientset's watch need not be stopped.
func fakeClientset(ctx context.Context) {
	cs := fake.NewSimpleClientset()
	w, err := cs.CoreV1().Pods("").Watch(ctx, metav1.ListOptions{})
	if err != nil {
		return
	}
	ev, ok := <-w.ResultChan()
	_, _ = ev, ok
}

// ok: nor a controller-runtime fake client's, built by its builder.
func fakeClient(ctx context.Context, list client.ObjectList) error {
	c := crfake.NewClientBuilder().WithObjects().Build()
	w, err := c.Watch(ctx, list)
	if err != nil {
		return err
	}
	ev, ok := <-w.ResultChan()
	_, _ = ev, ok
	return nil
}

// ok: a test goroutine draining an in-memory fake, where a ctx is in
// scope: the fake does not close with ctx, the test stops it.
func drainInGoroutine(ctx context.Context, done <-chan struct{}) {
	fw := watch.NewFakeWithChanSize(1, false)
	go func() {
		for ev := range fw.ResultChan() {
			handle(ev)
		}
	}()
	<-done
}

// ok: an object tracker's watch.
func trackerWatch(ctx context.Context, tracker clienttesting.ObjectTracker) {
	w, err := tracker.Watch(schema.GroupVersionResource{Resource: "pods"}, "")
	if err != nil {
		return
	}
	for ev := range w.ResultChan() {
		handle(ev)
	}
}

// Their neighbours: a clientset handed in as kubernetes.Interface may be
// real, so its watch must be stopped, and its loop must watch ctx.
func maybeReal(ctx context.Context, cs kubernetes.Interface) {
	w, err := cs.CoreV1().Pods("").Watch(ctx, metav1.ListOptions{}) // want `^watch w is not stopped on every path`
	if err != nil {
		return
	}
	ev, ok := <-w.ResultChan()
	_, _ = ev, ok
}

func maybeRealLoop(ctx context.Context, cs kubernetes.Interface) {
	w, err := cs.CoreV1().Pods("").Watch(context.Background(), metav1.ListOptions{})
	if err != nil {
		return
	}
	defer w.Stop()
	for ev := range w.ResultChan() { // want `^loop over w.ResultChan\(\) ignores ctx: w was created from context.Background\(\)`
		handle(ev)
	}
}

// ok: a test goroutine stops every watch once done is closed, which
// ends the loops while they wait.
func stopAllOnDone(ctx context.Context, cs kubernetes.Interface, done <-chan struct{}) {
	pods, err := cs.CoreV1().Pods("a").Watch(context.Background(), metav1.ListOptions{})
	if err != nil {
		return
	}
	cms, err := cs.CoreV1().Pods("b").Watch(context.Background(), metav1.ListOptions{})
	if err != nil {
		pods.Stop()
		return
	}
	go func() {
		<-done
		pods.Stop()
		cms.Stop()
	}()
	for ev := range pods.ResultChan() {
		handle(ev)
	}
	for ev := range cms.ResultChan() {
		handle(ev)
	}
}

// Its neighbour: the goroutine stops one watch only.
func stopOneOnDone(ctx context.Context, cs kubernetes.Interface, done <-chan struct{}) {
	pods, err := cs.CoreV1().Pods("a").Watch(context.Background(), metav1.ListOptions{})
	if err != nil {
		return
	}
	cms, err := cs.CoreV1().Pods("b").Watch(context.Background(), metav1.ListOptions{})
	if err != nil {
		pods.Stop()
		return
	}
	defer cms.Stop()
	go func() {
		<-done
		pods.Stop()
	}()
	for ev := range pods.ResultChan() {
		handle(ev)
	}
	for ev := range cms.ResultChan() { // want `^loop over cms.ResultChan\(\) ignores ctx: cms was created from context.Background\(\)`
		handle(ev)
	}
}
