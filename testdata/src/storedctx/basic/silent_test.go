package basic

import (
	"context"
	"testing"
)

// ok: structs declared in _test.go files are not reported by default.
type fixture struct {
	ctx context.Context // ok: declared in a _test.go file
}

func TestTable(t *testing.T) {
	tests := []struct {
		ctx  context.Context // ok: a test table in a _test.go file
		want error
	}{{ctx: t.Context()}}
	for _, tt := range tests {
		if err := push(tt.ctx); err != tt.want {
			t.Fatal(err)
		}
	}
	// A test may set a field declared in a non-test file; that does not
	// change the finding there (test files are not looked at).
	_ = &Client{ctx: t.Context()}
	_ = fixture{}
}
