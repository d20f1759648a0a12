// Package runtime is a stub of k8s.io/apimachinery/pkg/runtime for ctxlint
// tests.
package runtime

import "k8s.io/apimachinery/pkg/runtime/schema"

type Object interface {
	GetObjectKind() schema.ObjectKind
	DeepCopyObject() Object
}

type Scheme struct{}
