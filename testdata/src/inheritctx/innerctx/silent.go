package innerctx

import (
	"context"
	"time"

	"golang.org/x/sync/errgroup"
	"k8s.io/apimachinery/pkg/util/wait"
)

// ok: the group's own context, and contexts derived from it.
func Good(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	tctx, cancel := context.WithTimeout(gctx, time.Second)
	defer cancel()
	g.Go(func() error { return fetch(gctx, "a") })
	g.Go(func() error { return fetch(tctx, "b") })
	return g.Wait()
}

// ok: the usual form, whose gctx shadows ctx.
func Shadowing(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return fetch(ctx, "a") })
	return g.Wait()
}

// ok: outside the group's funcs the outer ctx is right; so after Wait.
func Outside(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return fetch(gctx, "a") })
	if err := g.Wait(); err != nil {
		return err
	}
	return fetch(ctx, "b")
}

// ok: a group without a context, and one whose context is blank.
func NoGroupCtx(ctx context.Context) error {
	var g errgroup.Group
	g.Go(func() error { return fetch(ctx, "a") })
	h, _ := errgroup.WithContext(ctx)
	h.Go(func() error { return fetch(ctx, "b") })
	return g.Wait()
}

// ok: the group variable is assigned again: which context goes with it
// is not known.
func Reassigned(ctx context.Context, other *errgroup.Group) error {
	g, gctx := errgroup.WithContext(ctx)
	_ = gctx
	g = other
	g.Go(func() error { return fetch(ctx, "a") })
	return g.Wait()
}

// ok: a literal whose ctx parameter is blank or unnamed discards it on
// purpose; one that shadows the outer ctx uses its own.
func Literals(ctx context.Context) {
	wait.UntilWithContext(ctx, func(_ context.Context) { _ = fetch(ctx, "a") }, time.Second)
	wait.UntilWithContext(ctx, func(context.Context) { _ = fetch(ctx, "b") }, time.Second)
	wait.UntilWithContext(ctx, func(ctx context.Context) { _ = fetch(ctx, "c") }, time.Second)
}

// ok: a context captured that is not an enclosing function's parameter
// (it may derive from the inner one); context.WithoutCancel detaches on
// purpose.
func Captured(ctx context.Context, parent context.Context) {
	base, cancel := context.WithCancel(ctx)
	defer cancel()
	wait.UntilWithContext(ctx, func(uctx context.Context) {
		_ = fetch(base, "a")
		_ = fetch(context.WithoutCancel(ctx), "b")
	}, time.Second)
}

// ok: no ctx of its own: the captured ctx is the one in scope.
func Plain(ctx context.Context) {
	f := func() { _ = fetch(ctx, "a") }
	f()
}

// ok: the inner ctx is done here.
func InnerDone(ctx context.Context) {
	wait.UntilWithContext(ctx, func(uctx context.Context) {
		<-uctx.Done()
		_ = fetch(ctx, "cleanup")
	}, time.Second)
}

// ok by default: in a goroutine (reported with -report-detached).
func Detached(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		go fetch(ctx, "a")
		return fetch(gctx, "b")
	})
	return g.Wait()
}

type logger struct{}

func loggerFrom(ctx context.Context, kv ...any) logger { return logger{} }

var fromContext = loggerFrom

// ok: reading a value (a logger) from the outer ctx: the group's context
// carries the same values.
func Values(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		_ = loggerFrom(ctx)
		_ = fromContext(ctx, "k", 1)
		return fetch(gctx, "a")
	})
	return g.Wait()
}

// ok: the literal cancels the lifetime its own ctx derives from, so what
// it starts with the outer ctx must outlive that cancel (a leader
// election that guards only a start-up).
func StartOnce(ctx context.Context) {
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	wait.UntilWithContext(lctx, func(uctx context.Context) {
		_ = fetch(ctx, "servers")
		cancel()
	}, time.Second)
}
