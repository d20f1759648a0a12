// Package third calls a helper of util that reaches util.Lookup's root
// context and one more: its finding reaches all the roots of app's and
// other's, so the command keeps it and folds those into it
// (TestMergeRoots).
package third

import (
	"context"

	"example.com/xpkg/util"
)

// Audit has a ctx and does not pass it.
func Audit(ctx context.Context) error {
	return util.LookupAndLog() // want `^inheritctx: context.Background\(\) in util.LookupAndLog \(example.com/xpkg/util/util.go:\d+\) and 1 more root context, which Audit calls without its ctx`
}
