// Package v1 is a stub of k8s.io/api/admission/v1 for ctxlint tests.
package v1

type Operation string

type AdmissionRequest struct {
	UID       string
	Name      string
	Namespace string
	Operation Operation
}

type AdmissionResponse struct {
	UID     string
	Allowed bool
}
