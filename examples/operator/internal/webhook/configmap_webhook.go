// Package webhook validates ConfigMaps on admission.
package webhook

import (
	"context"
	"errors"
	"time"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"
)

// ConfigMapValidator implements admission.Validator[*corev1.ConfigMap].
type ConfigMapValidator struct {
	Client client.Client
}

// Setup registers the validator with the manager's webhook server.
func (v *ConfigMapValidator) Setup(mgr ctrl.Manager) error {
	return ctrl.NewWebhookManagedBy(mgr, &corev1.ConfigMap{}).WithValidator(v).Complete()
}

// ValidateCreate checks that the namespace has room for another ConfigMap.
func (v *ConfigMapValidator) ValidateCreate(ctx context.Context, cm *corev1.ConfigMap) (admission.Warnings, error) {
	// BAD(webhookctx): "adding a timeout" to a fresh root drops the API server's deadline.
	qctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := v.checkQuota(qctx, cm.Namespace); err != nil {
		return nil, err
	}
	// GOOD: a tighter deadline derived from the request's ctx.
	gctx, gcancel := context.WithTimeout(ctx, 5*time.Second)
	defer gcancel()
	return nil, v.checkQuota(gctx, cm.Namespace)
}

// ValidateUpdate checks that the namespace still exists.
func (v *ConfigMapValidator) ValidateUpdate(ctx context.Context, oldCM, newCM *corev1.ConfigMap) (admission.Warnings, error) {
	// namespaceExists takes no ctx and makes its own: reported there.
	if !v.namespaceExists(newCM.Namespace) {
		return nil, errors.New("namespace is gone")
	}
	return nil, nil
}

// ValidateDelete allows every deletion.
func (v *ConfigMapValidator) ValidateDelete(ctx context.Context, cm *corev1.ConfigMap) (admission.Warnings, error) {
	return nil, nil
}

func (v *ConfigMapValidator) checkQuota(ctx context.Context, namespace string) error {
	var list corev1.ConfigMapList
	return v.Client.List(ctx, &list, client.InNamespace(namespace))
}

// namespaceExists mints a root context for its callers.
func (v *ConfigMapValidator) namespaceExists(name string) bool {
	var ns corev1.Namespace
	// BAD(webhookctx): ValidateUpdate calls this without the request's ctx.
	return v.Client.Get(context.TODO(), client.ObjectKey{Name: name}, &ns) == nil
}
