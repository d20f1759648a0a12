package ctxinfo

import (
	"go/ast"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// OpenTelemetry's propagation and trace packages, matched by path.
const (
	propagationPath = "go.opentelemetry.io/otel/propagation"
	tracePath       = "go.opentelemetry.io/otel/trace"
)

// remoteTrace reports whether the root context at cur is only the empty
// base into which a propagator extracts a remote trace context
// (prop.Extract(context.Background(), carrier)), and the extracted
// context is only read for its span: trace.SpanFromContext,
// SpanContextFromContext or LinkFromContext, directly or through a local
// variable whose every use is such a read. That span is linked to, not
// worked under: extracting into the function's own ctx instead would
// return the function's own span whenever the carrier holds none, and
// link the span to itself. A remote context used for anything else (the
// parent of a new span, a client call) is still a root that replaces ctx.
func (in *Info) remoteTrace(cur inspector.Cursor) bool {
	up := analysisutil.Unparen(cur)
	if k, idx := up.ParentEdge(); k != edge.CallExpr_Args || idx != 0 {
		return false
	}
	callee := analysisutil.Callee(in.TypesInfo, up.Parent().Node().(*ast.CallExpr))
	if callee == nil || callee.Pkg() == nil || callee.Pkg().Path() != propagationPath ||
		callee.Name() != "Extract" || callee.Signature().Recv() == nil {
		return false
	}
	return in.spanReadOnly(up.Parent())
}

// spanReadOnly reports whether the context yielded by the expression at
// cur is only read for its span (see remoteTrace).
func (in *Info) spanReadOnly(cur inspector.Cursor) bool {
	up := analysisutil.Unparen(cur)
	if k, idx := up.ParentEdge(); k == edge.CallExpr_Args && idx == 0 {
		fn := analysisutil.Callee(in.TypesInfo, up.Parent().Node().(*ast.CallExpr))
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != tracePath || fn.Signature().Recv() != nil {
			return false
		}
		switch fn.Name() {
		case "SpanFromContext", "SpanContextFromContext", "LinkFromContext":
			return true
		}
		return false
	}
	v := in.assignedVar(up)
	body, ok := outermostFunc(up)
	if v == nil || !ok || v.Pos() < body.Node().Pos() || v.Pos() >= body.Node().End() {
		return false // not a local variable
	}
	uses := 0
	for id := range in.UsesOf(body, v) {
		if k, _ := id.ParentEdge(); k == edge.AssignStmt_Lhs || !in.spanReadOnly(id) {
			return false // assigned again, or used otherwise
		}
		uses++
	}
	return uses > 0
}
