package tests

import (
	"context"
	"testing"
)

type Client struct {
	ctx context.Context // want `field ctx of Client stores a context`
}

// With -include-tests, test fixtures in other files are reported too.
type Fixture struct {
	ctx context.Context // want `field ctx of Fixture stores a context`
	t   *testing.T
}

func NewFixture(t *testing.T) *Fixture { return &Fixture{ctx: context.Background(), t: t} }
