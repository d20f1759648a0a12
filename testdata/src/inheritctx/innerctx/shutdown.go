package innerctx

import (
	"context"
	"net/http"

	"golang.org/x/sync/errgroup"
)

// A server run in an errgroup and shut down by another of its funcs: the
// server's func returns as soon as Shutdown starts, and an error from it
// cancels the group's context, which would cut the shutdown short. A
// root context for Shutdown there is deliberate.
func ServeUntil(ctx context.Context, srv *http.Server, stop <-chan struct{}) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return srv.ListenAndServe() })
	g.Go(func() error {
		select {
		case <-stop:
			return srv.Shutdown(context.Background()) // ok
		case <-gctx.Done():
			return nil
		}
	})
	return g.Wait()
}

// Reported: other work in the group's funcs, and a Shutdown outside any
// group that drops the caller's ctx (its deadline bounds the shutdown).
func ServeAndSync(ctx context.Context, srv *http.Server) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return fetch(context.Background(), "a") }) // want `context.Background\(\) replaces gctx, the group's context; use gctx`
	_ = gctx
	return g.Wait()
}

func Stop(ctx context.Context, srv *http.Server) error {
	return srv.Shutdown(context.TODO()) // want `context.TODO\(\) replaces ctx, the context Stop receives; use ctx`
}
