package left

import "example.com/xpkg/base"

// Left reaches base.Load's root context.
func Left() error { return base.Load() }
