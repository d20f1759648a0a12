// Package framework is an e2e test framework: not a _test.go file, it
// talks to a real cluster, and is reported as any other code.
package framework

import (
	"context"
	"testing"

	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Framework is what e2e specs use.
type Framework struct {
	Client client.Client
}

func (f *Framework) ensureNamespace(name string) error {
	return f.Client.Get(context.Background(), client.ObjectKey{Name: name}, nil) // want `context.Background\(\) in Framework.ensureNamespace, which Framework.CreateNamespace calls without its ctx`
}

// CreateNamespace is called from specs, with their ctx.
func (f *Framework) CreateNamespace(ctx context.Context, name string) error {
	return f.ensureNamespace(name)
}

// Setup is called from tests with their t: only t is in scope, so it is
// left alone by default (t.Context() ends before the test's Cleanup
// functions run, so it is no mechanical replacement here either).
func (f *Framework) Setup(t testing.TB) error {
	return f.Client.Get(context.Background(), client.ObjectKey{Name: "setup"}, nil)
}

// ok: a Cleanup func runs once the test is over, when the ctx it was
// given may be done (t.Context() is, by then).
func (f *Framework) CreateWithCleanup(ctx context.Context, t *testing.T, name string) error {
	t.Cleanup(func() {
		ctx = context.Background()
		_ = f.Client.Get(ctx, client.ObjectKey{Name: name}, nil)
	})
	var tb testing.TB = t
	tb.Cleanup(func() {
		_ = f.Client.Get(context.TODO(), client.ObjectKey{Name: name}, nil)
	})
	return f.Client.Get(ctx, client.ObjectKey{Name: name}, nil)
}

// Reported: the same call made during the test, not in its clean-up.
func (f *Framework) CreateNow(ctx context.Context, t *testing.T, name string) error {
	return f.Client.Get(context.Background(), client.ObjectKey{Name: name}, nil) // want `context.Background\(\) replaces ctx, the context CreateNow receives`
}
