// Package admission is a stub of
// sigs.k8s.io/controller-runtime/pkg/webhook/admission for ctxlint tests.
package admission

import (
	"context"

	admissionv1 "k8s.io/api/admission/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

type Request struct {
	admissionv1.AdmissionRequest
}

type Response struct {
	admissionv1.AdmissionResponse
}

type Handler interface {
	Handle(context.Context, Request) Response
}

type HandlerFunc func(context.Context, Request) Response

func (f HandlerFunc) Handle(ctx context.Context, req Request) Response { return f(ctx, req) }

type Webhook struct {
	Handler Handler
}

func Allowed(message string) Response { return Response{} }

func Denied(message string) Response { return Response{} }

func Errored(code int32, err error) Response { return Response{} }

type Warnings []string

type Validator[T runtime.Object] interface {
	ValidateCreate(ctx context.Context, obj T) (warnings Warnings, err error)
	ValidateUpdate(ctx context.Context, oldObj, newObj T) (warnings Warnings, err error)
	ValidateDelete(ctx context.Context, obj T) (warnings Warnings, err error)
}

type CustomValidator = Validator[runtime.Object]

type Defaulter[T runtime.Object] interface {
	Default(ctx context.Context, obj T) error
}

type CustomDefaulter = Defaulter[runtime.Object]

func WithValidator[T runtime.Object](scheme *runtime.Scheme, validator Validator[T]) *Webhook {
	return &Webhook{}
}

func WithDefaulter[T runtime.Object](scheme *runtime.Scheme, defaulter Defaulter[T]) *Webhook {
	return &Webhook{}
}
