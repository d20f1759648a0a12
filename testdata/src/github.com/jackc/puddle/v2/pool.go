// Package puddle is a stub of github.com/jackc/puddle/v2 for ctxlint
// tests: a generic resource pool that keeps a context of its own.
package puddle

import "context"

type Resource[T any] struct{ value T }

type Pool[T any] struct {
	destructWG           chan struct{}
	baseAcquireCtx       context.Context
	cancelBaseAcquireCtx context.CancelFunc
	idleResources        []*Resource[T]
}

func (p *Pool[T]) Acquire(ctx context.Context) (*Resource[T], error) { return nil, nil }
