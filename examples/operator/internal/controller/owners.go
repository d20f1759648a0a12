package controller

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// ownerLookup is an interface of the package, implemented next to it:
// calls through it reach namespaceOwner.owner.
type ownerLookup interface {
	owner(cm *corev1.ConfigMap) (string, error)
}

type namespaceOwner struct{ c client.Client }

func (o namespaceOwner) owner(cm *corev1.ConfigMap) (string, error) {
	var ns corev1.Namespace
	// BAD(reconcilectx): Reconcile reaches this through ownerLookup without its ctx.
	if err := o.c.Get(context.Background(), client.ObjectKey{Name: cm.Namespace}, &ns); err != nil {
		return "", err
	}
	return ns.Labels["team"], nil
}
