package detached

import (
	"context"
	"net/http"
	"time"

	"github.com/robfig/cron/v3"

	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/tools/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/predicate"
)

func use(ctx context.Context) {}

// With -report-detached, a func literal that wait.Group runs on a new
// goroutine is detached as a go statement is.
func group(ctx context.Context, g *wait.Group) {
	g.Start(func() {
		use(context.Background()) // want `^context.Background\(\) in a goroutine drops the values and trace of ctx, the context group receives; use context.WithoutCancel\(ctx\)$`
	})
}

// A callback that an informer or a controller keeps and runs later.
func handlers(ctx context.Context, inf cache.SharedInformer) predicate.Funcs {
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		DeleteFunc: func(obj interface{}) { use(context.TODO()) }, // want `^context.TODO\(\) in a callback run later drops the values and trace of ctx, the context handlers receives; use context.WithoutCancel\(ctx\)$`
	})
	return predicate.NewPredicateFuncs(func(o client.Object) bool {
		use(context.Background()) // want `^context.Background\(\) in a callback run later drops`
		return true
	})
}

// A root context used only by goroutines, or only by deferred calls.
func onlyGo(ctx context.Context) {
	bg := context.Background() // want `context.Background\(\) in a goroutine drops the values and trace of ctx`
	go use(bg)
}

func onlyDefer(ctx context.Context) {
	bg := context.TODO() // want `context.TODO\(\) in a deferred call drops the values and trace of ctx`
	defer use(bg)
}

// Still silent: a lifetime the function owns, kept for the deferred
// shutdown, is not detached work.
func serve(ctx context.Context, srv *http.Server) error {
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	defer srv.Shutdown(sctx)
	return srv.ListenAndServe()
}

// A job a cron scheduler runs later, and a timer's func.
func scheduled(ctx context.Context, cr *cron.Cron) {
	_, _ = cr.AddFunc("@every 1m", func() {
		use(context.Background()) // want `^context.Background\(\) in a callback run later drops the values and trace of ctx, the context scheduled receives; use context.WithoutCancel\(ctx\)$`
	})
	time.AfterFunc(time.Second, func() { use(context.TODO()) }) // want `^context.TODO\(\) in a callback run later drops`
}
