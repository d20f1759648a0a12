package tests

import (
	"context"
	"testing"
)

// With -include-tests, structs in _test.go files are reported too.
type suite struct {
	ctx context.Context // want `field ctx of suite stores a context`
}

func TestTable(t *testing.T) {
	tests := []struct {
		ctx context.Context // want `field ctx of the anonymous struct in tests stores a context`
	}{{ctx: t.Context()}}
	_ = tests
	_ = suite{}
}
