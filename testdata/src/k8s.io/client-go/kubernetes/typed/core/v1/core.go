// Package v1 is a stub of k8s.io/client-go/kubernetes/typed/core/v1 for
// ctxlint tests: the real signatures, a subset of the methods.
package v1

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
)

type CoreV1Interface interface {
	ConfigMapsGetter
	PodsGetter
}

type CoreV1Client struct{}

func (c *CoreV1Client) ConfigMaps(namespace string) ConfigMapInterface { return nil }

func (c *CoreV1Client) Pods(namespace string) PodInterface { return nil }

type ConfigMapsGetter interface {
	ConfigMaps(namespace string) ConfigMapInterface
}

type ConfigMapInterface interface {
	Watch(ctx context.Context, opts metav1.ListOptions) (watch.Interface, error)
}

type PodsGetter interface {
	Pods(namespace string) PodInterface
}

type PodInterface interface {
	Watch(ctx context.Context, opts metav1.ListOptions) (watch.Interface, error)
}
