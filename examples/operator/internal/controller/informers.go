package controller

import (
	"context"
	"time"

	"golang.org/x/sync/errgroup"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// WatchNodes starts an informer for the runnable that calls it with the
// manager's ctx.
func WatchNodes(ctx context.Context, cs kubernetes.Interface) bool {
	factory := informers.NewSharedInformerFactory(cs, 10*time.Minute)
	nodes := factory.Core().V1().Nodes().Informer()
	factory.Start(wait.NeverStop) // BAD(inheritctx): wait.NeverStop never closes: the informers keep running after ctx ends; pass ctx.Done().
	return cache.WaitForCacheSync(ctx.Done(), nodes.HasSynced)
}

// StartInformers in main, with no ctx: wait.NeverStop is what there is.
func StartInformers(cs kubernetes.Interface) {
	factory := informers.NewSharedInformerFactory(cs, 10*time.Minute)
	factory.Start(wait.NeverStop)
}

// FanOutReconciler reads several ConfigMaps at once.
type FanOutReconciler struct {
	client.Client
}

func (r *FanOutReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	g, gctx := errgroup.WithContext(ctx)
	var a, b corev1.ConfigMap
	g.Go(func() error {
		return r.Get(ctx, client.ObjectKey{Namespace: req.Namespace, Name: req.Name + "-a"}, &a) // BAD(reconcilectx): ctx is not cancelled when the other Get fails; use gctx, the group's context.
	})
	g.Go(func() error {
		return r.Get(gctx, client.ObjectKey{Namespace: req.Namespace, Name: req.Name + "-b"}, &b)
	})
	return ctrl.Result{}, g.Wait()
}
