// Package propagation is a stub of go.opentelemetry.io/otel/propagation
// for ctxlint tests: a subset of the real carriers and propagators.
package propagation

import "context"

type TextMapCarrier interface {
	Get(key string) string
	Set(key, value string)
	Keys() []string
}

type MapCarrier map[string]string

func (c MapCarrier) Get(key string) string { return c[key] }

func (c MapCarrier) Set(key, value string) { c[key] = value }

func (c MapCarrier) Keys() []string { return nil }

type TextMapPropagator interface {
	Inject(ctx context.Context, carrier TextMapCarrier)
	Extract(ctx context.Context, carrier TextMapCarrier) context.Context
	Fields() []string
}

type TraceContext struct{}

func (tc TraceContext) Inject(ctx context.Context, carrier TextMapCarrier) {}

func (tc TraceContext) Extract(ctx context.Context, carrier TextMapCarrier) context.Context {
	return ctx
}

func (tc TraceContext) Fields() []string { return nil }
