// Package types is a stub of k8s.io/apimachinery/pkg/types for ctxlint
// tests of older controller-runtime versions.
package types

type NamespacedName struct {
	Namespace string
	Name      string
}
