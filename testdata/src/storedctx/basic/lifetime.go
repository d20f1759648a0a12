package basic

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"sync/atomic"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Process and manager lifetimes kept as the parent of background work.

// A runnable whose Start hands its ctx to a constructor, and starts the
// bgWorker's loop: the bgWorker's field is Start's lifetime.
type Supervisor struct{}

func (s *Supervisor) Start(ctx context.Context) error {
	w := newBgWorker(ctx)
	go w.loop()
	<-ctx.Done()
	return nil
}

type bgWorker struct {
	ctx context.Context // ok: Start's ctx, handed to newBgWorker, read by the goroutine Start starts and a helper of it
	c   client.Client
}

func newBgWorker(ctx context.Context) *bgWorker { return &bgWorker{ctx: ctx} }

func (w *bgWorker) loop() { w.poll() }

func (w *bgWorker) poll() { _ = w.c.Get(w.ctx, client.ObjectKey{}, nil) }

// Its neighbour: an exported ctx-less method that other code calls
// later uses Start's ctx for work Start does not bound.
type Syncer struct {
	ctx context.Context // want `^field ctx of runnable Syncer stores a context: it keeps the ctx Start receives \(at lifetime.go:\d+\) for work started later by Resync; pass a ctx to Resync instead$`
	c   client.Client
}

func (s *Syncer) Start(ctx context.Context) error {
	s.ctx = ctx
	go s.watch()
	<-ctx.Done()
	return nil
}

func (s *Syncer) watch() { _ = s.c.Get(s.ctx, client.ObjectKey{}, nil) }

func (s *Syncer) Resync() error { return s.c.Get(s.ctx, client.ObjectKey{}, nil) }

// SetupWithManager's ctx, kept by a reconciler for the callbacks and the
// goroutine it registers.
type CronReconciler struct {
	client.Client
	ctx context.Context // ok: SetupWithManager's ctx, read by a callback and a goroutine it starts
}

func (r *CronReconciler) SetupWithManager(ctx context.Context, mgr ctrl.Manager) error {
	r.ctx = ctx
	go r.tick()
	return register(func() { _ = r.Get(r.ctx, client.ObjectKey{}, nil) })
}

func register(cb func()) error { return nil }

func (r *CronReconciler) tick() { <-r.ctx.Done() }

func (r *CronReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	return ctrl.Result{}, r.Get(ctx, req.NamespacedName, nil)
}

// Its neighbour: Reconcile reads the manager's ctx in place of its own.
type LeakyCronReconciler struct {
	client.Client
	ctx context.Context // want `^field ctx of reconciler LeakyCronReconciler stores a context: Reconcile uses it in place of its own ctx`
}

func (r *LeakyCronReconciler) SetupWithManager(ctx context.Context, mgr ctrl.Manager) error {
	r.ctx = ctx
	return nil
}

func (r *LeakyCronReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	return ctrl.Result{}, r.Get(r.ctx, req.NamespacedName, nil)
}

// main's signal context, kept by the daemon whose loops main starts.
type daemon struct {
	ctx context.Context // ok: the process's signal context, read by the goroutine main starts
	c   client.Client
}

func (d *daemon) serve() { _ = d.c.Get(d.ctx, client.ObjectKey{}, nil) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	d := &daemon{ctx: ctx}
	go d.serve()
	m := &manager{ctx: ctrl.SetupSignalHandler()}
	m.run()
	b := &batchRunner{ctx: context.Background()}
	go b.run()
	_ = &reloader{ctx: ctx}
}

// Its neighbour: an exported method that other code calls at any time
// does work the signal context does not bound.
type reloader struct {
	ctx context.Context // want `^field ctx of reloader stores a context: it keeps a process or manager lifetime \(at lifetime.go:\d+\) that Reload uses for later work; pass a ctx to Reload instead$`
	c   client.Client
}

func (r *reloader) Reload() error { return r.c.Get(r.ctx, client.ObjectKey{}, nil) }

type manager struct {
	ctx context.Context // ok: controller-runtime's signal context, used by run, which main calls
	c   client.Client
}

func (m *manager) run() { _ = m.c.Get(m.ctx, client.ObjectKey{}, nil) }

// Its neighbour: main keeps context.Background(), which no signal ends.
type batchRunner struct {
	ctx context.Context // want `^field ctx of batchRunner stores a context, set to context.Background\(\) in main, which is never cancelled`
	c   client.Client
}

func (b *batchRunner) run() { _ = b.c.Get(b.ctx, client.ObjectKey{}, nil) }

// A generic runnable, whose goroutine is a closure of Start.
type Loop[T any] struct {
	ctx   context.Context // ok: Start's ctx, read by the closure Start runs as a goroutine
	items chan T
	c     client.Client
}

