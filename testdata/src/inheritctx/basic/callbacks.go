package basic

import (
	"context"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"k8s.io/client-go/tools/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/event"
	"sigs.k8s.io/controller-runtime/pkg/predicate"
)

// Work that runs outside the call that sets it up.

// ok: sync.WaitGroup's Go (Go 1.25) runs the func on a new goroutine,
// like go, and nothing here waits for it.
func (c *Client) WaitGroupGo(ctx context.Context, wg *sync.WaitGroup) {
	wg.Go(func() { _ = c.push(context.Background()) })
}

// Reported: the function waits for the goroutine (wg.Wait()), so its
// work is part of the call, while ctx is live.
func (c *Client) WaitGroupGoJoined(ctx context.Context) {
	var wg sync.WaitGroup
	wg.Go(func() { _ = c.push(context.Background()) }) // want `context.Background\(\) replaces ctx, the context WaitGroupGoJoined receives; use ctx`
	wg.Wait()
}

// Reported: the same with a go statement whose func literal calls Done,
// and through a ctx-less helper that the goroutine calls.
func (c *Client) GoJoined(ctx context.Context, keys []string) {
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = c.push(context.TODO()) // want `context.TODO\(\) replaces ctx, the context GoJoined receives; use ctx`
			c.create(k)
		}()
	}
	wg.Wait()
}

func (c *Client) create(key string) {
	_ = c.push(context.Background()) // want `context.Background\(\) in Client.create, which Client.GoJoined calls without its ctx`
}

// ok: a group waited for before the goroutine starts, or another group
// waited for, does not join it.
func (c *Client) GoNotJoined(ctx context.Context, other *sync.WaitGroup) {
	var wg sync.WaitGroup
	wg.Wait()
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.spawn()
	}()
	other.Wait()
}

func (c *Client) spawn() { _ = c.push(context.TODO()) }

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

// ok: an informer's event handlers run for each event it sees later, on
// the informer's goroutine, not during the call that registers them.
func (c *Client) Inform(ctx context.Context, inf cache.SharedInformer) error {
	_, err := inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    func(obj interface{}) { _ = c.push(context.Background()) },
		UpdateFunc: func(_, obj interface{}) { _ = c.push(context.TODO()) },
	})
	if err != nil {
		return err
	}
	_, err = inf.AddEventHandler(&cache.FilteringResourceEventHandler{
		FilterFunc: func(obj interface{}) bool { return c.push(context.TODO()) == nil },
		Handler: cache.ResourceEventHandlerDetailedFuncs{
			AddFunc: func(obj interface{}, initial bool) { _ = c.push(context.Background()) },
		},
	})
	return err
}

// ok: so do the funcs of a predicate.Funcs, like a predicate's filter.
func (c *Client) Filters(ctx context.Context) predicate.Funcs {
	return predicate.Funcs{
		UpdateFunc: func(e event.UpdateEvent) bool { return c.push(context.Background()) == nil },
	}
}

// Reported: a func field of a struct of this package, called now.
type attempt struct{ run func() error }

func (c *Client) Attempt(ctx context.Context) error {
	a := attempt{run: func() error { return c.push(context.Background()) }} // want `context.Background\(\) replaces ctx, the context Attempt receives`
	return a.run()
}

// ok: a field indexer's extractor runs for each object the cache indexes
// later, not during the call that registers it.
func (c *Client) Indexes(ctx context.Context, idx client.FieldIndexer) error {
	return idx.IndexField(ctx, nil, "spec.owner", func(o client.Object) []string {
		_ = c.push(context.Background())
		return nil
	})
}

// ok: a helper that keeps a func in a struct for later (a list-watch's
// ListFunc, which a reflector calls): its root context is not made while
// the helper is called.
type listWatch struct{ list func() error }

func (c *Client) Reflect(ctx context.Context) *listWatch { return c.newLister() }

func (c *Client) newLister() *listWatch {
	listFunc := func() error { return c.push(context.TODO()) }
	return &listWatch{list: listFunc}
}

// Reported: a helper that calls the func it holds in a variable.
func (c *Client) ListNow(ctx context.Context) error { return c.listNow() }

func (c *Client) listNow() error {
	list := func() error { return c.push(context.TODO()) } // want `^context.TODO\(\) in Client.listNow, which Client.ListNow calls without its ctx`
	return list()
}

// ok: a cron job runs on the scheduler's goroutine at every time its
// schedule names, long after the call that adds it has returned (a
// Reconcile's ctx would be cancelled by then); so does a timer's func.
func (c *Client) Schedule(ctx context.Context, cr *cron.Cron, spec string) error {
	_, err := cr.AddFunc(spec, func() { _ = c.push(context.Background()) })
	time.AfterFunc(time.Minute, func() { _ = c.push(context.TODO()) })
	return err
}

// Reported: the root context made in the call that adds the job, not in
// the job.
func (c *Client) ScheduleNow(ctx context.Context, cr *cron.Cron, spec string) error {
	_, err := cr.AddFunc(spec, func() {})
	if err != nil {
		return err
	}
	return c.push(context.Background()) // want `context.Background\(\) replaces ctx, the context ScheduleNow receives`
}
