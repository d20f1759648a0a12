// Package restful is a stub of github.com/emicklei/go-restful/v3 for
// ctxlint tests.
package restful

import "net/http"

type Request struct {
	Request *http.Request
}

type Response struct {
	http.ResponseWriter
}

type RouteFunction func(*Request, *Response)
