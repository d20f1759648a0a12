// Package authorizer is a stub of
// k8s.io/apiserver/pkg/authorization/authorizer for ctxlint tests.
package authorizer

type AdmissionOperation string
