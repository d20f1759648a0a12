package basic

import (
	"context"
	"testing"
)

// ok by default: only the test's t is in scope (-include-tests reports
// it, with the fix t.Context()).
func TestPush(t *testing.T) {
	ctx := context.Background()
	_ = (&Client{}).push(ctx)
}
