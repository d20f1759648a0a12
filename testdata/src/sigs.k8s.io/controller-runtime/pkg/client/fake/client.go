// Package fake is a stub of sigs.k8s.io/controller-runtime/pkg/client/fake
// for ctxlint tests.
package fake

import (
	"k8s.io/apimachinery/pkg/runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

type ClientBuilder struct{}

func NewClientBuilder() *ClientBuilder { return &ClientBuilder{} }

func (f *ClientBuilder) WithObjects(objs ...client.Object) *ClientBuilder { return f }

func (f *ClientBuilder) WithRuntimeObjects(objs ...runtime.Object) *ClientBuilder { return f }

func (f *ClientBuilder) Build() client.WithWatch { return nil }
