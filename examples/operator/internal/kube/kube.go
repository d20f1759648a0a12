// Package kube holds client helpers that the controllers share.
package kube

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// NamespaceExists takes no ctx, so it makes a root context for every
// caller: ctxlint reports it once in each package that calls it from
// code with a ctx, at the first such call (here, in controller).
func NamespaceExists(c client.Reader, name string) (bool, error) {
	var ns corev1.Namespace
	err := c.Get(context.Background(), client.ObjectKey{Name: name}, &ns)
	if err != nil {
		return false, client.IgnoreNotFound(err)
	}
	return true, nil
}

// NamespaceExistsCtx is the right way: the caller's ctx flows through.
func NamespaceExistsCtx(ctx context.Context, c client.Reader, name string) (bool, error) {
	var ns corev1.Namespace
	err := c.Get(ctx, client.ObjectKey{Name: name}, &ns)
	if err != nil {
		return false, client.IgnoreNotFound(err)
	}
	return true, nil
}
