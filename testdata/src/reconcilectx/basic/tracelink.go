package basic

import (
	"context"

	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// LinkReconciler links its span to the trace that an annotation carries.
type LinkReconciler struct {
	client.Client
	annotations map[string]string
	prop        propagation.TextMapPropagator
	tracer      trace.Tracer
}

func (r *LinkReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	_, span := r.tracer.Start(ctx, "reconcile")
	defer span.End()
	carrier := propagation.MapCarrier(r.annotations)

	// ok: the remote context is only read for its span, which is linked
	// to. Extracting into ctx would return the reconcile's own span
	// whenever the annotations carry none.
	remote := r.prop.Extract(context.Background(), carrier)
	if sc := trace.SpanFromContext(remote).SpanContext(); sc.IsValid() {
		span.AddLink(trace.Link{SpanContext: sc})
	}
	span.AddLink(trace.LinkFromContext(propagation.TraceContext{}.Extract(context.TODO(), carrier)))
	linked := r.prop.Extract(context.Background(), carrier)
	_ = trace.SpanContextFromContext(linked)
	_ = trace.SpanContextFromContext(linked).IsValid()

	// Neighbours: a remote context that work runs under, or that is the
	// parent of a span, replaces ctx.
	parent := r.prop.Extract(context.Background(), carrier) // want `^context.Background\(\) replaces ctx, the Reconcile's context; use ctx$`
	_, child := r.tracer.Start(parent, "child")
	defer child.End()
	work := r.prop.Extract(context.TODO(), carrier) // want `^context.TODO\(\) replaces ctx, the Reconcile's context; use ctx$`
	_ = trace.SpanFromContext(work)
	return ctrl.Result{}, r.Update(work, &Object{})
}
