package waits

import (
	"context"
	"errors"
	"net/http"
	"time"
	tm "time"
)

type item struct{}

func (item) sync(ctx context.Context) error { return nil }

// retry sleeps between attempts without watching ctx.
func retry(ctx context.Context, it item) error {
	for i := 0; i < 3; i++ {
		if err := it.sync(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Second) // want `^time.Sleep ignores ctx, the context retry receives; wait in a select on ctx.Done\(\) and a timer, or use a wait.\*WithContext helper$`
	}
	return errors.New("gave up")
}

// fetch returns two results: the fix writes the zero value of the first.
func fetch(ctx context.Context, backoff time.Duration) (*http.Response, error) {
	tm.Sleep(backoff) // want `^time.Sleep ignores ctx, the context fetch receives`
	return nil, nil
}

type status struct{ ready bool }

func poll(ctx context.Context) (status, int, string, error) {
	<-time.After(5 * time.Second) // want `^<-time.After ignores ctx, the context poll receives`
	return status{}, 0, "", nil
}

func drain(ctx context.Context, t *time.Timer, tick *time.Ticker) error {
	<-t.C                          // want `^<-t.C ignores ctx, the context drain receives`
	_ = <-tick.C                   // want `^<-tick.C ignores ctx`
	v := <-time.After(time.Second) // want `^<-time.After ignores ctx`
	_ = v
	select {
	case <-t.C: // want `^<-t.C ignores ctx`
	}
	return nil
}

// noError has no error result: reported without a fix.
func noError(ctx context.Context) {
	time.Sleep(time.Millisecond) // want `^time.Sleep ignores ctx, the context noError receives`
}

// closure: the func literal's own result decides the fix.
func closure(ctx context.Context) {
	run := func() error {
		time.Sleep(time.Second) // want `^time.Sleep ignores ctx, the context closure receives`
		return nil
	}
	_ = run()
}

// handlerLike is not a handler: a plain function with a request gets
// r.Context().
func withRequest(r *http.Request, d time.Duration) error {
	time.Sleep(d) // want `^time.Sleep ignores r.Context\(\), the context withRequest receives; wait in a select on r.Context\(\).Done\(\)`
	return nil
}

// ok: the waits that watch ctx.
func watched(ctx context.Context, t *time.Timer, stop <-chan struct{}) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(time.Second):
	}
	select {
	case <-stop:
	case <-t.C:
	}
	select {
	case <-t.C:
	default:
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// ok: a retry loop that checks ctx on every turn waits one pause at most.
func retryChecked(ctx context.Context, it item) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := it.sync(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
}

// A receive in a for statement's post statement: no fix, a select
// cannot stand there.
func ticks(ctx context.Context, t *time.Ticker) error {
	for i := 0; i < 3; <-t.C { // want `^<-t.C ignores ctx, the context ticks receives`
		i++
	}
	return nil
}

// A Ticker reached through an embedding struct.
type poller struct{ *time.Ticker }

func embedded(ctx context.Context, p poller) {
	<-p.C // want `^<-p.C ignores ctx, the context embedded receives`
}

// ok: no context in scope.
func noCtx() {
	time.Sleep(time.Second)
	<-time.After(time.Second)
}

// ok: after ctx is done, there is nothing left to watch.
func afterDone(ctx context.Context) {
	<-ctx.Done()
	time.Sleep(100 * time.Millisecond)
}

// ok: goroutines and deferred calls are detached (-report-detached).
func detached(ctx context.Context) {
	go func() {
		time.Sleep(time.Second)
	}()
	defer time.Sleep(time.Millisecond)
}

// ok: suppressed.
func suppressed(ctx context.Context) {
	//ctxlint:ignore inheritctx the device needs this settle time whatever happens
	time.Sleep(10 * time.Millisecond)
}

// ok: not the time package's.
type clock struct{ C chan time.Time }

func (clock) Sleep(time.Duration) {}

func fakes(ctx context.Context, c clock) {
	c.Sleep(time.Second)
	<-c.C
}
