package basic

import (
	"context"
	"io"
	"net/http"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// A reconciler built once with context.Background(), read by a ctx-less
// helper.
type FooReconciler struct {
	client.Client
	ctx context.Context // want `^field ctx of reconciler FooReconciler stores a context: one reconciler serves every reconcile, so work done through the field ignores each Reconcile's ctx: its cancellation at shutdown, its deadline and its logger, and it is set to context.Background\(\) in NewFooReconciler at longlived.go:\d+, which is never cancelled; use the ctx that Reconcile receives and pass it to the helpers that need it$`
}

func NewFooReconciler(c client.Client) *FooReconciler {
	return &FooReconciler{Client: c, ctx: context.Background()}
}

func (r *FooReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	return ctrl.Result{}, r.sync(req)
}

func (r *FooReconciler) sync(req ctrl.Request) error {
	return r.Get(r.ctx, req.NamespacedName, nil)
}

// A reconciler that embeds its context is a stored context, not a
// context wrapper.
type EmbedReconciler struct {
	context.Context // want `^reconciler EmbedReconciler embeds a context: one reconciler serves every reconcile`
}

func (r *EmbedReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	return ctrl.Result{}, nil
}

// A method with its own ctx that reads the stored one instead.
type Client struct {
	ctx context.Context // want `^field ctx of Client stores a context: Sync receives a ctx of its own but uses this one \(at longlived.go:\d+\), set to context.TODO\(\) in NewClient at longlived.go:\d+ and never cancelled, so its caller's cancellation and deadline never reach that work; use the ctx Sync receives and remove the field$`
}

func NewClient() *Client { return &Client{ctx: context.TODO()} }

func (c *Client) Sync(ctx context.Context) error { return push(c.ctx) }

// A WithContext method that stores its argument (client-go's rejected
// design) returning a copy.
type RESTClient struct {
	base string
	ctx  context.Context // want `^field ctx of RESTClient stores a context: WithContext stores its ctx argument in it \(at longlived.go:\d+\), so every later call through RESTClient uses that one ctx: once it is cancelled or expires they all fail, and calls made before it is set have none \(client-go turned this design down for that reason\); take a ctx parameter in each method that needs one instead$`
}

func (c *RESTClient) WithContext(ctx context.Context) *RESTClient {
	c2 := *c
	c2.ctx = ctx
	return &c2
}

func (c *RESTClient) Do() error { return push(c.ctx) }

// A plain setter, even on a type that implements a ctx-less interface.
type Session struct {
	ctx context.Context // want `^field ctx of Session stores a context: SetContext stores its ctx argument in it`
}

func (s *Session) SetContext(ctx context.Context) { s.ctx = ctx }

func (s *Session) Close() error { return push(s.ctx) }

var _ io.Closer = (*Session)(nil)

// A runnable that keeps the ctx Start receives for work it starts later.
type Poller struct {
	ctx context.Context // want `^field ctx of runnable Poller stores a context: it keeps the ctx that Start receives \(stored at longlived.go:\d+\), so work started later through the field runs until that ctx ends, whatever the ctx of the code that starts it; pass a ctx to that work explicitly; if the type owns this lifetime, keep the ctx together with its context.CancelFunc, or keep only ctx.Done\(\) as a stop channel$`
}

func (p *Poller) Start(ctx context.Context) error {
	p.ctx = ctx
	go p.loop()
	<-ctx.Done()
	return nil
}

func (p *Poller) loop() { _ = push(p.ctx) }

// A runnable that keeps another context than the one Start receives.
type Ticker struct {
	ctx context.Context // want `^field ctx of runnable Ticker stores a context: Start already receives the context that bounds the runnable's life, so a stored one is stale or competes with it, and it is set to context.Background\(\) in NewTicker at longlived.go:\d+, which is never cancelled; pass Start's ctx to the work it starts; if the type owns a lifetime of its own, keep the ctx together with its context.CancelFunc$`
}

func NewTicker() *Ticker { return &Ticker{ctx: context.Background()} }

func (t *Ticker) Start(ctx context.Context) error {
	go t.tick()
	<-ctx.Done()
	return nil
}

func (t *Ticker) tick() { _ = push(t.ctx) }

// A reconciler that is also a runnable and keeps its Start ctx for
// watches started later (controller-runtime's own Controller does this).
type WatchingReconciler struct {
	ctx context.Context // want `^field ctx of reconciler WatchingReconciler stores a context: it keeps the ctx that Start receives`
}

func (r *WatchingReconciler) Start(ctx context.Context) error {
	r.ctx = ctx
	return nil
}

func (r *WatchingReconciler) Watch(src string) error { return push(r.ctx) }

func (r *WatchingReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	return ctrl.Result{}, nil
}

// HTTP handlers: one reads the stored ctx in ServeHTTP (a conflict), one
// in a ctx-less method.
type API struct {
	ctx context.Context // want `^field ctx of HTTP handler API stores a context: ServeHTTP receives a ctx of its own but uses this one`
}

func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) { _ = push(a.ctx) }

