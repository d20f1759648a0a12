package innerctx

import (
	"context"
	"testing"

	"golang.org/x/sync/errgroup"
)

// ok by default: tests are quiet.
func TestGroup(t *testing.T) {
	run := func(ctx context.Context) error {
		g, gctx := errgroup.WithContext(ctx)
		_ = gctx
		g.Go(func() error { return fetch(ctx, "a") })
		return g.Wait()
	}
	_ = run(t.Context())
}
