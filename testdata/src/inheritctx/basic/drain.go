package basic

import (
	"context"
	"time"
)

// A helper that stops or drains work once the caller's context is done
// cannot be given that context: on that path it is already cancelled.
// When the helper's root context has a deadline and a deferred cancel,
// the detachment is bounded and deliberate, whoever else calls it.

type feed struct{ data chan int }

func (f *feed) stop(ctx context.Context) error { return nil }

// ok: bounded, and Consume reaches it once rctx is done, from a closure
// that only runs there.
func (f *feed) stopAndDrain() {
	sctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = f.stop(sctx)
	for {
		select {
		case <-f.data:
		case <-sctx.Done():
			return
		}
	}
}

func (f *feed) Consume(ctx context.Context) error {
	rctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	giveUp := func() error {
		go f.stopAndDrain()
		return rctx.Err()
	}
	for {
		select {
		case <-rctx.Done():
			return giveUp()
		case _, ok := <-f.data:
			if !ok {
				f.stopAndDrain() // ctx is live here, but the helper is the same
				return nil
			}
		}
	}
}

// ok: reached directly after <-ctx.Done(), and while ctx is live.
func (f *feed) closeBounded() {
	var sctx, cancel = context.WithDeadline(context.Background(), time.Now().Add(time.Second))
	defer cancel()
	_ = f.stop(sctx)
}

func (f *feed) Run(ctx context.Context, early bool) {
	if early {
		f.closeBounded()
		return
	}
	<-ctx.Done()
	f.closeBounded()
}

// A bounded root that only ever does the caller's work while its ctx is
// live is still a dropped context.
func (f *feed) fetchBounded() {
	sctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `^context.Background\(\) in feed.fetchBounded, which feed.Fetch calls without its ctx;`
	defer cancel()
	_ = f.stop(sctx)
}

func (f *feed) Fetch(ctx context.Context) { f.fetchBounded() }

// Reached once ctx is done, but unbounded: still reported.
func (f *feed) drainUnbounded() {
	_ = f.stop(context.Background()) // want `^context.Background\(\) in feed.drainUnbounded, which feed.Drain calls without its ctx;`
}

// Bounded, but its cancel is not deferred (a panic in stop would leak
// it): still reported.
func (f *feed) drainLeaky() {
	sctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `^context.Background\(\) in feed.drainLeaky, which feed.Drain calls without its ctx;`
	_ = f.stop(sctx)
	cancel()
}

func (f *feed) Drain(ctx context.Context) {
	f.drainUnbounded()
	f.drainLeaky()
	<-ctx.Done()
	f.drainUnbounded()
	f.drainLeaky()
}

// A closure that runs in a done branch and also while ctx is live does
// not make its calls run once ctx is done.
func (f *feed) stopBounded() {
	sctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `^context.Background\(\) in feed.stopBounded, which feed.Watch calls without its ctx;`
	defer cancel()
	_ = f.stop(sctx)
}

func (f *feed) Watch(ctx context.Context) {
	quit := func() { f.stopBounded() }
	select {
	case <-ctx.Done():
		quit()
	case <-f.data:
		quit()
	}
}

// ok: a closure that only runs once ctx is done may make a fresh context.
func (f *feed) Serve(ctx context.Context) error {
	shutdown := func() error { return f.stop(context.Background()) }
	select {
	case <-ctx.Done():
		return shutdown()
	case <-f.data:
		return nil
	}
}
