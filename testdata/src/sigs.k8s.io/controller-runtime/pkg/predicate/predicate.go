// Package predicate is a stub of
// sigs.k8s.io/controller-runtime/pkg/predicate for ctxlint tests.
package predicate

import (
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/event"
)

type Predicate = TypedPredicate[client.Object]

type TypedPredicate[object any] interface {
	Create(event.TypedCreateEvent[object]) bool
	Update(event.TypedUpdateEvent[object]) bool
}

type Funcs = TypedFuncs[client.Object]

type TypedFuncs[object any] struct {
	CreateFunc func(event.TypedCreateEvent[object]) bool
	UpdateFunc func(event.TypedUpdateEvent[object]) bool
}

func NewPredicateFuncs(filter func(object client.Object) bool) Funcs { return Funcs{} }

func NewTypedPredicateFuncs[object any](filter func(object object) bool) TypedFuncs[object] {
	return TypedFuncs[object]{}
}
