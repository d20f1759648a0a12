// Package deep is the bottom of a chain of three packages: app calls
// mid, which calls deep, which makes the root contexts.
package deep

import "context"

func use(ctx context.Context) error { return nil }

// Query makes a root context.
func Query() error { return use(context.TODO()) }

// Pick makes another one.
func Pick() error { return use(context.Background()) }

// Own has a finding of its own, reported only when deep is analysed.
func Own(ctx context.Context) error {
	return use(context.TODO()) // want `^inheritctx: context.TODO\(\) replaces ctx, the context Own receives; use ctx$`
}
