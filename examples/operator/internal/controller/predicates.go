package controller

import (
	"context"

	corev1 "k8s.io/api/core/v1"
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
