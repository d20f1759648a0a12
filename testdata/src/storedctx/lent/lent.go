package lent

import (
	"context"
	"errors"
	"time"

	ctrl "sigs.k8s.io/controller-runtime"
)

// Pool owns a lifetime: it keeps its context with the cancel function
// that Close calls, and lends that context to the members it creates.
type Pool struct {
	baseCtx context.Context // ok: kept together with its CancelCauseFunc, ended by Close
	stop    context.CancelCauseFunc
	members map[string]*member
	relays  []*relay
}

func NewPool() *Pool {
	ctx, stop := context.WithCancelCause(context.Background())
	return &Pool{baseCtx: ctx, stop: stop, members: map[string]*member{}}
}

func (p *Pool) Close() { p.stop(errors.New("pool closed")) }

func (p *Pool) member(addr string) *member {
	m := newMember(p.baseCtx, addr)
	p.members[addr] = m
	return m
}

// member borrows the pool's lifetime, through its constructor, for the
// watch it starts: the watch outlives dial.
type member struct {
	poolCtx context.Context // ok: the pool's lifetime, lent through newMember
	addr    string
}

func newMember(poolCtx context.Context, addr string) *member {
	return &member{poolCtx: poolCtx, addr: addr}
}

func (m *member) dial(ctx context.Context) error {
	// ctx bounds the dial; poolCtx keeps the watch running after it.
	return startWatch(ctx, m.poolCtx, m.addr)
}

func startWatch(ctx, poolCtx context.Context, addr string) error {
	go watch(poolCtx, addr)
	return ctx.Err()
}

func watch(ctx context.Context, addr string) { <-ctx.Done() }

// relay is handed the pool's lifetime directly, and linked through two
// constructors and a context.WithValue.
type relay struct {
	poolCtx context.Context // ok: the pool's lifetime, assigned from Pool.baseCtx
	link    *link
}

func (p *Pool) relay() *relay {
	r := &relay{}
	r.poolCtx = p.baseCtx
	r.link = newLink(p.baseCtx)
	p.relays = append(p.relays, r)
	return r
}

func (r *relay) forward(ctx context.Context) error {
	return startWatch(ctx, r.poolCtx, "relay")
}

type link struct {
	ctx context.Context // ok: the pool's lifetime, lent through newLink and linkWith
}

func newLink(ctx context.Context) *link {
	return linkWith(context.WithValue(ctx, linkKey{}, "link"))
}

func linkWith(ctx context.Context) *link { return &link{ctx: ctx} }

func (l *link) refresh(ctx context.Context) error {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return startWatch(tctx, l.ctx, "link")
}

type linkKey struct{}

// The same design, but one store is context.Background(): reported. The
// read in dial, next to dial's own ctx, is not taken for a conflict.
type peer struct {
	poolCtx context.Context // want `^field poolCtx of peer stores a context, set to context.Background\(\) in standalonePeer, though dial receives a ctx of its own`
	addr    string
}

func newPeer(poolCtx context.Context, addr string) *peer {
	return &peer{poolCtx: poolCtx, addr: addr}
}

func (p *Pool) peer(addr string) *peer { return newPeer(p.baseCtx, addr) }

func standalonePeer(addr string) *peer {
	return &peer{poolCtx: context.Background(), addr: addr}
}

func (p *peer) dial(ctx context.Context) error {
	return startWatch(ctx, p.poolCtx, p.addr)
}

// A constructor that one caller gives the pool's lifetime and another
// context.Background(): reported.
type probe struct {
	poolCtx context.Context // want `^field poolCtx of probe stores a context`
}

func newProbe(ctx context.Context) *probe { return &probe{poolCtx: ctx} }

func (p *Pool) probe() *probe { return newProbe(p.baseCtx) }

func defaultProbe() *probe { return newProbe(context.Background()) }

func (p *probe) run() { watch(p.poolCtx, "probe") }

// A reconcile's ctx handed to the pool and on to a constructor is
// per-request, whatever type it passes through.
type lease struct {
	ctx  context.Context // want `^field ctx of lease stores a context: the ctx of a LeaseReconciler.Reconcile call, handed on to newLease, outlives it`
	name string
}

func newLease(ctx context.Context, name string) *lease { return &lease{ctx: ctx, name: name} }

func (p *Pool) lease(ctx context.Context, name string) *lease { return newLease(ctx, name) }

type LeaseReconciler struct {
	pool *Pool
}

func (r *LeaseReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	l := r.pool.lease(ctx, req.Name)
	return ctrl.Result{}, startWatch(ctx, l.ctx, l.name)
}

// An owner built on a reconcile's ctx, and used by a goroutine that may
// outlive the Reconcile, lends a per-request context, not a lifetime: it
// is reported. The item built from it and used within the
// Reconcile is a per-call object of that call, whose context is the
// owner's field: one finding, at the owner, for one cause.
type batch struct {
	ctx    context.Context // want `^field ctx of batch stores a context: the ctx of a BatchReconciler.Reconcile call outlives it`
	cancel context.CancelFunc
}

type item struct {
	ctx context.Context // ok: a per-call object built from batch's field
}

func newItem(ctx context.Context) *item { return &item{ctx: ctx} }

func (it *item) send() { watch(it.ctx, "item") }

type BatchReconciler struct{}

func (r *BatchReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	b := &batch{}
	b.ctx, b.cancel = context.WithCancel(ctx)
	defer b.cancel()
	newItem(b.ctx).send()
	go b.flush()
	return ctrl.Result{}, nil
}

func (b *batch) flush() { watch(b.ctx, "flush") }

// A read passed next to the function's own ctx is no conflict, but one
// used alone is.
type conduit struct {
	ctx context.Context // want `^field ctx of conduit stores a context, set to context.TODO\(\) in newConduit: flush uses it in place of its own ctx \(at lent.go:\d+\)`
}

func newConduit() *conduit { return &conduit{ctx: context.TODO()} }

func (c *conduit) open(ctx context.Context) error { return startWatch(ctx, c.ctx, "conduit") }

func (c *conduit) flush(ctx context.Context) { watch(c.ctx, "flush") }

// A variable that holds the pool's lifetime on one path and another
// context on the other: reported.
type mirror struct {
	ctx context.Context // want `^field ctx of mirror stores a context`
}

func (p *Pool) mirror(fallback func() context.Context) *mirror {
	ctx := p.baseCtx
	if ctx == nil {
		ctx = fallback()
	}
	return &mirror{ctx: ctx}
}

func (m *mirror) run() { watch(m.ctx, "mirror") }
