package basic

import (
	"context"
	"sync"

	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/predicate"
)

// Work that runs outside the call that sets it up.

// ok: sync.WaitGroup's Go (Go 1.25) runs the func on a new goroutine,
// like go.
func (c *Client) WaitGroupGo(ctx context.Context) {
	var wg sync.WaitGroup
	wg.Go(func() { _ = c.push(context.Background()) })
	wg.Wait()
}

// ok: a predicate's filter runs for each event the controller sees later,
// not during the call that registers it, and its signature has no ctx.
func (c *Client) Predicates(ctx context.Context) predicate.Funcs {
	return predicate.NewPredicateFuncs(func(o client.Object) bool { return c.push(context.Background()) == nil })
}

// ok: the same through a helper the filter calls.
func (c *Client) TypedPredicates(ctx context.Context) predicate.TypedFuncs[client.Object] {
	return predicate.NewTypedPredicateFuncs(func(o client.Object) bool { return c.inCache(o) })
}

func (c *Client) inCache(o client.Object) bool { return c.push(context.TODO()) == nil }

// Reported: a filter called now, within the call.
func (c *Client) FilterNow(ctx context.Context, o client.Object) bool {
	keep := func(o client.Object) bool { return c.push(context.Background()) == nil } // want `context.Background\(\) replaces ctx, the context FilterNow receives`
	return keep(o) && c.matches(o)
}

func (c *Client) matches(o client.Object) bool {
	return c.push(context.TODO()) == nil // want `context.TODO\(\) in Client.matches, which Client.FilterNow calls without its ctx`
}

// Reported: with sync.WaitGroup but no Go, a func literal called now is
// this call's work.
func (c *Client) WaitGroupNow(ctx context.Context) {
	var wg sync.WaitGroup
	wg.Add(1)
	func() {
		defer wg.Done()
		_ = c.push(context.TODO()) // want `context.TODO\(\) replaces ctx, the context WaitGroupNow receives`
	}()
	wg.Wait()
}
