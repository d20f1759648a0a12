// Package v1 is a stub of k8s.io/apimachinery/pkg/apis/meta/v1 for ctxlint
// tests: a subset of Object's methods, with the real signatures.
package v1

import "k8s.io/apimachinery/pkg/runtime/schema"

type Object interface {
	GetNamespace() string
	SetNamespace(namespace string)
	GetName() string
	SetName(name string)
}

type ListInterface interface {
	GetResourceVersion() string
	SetResourceVersion(version string)
}

type ObjectMeta struct {
	Name      string
	Namespace string
}

func (meta *ObjectMeta) GetNamespace() string          { return meta.Namespace }
func (meta *ObjectMeta) SetNamespace(namespace string) { meta.Namespace = namespace }
func (meta *ObjectMeta) GetName() string               { return meta.Name }
func (meta *ObjectMeta) SetName(name string)           { meta.Name = name }

type TypeMeta struct {
	Kind       string
	APIVersion string
}

func (obj *TypeMeta) GetObjectKind() schema.ObjectKind { return obj }

func (obj *TypeMeta) SetGroupVersionKind(gvk schema.GroupVersionKind) {}

func (obj *TypeMeta) GroupVersionKind() schema.GroupVersionKind { return schema.GroupVersionKind{} }

type ListMeta struct {
	ResourceVersion string
}

func (meta *ListMeta) GetResourceVersion() string        { return meta.ResourceVersion }
func (meta *ListMeta) SetResourceVersion(version string) { meta.ResourceVersion = version }

type ListOptions struct {
	LabelSelector   string
	ResourceVersion string
	TimeoutSeconds  *int64
	Watch           bool
}

type GetOptions struct {
	ResourceVersion string
}
