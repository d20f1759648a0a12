package basic

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/tools/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Carriers: a context handed down, as it is, through values that do
// nothing else with it, to an adapter that needs it. Only the adapter
// keeps it on purpose; the carriers are left alone with it.

type sourceFactory struct {
	ctx context.Context // ok: only carries its ctx down to source, which carries it to sourceLW
	c   client.WithWatch
}

func NewSourceFactory(ctx context.Context, c client.WithWatch) *sourceFactory {
	return &sourceFactory{ctx: ctx, c: c}
}

func (f *sourceFactory) Source() *source {
	if f.ctx.Err() != nil { // watching its end is fine too
		return nil
	}
	return &source{ctx: f.ctx, c: f.c}
}

type source struct {
	ctx context.Context // ok: only carries its ctx to sourceLW, an adapter
	c   client.WithWatch
}

func (s *source) ListerWatcher() cache.ListerWatcher {
	return &sourceLW{ctx: s.ctx, c: s.c}
}

type sourceLW struct {
	ctx context.Context // ok: adapter for cache.ListerWatcher
	c   client.WithWatch
}

func (lw *sourceLW) List(opts metav1.ListOptions) (runtime.Object, error) {
	return nil, lw.c.List(lw.ctx, nil)
}

func (lw *sourceLW) Watch(opts metav1.ListOptions) (watch.Interface, error) {
	return lw.c.Watch(lw.ctx, nil)
}

// Neighbours that are still reported.

// A carrier that also uses the context in place of a caller's.
type busyFactory struct {
	ctx context.Context // want `field ctx of busyFactory`
	c   client.WithWatch
}

func NewBusyFactory(ctx context.Context, c client.WithWatch) *busyFactory {
	return &busyFactory{ctx: ctx, c: c}
}

func (f *busyFactory) ListerWatcher() cache.ListerWatcher { return &sourceLW{ctx: f.ctx, c: f.c} }

func (f *busyFactory) Sync(ctx context.Context) error { return f.c.List(f.ctx, nil) }

// A carrier that also does work with the context itself.
type workingFactory struct {
	ctx context.Context // want `field ctx of workingFactory`
	c   client.WithWatch
}

func NewWorkingFactory(ctx context.Context, c client.WithWatch) *workingFactory {
	return &workingFactory{ctx: ctx, c: c}
}

func (f *workingFactory) ListerWatcher() cache.ListerWatcher { return &sourceLW{ctx: f.ctx, c: f.c} }

func (f *workingFactory) load() error { return f.c.List(f.ctx, nil) }

// A carrier that hands its context to a field that is itself reported.
type relay struct {
	ctx context.Context // want `field ctx of relay`
}

func NewRelay(ctx context.Context) *relay { return &relay{ctx: ctx} }

func (r *relay) Job(c client.Client) *heldJob { return &heldJob{ctx: r.ctx, c: c} }

type heldJob struct {
	ctx context.Context // want `field ctx of heldJob`
	c   client.Client
}

func (j *heldJob) run() error { return j.c.Get(j.ctx, client.ObjectKey{}, nil) }

// A default for a context never given is not a store of a root context:
// the message does not say the field is never cancelled.
type defaulted struct {
	ctx context.Context // want `^field ctx of defaulted stores a context: a stored context outlives the call it belongs to`
	c   client.Client
}

func newDefaulted(ctx context.Context, c client.Client) *defaulted {
	d := &defaulted{ctx: ctx, c: c}
	if d.ctx == nil {
		d.ctx = context.Background()
	}
	return d
}

func (d *defaulted) run() error { return d.c.Get(d.ctx, client.ObjectKey{}, nil) }

// A carrier that hands its context to a constructor, which keeps it in a
// field reported for being read in place of the ctx its own methods
// receive: one finding, there. Once dnsProvider's methods use their ctx
// parameters, providerFactory has nothing left to carry.
type providerFactory struct {
	ctx context.Context // ok: only hands its ctx to newDNSProvider, whose field is reported
	c   client.Client
}

func NewProviderFactory(ctx context.Context, c client.Client) *providerFactory {
	return &providerFactory{ctx: ctx, c: c}
}

func (f *providerFactory) Provider() *dnsProvider { return newDNSProvider(f.ctx, f.c) }

type dnsProvider struct {
	ctx context.Context // want `^field ctx of dnsProvider stores a context, though sync receives a ctx of its own`
	c   client.Client
}

func newDNSProvider(ctx context.Context, c client.Client) *dnsProvider {
	return &dnsProvider{ctx: ctx, c: c}
}

func (p *dnsProvider) Finalize() error { return p.sync(p.ctx) }

func (p *dnsProvider) sync(ctx context.Context) error {
	return p.c.Get(ctx, client.ObjectKey{}, nil)
}

// Its neighbour: the constructor's field is reported, but not for reads
// in place of a ctx its methods receive; both are reported, as relay and
// heldJob are.
type jobFactory struct {
	ctx context.Context // want `field ctx of jobFactory`
}

func NewJobFactory(ctx context.Context) *jobFactory { return &jobFactory{ctx: ctx} }

func (f *jobFactory) Job(c client.Client) *builtJob { return newBuiltJob(f.ctx, c) }

type builtJob struct {
	ctx context.Context // want `field ctx of builtJob`
	c   client.Client
}

func newBuiltJob(ctx context.Context, c client.Client) *builtJob { return &builtJob{ctx: ctx, c: c} }

func (j *builtJob) run() error { return j.c.Get(j.ctx, client.ObjectKey{}, nil) }
