// Package runtime is a stub of k8s.io/apimachinery/pkg/runtime for ctxlint
// tests of older controller-runtime versions.
package runtime

import "k8s.io/apimachinery/pkg/runtime/schema"

type Object interface {
	GetObjectKind() schema.ObjectKind
	DeepCopyObject() Object
}
