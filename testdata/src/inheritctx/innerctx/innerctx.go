package innerctx

import (
	"context"
	"time"

	"golang.org/x/sync/errgroup"
	"k8s.io/apimachinery/pkg/util/wait"
)

func fetch(ctx context.Context, name string) error { return nil }

// Reported: the funcs of a group use the outer ctx, so one failure no
// longer cancels the others.
func FetchAll(ctx context.Context, names []string) error {
	g, gctx := errgroup.WithContext(ctx)
	_ = gctx // used elsewhere
	for _, n := range names {
		g.Go(func() error {
			return fetch(ctx, n) // want `^fetch is passed ctx in a func the errgroup runs; use gctx, the group's context, cancelled when another of its funcs fails$`
		})
	}
	g.TryGo(func() error {
		tctx, cancel := context.WithTimeout(ctx, time.Second) // want `WithTimeout is passed ctx in a func the errgroup runs; use gctx`
		defer cancel()
		return fetch(tctx, "x")
	})
	return g.Wait()
}

// Reported: context.Background() in a group's func names gctx, and the
// fix uses it.
func Roots(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	_ = gctx
	g.Go(func() error {
		return fetch(context.Background(), "a") // want `^context.Background\(\) replaces gctx, the group's context; use gctx$`
	})
	g.Go(func() error {
		c := context.TODO() // want `^context.TODO\(\) replaces gctx, the group's context; use gctx$`
		return fetch(c, "b")
	})
	return g.Wait()
}

// Reported: the group is made from a derived ctx; the function's own ctx
// is outer too.
func Derived(ctx context.Context) error {
	tctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	g, gctx := errgroup.WithContext(tctx)
	_ = gctx
	g.Go(func() error { return fetch(tctx, "a") }) // want `fetch is passed tctx in a func the errgroup runs; use gctx`
	g.Go(func() error { return fetch(ctx, "b") })  // want `fetch is passed ctx in a func the errgroup runs; use gctx`
	return g.Wait()
}

// Reported: a func literal that receives its own ctx uses the captured
// one.
func Poll(ctx context.Context) error {
	return wait.PollUntilContextTimeout(ctx, time.Second, time.Minute, true, func(pctx context.Context) (bool, error) {
		return true, fetch(ctx, "a") // want `^fetch is passed ctx, captured from Poll, in a func literal that receives its own context; use pctx$`
	})
}

// Reported, without a fix: the inner name means something else here.
func Shadow(ctx context.Context) {
	wait.UntilWithContext(ctx, func(uctx context.Context) {
		{
			uctx := 1
			_ = uctx
			_ = fetch(ctx, "a") // want `fetch is passed ctx, captured from Shadow, in a func literal that receives its own context; use uctx`
		}
	}, time.Second)
}

// Reported: in a generic function, with the group behind an alias.
type group = errgroup.Group

func Generic[T any](ctx context.Context, items []T) error {
	var g *group
	g, gctx := errgroup.WithContext(ctx)
	_ = gctx
	for range items {
		g.Go(func() error { return fetch(ctx, "x") }) // want `fetch is passed ctx in a func the errgroup runs; use gctx`
	}
	return g.Wait()
}

// Reported: the cancel the literal calls is its own, not the one of the
// lifetime its ctx derives from.
func CancelsOwn(ctx context.Context) {
	wait.UntilWithContext(ctx, func(uctx context.Context) {
		tctx, cancel := context.WithTimeout(uctx, time.Second)
		defer cancel()
		_ = fetch(tctx, "a")
		_ = fetch(ctx, "b") // want `^fetch is passed ctx, captured from CancelsOwn, in a func literal that receives its own context; use uctx$`
	}, time.Second)
}

// A callback kept in a struct that a call taking a context runs, as
// leaderelection.RunOrDie(ctx, config{Callbacks: ...}) does: reported.
type callbacks struct {
	OnStart func(context.Context)
}

func runWith(ctx context.Context, cb callbacks) {}

func Lead(ctx context.Context) {
	runWith(ctx, callbacks{OnStart: func(lctx context.Context) {
		_ = fetch(ctx, "lead") // want `^fetch is passed ctx, captured from Lead, in a func literal that receives its own context; use lctx$`
	}})
}

// ok: a builder that was given ctx when it was made hands the same one
// to its callbacks; where the literal's context comes from is unknown.
type poller struct{ ctx context.Context }

type pollFuncs struct {
	IsDone func(context.Context) bool
}

func newPoller(ctx context.Context) *poller               { return &poller{ctx: ctx} }
func (p *poller) withFuncs(f *pollFuncs) *poller          { return p }
func (p *poller) poll() error                             { return nil }
func (p *poller) run(f func(context.Context) error) error { return f(p.ctx) }

func Delete(ctx context.Context) error {
	if err := newPoller(ctx).withFuncs(&pollFuncs{IsDone: func(_ctx context.Context) bool {
		return fetch(ctx, "gone") == nil
	}}).poll(); err != nil {
		return err
	}
	funcs := &pollFuncs{IsDone: func(pctx context.Context) bool { return fetch(ctx, "kept") == nil }}
	_ = newPoller(ctx).withFuncs(funcs)
	return newPoller(ctx).run(func(rctx context.Context) error { return fetch(ctx, "run") })
}
