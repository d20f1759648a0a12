// Package suite is a controller package with a kubebuilder-style Ginkgo
// suite: by default, its test helpers' root contexts are left alone.
package suite

import (
	"context"

	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Widget is the object the suite creates.
type Widget struct{ client.Object }

func wait(ctx context.Context, name string) error { return ctx.Err() }

// ok by default: production code that only the package's own suite
// reaches from a function with a ctx (main calls it without one).
func Open(name string) error { return wait(context.Background(), name) }

// Reported: production code reaches it from a function with a ctx too.
func Connect(name string) error {
	return wait(context.TODO(), name) // want `context.TODO\(\) in Connect, which Serve calls without its ctx`
}

func Serve(ctx context.Context) error { return Connect("serve") }
