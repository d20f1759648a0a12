// Package types is a stub of github.com/onsi/gomega/types.
package types

// GomegaMatcher matches actual values.
type GomegaMatcher interface {
	Match(actual interface{}) (success bool, err error)
}
