// Package hooks has a helper whose root context an HTTP handler of its
// own reaches, so this package reports it at the root, as webhookctx;
// admit reaches it too, from a plain function of another package
// (TestFoldIntoRoots).
package hooks

import (
	"context"
	"net/http"
)

func check(ctx context.Context) error { return ctx.Err() }

// Validate makes a root context for its check.
func Validate() error {
	return check(context.Background()) // want `^webhookctx: context.Background\(\) in Validate, which Serve calls without its ctx; thread a context.Context parameter down and pass r.Context\(\)$`
}

// Serve has a request and does not pass its context.
func Serve(w http.ResponseWriter, r *http.Request) {
	if err := Validate(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}
