package controller

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// CachingReconciler keeps the ctx of the reconcile in progress so that
// its helpers need no ctx parameter.
type CachingReconciler struct {
	client.Client
	// BAD(storedctx): one reconciler serves every reconcile; each Reconcile overwrites the field and its helpers run on another reconcile's ctx.
	ctx context.Context
}

func (r *CachingReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	r.ctx = ctx
	return ctrl.Result{}, r.touch(req)
}

func (r *CachingReconciler) touch(req ctrl.Request) error {
	var cm corev1.ConfigMap
	return r.Get(r.ctx, req.NamespacedName, &cm)
}

// DefaultingReconciler is built once with a root context.
type DefaultingReconciler struct {
	client.Client
	ctx context.Context // BAD(storedctx): context.Background() is never cancelled, so its work ignores shutdown and every Reconcile's deadline.
}

func NewDefaultingReconciler(c client.Client) *DefaultingReconciler {
	return &DefaultingReconciler{Client: c, ctx: context.Background()}
}

func (r *DefaultingReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	return ctrl.Result{}, r.ensure(req)
}

func (r *DefaultingReconciler) ensure(req ctrl.Request) error {
	var cm corev1.ConfigMap
	return r.Get(r.ctx, req.NamespacedName, &cm)
}

// PassingReconciler is the GOOD counterpart of both: the Reconcile's ctx
// is handed to the helpers that need it, and nothing is stored.
type PassingReconciler struct {
	client.Client
}

func (r *PassingReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	return ctrl.Result{}, r.touch(ctx, req)
}

func (r *PassingReconciler) touch(ctx context.Context, req ctrl.Request) error {
	var cm corev1.ConfigMap
	return r.Get(ctx, req.NamespacedName, &cm)
}

// Refresher is a runnable that owns a lifetime: GOOD, it keeps the ctx
// together with its CancelFunc, and Stop ends it.
type Refresher struct {
	client.Client
	ctx    context.Context
	cancel context.CancelFunc
}

func (r *Refresher) Start(ctx context.Context) error {
	r.ctx, r.cancel = context.WithCancel(ctx)
	defer r.cancel()
	<-r.ctx.Done()
	return nil
}

func (r *Refresher) Stop() { r.cancel() }
