// Package base is the bottom of a diamond: left and right both call
// base.Load.
package base

import "context"

func use(ctx context.Context) error { return nil }

// Load makes a root context.
func Load() error { return use(context.Background()) }
