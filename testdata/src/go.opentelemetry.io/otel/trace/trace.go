// Package trace is a stub of go.opentelemetry.io/otel/trace for ctxlint
// tests: a subset of the real span API.
package trace

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
)

type SpanContext struct {
	remote bool
}

func (sc SpanContext) IsValid() bool { return sc.remote }

type SpanEndOption interface {
	applySpanEnd(SpanConfig) SpanConfig
}

type SpanStartOption interface {
	applySpanStart(SpanConfig) SpanConfig
}

type SpanConfig struct{}

// Span: the real one also embeds embedded.Span and has more methods.
type Span interface {
	End(options ...SpanEndOption)
	AddLink(link Link)
	IsRecording() bool
	SpanContext() SpanContext
}

// Tracer: the real one also embeds embedded.Tracer.
type Tracer interface {
	Start(ctx context.Context, spanName string, opts ...SpanStartOption) (context.Context, Span)
}

type Link struct {
	SpanContext SpanContext
	Attributes  []attribute.KeyValue
}

func LinkFromContext(ctx context.Context, attrs ...attribute.KeyValue) Link {
	return Link{SpanContext: SpanContextFromContext(ctx), Attributes: attrs}
}

func SpanFromContext(ctx context.Context) Span { return nil }

func SpanContextFromContext(ctx context.Context) SpanContext {
	return SpanFromContext(ctx).SpanContext()
}

func ContextWithSpan(parent context.Context, span Span) context.Context { return parent }
