package waits

import (
	"context"
	"net/http"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"
)

type server struct{ ready func() (bool, error) }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	time.Sleep(time.Second)                                                 // want `^time.Sleep ignores r.Context\(\), the request's context; wait in a select on r.Context\(\).Done\(\) and a timer, or use a wait.\*WithContext helper$`
	if err := wait.Poll(time.Second, 10*time.Second, s.ready); err != nil { // want `^wait.Poll cannot carry r.Context\(\), the request's context; use wait.PollUntilContextTimeout\(r.Context\(\), ...\)$`
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
	}
	// ok: the request's context is watched.
	select {
	case <-r.Context().Done():
		return
	case <-time.After(time.Second):
	}
}

type hook struct{ ready func() (bool, error) }

func (h *hook) Handle(ctx context.Context, req admission.Request) admission.Response {
	<-time.After(time.Second)                                                // want `^<-time.After ignores ctx, the admission request's context; wait in a select on ctx.Done\(\) and a timer`
	if err := wait.PollImmediateInfinite(time.Second, h.ready); err != nil { // want `^wait.PollImmediateInfinite cannot carry ctx, the admission request's context; use wait.PollUntilContextCancel\(ctx, ...\)$`
		return admission.Denied(err.Error())
	}
	return admission.Allowed("")
}

// A helper with a request serves it too: its sleep has a fix.
func waitBackend(w http.ResponseWriter, r *http.Request) error {
	time.Sleep(100 * time.Millisecond) // want `^time.Sleep ignores r.Context\(\), the request's context`
	return nil
}

// ok: a streaming handler paces its loop with a ticker and leaves it when
// its own stop channel closes; the wait delays that by one tick at most.
func stream(w http.ResponseWriter, r *http.Request, done <-chan struct{}, events <-chan string) {
	pace := time.NewTicker(time.Second)
	defer pace.Stop()
	for {
		<-pace.C
		select {
		case <-done:
			return
		case e := <-events:
			_, _ = w.Write([]byte(e))
		}
	}
}

// Reported: the stop channel's case does not leave the loop.
func streamOn(w http.ResponseWriter, r *http.Request, done <-chan struct{}, events <-chan string) {
	pace := time.NewTicker(time.Second)
	defer pace.Stop()
	for {
		<-pace.C // want `^<-pace.C ignores r.Context\(\), the request's context`
		select {
		case <-done:
			done = nil
		case e := <-events:
			_, _ = w.Write([]byte(e))
		}
	}
}
