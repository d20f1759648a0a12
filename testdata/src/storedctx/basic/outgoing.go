package basic

import (
	"context"
	"net/http"
)

// An API client that keeps the ctx of the listener that sets it up, for
// the requests it sends while the listener runs. authorize decorates the
// outgoing request it is given: that request's context is not a ctx of
// authorize's own. The handler's requests are what get serves: they
// should bound its work, not the listener's lifetime.
type apiClient struct {
	hc    *http.Client
	ctx   context.Context // want `^field ctx of apiClient stores a context: it keeps a process or manager lifetime \(at outgoing.go:\d+\) that get uses for later work; pass a ctx to get instead$`
	token string
}

func (c *apiClient) authorize(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+c.token)
}

func (c *apiClient) get(u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(c.ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	c.authorize(req)
	return c.hc.Do(req)
}

// routes keeps the client for the requests it handles while listen runs.
type routes struct {
	api *apiClient
}

func setUpClients(ctx context.Context, rt *routes, token string) {
	rt.api = &apiClient{hc: http.DefaultClient, ctx: ctx, token: token}
}

func (rt *routes) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if resp, err := rt.api.get("http://localhost/"); err == nil {
		resp.Body.Close()
	}
}

// A listener runs until its ctx ends: that ctx is its lifetime, which
// the client keeps for the requests it sends meanwhile.
type listener struct {
	srv *http.Server
}

func (l *listener) listen(ctx context.Context) error {
	srv := l.srv
	rt := &routes{}
	setUpClients(ctx, rt, "token")
	srv.Handler = rt
	go srv.ListenAndServe()
	<-ctx.Done()
	return srv.Close()
}

// Its neighbour: a method that takes a ctx of its own while the field
// stays: reported.
type apiClientCtx struct {
	hc  *http.Client
	ctx context.Context // want `^field ctx of apiClientCtx stores a context, though fetch receives a ctx of its own; use fetch's ctx parameter and remove the field$`
}

func (c *apiClientCtx) fetch(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

func (c *apiClientCtx) get(u string) (*http.Response, error) { return c.fetch(c.ctx, u) }

func setUpFetcher(ctx context.Context, rt *fetchRoutes) {
	rt.api = &apiClientCtx{hc: http.DefaultClient, ctx: ctx}
}

type fetchRoutes struct {
	api *apiClientCtx
}

func listenFetch(ctx context.Context, rt *fetchRoutes) {
	setUpFetcher(ctx, rt)
	<-ctx.Done()
}

// A listener that keeps its lifetime in the store it builds and reads it
// only in its own loop: left alone. Its run method waits for the end of
// its ctx, so that ctx is the listener's lifetime.
type store struct {
	ctx context.Context
}

func (s *store) save() error { return push(s.ctx) }

type tickListener struct {
	st   *store
	tick chan struct{}
}

func (l *tickListener) init(ctx context.Context) { l.st = &store{ctx: ctx} }

func (l *tickListener) run(ctx context.Context) error {
	l.init(ctx)
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-l.tick:
			if err := l.st.save(); err != nil {
				return err
			}
		}
	}
}

// Its neighbour: a method that builds the same store with the ctx of a
// call that does not run until its ctx ends, and keeps it: reported.
type onceListener struct {
	st *store2
}

type store2 struct {
	ctx context.Context // want `^field ctx of store2 stores a context`
}

func (s *store2) save() error { return push(s.ctx) }

func (l *onceListener) handle(ctx context.Context) error {
	l.st = &store2{ctx: ctx}
	return nil
}
