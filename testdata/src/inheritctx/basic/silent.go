package basic

import (
	"context"
	"net"
	"net/http"
	"os"
	"time"

	"k8s.io/client-go/tools/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/event"
	"sigs.k8s.io/controller-runtime/pkg/predicate"
)

// Code inheritctx must leave alone.

// ok: no ctx in scope.
func main() {
	_ = (&Client{}).push(context.Background())
}

func init() {
	_ = (&Client{}).push(context.TODO())
}

func NewClient() *Client {
	_ = (&Client{}).push(context.Background())
	return &Client{}
}

// ok: interface methods without a ctx: informer handlers and predicates.
func handlers(c client.Client) (cache.ResourceEventHandlerFuncs, predicate.Funcs) {
	return cache.ResourceEventHandlerFuncs{
			AddFunc: func(obj interface{}) { _ = (&Client{}).push(context.TODO()) },
		}, predicate.Funcs{
			CreateFunc: func(e event.CreateEvent) bool {
				return c.Get(context.TODO(), client.ObjectKeyFromObject(e.Object), e.Object) == nil
			},
		}
}

type lister struct{}

func (lister) String() string {
	_ = (&Client{}).push(context.TODO())
	return ""
}

// ok: the ctx is done.
func (c *Client) Run(ctx context.Context, srv *http.Server) error {
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

func (c *Client) Loop(ctx context.Context, srv *http.Server) error {
	for {
		select {
		case <-ctx.Done():
			return srv.Shutdown(context.Background())
		case <-time.After(time.Second):
		}
	}
}

func (c *Client) Check(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return c.push(context.Background())
	}
	select {
	case <-ctx.Done():
	}
	return c.push(context.TODO())
}

// ok: new lifetimes whose cancel func something else calls.
func (c *Client) Start(ctx context.Context) error {
	var bg context.Context
	bg, c.cancel = context.WithCancel(context.Background())
	_ = bg
	return nil
}

func (c *Client) Fork(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithCancel(context.Background())
}

func (c *Client) Spawn(ctx context.Context, stop <-chan struct{}) context.Context {
	wctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-stop
		cancel()
	}()
	return wctx
}

type worker struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (c *Client) Worker(ctx context.Context) *worker {
	wctx, cancel := context.WithCancel(context.Background())
	return &worker{ctx: wctx, cancel: cancel}
}

// ok: the cancel func leaves inside a closure that ends the lifetime:
// stored in the returned value, or returned itself.
type service struct{ dispose func() }

func (c *Client) Service(ctx context.Context) *service {
	sctx, cancel := context.WithCancel(context.Background())
	_ = c.push(sctx)
	dispose := func() {
		cancel()
	}
	return &service{dispose: dispose}
}

func (c *Client) StartBackground(ctx context.Context) (stop func()) {
	bctx, cancel := context.WithCancel(context.Background())
	go c.push(bctx)
	return func() { cancel() }
}

// ok: a base context for the connections a server serves, cancelled
// with a deferred call and, sooner, by the goroutine that shuts the
// server down once ctx is done and the drain is over.
func (c *Client) ServeDraining(ctx context.Context, srv *http.Server) error {
	baseCtx, cancelBase := context.WithCancel(context.Background())
	defer cancelBase()
	srv.BaseContext = func(net.Listener) context.Context { return baseCtx }
	go func() {
		<-ctx.Done()
		_ = srv.Shutdown(context.Background())
		cancelBase()
	}()
	return srv.ListenAndServe()
}

// ok: WithoutCancel keeps the values.
func (c *Client) Detach(ctx context.Context) {
	_ = c.push(context.WithoutCancel(ctx))
}

// ok: detached work by default.
func (c *Client) Background(ctx context.Context) {
	go c.push(context.Background())
	defer c.push(context.TODO())
}

// ok: a ctx of the right kind is already used.
func (c *Client) Fine(ctx context.Context) error {
	return c.push(ctx)
}

var _ = os.Getenv

// ok: defaulting a nil ctx: there is no context to inherit.
func (c *Client) WithDefault(ctx context.Context) context.Context {
	if ctx == nil {
		ctx = context.Background()
	}
	return context.WithValue(ctx, key{}, 1)
}

func (c *Client) WithDefaultElse(ctx context.Context) context.Context {
	if ctx != nil {
		return ctx
	} else {
		return context.TODO()
	}
}

// ok: comparing with context.Background() makes no use of it.
func (c *Client) IsRoot(ctx context.Context) bool { return ctx == context.Background() }

// ok: a context type of the package's own, detached on purpose: it keeps
// the caller's values only.
type valuesOnly struct {
	context.Context
	values context.Context
}

func (v *valuesOnly) Value(key any) any { return v.values.Value(key) }

func (c *Client) ValuesOnly(ctx context.Context) context.Context {
	return &valuesOnly{Context: context.Background(), values: ctx}
}

// ok: a getter that returns a context, with a fallback, hands it to its
// caller: calling it is not making a root context behind the caller's back.
type request struct{ ctx context.Context }

func (r *request) Context() context.Context {
	if r.ctx != nil {
		return r.ctx
	}
	return context.Background()
}

func (c *Client) Send(ctx context.Context, r *request) error {
	_ = r.Context()
	return c.push(ctx)
}
