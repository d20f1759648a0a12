package right

import "example.com/xpkg/base"

// Right reaches base.Load's root context too.
func Right() error { return base.Load() }
