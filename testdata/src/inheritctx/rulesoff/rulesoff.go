// Package rulesoff holds what the stop-channel and inner-context rules
// report, for the test that switches them off: nothing is reported.
package rulesoff

import (
	"context"

	"golang.org/x/sync/errgroup"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/informers"
)

func fetch(ctx context.Context) error { return nil }

func Off(ctx context.Context, f informers.SharedInformerFactory) error {
	f.Start(wait.NeverStop)
	g, gctx := errgroup.WithContext(ctx)
	_ = gctx
	g.Go(func() error { return fetch(ctx) })
	return g.Wait()
}
