// Package events registers an informer event handler without importing
// k8s.io/client-go/tools/cache: the handler's interface is known only
// from the call that registers it.
package events

import (
	"context"

	"sigs.k8s.io/controller-runtime/pkg/client"

	"storedctx/informers"
)

// The handler is also a runnable that stores the ctx it is started
// with: that is its lifetime.
type configMapEvents struct {
	ctx context.Context // ok: adapter for cache.ResourceEventHandler (seen at AddEventHandler), started once by Start
	c   client.Client
}

func (e *configMapEvents) Start(ctx context.Context) error {
	e.ctx = ctx
	_, err := informers.ConfigMaps().AddEventHandler(e)
	<-ctx.Done()
	return err
}

func (e *configMapEvents) OnAdd(obj interface{}, isInInitialList bool) { e.enqueue(obj) }
func (e *configMapEvents) OnUpdate(oldObj, newObj interface{})         { e.enqueue(newObj) }
func (e *configMapEvents) OnDelete(obj interface{})                    {}

// A ctx-less helper of the imposed methods may read the field too.
func (e *configMapEvents) enqueue(obj interface{}) { _ = e.c.Get(e.ctx, client.ObjectKey{}, nil) }

// The same shape, never registered as a handler: its methods are not
// imposed by anything, so its stored ctx is reported.
type unregistered struct {
	ctx context.Context // want `^field ctx of runnable unregistered stores a context: it keeps the ctx Start receives \(at events.go:\d+\) for work started later`
	c   client.Client
}

func (e *unregistered) Start(ctx context.Context) error {
	e.ctx = ctx
	<-ctx.Done()
	return nil
}

func (e *unregistered) OnAdd(obj interface{}, isInInitialList bool) { e.enqueue(obj) }

func (e *unregistered) enqueue(obj interface{}) { _ = e.c.Get(e.ctx, client.ObjectKey{}, nil) }

// A manager keeps the lifetime it is built with and, from a method with
// a ctx of its own (a reconcile's), hands it on to the event handler it
// registers. The handler, an adapter, keeps the manager's lifetime: the
// method's ctx would be the wrong one to keep there.
type handlerManager struct {
	life context.Context // ok: handed on to an adapter, not used in place of Ensure's ctx
	c    client.Client
}

func newHandlerManager(ctx context.Context, c client.Client) *handlerManager {
	return &handlerManager{life: ctx, c: c}
}

func (m *handlerManager) Ensure(ctx context.Context) error {
	_, err := informers.ConfigMaps().AddEventHandler(&requeuer{ctx: m.life, c: m.c})
	return err
}

type requeuer struct {
	ctx context.Context // ok: adapter for cache.ResourceEventHandler (seen at AddEventHandler)
	c   client.Client
}

func (r *requeuer) OnAdd(obj interface{}, isInInitialList bool) { r.requeue() }
func (r *requeuer) OnUpdate(oldObj, newObj interface{})         { r.requeue() }
func (r *requeuer) OnDelete(obj interface{})                    {}

func (r *requeuer) requeue() { _ = r.c.Get(r.ctx, client.ObjectKey{}, nil) }

// Its neighbour: the value the method hands on goes to a struct that is
// itself reported, so the read counts as using the field in place of the
// method's ctx.
type jobManager struct {
	life context.Context // want `^field life of jobManager stores a context: Submit uses it in place of its own ctx \(at events.go:\d+\)`
}

func newJobManager(ctx context.Context) *jobManager { return &jobManager{life: ctx} }

func (m *jobManager) Submit(ctx context.Context) *job { return &job{ctx: m.life} }

type job struct {
	ctx context.Context // want `^field ctx of job stores a context: Run uses it in place of its own ctx`
	c   client.Client
}

func (j *job) Run(ctx context.Context) error { return j.c.Get(j.ctx, client.ObjectKey{}, nil) }
