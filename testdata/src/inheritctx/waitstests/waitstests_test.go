package waitstests

import (
	"context"
	"net/http"
	"time"
)

// With -include-tests, waits and ctx-less calls in _test.go files are
// reported.
func eventually(ctx context.Context) {
	time.Sleep(time.Millisecond)       // want `^time.Sleep ignores ctx, the context eventually receives`
	_, _ = http.Get("http://backend/") // want `^http.Get cannot carry ctx, the context eventually receives`
}
