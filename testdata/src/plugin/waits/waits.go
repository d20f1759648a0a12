package waits

import (
	"context"
	"net/http"
	"time"
)

// With the plugin settings inheritctx: {waits: true, ctxless: false}.
func f(ctx context.Context) {
	time.Sleep(time.Second)            // want `^inheritctx: time.Sleep ignores ctx`
	_, _ = http.Get("http://backend/") // ok: ctxless is off
}
