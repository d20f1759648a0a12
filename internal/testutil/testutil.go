// Package testutil locates the shared analysistest data of ctxlint.
package testutil

import (
	"path/filepath"
	"runtime"
)

// TestData returns the absolute path of the repository's testdata
// directory, a GOPATH-style tree (testdata/src/...) shared by all passes.
func TestData() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}
