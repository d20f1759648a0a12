// Package testing is a stub of k8s.io/client-go/testing for ctxlint
// tests.
package testing

import (
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/watch"
)

type Action interface{}

type Fake struct{}

func (c *Fake) InvokesWatch(action Action) (watch.Interface, error) { return watch.NewFake(), nil }

type ObjectTracker interface {
	Watch(gvr schema.GroupVersionResource, ns string) (watch.Interface, error)
}
