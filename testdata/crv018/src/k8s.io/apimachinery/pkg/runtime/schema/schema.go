// Package schema is a stub of k8s.io/apimachinery/pkg/runtime/schema for
// ctxlint tests of older controller-runtime versions.
package schema

type GroupVersionKind struct {
	Group   string
	Version string
	Kind    string
}

type ObjectKind interface {
	SetGroupVersionKind(kind GroupVersionKind)
	GroupVersionKind() GroupVersionKind
}
