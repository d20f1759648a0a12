package basic

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"golang.org/x/sync/errgroup"
	"k8s.io/apimachinery/pkg/util/wait"
)

// Deliberate detachment the code already says.

// ok: wait.Group's Start runs the func on a new goroutine, like go.
func (c *Client) Group(ctx context.Context, g *wait.Group, stop <-chan struct{}) {
	g.Start(func() {
		_ = c.push(context.Background())
	})
	g.StartWithChannel(stop, func(stop <-chan struct{}) {
		_ = c.push(context.TODO())
	})
}

// ok: through an alias, and promoted from an embedded Group.
type group = wait.Group

type workers struct{ wait.Group }

func (c *Client) GroupAliased(ctx context.Context, g *group, w *workers) {
	g.Start(func() { _ = c.push(context.Background()) })
	w.Start(func() { _ = c.push(context.Background()) })
}

// Reported: StartWithContext hands its func a ctx of its own, which it
// should use.
func (c *Client) GroupCtx(ctx context.Context, g *wait.Group) {
	g.StartWithContext(ctx, func(gctx context.Context) {
		_ = c.push(context.Background()) // want `context.Background\(\) replaces gctx, the context StartWithContext passes to the func literal`
	})
}

// Reported: errgroup's Wait joins the work to the caller: not detached.
func (c *Client) Errgroup(ctx context.Context) error {
	var eg errgroup.Group
	eg.Go(func() error {
		return c.push(context.Background()) // want `context.Background\(\) replaces ctx, the context Errgroup receives`
	})
	return eg.Wait()
}

// Reported: a method called Start of another type runs f in the caller.
type runner struct{}

func (runner) Start(f func()) { f() }

func (c *Client) OtherStart(ctx context.Context) {
	runner{}.Start(func() {
		_ = c.push(context.Background()) // want `context.Background\(\) replaces ctx, the context OtherStart receives`
	})
}

func spawned(ctx context.Context) {}

// ok: the root context goes only to goroutines, work meant to outlive the
// call.
func (c *Client) Spawn2(ctx context.Context) {
	bg := context.Background()
	go spawned(bg)
	go func() {
		spawned(bg)
	}()
}

// Reported: the root context is also used by the call itself.
func (c *Client) SpawnAndUse(ctx context.Context) {
	bg := context.Background() // want `context.Background\(\) replaces ctx, the context SpawnAndUse receives`
	go spawned(bg)
	spawned(bg)
}

// ok: a default for a nil request, as if ctx == nil { ctx = ... } is.
func (c *Client) FromRequest(r *http.Request) error {
	ctx := context.Background()
	if r != nil {
		ctx = r.Context()
	}
	return c.push(ctx)
}

// Reported: the if does not replace the default with the request's context.
func (c *Client) LogsRequest(r *http.Request) error {
	ctx := context.Background() // want `context.Background\(\) replaces r.Context\(\), the context LogsRequest receives`
	if r != nil {
		r.Header.Set("x", "y")
	}
	return c.push(ctx)
}

// Reported: the if derives from the root context instead of replacing it.
func (c *Client) Derives(ctx context.Context, timeout *time.Duration) error {
	tctx := context.Background() // want `context.Background\(\) replaces ctx, the context Derives receives`
	if timeout != nil {
		var cancel context.CancelFunc
		tctx, cancel = context.WithTimeout(tctx, *timeout)
		defer cancel()
	}
	return c.push(tctx)
}

// ok: a lifetime the function owns, kept live for the deferred shutdown.
func (c *Client) Serve(ctx context.Context, srv *http.Server) error {
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	defer srv.Shutdown(sctx)
	return srv.ListenAndServe()
}

// ok: the derived context is used once ctx is done.
func (c *Client) ServeUntil(ctx context.Context, srv *http.Server) error {
	sctx, cancel := context.WithCancel(context.Background())
	defer func() { cancel() }()
	go srv.ListenAndServe()
	<-ctx.Done()
	return srv.Shutdown(sctx)
}

