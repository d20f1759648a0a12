// Package client reaches logs.New's root context from another package
// (TestFoldIntoRoots).
package client

import (
	"context"

	"example.com/xpkg/logs"
)

// Dial has a ctx and does not pass it.
func Dial(ctx context.Context) *logs.Logger {
	return logs.New() // want `^inheritctx: context.Background\(\) in logs.New \(example.com/xpkg/logs/logs.go:15\), which Dial calls without its ctx`
}
