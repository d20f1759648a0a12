package detached

import (
	ctxpkg "context"
	"time"

	"golang.org/x/sync/errgroup"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/tools/cache"
)

// With -report-detached, stop channels and outer contexts in go
// statements and deferred calls are reported too.
func informer(ctx ctxpkg.Context, inf cache.SharedIndexInformer) {
	go inf.Run(wait.NeverStop)                               // want `^wait.NeverStop never closes, so SharedInformer.Run does not stop with ctx, the context informer receives; pass ctx.Done\(\)$`
	defer wait.Until(func() {}, time.Second, wait.NeverStop) // want `wait.NeverStop never closes, so Until does not stop`
}

func fanOut(ctx ctxpkg.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		go work(ctx) // want `work is passed ctx in a func the errgroup runs; use gctx`
		work(gctx)
		return nil
	})
	return g.Wait()
}
