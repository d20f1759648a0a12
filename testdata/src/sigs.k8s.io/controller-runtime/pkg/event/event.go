// Package event is a stub of sigs.k8s.io/controller-runtime/pkg/event for
// ctxlint tests.
package event

import "sigs.k8s.io/controller-runtime/pkg/client"

type CreateEvent = TypedCreateEvent[client.Object]

type TypedCreateEvent[object any] struct {
	Object object
}

type UpdateEvent = TypedUpdateEvent[client.Object]

type TypedUpdateEvent[object any] struct {
	ObjectOld object
	ObjectNew object
}
