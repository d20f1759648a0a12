// Package admission is a stub of
// sigs.k8s.io/controller-runtime/pkg/webhook/admission as it was up to
// v0.22: CustomValidator and CustomDefaulter are plain interfaces, and
// Validator and Defaulter the older ctx-less ones implemented by the API
// types themselves, with the real signatures of v0.18.7.
package admission

import (
	"context"

	"k8s.io/apimachinery/pkg/runtime"
)

type Warnings []string

type CustomValidator interface {
	ValidateCreate(ctx context.Context, obj runtime.Object) (warnings Warnings, err error)
	ValidateUpdate(ctx context.Context, oldObj, newObj runtime.Object) (warnings Warnings, err error)
	ValidateDelete(ctx context.Context, obj runtime.Object) (warnings Warnings, err error)
}

type CustomDefaulter interface {
	Default(ctx context.Context, obj runtime.Object) error
}

type Validator interface {
	runtime.Object
	ValidateCreate() (warnings Warnings, err error)
	ValidateUpdate(old runtime.Object) (warnings Warnings, err error)
	ValidateDelete() (warnings Warnings, err error)
}

type Defaulter interface {
	runtime.Object
	Default()
}
