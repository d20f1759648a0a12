package waits

import (
	"context"
	"testing"
	"time"
)

// ok: tests sleep by design; quiet without -include-tests.
func helper(ctx context.Context) { time.Sleep(time.Millisecond) }

func TestSleep(t *testing.T) {
	helper(context.Background())
	time.Sleep(time.Millisecond)
}
