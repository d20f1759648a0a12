// Package admission is a stub of k8s.io/apiserver/pkg/admission for
// ctxlint tests.
package admission

import (
	"context"

	"k8s.io/apiserver/pkg/authorization/authorizer"
)

type Attributes interface {
	GetName() string
	GetNamespace() string
	GetOperation() Operation
}

type ObjectInterfaces interface{}

type Interface interface {
	Handles(operation Operation) bool
}

type MutationInterface interface {
	Interface
	Admit(ctx context.Context, a Attributes, o ObjectInterfaces) (err error)
}

type ValidationInterface interface {
	Interface
	Validate(ctx context.Context, a Attributes, o ObjectInterfaces) (err error)
}

type Operation = authorizer.AdmissionOperation
