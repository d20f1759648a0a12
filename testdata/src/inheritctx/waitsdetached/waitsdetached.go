package waitsdetached

import (
	"context"
	"net/http"
	"time"
)

// With -report-detached, waits and ctx-less calls in goroutines and
// deferred calls are reported too.
func start(ctx context.Context) {
	go func() {
		time.Sleep(time.Second)            // want `^time.Sleep ignores ctx, the context start receives`
		_, _ = http.Get("http://backend/") // want `^http.Get cannot carry ctx, the context start receives`
	}()
	defer time.Sleep(time.Millisecond) // want `^time.Sleep ignores ctx`
}
