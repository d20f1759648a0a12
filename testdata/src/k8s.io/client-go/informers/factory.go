// Package informers is a stub of k8s.io/client-go/informers for ctxlint
// tests.
package informers

import (
	"context"
	"reflect"
	"time"

	"k8s.io/client-go/informers/internalinterfaces"
	"k8s.io/client-go/kubernetes"
)

// SharedInformerFactory: a subset of the real methods.
type SharedInformerFactory interface {
	internalinterfaces.SharedInformerFactory

	Start(stopCh <-chan struct{})
	StartWithContext(ctx context.Context)
	Shutdown()
	WaitForCacheSync(stopCh <-chan struct{}) map[reflect.Type]bool
}

func NewSharedInformerFactory(client kubernetes.Interface, defaultResync time.Duration) SharedInformerFactory {
	return nil
}
