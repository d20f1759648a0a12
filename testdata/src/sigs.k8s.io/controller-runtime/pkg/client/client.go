// Package client is a stub of sigs.k8s.io/controller-runtime/pkg/client
// for ctxlint tests: the real type aliases and method signatures, a subset
// of the methods.
package client

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/watch"

	"sigs.k8s.io/controller-runtime/pkg/cache/cacheapi"
)

type Object = cacheapi.Object

type ObjectList interface {
	metav1.ListInterface
	runtime.Object
}

type ObjectKey = types.NamespacedName

type GetOption interface{}
type ListOption interface{}
type CreateOption interface{}
type UpdateOption interface{}
type DeleteOption interface{}

type Reader interface {
	Get(ctx context.Context, key ObjectKey, obj Object, opts ...GetOption) error
	List(ctx context.Context, list ObjectList, opts ...ListOption) error
}

type Writer interface {
	Create(ctx context.Context, obj Object, opts ...CreateOption) error
	Delete(ctx context.Context, obj Object, opts ...DeleteOption) error
	Update(ctx context.Context, obj Object, opts ...UpdateOption) error
}

type Client interface {
	Reader
	Writer
	Scheme() *runtime.Scheme
}

type WithWatch interface {
	Client
	Watch(ctx context.Context, obj ObjectList, opts ...ListOption) (watch.Interface, error)
}

func IgnoreNotFound(err error) error { return err }

func ObjectKeyFromObject(obj Object) ObjectKey {
	return ObjectKey{Namespace: obj.GetNamespace(), Name: obj.GetName()}
}

// IndexerFunc knows how to take an object and turn it into a series of
// non-namespaced keys.
type IndexerFunc func(Object) []string

// FieldIndexer knows how to index over a particular "field".
type FieldIndexer interface {
	IndexField(ctx context.Context, obj Object, field string, extractValue IndexerFunc) error
}
