package detached

import "context"

func work(ctx context.Context) {}

// With the plugin setting inheritctx: {report-detached: true}.
func f(ctx context.Context) {
	go work(context.Background()) // want `^inheritctx: context.Background\(\) in a goroutine`
}
