// Package syncer pushes ConfigMaps to an external store.
package syncer

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
)

// Syncer talks to the external store.
type Syncer struct{}

func (s *Syncer) push(ctx context.Context, name string) error { return nil }

// Sync pushes one ConfigMap.
func (s *Syncer) Sync(ctx context.Context, name string) error {
	// BAD(inheritctx): the caller's deadline never reaches the push.
	if err := s.push(context.Background(), name); err != nil {
		return err
	}
	// GOOD: pass ctx on.
	return s.push(ctx, name)
}

// WaitSynced polls until the store has the ConfigMap.
func (s *Syncer) WaitSynced(ctx context.Context, name string) error {
	return wait.PollUntilContextTimeout(ctx, time.Second, time.Minute, true, func(pctx context.Context) (bool, error) {
		// BAD(inheritctx): the poll callback has its own ctx; use it.
		return s.push(context.TODO(), name) == nil, nil
	})
}

// Run serves until ctx is done, then shuts down.
func (s *Syncer) Run(ctx context.Context) error {
	<-ctx.Done()
	// GOOD: ctx is done here; a fresh bounded context for shutdown is right.
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.push(sctx, "shutdown")
}
