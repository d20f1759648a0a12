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