func (l *Loop[T]) Start(ctx context.Context) error {
	l.ctx = ctx
	go func() {
		for range l.items {
			_ = l.c.Get(l.ctx, client.ObjectKey{}, nil)
		}
	}()
	<-ctx.Done()
	return nil
}

// A server's Run keeps a WithCancel of its ctx, cancelled when it
// returns, for the callbacks it serves, and waits for that ctx's end:
// the callbacks run while Run does.
type usageServer struct {
	ctx     context.Context // ok: Run's lifetime, kept while Run waits for its end, read by a callback it serves
	c       client.Client
	collect func() error
}

func (u *usageServer) Run(ctx context.Context, errc chan error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	u.ctx = ctx
	u.collect = u.usage
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (u *usageServer) usage() error { return u.c.Get(u.ctx, client.ObjectKey{}, nil) }

// Its neighbours: a Run that returns once it has started serving, and
// one that waits only inside the goroutine it starts. Both cancel the
// context they keep as soon as they return.
type quickServer struct {
	ctx     context.Context // want `^field ctx of quickServer stores a context: Run cancels it when it returns \(at lifetime.go:\d+\), but it is kept beyond that call; pass ctx as a parameter instead$`
	c       client.Client
	collect func() error
}

func (q *quickServer) Run(ctx context.Context, errc chan error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	q.ctx = ctx
	q.collect = q.usage
	return nil
}

func (q *quickServer) usage() error { return q.c.Get(q.ctx, client.ObjectKey{}, nil) }

type goServer struct {
	ctx     context.Context // want `^field ctx of goServer stores a context: Run cancels it when it returns`
	c       client.Client
	collect func() error
}

func (g *goServer) Run(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	g.ctx = ctx
	g.collect = g.usage
	go func() { <-ctx.Done() }()
}

func (g *goServer) usage() error { return g.c.Get(g.ctx, client.ObjectKey{}, nil) }

// A Run that waits for its end, but whose kept context an exported
// method uses for later calls by others: still reported.
type pollServer struct {
	ctx context.Context // want `^field ctx of pollServer stores a context: it keeps a process or manager lifetime \(at lifetime.go:\d+\) that Poll uses for later work; pass a ctx to Poll instead$`
	c   client.Client
}

func (p *pollServer) Run(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	p.ctx = ctx
	<-ctx.Done()
}

func (p *pollServer) Poll() error { return p.c.Get(p.ctx, client.ObjectKey{}, nil) }

// A runnable that keeps Start's ctx in an atomic pointer only to say it
// has started: CompareAndSwap stores it, and Register, whose own ctx is
// blank, checks that it is there without using it.
type DynamicRunner struct {
	ctx atomic.Pointer[context.Context] // ok: Start's ctx, stored by CompareAndSwap; Register only checks it is set
}

func (d *DynamicRunner) Start(ctx context.Context) error {
	if !d.ctx.CompareAndSwap(nil, &ctx) {
		return errors.New("already running")
	}
	<-ctx.Done()
	return nil
}

func (d *DynamicRunner) Register(_ context.Context, name string) error {
	started := d.ctx.Load()
	if started == nil {
		return errors.New("not started")
	}
	return nil
}

func (d *DynamicRunner) Running() bool { return d.ctx.Load() != nil }

// A server's Run keeps its lifetime in an atomic pointer for the
// callback it serves: Store is a store, as u.ctx = ctx is.
type atomicServer struct {
	ctx     atomic.Pointer[context.Context] // ok: Run's lifetime, kept while Run waits for its end, read by a callback it serves
	c       client.Client
	collect func() error
}

func (u *atomicServer) Run(ctx context.Context, errc chan error) error {
	u.ctx.Store(&ctx)
	u.collect = u.usage
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (u *atomicServer) usage() error { return u.c.Get(*u.ctx.Load(), client.ObjectKey{}, nil) }

// Its neighbour: a method with a ctx of its own that does its work with
// the kept one.
type DynamicSyncer struct {
	ctx atomic.Pointer[context.Context] // want `^field ctx of runnable DynamicSyncer stores a context inside atomic.Pointer\[context.Context\]: Sync uses it in place of its own ctx`
	c   client.Client
}

func (d *DynamicSyncer) Start(ctx context.Context) error {
	d.ctx.Store(&ctx)
	<-ctx.Done()
	return nil
}

func (d *DynamicSyncer) Sync(ctx context.Context) error {
	kept := d.ctx.Load()
	if kept == nil {
		return errors.New("not started")
	}
	return d.c.Get(*kept, client.ObjectKey{}, nil)
}
