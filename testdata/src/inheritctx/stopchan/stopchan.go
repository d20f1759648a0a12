package stopchan

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
)

// Reported: informers started on wait.NeverStop outlive the ctx.
func StartInformers(ctx context.Context, cs kubernetes.Interface) {
	f := informers.NewSharedInformerFactory(cs, time.Minute)
	f.Start(wait.NeverStop)            // want `^wait.NeverStop never closes, so SharedInformerFactory.Start does not stop with ctx, the context StartInformers receives; pass ctx.Done\(\)$`
	f.WaitForCacheSync(wait.NeverStop) // want `wait.NeverStop never closes, so SharedInformerFactory.WaitForCacheSync does not stop with ctx`
}

// Reported: Run and the cache syncs, through the interface that embeds
// SharedInformer.
func RunInformer(ctx context.Context, inf cache.SharedIndexInformer) bool {
	inf.Run(wait.NeverStop)                                     // want `wait.NeverStop never closes, so SharedInformer.Run does not stop with ctx`
	if !cache.WaitForCacheSync(wait.NeverStop, inf.HasSynced) { // want `wait.NeverStop never closes, so WaitForCacheSync does not stop with ctx`
		return false
	}
	return cache.WaitForNamedCacheSync("foo", (wait.NeverStop), inf.HasSynced) // want `wait.NeverStop never closes, so WaitForNamedCacheSync does not stop`
}

// Reported: the wait.*Until family.
func Loops(ctx context.Context, f func()) error {
	wait.Until(f, time.Second, wait.NeverStop)                                                    // want `wait.NeverStop never closes, so Until does not stop with ctx`
	wait.NonSlidingUntil(f, time.Second, wait.NeverStop)                                          // want `so NonSlidingUntil does not stop`
	wait.JitterUntil(f, time.Second, 0.1, true, wait.NeverStop)                                   // want `so JitterUntil does not stop`
	return wait.PollUntil(time.Second, func() (bool, error) { return true, nil }, wait.NeverStop) // want `so PollUntil does not stop`
}

// Reported: a channel made here that nothing closes. Its one use is
// replaced and its declaration removed.
func MadeHere(ctx context.Context, f informers.SharedInformerFactory) {
	stop := make(chan struct{})
	f.Start(stop) // want `^stop is never closed, so SharedInformerFactory.Start does not stop with ctx, the context MadeHere receives; pass ctx.Done\(\)$`
}

// Reported, without a fix: the channel has two uses.
func MadeHereTwice(ctx context.Context, f informers.SharedInformerFactory) {
	var stop = make(chan struct{})
	f.Start(stop)            // want `stop is never closed, so SharedInformerFactory.Start`
	f.WaitForCacheSync(stop) // want `stop is never closed, so SharedInformerFactory.WaitForCacheSync`
}

// Reported: the ctx of a func literal.
func Literal(f informers.SharedInformerFactory) func(context.Context) {
	return func(lctx context.Context) {
		f.Start(wait.NeverStop) // want `wait.NeverStop never closes, so SharedInformerFactory.Start does not stop with lctx, the func literal's context; pass lctx.Done\(\)`
	}
}

// Reported, without a fix: the ctx parameter is blank.
func Blank(_ context.Context, f informers.SharedInformerFactory) {
	f.Start(wait.NeverStop) // want `wait.NeverStop never closes, so SharedInformerFactory.Start does not stop with the context Blank receives; name the context parameter and pass its Done\(\)`
}

// Reported, without a fix: the name ctx means something else here.
func Shadowed(ctx context.Context, f informers.SharedInformerFactory) {
	for ctx := range 1 {
		_ = ctx
		f.Start(wait.NeverStop) // want `wait.NeverStop never closes`
	}
}

// Reported: through an alias of the interface, a struct that embeds it,
// and in a generic function.
type factory = informers.SharedInformerFactory

type embedded struct {
	informers.SharedInformerFactory
}

func Aliased[T any](ctx context.Context, f factory, e embedded, _ T) {
	f.Start(wait.NeverStop) // want `wait.NeverStop never closes, so SharedInformerFactory.Start does not stop with ctx, the context Aliased receives`
	e.Start(wait.NeverStop) // want `wait.NeverStop never closes, so SharedInformerFactory.Start does not stop with ctx, the context Aliased receives`
}
