package http

import (
	"context"
	"net/http"
	"time"

	restful "github.com/emicklei/go-restful/v3"
	"sigs.k8s.io/controller-runtime/pkg/healthz"
	"sigs.k8s.io/controller-runtime/pkg/manager"
)

func work(ctx context.Context) error { return nil }

type server struct{}

// ServeHTTP of a type that implements http.Handler.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `^context.Background\(\) replaces r.Context\(\), the request's context; use r.Context\(\)$`
	defer cancel()
	_ = work(ctx)
}

// A named handler function, passed to HandleFunc.
func handleList(w http.ResponseWriter, req *http.Request) {
	_ = work(context.TODO()) // want `context.TODO\(\) replaces req.Context\(\), the request's context`
}

// A helper that serves a request with extra parameters.
func (s *server) handleItem(w http.ResponseWriter, r *http.Request, id string) {
	_ = work(context.WithValue(context.Background(), key{}, id)) // want `context.Background\(\) replaces r.Context\(\)`
}

type key struct{}

func routes(mux *http.ServeMux, s *server) {
	mux.HandleFunc("/list", handleList)
	// Function literals, converted or passed.
	mux.Handle("/a", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = work(context.TODO()) // want `context.TODO\(\) replaces r.Context\(\)`
	}))
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		go func() {
			_ = work(context.Background()) // ok: detached by default
		}()
		func() {
			_ = work(context.Background()) // want `context.Background\(\) replaces r.Context\(\)`
		}()
		// ok: derived from the request's context, or detached from its cancellation only.
		tctx, cancel := context.WithTimeout(r.Context(), time.Second)
		defer cancel()
		_ = work(tctx)
		_ = work(context.WithoutCancel(r.Context()))
	})
	mux.HandleFunc("/c", func(w http.ResponseWriter, _ *http.Request) {
		_ = work(context.TODO()) // want `context.TODO\(\) replaces the request's context, which the function discards; name the parameter r and use r.Context\(\)$`
	})
}

// A health checker receives the probe's request.
var ready healthz.Checker = func(req *http.Request) error {
	return work(context.TODO()) // want `context.TODO\(\) replaces req.Context\(\), the request's context`
}

// go-restful routes: the context is req.Request.Context().
func getThing(req *restful.Request, resp *restful.Response) {
	_ = work(context.Background()) // want `context.Background\(\) replaces req.Request.Context\(\), the request's context`
}

var _ restful.RouteFunction = getThing

// ok: server set-up and shutdown outside handlers.
func main() {
	srv := &http.Server{Handler: &server{}}
	go srv.ListenAndServe()
	_ = srv.Shutdown(context.Background())
}

// ok: a RoundTripper is a client, not a handler (inheritctx reports this one).
type transport struct{}

func (transport) RoundTrip(req *http.Request) (*http.Response, error) {
	_ = work(context.TODO())
	return nil, nil
}

// A ctx-less helper that makes a root context, called from a handler.
func lookup() error { return work(context.TODO()) } // want `^context.TODO\(\) in lookup, which handleLookup calls without its ctx; thread a context.Context parameter down and pass r.Context\(\)$`

func handleLookup(w http.ResponseWriter, r *http.Request) {
	_ = lookup()
}

// A method serves a probe when it is registered as a health checker.
type probes struct{}

func (p *probes) ready(req *http.Request) error {
	return work(context.TODO()) // want `context.TODO\(\) replaces req.Context\(\), the request's context`
}

func register(mgr manager.Manager, p *probes) error {
	return mgr.AddReadyzCheck("ready", p.ready)
}

// ok: the shape func(*http.Request) error alone does not make a handler:
// this writes a client request's body (inheritctx's business).
type stream struct{}

func (s *stream) writeBody(req *http.Request) error {
	return work(context.TODO())
}

// A health checker returned by a constructor serves a probe's request too.
func pingCheck() healthz.Checker {
	return func(req *http.Request) error {
		return work(context.Background()) // want `context.Background\(\) replaces req.Context\(\), the request's context`
	}
}
