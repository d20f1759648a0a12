package detached

import (
	"context"
	"net/http"
)

func work(ctx context.Context) {}

// With -report-detached.
func handle(w http.ResponseWriter, r *http.Request) {
	go work(context.Background())  // want `^context.Background\(\) in a goroutine drops the values and trace of r.Context\(\), the request's context; use context.WithoutCancel\(r.Context\(\)\)$`
	defer work(context.TODO())     // want `context.TODO\(\) in a deferred call`
	go http.Get("http://backend/") // want `http.Get cannot carry r.Context\(\)`
}
