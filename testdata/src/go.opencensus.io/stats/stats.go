// Package stats is a stub of go.opencensus.io/stats for ctxlint tests: a
// subset of the real functions and types.
package stats

import (
	"context"

	"go.opencensus.io/tag"
)

type Measurement struct {
	v float64
	m *Int64Measure
}

type Int64Measure struct{ name string }

func Int64(name, description, unit string) *Int64Measure { return &Int64Measure{name: name} }

func (m *Int64Measure) M(v int64) Measurement { return Measurement{v: float64(v), m: m} }

type recordOptions struct{}

type Options func(*recordOptions)

func WithMeasurements(measurements ...Measurement) Options { return nil }

func Record(ctx context.Context, ms ...Measurement) {}

func RecordWithTags(ctx context.Context, mutators []tag.Mutator, ms ...Measurement) error {
	return nil
}

func RecordWithOptions(ctx context.Context, ros ...Options) error { return nil }
