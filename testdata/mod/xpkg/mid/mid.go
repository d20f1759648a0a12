// Package mid is the middle of a chain of three packages: app calls
// mid.Fetch, which calls deep.Query, which makes the root context.
package mid

import "example.com/xpkg/deep"

// Fetch reaches deep.Query's root context.
func Fetch() error { return deep.Query() }

// Get is a generic helper that reaches deep.Pick's root context.
func Get[T any](v T) T {
	_ = deep.Pick()
	return v
}
