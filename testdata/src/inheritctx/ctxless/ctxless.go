package ctxless

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
	kwait "k8s.io/apimachinery/pkg/util/wait"
)

type store struct{ db *sql.DB }

// The standard library's ctx-less forms, in a plain function with a ctx.
func (s *store) sync(ctx context.Context, url string) error {
	rows, err := s.db.Query("SELECT 1") // want `^\(\*sql.DB\).Query cannot carry ctx, the context sync receives; use QueryContext\(ctx, ...\)$`
	if err != nil {
		return err
	}
	_ = rows
	_, _ = http.Get(url)                     // want `^http.Get cannot carry ctx, the context sync receives; use http.NewRequestWithContext\(ctx, ...\) and http.DefaultClient.Do$`
	return exec.Command("git", "pull").Run() // want `^exec.Command cannot carry ctx, the context sync receives; use exec.CommandContext\(ctx, ...\)$`
}

func (s *store) ready() (bool, error) { return true, nil }

// The wait package's pollers and loops.
func (s *store) waitReady(ctx context.Context) error {
	if err := wait.Poll(time.Second, time.Minute, s.ready); err != nil { // want `^wait.Poll cannot carry ctx, the context waitReady receives; use wait.PollUntilContextTimeout\(ctx, ...\)$`
		return err
	}
	_ = wait.PollImmediate(time.Second, time.Minute, func() (bool, error) { // want `^wait.PollImmediate cannot carry ctx.*; use wait.PollUntilContextTimeout\(ctx, ...\)$`
		return s.ready()
	})
	var cond wait.ConditionFunc = s.ready
	_ = kwait.PollInfinite(time.Second, cond)                                // want `^wait.PollInfinite cannot carry ctx.*; use wait.PollUntilContextCancel\(ctx, ...\)$`
	_ = wait.PollImmediateInfinite(time.Second, wait.ConditionFunc(s.ready)) // want `^wait.PollImmediateInfinite cannot carry ctx.*; use wait.PollUntilContextCancel\(ctx, ...\)$`
	_ = wait.ExponentialBackoff(wait.Backoff{Steps: 3}, s.ready)             // want `^wait.ExponentialBackoff cannot carry ctx.*; use wait.ExponentialBackoffWithContext\(ctx, ...\)$`
	return nil
}

func (s *store) loops(ctx context.Context, stop <-chan struct{}) {
	wait.Until(func() { _, _ = s.ready() }, time.Second, stop) // want `^wait.Until cannot carry ctx, the context loops receives; use wait.UntilWithContext\(ctx, ...\)$`
	wait.NonSlidingUntil(func() {}, time.Second, stop)         // want `^wait.NonSlidingUntil cannot carry ctx.*; use wait.NonSlidingUntilWithContext\(ctx, ...\)$`
	wait.JitterUntil(func() {}, time.Second, 0.1, true, stop)  // want `^wait.JitterUntil cannot carry ctx.*; use wait.JitterUntilWithContext\(ctx, ...\)$`
	_ = wait.PollUntil(time.Second, s.ready, stop)             // want `^wait.PollUntil cannot carry ctx.*; use wait.PollUntilContextCancel\(ctx, ...\)$`
	_ = wait.PollImmediateUntil(time.Second, s.ready, stop)    // want `^wait.PollImmediateUntil cannot carry ctx`
	wait.Forever(func() { _, _ = s.ready() }, time.Second)     // want `^wait.Forever cannot carry ctx.*; use wait.UntilWithContext\(ctx, ...\)$`
	wait.Forever(s.tick, time.Second)                          // want `^wait.Forever cannot carry ctx`
}

func (s *store) tick() {}

// The code tests for ErrWaitTimeout, which the replacement never returns:
// no fix.
func (s *store) timedOut(ctx context.Context) bool {
	err := wait.Poll(time.Second, time.Minute, s.ready) // want `^wait.Poll cannot carry ctx`
	return errors.Is(err, wait.ErrWaitTimeout)
}

