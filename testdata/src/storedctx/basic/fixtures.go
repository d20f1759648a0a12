package basic

import (
	"context"
	"testing"

	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Test support outside _test.go files: a fixture that holds the test's
// *testing.T lives for one test, and so does the context it keeps.
type OpsFixture struct {
	Ctx context.Context // ok: a fixture holding a *testing.T
	C   client.Client
	T   *testing.T
}

func NewOpsFixture(t *testing.T, c client.Client) *OpsFixture {
	return &OpsFixture{Ctx: context.Background(), C: c, T: t}
}

func (f *OpsFixture) Get(name string) error {
	return f.C.Get(f.Ctx, client.ObjectKey{Name: name}, nil)
}

// A test case whose context only its run(t) sets.
type CaseFixture struct {
	Name string
	Ctx  context.Context // ok: only run(t *testing.T) sets it
	Do   func(tb testing.TB, c *CaseFixture)
}

func (c *CaseFixture) run(tb testing.TB) {
	if c.Ctx == nil {
		c.Ctx = context.Background()
	}
	c.Do(tb, c)
}

// A builder that holds the test and fills another struct.
type FakeEnv struct {
	Root context.Context // ok: set by a method of a struct holding a *testing.T
}

type EnvBuilder struct {
	*FakeEnv
	T *testing.T
}

func (b *EnvBuilder) Init() { b.FakeEnv = &FakeEnv{Root: context.Background()} }

// Its neighbour: the same kind of struct, set by a function with no test
// in hand, is reported.
type ProdEnv struct {
	Root context.Context // want `^field Root of ProdEnv stores a context, set to context.Background\(\) in NewProdEnv, which is never cancelled`
}

func NewProdEnv() *ProdEnv { return &ProdEnv{Root: context.Background()} }

func (e *ProdEnv) Get(c client.Client) error { return c.Get(e.Root, client.ObjectKey{}, nil) }