type Hook struct {
	ctx   context.Context // want `^field ctx of HTTP handler Hook stores a context: one handler serves every request, so work done through the field ignores each request's cancellation and deadline; use the context of the request being served$`
	queue chan string
}

func (h *Hook) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.queue <- r.URL.Path }

func (h *Hook) drain() {
	for range h.queue {
		_ = push(h.ctx)
	}
}

// Methods that take their own ctx and never read the field: it is dead.
type Store struct {
	ctx context.Context // want `^field ctx of Store stores a context: Get and Put already receive a ctx of their own, so the stored one is either dead or used instead of theirs; use their ctx parameters, pass a ctx to the other methods that need one, and remove the field$`
}

func (s *Store) Get(ctx context.Context, k string) error { return push(ctx) }
func (s *Store) Put(ctx context.Context, k string) error { return push(ctx) }

// Set to a root context, no methods.
type Options struct {
	Ctx context.Context // want `^field Ctx of Options stores a context: it is set to context.Background\(\) in defaults at longlived.go:\d+, which is never cancelled, so no caller's cancellation or deadline reaches the work done through it; pass ctx to the functions that need it, and keep a context.CancelFunc or a done channel to own a lifetime$`
}

func defaults() Options { return Options{Ctx: context.Background()} }

// An adapter whose context-aware method reads the stored ctx: not an
// adapter any more, the two contexts conflict.
type lister struct {
	ctx context.Context // want `^field ctx of lister stores a context: ListWithContext receives a ctx of its own but uses this one`
	c   client.Client
}

func (l *lister) List(opts metav1.ListOptions) (runtime.Object, error) {
	return nil, l.c.List(l.ctx, nil)
}

func (l *lister) ListWithContext(ctx context.Context, opts metav1.ListOptions) (runtime.Object, error) {
	return nil, l.c.List(l.ctx, nil)
}

// A WithContext that returns the type as an interface (controller-runtime's
// komega test helper has this shape). The interface's other methods take
// no ctx, but the setter makes it a finding, not an adapter.
type Komega interface {
	WithContext(context.Context) Komega
	Get(name string) func() error
}

type komega struct {
	ctx context.Context // want `^field ctx of komega stores a context: WithContext stores its ctx argument in it \(at longlived.go:\d+\), so every later call through komega uses that one ctx`
	c   client.Client
}

func NewKomega(c client.Client) Komega { return &komega{ctx: context.Background(), c: c} }

func (k komega) WithContext(ctx context.Context) Komega {
	k.ctx = ctx
	return &k
}

func (k *komega) Get(name string) func() error {
	return func() error { return k.c.Get(k.ctx, client.ObjectKey{Name: name}, nil) }
}

// A generic reconciler whose Reconcile reads the stored ctx.
type GenericReconciler[T any] struct {
	ctx context.Context // want `^field ctx of reconciler GenericReconciler stores a context: Reconcile receives a ctx of its own but uses this one`
}

func (r *GenericReconciler[T]) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	return ctrl.Result{}, push(r.ctx)
}
