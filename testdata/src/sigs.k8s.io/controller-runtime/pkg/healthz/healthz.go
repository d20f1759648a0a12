// Package healthz is a stub of sigs.k8s.io/controller-runtime/pkg/healthz
// for ctxlint tests.
package healthz

import "net/http"

type Checker func(req *http.Request) error

var Ping Checker = func(_ *http.Request) error { return nil }
