package basic

import (
	"context"
	"net/http"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"
)

// A Reconcile that stores its ctx on the reconciler, with the cancel
// function: a per-request ctx is reported even next to its CancelFunc.
type BarReconciler struct {
	client.Client
	ctx    context.Context // want `^field ctx of reconciler BarReconciler stores a context: the ctx of a BarReconciler.Reconcile call outlives it, overwritten by concurrent calls; pass ctx as a parameter instead$`
	cancel context.CancelFunc
}

func (r *BarReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	r.ctx, r.cancel = context.WithCancel(ctx)
	defer r.cancel()
	return ctrl.Result{}, r.Get(r.ctx, req.NamespacedName, nil)
}

// A per-reconcile scope made by a constructor that a Reconcile calls
// through a helper.
type scope struct {
	ctx  context.Context // want `^field ctx of scope stores a context: the ctx of a BazReconciler.Reconcile call, handed on to newScope, outlives it`
	name string
}

func newScope(ctx context.Context, name string) *scope {
	return &scope{ctx: ctx, name: name}
}

type BazReconciler struct {
	client.Client
}

func (r *BazReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	defer r.startAudit(ctx).cancel()
	return ctrl.Result{}, r.prepare(ctx, req.Name)
}

func (r *BazReconciler) prepare(ctx context.Context, name string) error {
	s := newScope(ctx, name)
	return r.Get(s.ctx, client.ObjectKey{Name: s.name}, nil)
}

// A handler's request context, handed down two levels into an informer
// event handler: an adapter, but built on a per-request ctx.
type requestHandler struct {
	ctx context.Context // want `^field ctx of requestHandler stores a context: the ctx of a request to serve, handed on to wrap, outlives it`
}

func (h *requestHandler) OnAdd(obj interface{}, isInInitialList bool) { _ = push(h.ctx) }
func (h *requestHandler) OnUpdate(oldObj, newObj interface{})         {}
func (h *requestHandler) OnDelete(obj interface{})                    {}

func serve(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	_ = build(ctx)
}

func build(ctx context.Context) *requestHandler { return wrap(context.WithValue(ctx, key{}, 1)) }

func wrap(ctx context.Context) *requestHandler { return &requestHandler{ctx: ctx} }

type key struct{}

// An admission handler that keeps the last request's context.
type validator struct {
	last context.Context // want `^field last of admission handler validator stores a context: the ctx of an admission request to validator.Handle outlives it, overwritten by concurrent calls`
}

func (v *validator) Handle(ctx context.Context, req admission.Request) admission.Response {
	v.last = ctx
	return admission.Allowed("")
}

// Detached from the request with context.WithoutCancel, with its own
// cancel function: not per-request, and it owns its lifetime.
type audit struct {
	ctx    context.Context // ok: detached with WithoutCancel and owned with its CancelFunc
	cancel context.CancelFunc
}

func (r *BazReconciler) startAudit(ctx context.Context) *audit {
	a := &audit{}
	a.ctx, a.cancel = context.WithCancel(context.WithoutCancel(ctx))
	return a
}

// Watched only, but per-request: the watcher stops with that request.
type requestWatcher struct {
	done context.Context // want `^field done of HTTP handler requestWatcher stores a context: the ctx of a request to requestWatcher.ServeHTTP outlives it, overwritten by concurrent calls`
}

func (w *requestWatcher) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	w.done = r.Context()
}

func (w *requestWatcher) wait() { <-w.done.Done() }
