// Package util has ctx-less helpers that other packages call.
package util

import "context"

func use(ctx context.Context) error { return nil }

// Lookup makes its own root context.
func Lookup() error { return use(context.TODO()) }

// Deep makes one through Lookup.
func Deep() error { return Lookup() }

// Both makes two root contexts, one through a helper.
func Both() {
	_ = use(context.TODO())
	both()
}

func both() { _ = use(context.Background()) }

// Detached starts work that outlives the call: not a root context for
// the caller.
func Detached() { go use(context.Background()) }

// WithCtx takes a context: fine.
func WithCtx(ctx context.Context) error { return use(ctx) }

// ReloadTheWholeClusterCacheFromScratchNow has a long name: messages
// give its root's file by base name only.
func ReloadTheWholeClusterCacheFromScratchNow() error { return use(context.TODO()) }

// LookupAndLog reaches Lookup's root context and makes one of its own.
func LookupAndLog() error {
	_ = use(context.Background())
	return Lookup()
}

// LookupAndTrace makes a root context of its own and reaches Lookup's.
func LookupAndTrace() error {
	_ = use(context.TODO())
	return Lookup()
}