// ok: the context-taking forms, loops stopped by a context, no ctx in
// scope, detached, and a ctx already done.
func (s *store) fine(ctx context.Context) {
	_ = wait.PollUntilContextTimeout(ctx, time.Second, time.Minute, false, func(context.Context) (bool, error) { return true, nil })
	wait.UntilWithContext(ctx, func(context.Context) {}, time.Second)
	wait.Until(func() {}, time.Second, ctx.Done())
	_ = wait.PollUntil(time.Second, s.ready, ctx.Done())
	go wait.Forever(s.tick, time.Second)
	go func() { _, _ = http.Get("http://backend/") }()
	_, _ = http.Get("http://backend/") //nolint:gosec,noctx // silenced for noctx: left alone
	if ctx.Err() != nil {
		_, _ = s.db.Exec("UPDATE t SET stopped = 1")
	}
}

// The func literal's context has no name: no fix, the message says to
// name it.
func (s *store) unnamed(ctx context.Context) {
	_ = wait.PollUntilContextTimeout(ctx, time.Second, time.Minute, true, func(context.Context) (bool, error) {
		_, err := http.Get("http://backend/") // want `^http.Get cannot carry the context PollUntilContextTimeout passes to the func literal; name the parameter ctx and use http.NewRequestWithContext\(ctx, ...\)`
		return err == nil, nil
	})
}

func main() {
	_, _ = http.Get("http://backend/")
	_ = wait.Poll(time.Second, time.Minute, func() (bool, error) { return true, nil })
	wait.Forever(func() {}, time.Second)
}

// ok: the request is given ctx before it is sent, by WithContext or by
// Clone.
func (s *store) fetch(ctx context.Context, c *http.Client, url string) error {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return err
	}
	_, err = c.Do(req.WithContext(ctx))
	return err
}

func (s *store) fetchClone(ctx context.Context, c *http.Client, url string) error {
	var req *http.Request
	req, _ = http.NewRequest("GET", url, nil)
	_, err := c.Do(req.Clone(ctx))
	return err
}

// Reported: sent as it is, though another request gets ctx.
func (s *store) fetchBoth(ctx context.Context, c *http.Client, url string) error {
	req, _ := http.NewRequest("GET", url, nil) // want `^http.NewRequest cannot carry ctx, the context fetchBoth receives; use http.NewRequestWithContext\(ctx, ...\)$`
	other, _ := http.NewRequest("GET", url, nil)
	_, _ = c.Do(other.WithContext(ctx))
	_, err := c.Do(req)
	return err
}

// A readiness check of the request-taking shape (healthz.Checker's) that
// discards its request: name it, and use its context.
func probe(_ *http.Request) error {
	req, err := http.NewRequest("GET", "http://localhost/healthz", nil) // want `^http.NewRequest cannot carry .*; name the parameter r and use http.NewRequestWithContext\(r.Context\(\), ...\)$`
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

var _ = probe

// ok: the same check with its request named uses its context.
func probeNamed(r *http.Request) error {
	req, err := http.NewRequestWithContext(r.Context(), "GET", "http://localhost/healthz", nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

// A process the code stops itself: it signals it, or hands it with ctx
// to a function that does; CommandContext would kill it at once.
func (s *store) serve(ctx context.Context) error {
	cmd := exec.Command("pgbouncer", "pgbouncer.ini")
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		_ = cmd.Process.Signal(os.Interrupt)
	}()
	return cmd.Wait()
}

func stopOnDone(ctx context.Context, cmd *exec.Cmd) {}

func (s *store) serveHanded(ctx context.Context) error {
	var cmd = exec.Command("postgres")
	stopOnDone(ctx, cmd)
	return cmd.Run()
}

// Reported: a process waited for, not stopped by the code.
func (s *store) runOnce(ctx context.Context) error {
	cmd := exec.Command("pg_ctl", "reload") // want `^exec.Command cannot carry ctx, the context runOnce receives; use exec.CommandContext\(ctx, ...\)$`
	out := s.describe(cmd)
	_ = out
	return cmd.Run()
}

func (s *store) describe(cmd *exec.Cmd) string { return cmd.String() }
