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
	ctx context.Context // want `^field ctx of reconciler FooReconciler stores a context, set to context.Background\(\) in NewFooReconciler: one reconciler serves every reconcile; use the ctx Reconcile receives and pass it on$`
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
	context.Context // want `^embedded field Context of reconciler EmbedReconciler stores a context: one reconciler serves every reconcile`
}

func (r *EmbedReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	return ctrl.Result{}, nil
}

// A method with its own ctx that reads the stored one instead.
type Client struct {
	ctx context.Context // want `^field ctx of Client stores a context, set to context.TODO\(\) in NewClient: Sync uses it in place of its own ctx \(at longlived.go:\d+\); use the ctx Sync receives and remove the field$`
}

func NewClient() *Client { return &Client{ctx: context.TODO()} }

func (c *Client) Sync(ctx context.Context) error { return push(c.ctx) }

// A WithContext method that stores its argument (client-go's rejected
// design) returning a copy.
type RESTClient struct {
	base string
	ctx  context.Context // want `^field ctx of RESTClient stores a context: WithContext sets it \(at longlived.go:\d+\) for every later call through RESTClient; take a ctx parameter in each method that needs one instead$`
}

func (c *RESTClient) WithContext(ctx context.Context) *RESTClient {
	c2 := *c
	c2.ctx = ctx
	return &c2
}

func (c *RESTClient) Do() error { return push(c.ctx) }

// A plain setter, even on a type that implements a ctx-less interface.
type Session struct {
	ctx context.Context // want `^field ctx of Session stores a context: SetContext sets it \(at longlived.go:\d+\) for every later call through Session`
}

func (s *Session) SetContext(ctx context.Context) { s.ctx = ctx }

func (s *Session) Close() error { return push(s.ctx) }

var _ io.Closer = (*Session)(nil)

// A runnable that keeps the ctx Start receives as the parent of the
// goroutine it starts: that is the work Start's ctx bounds (see
// lifetime.go for the neighbours that are reported).
type Poller struct {
	ctx context.Context // ok: Start's ctx, read only by the goroutine Start starts
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
	ctx context.Context // want `^field ctx of runnable Ticker stores a context, set to context.Background\(\) in NewTicker: Start receives the ctx that bounds the runnable's life; pass Start's ctx to the work it starts$`
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
	ctx context.Context // want `^field ctx of reconciler WatchingReconciler stores a context: it keeps the ctx Start receives \(at longlived.go:\d+\) for work started later`
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
	ctx context.Context // want `^field ctx of HTTP handler API stores a context: ServeHTTP uses it in place of its own ctx \(at longlived.go:\d+\)`
}

func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) { _ = push(a.ctx) }

type Hook struct {
	ctx   context.Context // want `^field ctx of HTTP handler Hook stores a context: one handler serves every request; use the context of the request being served$`
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
	ctx context.Context // want `^field ctx of Store stores a context, though Get and Put receive a ctx of their own; use their ctx parameters and remove the field$`
}

func (s *Store) Get(ctx context.Context, k string) error { return push(ctx) }
func (s *Store) Put(ctx context.Context, k string) error { return push(ctx) }

// Set to a root context, no methods.
type Options struct {
	Ctx context.Context // want `^field Ctx of Options stores a context, set to context.Background\(\) in defaults, which is never cancelled; pass ctx to the functions that need it instead$`
}

func defaults() Options { return Options{Ctx: context.Background()} }

// An adapter whose context-aware method reads the stored ctx: not an
// adapter any more, the two contexts conflict.
type lister struct {
	ctx context.Context // want `^field ctx of lister stores a context: ListWithContext uses it in place of its own ctx \(at longlived.go:\d+\)`
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
	ctx context.Context // want `^field ctx of komega stores a context: WithContext sets it \(at longlived.go:\d+\) for every later call through komega`
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
	ctx context.Context // want `^field ctx of reconciler GenericReconciler stores a context: Reconcile uses it in place of its own ctx \(at longlived.go:\d+\)`
}

func (r *GenericReconciler[T]) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	return ctrl.Result{}, push(r.ctx)
}
