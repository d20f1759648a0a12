// Package static implements router.Router.
package static

import (
	"context"

	"example.com/xpkg/router"
)

type Static struct{}

func New() router.Router { return &Static{} }

func (s *Static) SetWeight(w int) error { return apply(context.TODO(), w) }

func apply(ctx context.Context, w int) error { return ctx.Err() }

func (s *Static) String() string { _ = apply(context.Background(), 0); return "static" }
