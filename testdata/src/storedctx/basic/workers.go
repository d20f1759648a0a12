package basic

import (
	"context"

	"sigs.k8s.io/controller-runtime/pkg/client"
)

// A component's lifetime handed in when it is built, as the parent of
// the workers that its Run(stopCh) starts: every method with a ctx
// receives that lifetime, so there is no ctx of their own to use.

type WorkerOpts struct {
	ctx context.Context
	c   client.Client
}

func BuildWorkerOpts(ctx context.Context, c client.Client) *WorkerOpts {
	return &WorkerOpts{ctx: ctx, c: c}
}

type QueueController struct {
	ctx   context.Context
	c     client.Client
	queue chan string
}

func NewQueueController(o *WorkerOpts) *QueueController {
	return &QueueController{ctx: o.ctx, c: o.c, queue: make(chan string)}
}

func (q *QueueController) Run(stopCh <-chan struct{}) {
	ctx, cancel := context.WithCancel(q.ctx)
	defer cancel()
	go q.runWorker(ctx)
	<-stopCh
}

func (q *QueueController) runWorker(ctx context.Context) {
	for key := range q.queue {
		func() {
			_ = q.process(ctx, key)
		}()
	}
}

func (q *QueueController) process(ctx context.Context, key string) error {
	return q.c.Get(ctx, client.ObjectKey{Name: key}, nil)
}

// A ctx-less method that only takes a logger's values from it.
func (q *QueueController) AddNamespace(ns string) {
	_ = q.ctx.Value(ns)
}

// Its neighbours. A method with a ctx that other code calls with a ctx of
// its own: the kept one competes with it.
type SharedController struct {
	ctx context.Context // want `^field ctx of SharedController stores a context, though runWorker and Process receive a ctx of their own; use their ctx parameters and remove the field$`
	c   client.Client
}

func NewSharedController(ctx context.Context, c client.Client) *SharedController {
	return &SharedController{ctx: ctx, c: c}
}

func (q *SharedController) Run(stopCh <-chan struct{}) {
	go q.runWorker(q.ctx)
	<-stopCh
}

func (q *SharedController) runWorker(ctx context.Context) { _ = q.Process(ctx, "") }

func (q *SharedController) Process(ctx context.Context, key string) error {
	return q.c.Get(ctx, client.ObjectKey{Name: key}, nil)
}

// And a client that keeps its builder's ctx for the calls made through
// it, with no worker started.
type keptClient struct {
	ctx context.Context // want `^field ctx of keptClient stores a context, though get receives a ctx of its own; use get's ctx parameter and remove the field$`
	c   client.Client
}

func newKeptClient(ctx context.Context, c client.Client) *keptClient {
	return &keptClient{ctx: ctx, c: c}
}

func (k *keptClient) Get(key string) error { return k.get(k.ctx, key) }

func (k *keptClient) get(ctx context.Context, key string) error {
	return k.c.Get(ctx, client.ObjectKey{Name: key}, nil)
}
