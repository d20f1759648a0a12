package basic

import (
	"context"
	"testing"
)

// ok: tests start from context.Background with no ctx in scope (a
// *testing.T is not a context).
func TestPush(t *testing.T) {
	ctx := context.Background()
	_ = (&Client{}).push(ctx)
}
