package http

import (
	"context"
	"net/http"

	"golang.org/x/sync/errgroup"
	"k8s.io/apimachinery/pkg/util/wait"
)

// ok: work a wait.Group runs on a new goroutine is detached, as a go
// statement's is.
func groupHandler(g *wait.Group) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		g.Start(func() { _ = work(context.Background()) })
	}
}

// Reported: errgroup's work is joined to the request.
func errgroupHandler(w http.ResponseWriter, r *http.Request) {
	var eg errgroup.Group
	eg.Go(func() error { return work(context.Background()) }) // want `context.Background\(\) replaces r.Context\(\), the request's context`
	_ = eg.Wait()
}
