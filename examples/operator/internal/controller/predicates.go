package controller

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/predicate"
)

// LabelledOnly builds a predicate in a function with a ctx. The filter runs
// for each event the controller sees later, not in this call, and its
// signature, fixed by controller-runtime, has no ctx: the root context its
// helper makes is not reported.
func LabelledOnly(ctx context.Context, c client.Client) predicate.Predicate {
	return predicate.NewPredicateFuncs(func(o client.Object) bool {
		return namespaceLabelled(c, o.GetNamespace())
	})
}

func namespaceLabelled(c client.Client, name string) bool {
	var ns corev1.Namespace
	return c.Get(context.Background(), client.ObjectKey{Name: name}, &ns) == nil && ns.Labels["team"] != ""
}

// WatchNamespaces registers an informer's event handler in a function
// with a ctx. The handler runs on the informer's goroutine for each later
// event, and its signature, fixed by client-go, has no ctx: its root
// context is not reported (with -inheritctx.report-detached it is, as
// detached work).
func WatchNamespaces(ctx context.Context, inf cache.SharedIndexInformer, c client.Client) error {
	_, err := inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		UpdateFunc: func(_, obj interface{}) {
			if ns, ok := obj.(*corev1.Namespace); ok {
				_ = c.Update(context.Background(), ns)
			}
		},
	})
	return err
}
