package basic

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"sync"
	"time"

	oklog "github.com/oklog/run"
	"k8s.io/klog/v2"
)

// Done-ness through control flow: after a select that can end only
// through case <-ctx.Done(), or after a guard that leaves while ctx is not
// done, ctx is done and the shutdown needs a fresh bounded context.

type server struct{ srv *http.Server }

// ok: the other case returns; past the select ctx is done.
func (s *server) Start(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- s.srv.ListenAndServe() }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.srv.Shutdown(sctx)
}

// ok: the other cases panic, exit or log.Fatal.
func run(ctx context.Context, srv *http.Server, errc <-chan error, fatal <-chan string) {
	select {
	case err := <-errc:
		panic(err)
	case msg := <-fatal:
		log.Fatalf("fatal: %s", msg)
	case <-time.After(time.Hour):
		os.Exit(1)
	case <-ctx.Done():
	}
	_ = srv.Shutdown(context.Background())
}

// ok: klog's Fatal functions do not return either; nor does an if-else
// that leaves on both sides.
func runKlog(ctx context.Context, srv *http.Server, errc <-chan error) {
	select {
	case err := <-errc:
		if err != nil {
			klog.Fatalf("serve: %v", err)
		} else {
			return
		}
	case <-ctx.Done():
	}
	_ = srv.Shutdown(context.Background())
}

// ok: a guard that leaves while ctx is not done.
func (s *server) Drain(ctx context.Context) error {
	if ctx.Err() == nil {
		return errors.New("still running")
	}
	return s.srv.Shutdown(context.Background())
}

func (s *server) DrainInit(ctx context.Context) error {
	if err := ctx.Err(); err == nil {
		return nil
	}
	return s.srv.Shutdown(context.Background())
}

// ok: a select whose default leaves.
func (s *server) Poll(ctx context.Context) error {
	select {
	case <-ctx.Done():
	default:
		return nil
	}
	return s.srv.Shutdown(context.Background())
}

// ok: in a loop, the other case continues: only ctx.Done() gets past the
// select.
func (s *server) Loop(ctx context.Context, tick <-chan time.Time) error {
	for {
		select {
		case <-tick:
			continue
		case <-ctx.Done():
		}
		return s.srv.Shutdown(context.Background())
	}
}

// ok: the else branch of if ctx.Err() == nil.
func (s *server) Else(ctx context.Context) error {
	if ctx.Err() == nil {
		s.srv.SetKeepAlivesEnabled(true)
	} else {
		return s.srv.Shutdown(context.Background())
	}
	return nil
}

// Reported: a ticker case falls through, so ctx may still be live.
func (s *server) Ticker(ctx context.Context, tick <-chan time.Time) error {
	select {
	case <-tick:
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) // want `context.Background\(\) replaces ctx, the context Ticker receives; use ctx`
	defer cancel()
	return s.srv.Shutdown(sctx)
}

// Reported: a case that only logs falls through.
func (s *server) Logs(ctx context.Context, errc <-chan error) error {
	select {
	case err := <-errc:
		log.Printf("serve: %v", err)
	case <-ctx.Done():
	}
	return s.srv.Shutdown(context.Background()) // want `context.Background\(\) replaces ctx, the context Logs receives`
}

// Reported: a break gets out of the select before the return.
func (s *server) Breaks(ctx context.Context, errc <-chan error) error {
	select {
	case err := <-errc:
		if err == nil {
			break
		}
		return err
	case <-ctx.Done():
	}
	return s.srv.Shutdown(context.Background()) // want `context.Background\(\) replaces ctx, the context Breaks receives`
}

// Reported: a method called Fatal is not log.Fatal; it may return.
type logger struct{}

func (logger) Fatal(args ...any) {}

func (s *server) OwnFatal(ctx context.Context, errc <-chan error) error {
	var l logger
	select {
	case err := <-errc:
		l.Fatal(err)
	case <-ctx.Done():
	}
	return s.srv.Shutdown(context.Background()) // want `context.Background\(\) replaces ctx, the context OwnFatal receives`
}

