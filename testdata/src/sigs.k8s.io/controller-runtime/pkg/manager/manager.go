// Package manager is a stub of sigs.k8s.io/controller-runtime/pkg/manager
// for ctxlint tests.
package manager

import (
	"context"

	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/healthz"
)

type Manager interface {
	Add(Runnable) error
	Start(ctx context.Context) error
	GetClient() client.Client
	AddHealthzCheck(name string, check healthz.Checker) error
	AddReadyzCheck(name string, check healthz.Checker) error
}

type Runnable interface {
	Start(context.Context) error
}

type RunnableFunc func(context.Context) error

func (r RunnableFunc) Start(ctx context.Context) error { return r(ctx) }
