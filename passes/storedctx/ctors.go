package storedctx

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// An exported constructor that builds a per-call object with the ctx it
// is given and returns it (k8up's NewPodLister(ctx, ...), a lister used
// for one backup) hands the choice of that context to its callers, most
// of them in other packages. Analysis facts flow only from a package to
// those that import it, so the declaring package cannot see those calls:
// it leaves the field alone and marks the constructor with a PerCall
// fact, and every package of the module that calls it reports, at the
// call, a value built with the caller's own ctx that outlives the call
// (kept in a field, a map or a package variable, sent, or used by a
// goroutine), as a reconciler keeping a sender built with one
// reconcile's ctx for every later send.

// PerCall is the fact of an exported constructor that keeps the context
// it is given (its parameter Param) in the per-call object it returns.
type PerCall struct{ Param int }

func (*PerCall) AFact() {}

func (f *PerCall) String() string { return "PerCall" }

// ctorCall is a call, in this package, of another package's constructor
// with a PerCall fact.
type ctorCall struct {
	cur    inspector.Cursor // the call
	callee *types.Func
	arg    ast.Expr // the context given
}

// collectCtorCalls finds the calls of other packages' constructors that
// have a PerCall fact.
func (s *state) collectCtorCalls() []ctorCall {
	if !s.facts || !analysisutil.IsLocalModule(s.pass.Module) {
		return nil
	}
	var out []ctorCall
	for _, file := range s.files() {
		for cur := range file.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			callee := analysisutil.Callee(s.info, call)
			if callee == nil || callee.Pkg() == s.pass.Pkg {
				continue
			}
			var fact PerCall
			if !s.pass.ImportObjectFact(callee, &fact) || fact.Param >= len(call.Args) {
				continue
			}
			out = append(out, ctorCall{cur: cur, callee: callee, arg: call.Args[fact.Param]})
		}
	}
	return out
}

// reportCtorCalls reports the calls of collectCtorCalls that give the
// constructor the caller's own ctx, not a process or manager lifetime,
// and keep the value it returns beyond the call. An exported constructor
// of this package that returns that value as it is gets a PerCall fact
// of its own.
func (s *state) reportCtorCalls(calls []ctorCall) {
	for _, c := range calls {
		fn := s.innermost(c.cur)
		o := s.derive(c.arg, 0)
		if fn == nil || o.kind != param || !encloses(o.fn, fn) || s.isLifetime(o) {
			continue // a root, a field's value, a lifetime: not a call's ctx kept
		}
		e := s.escapeIn(fn, c.cur, true)
		if e == nil {
			continue
		}
		if e.typ = resultElem(c.callee); e.typ == nil {
			continue
		}
		if !e.result(c.cur) {
			if e.returned && s.handsOff(fn) && o.fn == fn {
				s.exportPerCall(fn)
			}
			continue
		}
		typ := types.TypeString(e.typ, func(p *types.Package) string {
			if p == s.pass.Pkg {
				return ""
			}
			return p.Name()
		})
		s.pass.Report(analysis.Diagnostic{
			Pos: c.cur.Node().Pos(), End: c.cur.Node().End(),
			Message: "the " + typ + " that " + c.callee.Name() + " builds keeps " + types.ExprString(c.arg) +
				", and it is kept here beyond this call; pass " + types.ExprString(c.arg) + " to the methods that need it instead",
			URL: analysisutil.RuleURL(Name, ruleOther),
		})
	}
}

// exportPerCall marks fn, an exported constructor, with a PerCall fact
// naming its ctx parameter.
func (s *state) exportPerCall(fn *ctxinfo.Func) {
	if fn.Ctx != nil {
		s.pass.ExportObjectFact(fn.Obj, &PerCall{Param: fn.Ctx.Index})
	}
}

// resultElem returns the type of fn's first result, or what it points
// to.
func resultElem(fn *types.Func) types.Type {
	res := fn.Signature().Results()
	if res.Len() == 0 {
		return nil
	}
	t := types.Unalias(res.At(0).Type())
	if p, ok := t.(*types.Pointer); ok {
		return types.Unalias(p.Elem())
	}
	return t
}
