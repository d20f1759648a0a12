package app

import (
	"context"
	"testing"

	"example.com/xpkg/router"
	"example.com/xpkg/router/fake"
)

// Only this test imports the fake: Shift's call through router.Router
// does not reach it.
func TestShift(t *testing.T) {
	var r router.Router = &fake.Router{}
	_ = r
	_ = Shift(context.Background())
}
