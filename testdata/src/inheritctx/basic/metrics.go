package basic

import (
	"context"
	"log/slog"
	"time"

	"go.opencensus.io/stats"
	"go.opencensus.io/tag"
	"go.opentelemetry.io/otel/metric"
)

// A ctx-less metrics helper that records with context.Background(): the
// instrument uses the context only for exemplars. Left alone.

type recorder struct {
	requests metric.Int64Counter
	latency  metric.Float64Histogram
}

func (r *recorder) countRequest() { r.requests.Add(context.Background(), 1) }

func (r *recorder) observe(s float64) { r.latency.Record(context.TODO(), s) }

// ok: reached from a function with a ctx, the helpers are left alone.
func (r *recorder) Serve(ctx context.Context) {
	r.countRequest()
	r.observe(0.1)
}

// Reported: with a ctx in scope, the fix is at hand.
func (r *recorder) ServeDirect(ctx context.Context) {
	r.requests.Add(context.Background(), 1) // want `^context.Background\(\) replaces ctx, the context ServeDirect receives; use ctx$`
}

// Reported: a helper's root context that goes elsewhere too.
func (r *recorder) countAndPush(c *Client) {
	ctx := context.Background() // want `^context.Background\(\) in recorder.countAndPush, which recorder.ServeBoth calls without its ctx`
	r.requests.Add(ctx, 1)
	_ = c.push(ctx)
}

func (r *recorder) ServeBoth(ctx context.Context, c *Client) { r.countAndPush(c) }

// A logger wrapper without Context variants: its handler gets
// context.Background(), as slog.Logger.Info's does. Left alone.
type logWrapper struct{ h slog.Handler }

func (l *logWrapper) Error(msg string) {
	if !l.h.Enabled(context.Background(), slog.LevelError) {
		return
	}
	_ = l.h.Handle(context.Background(), slog.NewRecord(time.Now(), slog.LevelError, msg, 0))
}

func (l *logWrapper) Warn(msg string) { slog.Default().WarnContext(context.TODO(), msg) }

// ok: reached from a function with a ctx, the wrapper is left alone.
func (r *recorder) Fail(ctx context.Context, l *logWrapper) {
	l.Error("failed")
	l.Warn("retrying")
}

// Reported: with a ctx in scope, the fix is at hand.
func (r *recorder) FailDirect(ctx context.Context) {
	slog.Default().ErrorContext(context.Background(), "failed") // want `^context.Background\(\) replaces ctx, the context FailDirect receives; use ctx$`
}

// OpenCensus: stats.Record reads only the tags of its context, which
// tag.New adds. A ctx-less helper recording so is left alone, through
// local variables too.
var (
	reconciles = stats.Int64("reconciles", "", "1")
	kindKey    = tag.MustNewKey("kind")
)

func recordReconcile() { stats.Record(context.Background(), reconciles.M(1)) }

func recordKind(kind string, tagged bool) {
	ctx := context.Background()
	if tagged {
		ctx, _ = tag.New(ctx, tag.Insert(kindKey, kind))
	}
	stats.Record(ctx, reconciles.M(1))
}

func recordTagged(kind string) {
	ctx, _ := tag.New(context.TODO(), tag.Insert(kindKey, kind))
	ctx, _ = tag.New(ctx, tag.Upsert(kindKey, kind))
	_ = stats.RecordWithTags(ctx, nil, reconciles.M(1))
}

// ok: reached from a function with a ctx, the helpers are left alone.
func (r *recorder) Reconcile(ctx context.Context, kind string) {
	recordReconcile()
	recordKind(kind, true)
	recordTagged(kind)
}

// Reported: the tagged root context is also used for work.
func recordAndPush(c *Client, kind string) {
	ctx, _ := tag.New(context.Background(), tag.Insert(kindKey, kind)) // want `^context.Background\(\) in recordAndPush, which recorder.ReconcilePush calls without its ctx`
	stats.Record(ctx, reconciles.M(1))
	_ = c.push(ctx)
}

func (r *recorder) ReconcilePush(ctx context.Context, c *Client, kind string) {
	recordAndPush(c, kind)
}

// Reported: a context handed to a function that is no recorder.
func recordElsewhere(c *Client) {
	ctx := context.Background() // want `^context.Background\(\) in recordElsewhere, which recorder.ReconcileElsewhere calls without its ctx`
	stats.Record(ctx, reconciles.M(1))
	go func() { _ = c.push(ctx) }()
}

func (r *recorder) ReconcileElsewhere(ctx context.Context, c *Client) { recordElsewhere(c) }

// Reported: with a ctx in scope, the fix is at hand.
func (r *recorder) ReconcileDirect(ctx context.Context) {
	stats.Record(context.Background(), reconciles.M(1)) // want `^context.Background\(\) replaces ctx, the context ReconcileDirect receives; use ctx$`
}
