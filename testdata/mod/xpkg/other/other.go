// Package other calls a helper of util that app calls too. Each package
// reports the root once (this is what go vet and golangci-lint show); the
// command folds this finding into app's, the first, and both into
// third's, which reaches one root more (TestMergeRoots).
package other

import (
	"context"

	"example.com/xpkg/util"
)

// Sync has a ctx and does not pass it.
func Sync(ctx context.Context) error {
	return util.Lookup() // want `^inheritctx: context.TODO\(\) in util.Lookup \(example.com/xpkg/util/util.go:9\), which Sync calls without its ctx`
}
