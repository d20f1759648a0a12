// Package metric is a stub of go.opentelemetry.io/otel/metric for
// ctxlint tests: a subset of the real instruments and methods.
package metric

import "context"

type AddConfig struct{}

type RecordConfig struct{}

type AddOption interface {
	applyAdd(AddConfig) AddConfig
}

type RecordOption interface {
	applyRecord(RecordConfig) RecordConfig
}

// Int64Counter: the real one also embeds embedded.Int64Counter.
type Int64Counter interface {
	Add(ctx context.Context, incr int64, options ...AddOption)
}

// Float64Histogram: the real one also embeds embedded.Float64Histogram.
type Float64Histogram interface {
	Record(ctx context.Context, incr float64, options ...RecordOption)
}
