package tests

import (
	"context"
	"testing"

	"k8s.io/apimachinery/pkg/watch"
)

type fixture struct {
	ctx context.Context // want `storedctx: field ctx of fixture stores a context`
}

func lookup(ctx context.Context, name string) error { return ctx.Err() }

func get(name string) error {
	return lookup(context.Background(), name) // want `inheritctx: context.Background\(\) in get, which the func literal in TestGet calls without its ctx`
}

func TestGet(t *testing.T) {
	_ = fixture{}
	t.Run("sub", func(t *testing.T) {
		_ = lookup(context.TODO(), "a") // want `inheritctx: context.TODO\(\) replaces t.Context\(\), the test's context; use t.Context\(\)`
	})
	func(ctx context.Context) { _ = get("b") }(t.Context())
}

func follow(ctx context.Context, w watch.Interface) {
	for range w.ResultChan() { // want `watchloop: loop over w.ResultChan\(\) ignores ctx`
	}
}
