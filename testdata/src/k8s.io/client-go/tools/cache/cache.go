// Package cache is a stub of k8s.io/client-go/tools/cache for ctxlint
// tests.
package cache

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
)

type ResourceEventHandlerFuncs struct {
	AddFunc    func(obj interface{})
	UpdateFunc func(oldObj, newObj interface{})
	DeleteFunc func(obj interface{})
}

type Lister interface {
	List(options metav1.ListOptions) (runtime.Object, error)
}

type ListerWithContext interface {
	ListWithContext(ctx context.Context, options metav1.ListOptions) (runtime.Object, error)
}

type Watcher interface {
	Watch(options metav1.ListOptions) (watch.Interface, error)
}

type WatcherWithContext interface {
	WatchWithContext(ctx context.Context, options metav1.ListOptions) (watch.Interface, error)
}

type ListerWatcher interface {
	Lister
	Watcher
}

type ListerWatcherWithContext interface {
	ListerWithContext
	WatcherWithContext
}

func (r ResourceEventHandlerFuncs) OnAdd(obj interface{}, isInInitialList bool) {}

func (r ResourceEventHandlerFuncs) OnUpdate(oldObj, newObj interface{}) {}

func (r ResourceEventHandlerFuncs) OnDelete(obj interface{}) {}

type ResourceEventHandlerDetailedFuncs struct {
	AddFunc    func(obj interface{}, isInInitialList bool)
	UpdateFunc func(oldObj, newObj interface{})
	DeleteFunc func(obj interface{})
}

func (rw ResourceEventHandlerDetailedFuncs) OnAdd(obj interface{}, isInInitialList bool) {}

func (rw ResourceEventHandlerDetailedFuncs) OnUpdate(oldObj, newObj interface{}) {}

func (rw ResourceEventHandlerDetailedFuncs) OnDelete(obj interface{}) {}

type FilteringResourceEventHandler struct {
	FilterFunc func(obj interface{}) bool
	Handler    ResourceEventHandler
}

func (r FilteringResourceEventHandler) OnAdd(obj interface{}, isInInitialList bool) {}

func (r FilteringResourceEventHandler) OnUpdate(oldObj, newObj interface{}) {}

func (r FilteringResourceEventHandler) OnDelete(obj interface{}) {}

type ResourceEventHandler interface {
	OnAdd(obj interface{}, isInInitialList bool)
	OnUpdate(oldObj, newObj interface{})
	OnDelete(obj interface{})
}

// ResourceEventHandlerRegistration: a subset of the real methods.
type ResourceEventHandlerRegistration interface {
	HasSynced() bool
}

// SharedInformer: a subset of the real methods.
type SharedInformer interface {
	AddEventHandler(handler ResourceEventHandler) (ResourceEventHandlerRegistration, error)
	Run(stopCh <-chan struct{})
	RunWithContext(ctx context.Context)
	HasSynced() bool
}

// SharedIndexInformer: a subset of the real methods.
type SharedIndexInformer interface {
	SharedInformer
}

type InformerSynced func() bool

func WaitForNamedCacheSync(controllerName string, stopCh <-chan struct{}, cacheSyncs ...InformerSynced) bool {
	return true
}

func WaitForCacheSync(stopCh <-chan struct{}, cacheSyncs ...InformerSynced) bool {
	return true
}
