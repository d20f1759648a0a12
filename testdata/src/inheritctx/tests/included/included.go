// Package included is a Ginkgo suite checked with -include-tests: its
// helpers' root contexts, and those where only a test's t is in scope,
// are reported.
package included

import (
	"context"
	"testing"

	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Widget is the object the suite creates.
type Widget struct{ client.Object }

// Setup, in test support code, has only the test's t.
func Setup(t testing.TB, c client.Client) error {
	return c.Get(context.Background(), client.ObjectKey{Name: "setup"}, nil) // want `context.Background\(\) replaces t.Context\(\), the test's context; use t.Context\(\)`
}
