// Package types is a stub of github.com/onsi/ginkgo/v2/types: the
// declarations ctxlint's tests use.
package types

// SpecReport describes a spec that ran.
type SpecReport struct {
	LeafNodeText string
}
