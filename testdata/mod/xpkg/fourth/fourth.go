// Package fourth calls a helper of util that reaches util.Lookup's root
// context and one of its own, which third's does not reach: its finding
// shares a root with third's but each has one the other lacks, so the
// command keeps both (TestMergeRoots).
package fourth

import (
	"context"

	"example.com/xpkg/util"
)

// Trace has a ctx and does not pass it.
func Trace(ctx context.Context) error {
	return util.LookupAndTrace() // want `^inheritctx: context.TODO\(\) in util.LookupAndTrace \(example.com/xpkg/util/util.go:\d+\) and 1 more root context, which Trace calls without its ctx`
}
