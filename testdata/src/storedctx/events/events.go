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
