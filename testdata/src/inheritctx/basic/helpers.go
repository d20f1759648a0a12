package basic

import (
	"context"
	"sync"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
)

func (c *Client) reload() {
	_ = c.push(context.TODO()) // want `^context.TODO\(\) in Client.reload, which Client.Refresh calls without its ctx; thread a context.Context parameter down and pass ctx$`
}

func fetch() error { return fetchWithRetry() }

func fetchWithRetry() error {
	var err error
	for i := 0; i < 3; i++ {
		err = doFetch()
	}
	return err
}

func doFetch() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `^context.Background\(\) in doFetch, which Client.Refresh calls without its ctx \(via fetch, fetchWithRetry\); thread`
	defer cancel()
	return (&Client{}).push(ctx)
}

// Helpers that do not count: their root context is not made during the call.

func startsGoroutine() {
	go func() { _ = (&Client{}).push(context.Background()) }()
}

func startsGroup(g *wait.Group) {
	g.Start(func() { _ = (&Client{}).push(context.Background()) })
}

func returnsClosure() func() error {
	return func() error { return (&Client{}).push(context.Background()) }
}

func ownsLifetime() (context.Context, context.CancelFunc) {
	return context.WithCancel(context.Background())
}

var once sync.Once

func recursive(n int) {
	if n > 0 {
		recursive(n - 1)
	}
}

func quietHelpers(ctx context.Context) {
	startsGoroutine()
	startsGroup(nil)
	_ = returnsClosure()
	_, cancel := ownsLifetime()
	defer cancel()
	recursive(3)
}

// A caller whose ctx parameter is unnamed: the advice names it first.
func (c *Client) loadFile() error { return c.push(context.Background()) } // want `^context.Background\(\) in Client.loadFile, which the func literal in Client.loaderFor calls without its ctx; name the caller's parameter ctx, thread a context.Context parameter down and pass ctx$`

func (c *Client) loaderFor() func(context.Context) error {
	return func(context.Context) error { return c.loadFile() }
}

// A ctx-less helper that owns a lifetime for its own work: cancelled by
// the worker that finds a match, and by its defer. The callers' ctx
// should be its parent.
func (c *Client) anyFits(items []string) bool {
	fctx, cancel := context.WithCancel(context.Background()) // want `^context.Background\(\) in Client.anyFits, which Client.Place calls without its ctx; thread a context.Context parameter down and pass ctx$`
	defer cancel()
	found := false
	check := func(i int) {
		if c.push(fctx) == nil {
			found = true
			cancel()
		}
	}
	parallelize(fctx, len(items), check)
	return found
}

func parallelize(ctx context.Context, n int, f func(int)) {
	for i := range n {
		f(i)
	}
}

func (c *Client) Place(ctx context.Context, items []string) bool { return c.anyFits(items) }

// ok: the same lifetime handed to the caller with its cancel, not
// deferred: something else ends it.
func (c *Client) fitter(items []string) (context.Context, func()) {
	fctx, cancel := context.WithCancel(context.Background())
	parallelize(fctx, len(items), func(int) { cancel() })
	return fctx, cancel
}

func (c *Client) Fitter(ctx context.Context, items []string) { _, _ = c.fitter(items) }

// A context factory: a ctx-less helper that returns a fresh timeout
// context with its cancel. A caller that defers the cancel and does its
// own work with the context uses it in place of its ctx.
func opTimeout(d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), d) // want `^context.Background\(\) in opTimeout, which Client.Modify calls without its ctx; thread a context.Context parameter down and pass ctx$`
}

func (c *Client) Modify(ctx context.Context) error {
	ctx, cancel := opTimeout(time.Second)
	defer cancel()
	return c.push(ctx)
}

// ok: callers that hand the lifetime on, keep it for a shutdown only, or
// have no ctx of their own.
func (c *Client) Lease(ctx context.Context) (context.Context, context.CancelFunc) {
	return opTimeout(time.Minute)
}

func (c *Client) Drain(ctx context.Context, stop func(context.Context) error) error {
	sctx, cancel := opTimeout(time.Second)
	defer cancel()
	defer stop(sctx)
	return c.push(ctx)
}

func probeOnce(c *Client) error {
	ctx, cancel := opTimeout(time.Second)
	defer cancel()
	return c.push(ctx)
}

// Through a ctx-less helper that keeps the factory's context for its own
// work, reached from a function with a ctx.
func probeTimeout(d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.TODO(), d) // want `^context.TODO\(\) in probeTimeout, which Client.Ready calls without its ctx \(via Client.probe\); thread a context.Context parameter down and pass ctx$`
}

func (c *Client) probe() bool {
	ctx, cancel := probeTimeout(time.Second)
	defer cancel()
	return c.push(ctx) == nil
}

func (c *Client) Ready(ctx context.Context) bool { return c.probe() }
