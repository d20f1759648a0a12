// Package server serves a small status API next to the operator.
package server

import (
	"context"
	"net/http"
	"os/exec"

	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Status reports the operator's view of the cluster.
type Status struct {
	Client client.Client
}

// ServeHTTP implements http.Handler.
func (s *Status) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// BAD(webhookctx): the lookup keeps running after the client goes away.
	if err := s.count(context.Background()); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	// GOOD: the request's context.
	if err := s.count(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	// BAD(webhookctx): exec.Command cannot be cancelled with the request.
	out, _ := exec.Command("uname", "-a").Output()
	// GOOD: exec.CommandContext stops the process with the request.
	out, _ = exec.CommandContext(r.Context(), "uname", "-a").Output()
	_, _ = w.Write(out)
}

func (s *Status) count(ctx context.Context) error { return nil }

// Routes registers the handlers; mux set-up has no request to inherit.
func (s *Status) Routes(mux *http.ServeMux) {
	mux.Handle("/status", s)
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		// BAD(webhookctx): a health probe with its own root context.
		if err := s.count(context.TODO()); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
}
