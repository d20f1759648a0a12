package http

import (
	"net/http"

	"golang.org/x/sync/errgroup"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/tools/cache"
)

// In a handler the findings are webhookctx's, and the context is the
// request's.
func syncedHandler(inf cache.SharedIndexInformer) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !cache.WaitForCacheSync(wait.NeverStop, inf.HasSynced) { // want `^wait.NeverStop never closes, so WaitForCacheSync does not stop with r.Context\(\), the request's context; pass r.Context\(\).Done\(\)$`
			return
		}
		ctx := r.Context()
		g, gctx := errgroup.WithContext(ctx)
		g.Go(func() error { return work(ctx) }) // want `^work is passed ctx in a func the errgroup runs; use gctx`
		g.Go(func() error { return work(gctx) })
		_ = g.Wait()
	}
}
