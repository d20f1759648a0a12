package basic

import (
	"context"

	"golang.org/x/sync/errgroup"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/informers"
	ctrl "sigs.k8s.io/controller-runtime"
)

// InformerReconciler starts informers and fans out work in its Reconcile: the
// findings are reconcilectx's.
type InformerReconciler struct {
	Factory informers.SharedInformerFactory
}

func (r *InformerReconciler) sync(ctx context.Context, name string) error { return nil }

func (r *InformerReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	r.Factory.Start(wait.NeverStop) // want `^wait.NeverStop never closes, so SharedInformerFactory.Start does not stop with ctx, the Reconcile's context; pass ctx.Done\(\)$`
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		return r.sync(ctx, req.Name) // want `^InformerReconciler.sync is passed ctx in a func the errgroup runs; use gctx, the group's context, cancelled when another of its funcs fails$`
	})
	g.Go(func() error {
		return r.sync(gctx, req.Namespace)
	})
	return ctrl.Result{}, g.Wait()
}
