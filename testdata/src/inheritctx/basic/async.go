package basic

import (
	"context"
	"net/http"
	"sync"
)

// A sink that answers at once and processes each event on a goroutine it
// does not wait for: the request's context ends when ServeHTTP returns,
// so the work it starts makes its own context on purpose.
type Sink struct {
	wg sync.WaitGroup
}

func store(ctx context.Context, key string) error { return ctx.Err() }

func (s *Sink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		local := r.Clone(r.Context())
		s.process(local)
	}()
	w.WriteHeader(http.StatusAccepted)
}

// ok: run only on the sink's goroutine, and what it calls with its
// request.
func (s *Sink) process(r *http.Request) {
	_ = store(context.Background(), r.URL.Path)
	s.create(r)
}

func (s *Sink) create(req *http.Request) { _ = s.save(req.URL.Path) }

func (s *Sink) save(key string) error { return store(context.TODO(), key) }

// A handler that waits for the goroutines it starts: the request is live
// while they run.
type Joined struct{}

func (j Joined) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		j.process(r)
	}()
	wg.Wait()
}

func (j Joined) process(r *http.Request) {
	_ = store(context.Background(), r.URL.Path) // want `context.Background\(\) replaces r.Context\(\), the context process receives; use r.Context\(\)`
}

// A function with a request that is also called within a handler's call.
func (s *Sink) Sync(w http.ResponseWriter, r *http.Request) {
	go s.handle(r)
	s.handle(r)
}

func (s *Sink) handle(r *http.Request) {
	_ = store(context.TODO(), r.URL.Path) // want `context.TODO\(\) replaces r.Context\(\), the context handle receives; use r.Context\(\)`
}

// ok: state that sync.Once builds for every later call, which the first
// caller's ctx must not end, nor its cancellation poison for the others.
type Lazy struct {
	once   sync.Once
	worker *lazyWorker
}

type lazyWorker struct{ ctx context.Context }

func newWorker(ctx context.Context) *lazyWorker { return &lazyWorker{ctx: ctx} }

func (l *Lazy) Handle(ctx context.Context) error {
	l.once.Do(func() { l.worker = newWorker(context.Background()) })
	check := sync.OnceValue(func() error { return store(context.TODO(), "check") })
	return check()
}

// Reported: the same outside a once.
func (l *Lazy) Rebuild(ctx context.Context) {
	l.worker = newWorker(context.Background()) // want `context.Background\(\) replaces ctx, the context Rebuild receives; use ctx`
}
