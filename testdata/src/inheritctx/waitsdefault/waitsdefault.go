package waitsdefault

import (
	"context"
	"time"
)

// ok: without -inheritctx.waits, a plain function's sleep is left alone
// (a pause in a command, a throttle in a migration loop).
func migrate(ctx context.Context, items []string) error {
	for i := range items {
		if i%10 == 0 {
			time.Sleep(100 * time.Millisecond)
		}
	}
	<-time.After(time.Second)
	return ctx.Err()
}
