// Package schema is a stub of k8s.io/apimachinery/pkg/runtime/schema for
// ctxlint tests.
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

type GroupVersionResource struct {
	Group    string
	Version  string
	Resource string
}