// Reported: the guard leaves when ctx is done, not when it is live.
func (s *server) Inverted(ctx context.Context) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return s.srv.Shutdown(context.Background()) // want `context.Background\(\) replaces ctx, the context Inverted receives`
}

// Reported: the guard does not leave.
func (s *server) NoLeave(ctx context.Context) error {
	if ctx.Err() == nil {
		log.Print("still running")
	}
	return s.srv.Shutdown(context.Background()) // want `context.Background\(\) replaces ctx, the context NoLeave receives`
}

// ok: the same in a generic function and in a func literal runnable.
func serveAll[T any](ctx context.Context, items []T, srv *http.Server, errc <-chan error) error {
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	return srv.Shutdown(context.Background())
}

func (s *server) Runnable() func(context.Context) error {
	return func(ctx context.Context) error {
		errc := make(chan error, 1)
		go func() { errc <- s.srv.ListenAndServe() }()
		select {
		case err := <-errc:
			return err
		case <-ctx.Done():
		}
		return s.srv.Shutdown(context.Background())
	}
}

// ok: an oklog/run actor's interrupt runs to stop it once the group ends,
// most often because ctx was cancelled: a bounded fresh context is right.
func (s *server) runGroup(ctx context.Context) error {
	var g oklog.Group
	g.Add(func() error {
		return s.srv.ListenAndServe()
	}, func(error) {
		sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_ = s.srv.Shutdown(sctx)
	})
	return g.Run()
}

// Reported: the actor itself serves with ctx live.
func (s *server) runGroupWork(ctx context.Context) error {
	var g oklog.Group
	g.Add(func() error {
		return s.srv.Shutdown(context.Background()) // want `context.Background\(\) replaces ctx, the context runGroupWork receives`
	}, func(error) {})
	return g.Run()
}

// ok: a clean-up closure that cancels the work's context first; past
// that call ctx is done, and so is a helper called there.
func (s *server) startWorkers(ctx context.Context) func() {
	ctx, cancel := context.WithCancel(ctx)
	go func() { _ = s.srv.Shutdown(ctx) }()
	stop := func() {
		cancel()
		_ = s.srv.Shutdown(context.Background())
		s.removeAll()
	}
	return stop
}

func (s *server) removeAll() { _ = s.srv.Shutdown(context.TODO()) }

// Reported: the cancel of another context leaves ctx live, and code
// before the cancel runs with ctx live too.
func (s *server) stopChild(ctx context.Context) {
	cctx, ccancel := context.WithCancel(ctx)
	_ = cctx
	ccancel()
	_ = s.srv.Shutdown(context.Background()) // want `context.Background\(\) replaces ctx, the context stopChild receives`
}

func (s *server) stopLate(ctx context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	_ = s.srv.Shutdown(context.TODO()) // want `context.TODO\(\) replaces ctx, the context stopLate receives`
	cancel()
}

// ok: a goroutine the function waits for, which shuts down once ctx is
// done: past <-ctx.Done() ctx is done there too.
func runJoined(ctx context.Context, srv *http.Server) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-ctx.Done()
		_ = srv.Shutdown(context.Background())
	}()
	_ = srv.ListenAndServe()
	wg.Wait()
}

// ok: told to stop, the loop releases what it holds with a context of its
// own and returns: ctx most often ends with the stop.
func (s *server) Serve(ctx context.Context, stop <-chan struct{}, tick <-chan time.Time) error {
	for {
		select {
		case <-tick:
			_ = s.srv.Shutdown(ctx)
		case <-stop:
			return s.srv.Shutdown(context.Background())
		}
	}
}

// Reported: a pause signal that the loop goes on after is no stop.
func (s *server) Pausable(ctx context.Context, pause <-chan struct{}) {
	for {
		select {
		case <-pause:
			_ = s.srv.Shutdown(context.TODO()) // want `context.TODO\(\) replaces ctx, the context Pausable receives; use ctx`
		case <-ctx.Done():
			return
		}
	}
}
