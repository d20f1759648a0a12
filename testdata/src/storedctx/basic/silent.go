package basic

import (
	"context"
	"io/fs"
	"path/filepath"
	"time"

	"golang.org/x/oauth2"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/tools/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Adapters: the methods that read the field have no ctx of their own,
// because an interface or a callback type imposes their signatures.

// A ListerWatcher handed to a function that takes a cache.ListerWatcher.
type listWatch struct {
	ctx context.Context // ok: adapter for cache.ListerWatcher, whose List and Watch take no ctx
	c   client.WithWatch
}

func (lw *listWatch) List(opts metav1.ListOptions) (runtime.Object, error) {
	return nil, lw.c.List(lw.ctx, nil)
}

func (lw *listWatch) Watch(opts metav1.ListOptions) (watch.Interface, error) {
	return lw.c.Watch(lw.ctx, nil)
}

func useListerWatcher(lw cache.ListerWatcher) {}

func newInformer(ctx context.Context, c client.WithWatch) {
	useListerWatcher(&listWatch{ctx: ctx, c: c})
}

// A token source, found among the interfaces of an imported package
// (golang.org/x/oauth2.TokenSource), never converted in this package.
type refresher struct {
	ctx context.Context // ok: adapter for oauth2.TokenSource, whose Token takes no ctx
	c   client.Client
}

func (r *refresher) Token() (*oauth2.Token, error) {
	return &oauth2.Token{}, r.c.Get(r.ctx, client.ObjectKey{}, nil)
}

// A callback: visit is passed to filepath.WalkDir as an fs.WalkDirFunc.
type walker struct {
	ctx context.Context // ok: visit is a callback whose signature has no ctx
	c   client.Client
}

func (w *walker) visit(path string, d fs.DirEntry, err error) error {
	return w.c.Get(w.ctx, client.ObjectKey{Name: path}, nil)
}

func walk(ctx context.Context, root string, c client.Client) error {
	w := &walker{ctx: ctx, c: c}
	return filepath.WalkDir(root, w.visit)
}

// Lifetimes owned with their cancel function.
type informerCache struct {
	ctx    context.Context // ok: kept together with its CancelFunc, stopped by Shutdown
	cancel context.CancelFunc
}

func (c *informerCache) Start(ctx context.Context) error {
	c.ctx, c.cancel = context.WithCancel(ctx)
	<-c.ctx.Done()
	return nil
}

func (c *informerCache) Shutdown() { c.cancel() }

type causeTracker struct {
	ctx    context.Context // ok: kept together with its CancelCauseFunc
	cancel context.CancelCauseFunc
}

// A func() field assigned the cancel function of context.WithTimeout.
type session struct {
	ctx  context.Context // ok: stop is the cancel function of its WithTimeout
	stop func()
}

func newSession() *session {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	return &session{ctx: ctx, stop: cancel}
}

// Types that are themselves contexts.
type valueCtx struct {
	context.Context // ok: a context wrapper: it embeds context.Context
	key, val        any
}

func (c valueCtx) Value(k any) any {
	if k == c.key {
		return c.val
	}
	return c.Context.Value(k)
}

type loggingCtx struct {
	LoggingContext // ok: a context wrapper through a named interface that embeds context.Context
	prefix         string
}

type detachedCtx struct {
	parent context.Context // ok: detachedCtx implements context.Context itself
}

func (d detachedCtx) Deadline() (time.Time, bool)  { return time.Time{}, false }
func (d detachedCtx) Done() <-chan struct{}        { return nil }
func (d detachedCtx) Err() error                   { return nil }
func (d detachedCtx) Value(key any) any            { return d.parent.Value(key) }
func (d detachedCtx) With(ctx context.Context) any { return nil }

// An explicit wrapper is one even with a method that takes a ctx.
var _ context.Context = detachedCtx{}

func anonymousWrapper(ctx context.Context) context.Context {
	return struct {
		context.Context // ok: an anonymous context wrapper
	}{ctx}
}

// A generic wrapper.
type wrapped[T any] struct {
	context.Context // ok: a generic context wrapper
	v               T
}

// Cancel functions alone.
type stopper struct {
	cancel context.CancelFunc      // ok: a cancel function, not a context
	cause  context.CancelCauseFunc // ok: a cancel function, not a context
	mk     func() context.Context  // ok: a function that provides contexts
}

// A context that is only watched for its end serves as a done channel.
type stopWatcher struct {
	ctx  context.Context // ok: only watched (Done, Err, Deadline, context.Cause), never passed on
	jobs chan func()
}

func (w *stopWatcher) Run() error {
	if _, ok := w.ctx.Deadline(); ok {
		return nil
	}
	for {
		select {
		case <-w.ctx.Done():
			return context.Cause(w.ctx)
		case j := <-w.jobs:
			j()
		}
		if w.ctx.Err() != nil {
			return w.ctx.Err()
		}
	}
}

// The same through an embedded context of a type that is not a wrapper
// (its Run receives a ctx).
type embeddedStop struct {
	context.Context // ok: only watched through the promoted Done
}

func (e *embeddedStop) Run(ctx context.Context) {
	select {
	case <-ctx.Done():
	case <-e.Done():
	}
}

// An adapter whose context-aware method only watches the stored ctx
// besides its own: no conflict.
type watchingLister struct {
	ctx context.Context // ok: adapter; ListWithContext only watches the stored ctx
	c   client.Client
}

func (l *watchingLister) List(opts metav1.ListOptions) (runtime.Object, error) {
	return nil, l.c.List(l.ctx, nil)
}

func (l *watchingLister) ListWithContext(ctx context.Context, opts metav1.ListOptions) (runtime.Object, error) {
	if err := l.ctx.Err(); err != nil {
		return nil, err
	}
	return nil, l.c.List(ctx, nil)
}

// A generic adapter, used as the interface through an instance.
type genericHandler[T any] struct {
	ctx context.Context // ok: generic adapter for cache.ResourceEventHandler
	c   client.Client
}

var _ cache.ResourceEventHandler = &genericHandler[int]{}

func (h *genericHandler[T]) OnAdd(obj interface{}, isInInitialList bool) {
	_ = h.c.Get(h.ctx, client.ObjectKey{}, nil)
}
func (h *genericHandler[T]) OnUpdate(oldObj, newObj interface{}) {}
func (h *genericHandler[T]) OnDelete(obj interface{})            {}

// ok: per-call state whose ctx is cleared once used: nil is no context
// kept, so the assignment does not make it a value changed later.
type cleared struct {
	ctx context.Context
}

func useCleared(ctx context.Context) error {
	c := &cleared{ctx: ctx}
	err := c.do()
	c.ctx = nil
	return err
}

func (c *cleared) do() error { return push(c.ctx) }
