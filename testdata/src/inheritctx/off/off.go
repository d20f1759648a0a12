package off

import (
	"context"
	"net/http"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
)

// ok: with -waits=false and -ctxless=false, neither rule reports.
func sync(ctx context.Context, stop <-chan struct{}) {
	time.Sleep(time.Second)
	<-time.After(time.Second)
	_, _ = http.Get("http://backend/")
	wait.Until(func() {}, time.Second, stop)
}
