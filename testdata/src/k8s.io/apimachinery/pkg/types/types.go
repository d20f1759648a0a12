// Package types is a stub of k8s.io/apimachinery/pkg/types for ctxlint
// tests: only the surface ctxlint's tests use, with the real signatures.
package types

type NamespacedName struct {
	Namespace string
	Name      string
}

func (n NamespacedName) String() string { return n.Namespace + "/" + n.Name }
