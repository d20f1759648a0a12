// Package controllerruntime is a stub of sigs.k8s.io/controller-runtime
// (the ctrl aliases) for ctxlint tests.
package controllerruntime

import (
	"context"

	"sigs.k8s.io/controller-runtime/pkg/manager"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Request = reconcile.Request

type Result = reconcile.Result

type Manager = manager.Manager

func SetupSignalHandler() context.Context { return context.Background() }
