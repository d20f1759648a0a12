package controller

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// ensureDefaults takes no ctx, so it makes a root context for its caller.
func (r *ConfigMapReconciler) ensureDefaults(namespace string) error {
	var list corev1.ConfigMapList
	// BAD(reconcilectx): Reconcile calls this without its ctx; one finding however many callers.
	return r.List(context.TODO(), &list, client.InNamespace(namespace))
}

// ensureDefaultsWith is the right way: the caller's ctx flows through.
func (r *ConfigMapReconciler) ensureDefaultsWith(ctx context.Context, namespace string) error {
	var list corev1.ConfigMapList
	return r.List(ctx, &list, client.InNamespace(namespace))
}
