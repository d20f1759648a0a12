// Package scaling builds values of handler's structs.
package scaling

import (
	"context"
	"sync"
	"time"

	"example.com/bundle/handler"
)

// ok: per-call bundles built from the call's ctx (captured by a func
// literal too) that do not outlive the call that builds them.
func Scale(ctx context.Context, names []string) error {
	var wg sync.WaitGroup
	for _, n := range names {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			h := handler.Handler{Ctx: ctx, Name: name}
			_ = handler.Process(h)
		}(n)
	}
	wg.Wait()
	var opts handler.Handler
	opts.Ctx = ctx
	p := &handler.Handler{Name: "p"}
	p.Ctx = ctx
	_ = p.Update()
	return handler.Process(opts)
}

type cache struct{ h *handler.Handler }

// A bundle kept beyond the call, or built with a context that is not the
// call's: reported here, where it is built.
func (c *cache) remember(ctx context.Context) {
	c.h = &handler.Handler{Ctx: ctx} // want `^field Ctx of handler.Handler is set here to a context that the value may keep beyond its call`
}

func (c *cache) reset(ctx context.Context) {
	c.h.Ctx = ctx // want `^field Ctx of handler.Handler is set here to a context`
}

func background() error {
	return handler.Process(handler.Handler{Ctx: context.Background()}) // want `^field Ctx of handler.Handler is set here to a context`
}

// ok: a command's own deadline, cancelled when the function returns, in
// a bundle used within the call.
func status(timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	h := &handler.Handler{Name: "status", Ctx: ctx}
	return h.Update()
}

// Still reported: the same deadline in a bundle kept beyond the call, or
// one whose cancel is not deferred.
func (c *cache) statusKept(timeout time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	c.h = &handler.Handler{Ctx: ctx} // want `^field Ctx of handler.Handler is set here to a context that the value may keep beyond its call`
}

// A function with a ctx of its own that makes such a deadline from
// context.Background(): not its own lifetime but a replacement of its
// ctx (inheritctx reports the root), so not per-call here either.
func statusWithCtx(ctx context.Context, timeout time.Duration) error {
	tctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	h := &handler.Handler{Ctx: tctx} // want `^field Ctx of handler.Handler is set here to a context`
	return h.Update()
}

func statusNotCancelled(timeout time.Duration) (error, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	h := &handler.Handler{Ctx: ctx} // want `^field Ctx of handler.Handler is set here to a context`
	return h.Update(), cancel
}

func keep(ctx context.Context) handler.Handler {
	return handler.Handler{Ctx: ctx} // want `^field Ctx of handler.Handler is set here to a context`
}

// ok: the result kept is of a type that, however deep, cannot refer to
// the bundle.
type (
	sample   struct{ q quantity }
	quantity struct{ a amount }
	amount   struct{ d decimal }
	decimal  struct{ n natural }
	natural  struct{ words []word }
	word     struct{ w uint }
)

type collector struct{ last []sample }

func measure(h handler.Handler) ([]sample, error) { return nil, h.Update() }

func (c *collector) collect(ctx context.Context) error {
	h := handler.Handler{Ctx: ctx}
	s, err := measure(h)
	c.last = append(c.last, s...)
	return err
}

// ok: a builder's default for a bundle given no context at all, which
// would otherwise hold a nil one.
type builder struct{ h *handler.Handler }

func (b *builder) init() {
	if b.h.Ctx == nil {
		b.h.Ctx = context.Background()
	}
}

// Still reported: the default replaces a context that is there, or is
// not guarded by the field's own nil check.
func (b *builder) reset(other *handler.Handler) {
	if b.h.Ctx != nil {
		b.h.Ctx = context.Background() // want `^field Ctx of handler.Handler is set here to a context`
	}
	if other.Ctx == nil {
		b.h.Ctx = context.TODO() // want `^field Ctx of handler.Handler is set here to a context`
	}
}

type Scaler struct{ sessions []*handler.Session }

// ok: a session built with the call's ctx, used within the call.
func (sc *Scaler) Once(ctx context.Context) error { return handler.NewSession(ctx).Do() }

// Reported: a session kept beyond the call.
func (sc *Scaler) Keep(ctx context.Context) {
	sc.sessions = append(sc.sessions, handler.NewSession(ctx)) // want `^the handler.Session that NewSession builds keeps ctx, and it is kept here beyond this call`
}

// ok: nil is no context kept, in a literal or an assignment; the
// generated client fills in its own.
func (c *cache) plain() {
	c.h = &handler.Handler{Name: "plain", Ctx: nil}
	c.h.Ctx = nil
}
