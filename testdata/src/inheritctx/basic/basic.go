package basic

import (
	"context"
	"net/http"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
)

type Client struct {
	hc     *http.Client
	cancel context.CancelFunc
}

func (c *Client) push(ctx context.Context) error { return nil }

// Sync throws its caller's ctx away.
func (c *Client) Sync(ctx context.Context) error {
	tctx, cancel := context.WithTimeout(context.Background(), time.Minute) // want `^context.Background\(\) replaces ctx, the context Sync receives; use ctx$`
	defer cancel()
	if err := c.push(tctx); err != nil {
		return err
	}
	return c.push(context.WithValue(context.TODO(), key{}, 1)) // want `context.TODO\(\) replaces ctx, the context Sync receives`
}

type key struct{}

// A blank ctx is still the caller's context.
func (c *Client) Blank(_ context.Context) error {
	return c.push(context.TODO()) // want `context.TODO\(\) replaces the context Blank receives, which the function discards; name the parameter ctx and use it`
}

// Captured: the closure runs with Watch's ctx in scope.
func (c *Client) Watch(ctx context.Context, events <-chan string) {
	handle := func(ev string) error {
		return c.push(context.Background()) // want `context.Background\(\) replaces ctx, the context Watch receives`
	}
	for ev := range events {
		_ = handle(ev)
	}
}

// A poll callback has its own ctx.
func (c *Client) Wait(parent context.Context) error {
	return wait.PollUntilContextCancel(parent, time.Second, true, func(ctx context.Context) (bool, error) {
		return true, c.push(context.TODO()) // want `context.TODO\(\) replaces ctx, the context PollUntilContextCancel passes to the func literal`
	})
}

// Contexts through aliases and named interfaces are contexts too.
type Ctx = context.Context

type LoggingContext interface {
	context.Context
	Log(string)
}

func aliased(ctx Ctx) error {
	return (&Client{}).push(context.TODO()) // want `context.TODO\(\) replaces ctx, the context aliased receives`
}

func embedded(lctx LoggingContext) error {
	return (&Client{}).push(context.TODO()) // want `context.TODO\(\) replaces lctx, the context embedded receives`
}

// Generic functions.
func Each[T any](ctx context.Context, items []T, f func(context.Context, T) error) error {
	for _, it := range items {
		if err := f(context.Background(), it); err != nil { // want `context.Background\(\) replaces ctx, the context Each receives`
			return err
		}
	}
	return nil
}

// Range over a function.
func (c *Client) All(ctx context.Context, seq func(yield func(string) bool)) {
	for range seq {
		_ = c.push(context.TODO()) // want `context.TODO\(\) replaces ctx, the context All receives`
	}
}

// The name at the site means something else: no fix, but still a finding.
func (c *Client) Hidden(ctx context.Context) {
	{
		ctx := "not a context"
		_ = ctx
		_ = c.push(context.TODO()) // want `context.TODO\(\) replaces ctx, the context Hidden receives`
	}
}

// Calls to ctx-less helpers of the package that make a root context: the
// findings are at the root contexts, in helpers.go.
func (c *Client) Refresh(ctx context.Context) error {
	c.reload()
	if err := fetch(); err != nil {
		return err
	}
	go c.reload() // ok: detached
	return nil
}

// A request carries a context: a RoundTripper has req.Context() in scope.
type transport struct{}

func (transport) RoundTrip(req *http.Request) (*http.Response, error) {
	return nil, (&Client{}).push(context.TODO()) // want `context.TODO\(\) replaces req.Context\(\), the context RoundTrip receives`
}

// A closure that calls cancel but stays in the function ends nothing else.
func (c *Client) Local(ctx context.Context) {
	lctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) replaces ctx, the context Local receives`
	stop := func() { cancel() }
	defer stop()
	_ = c.push(lctx)
}

// A callback handed to another function is where cancel was made, not a
// closure that carries it away: the root context is still reported.
func (c *Client) PollEach(parent context.Context) error {
	return wait.PollUntilContextCancel(parent, time.Second, true, func(ctx context.Context) (bool, error) {
		tctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background\(\) replaces ctx, the context PollUntilContextCancel passes to the func literal`
		defer cancel()
		return true, c.push(tctx)
	})
}

// Reassigning the ctx in scope: the fix removes the statement rather than
// leave ctx = ctx, a self-assignment that go vet rejects.
func (c *Client) Reset(ctx context.Context) error {
	ctx = context.Background() // want `context.Background\(\) replaces ctx, the context Reset receives; use ctx`
	return c.push(ctx)
}

// One pair among several: no fix, for ctx, n = ctx, 1 is a self-assignment too.
func (c *Client) ResetPair(ctx context.Context) (n int) {
	ctx, n = context.Background(), 1 // want `context.Background\(\) replaces ctx, the context ResetPair receives; use ctx`
	_ = c.push(ctx)
	return n
}

// Another variable is not a self-assignment: the call is replaced.
func (c *Client) ResetOther(ctx context.Context) error {
	var other context.Context
	other = context.Background() // want `context.Background\(\) replaces ctx, the context ResetOther receives; use ctx`
	return c.push(other)
}