// Reported: the usual bug: the derived context does the call's work.
func (c *Client) Get(ctx context.Context) error {
	tctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background\(\) replaces ctx, the context Get receives`
	defer cancel()
	return c.push(tctx)
}

// Reported: the derived context is also used before the deferred call.
func (c *Client) ServeAndPush(ctx context.Context, srv *http.Server) error {
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) // want `context.Background\(\) replaces ctx, the context ServeAndPush receives`
	defer cancel()
	defer srv.Shutdown(sctx)
	_ = c.push(sctx)
	return srv.ListenAndServe()
}

// ok: readers that must keep draining until the deferred shutdown has
// run: the caller's ctx ending early would stop them first.
func (c *Client) ServeWithReaders(ctx context.Context, srv *http.Server) error {
	rctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = c.push(rctx) }()
	var g wait.Group
	g.Start(func() { _ = c.push(rctx) })
	defer srv.Shutdown(rctx)
	return srv.ListenAndServe()
}

// ok: the same in a ctx-less helper that a function with a ctx calls.
func withReaders(srv *http.Server) error {
	rctx, cancel := context.WithCancel(context.Background())
	defer func() { cancel() }()
	go func(c *Client) { _ = c.push(rctx) }(&Client{})
	defer func() { _ = srv.Shutdown(rctx) }()
	return srv.ListenAndServe()
}

func (c *Client) ServeHelper(ctx context.Context, srv *http.Server) error {
	return withReaders(srv)
}

// Reported: goroutines alone, with no deferred use, are work the caller's
// ctx should stop.
func (c *Client) Workers(ctx context.Context) {
	wctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) replaces ctx, the context Workers receives`
	defer cancel()
	go func() { _ = c.push(wctx) }()
	go func() { _ = c.push(wctx) }()
	time.Sleep(time.Second)
}

// Reported: a deferred use does not excuse work done with it in the call.
func (c *Client) ReadersAndPush(ctx context.Context, srv *http.Server) error {
	rctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) replaces ctx, the context ReadersAndPush receives`
	defer cancel()
	go func() { _ = c.push(rctx) }()
	defer srv.Shutdown(rctx)
	_ = c.push(rctx)
	return srv.ListenAndServe()
}

// Reported: cancel is not deferred; the shutdown context leaks until the
// timer fires and nothing says it is kept on purpose.
func (c *Client) NoDefer(ctx context.Context, srv *http.Server) error {
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) // want `context.Background\(\) replaces ctx, the context NoDefer receives`
	defer srv.Shutdown(sctx)
	err := srv.ListenAndServe()
	cancel()
	return err
}

// ok: a clean-up closure run only where the function fails: it must
// work even when the failure is ctx's cancellation.
func (c *Client) CreateOrCleanUp(ctx context.Context) error {
	cleanUp := func() {
		_ = c.push(context.Background())
	}
	if err := c.push(ctx); err != nil {
		cleanUp()
		return err
	}
	if err := c.push(ctx); err != nil {
		return fmt.Errorf("second push: %w", err)
	}
	return nil
}

// ok: the same, run from a deferred call when the named result is an
// error, and from the cancel function handed to the caller.
func (c *Client) Forward(ctx context.Context) (cancel func(), retErr error) {
	var remove = func() { _ = c.push(context.TODO()) }
	defer func() {
		if retErr != nil {
			remove()
		}
	}()
	cancel = func() { remove() }
	return cancel, c.push(ctx)
}

// Reported: the closure also runs on the path that succeeds.
func (c *Client) AlwaysCleanUp(ctx context.Context) error {
	cleanUp := func() {
		_ = c.push(context.Background()) // want `context.Background\(\) replaces ctx, the context AlwaysCleanUp receives`
	}
	if err := c.push(ctx); err != nil {
		cleanUp()
		return err
	}
	cleanUp()
	return nil
}

// Reported: a failure path that returns no error, and a closure handed to
// another function as a value.
func (c *Client) FailQuietly(ctx context.Context, run func(func())) bool {
	undo := func() {
		_ = c.push(context.Background()) // want `context.Background\(\) replaces ctx, the context FailQuietly receives`
	}
	if err := c.push(ctx); err != nil {
		undo()
		return false
	}
	revert := func() {
		_ = c.push(context.TODO()) // want `context.TODO\(\) replaces ctx, the context FailQuietly receives`
	}
	run(revert)
	return true
}
