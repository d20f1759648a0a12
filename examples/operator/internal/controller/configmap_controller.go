// Package controller holds a reconciler for ConfigMaps.
package controller

import (
	"context"
	"time"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"example.com/operator/internal/kube"
)

// ConfigMapReconciler copies a label onto every ConfigMap.
type ConfigMapReconciler struct {
	client.Client
}

// Reconcile implements reconcile.Reconciler through the ctrl aliases.
func (r *ConfigMapReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	var cm corev1.ConfigMap
	// BAD(reconcilectx): the Get keeps running after the manager shuts down.
	if err := r.Get(context.TODO(), req.NamespacedName, &cm); err != nil {
		return ctrl.Result{}, client.IgnoreNotFound(err)
	}
	// GOOD: the same call with the Reconcile's ctx.
	if err := r.Get(ctx, req.NamespacedName, &cm); err != nil {
		return ctrl.Result{}, client.IgnoreNotFound(err)
	}

	// BAD(reconcilectx): a timeout on a fresh root still drops ctx.
	tctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// GOOD: derive the timeout from ctx.
	gctx, gcancel := context.WithTimeout(ctx, 10*time.Second)
	defer gcancel()

	if err := r.label(tctx, &cm); err != nil {
		return ctrl.Result{}, err
	}
	if err := r.label(gctx, &cm); err != nil {
		return ctrl.Result{}, err
	}

	// ensureDefaults takes no ctx and makes its own: reported at its
	// context.TODO(), in helpers.go.
	if err := r.ensureDefaults(cm.Namespace); err != nil {
		return ctrl.Result{}, err
	}
	// GOOD: a helper that takes the ctx.
	if err := r.ensureDefaultsWith(ctx, cm.Namespace); err != nil {
		return ctrl.Result{}, err
	}

	// A helper in another package of the module that makes its own root
	// context: reported here, at the call, with its root as related
	// information.
	// BAD(reconcilectx): kube.NamespaceExists gets the namespace with context.Background().
	if _, err := kube.NamespaceExists(r.Client, cm.Namespace); err != nil {
		return ctrl.Result{}, err
	}
	// GOOD: its ctx-taking form.
	if _, err := kube.NamespaceExistsCtx(ctx, r.Client, cm.Namespace); err != nil {
		return ctrl.Result{}, err
	}

	// A helper behind an interface of the package: reported at its root
	// context, in owners.go.
	var owners ownerLookup = namespaceOwner{c: r.Client}
	if _, err := owners.owner(&cm); err != nil {
		return ctrl.Result{}, err
	}

	// GOOD: deliberate detachment is not reported by default: the audit
	// record outlives the reconcile but keeps its values.
	go r.audit(context.WithoutCancel(ctx), cm.Name)
	return ctrl.Result{}, nil
}

// label is a helper that Reconcile calls with its ctx.
func (r *ConfigMapReconciler) label(ctx context.Context, cm *corev1.ConfigMap) error {
	if cm.Labels == nil {
		cm.Labels = map[string]string{}
	}
	cm.Labels["example.com/seen"] = "true"
	// BAD(reconcilectx): helpers reached from Reconcile belong to it too.
	return r.Update(context.Background(), cm)
}

// SetupWithManager has no ctx: nothing to inherit, nothing reported.
func (r *ConfigMapReconciler) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(&corev1.ConfigMap{}).Complete(r)
}

func (r *ConfigMapReconciler) audit(ctx context.Context, name string) {}
