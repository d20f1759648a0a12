package rootctx

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// RuleInnerCtx is the heading, in every root-context check's doc.go, of
// the rule on outer contexts used where a func literal brings its own:
// an errgroup's context, or the literal's context parameter.
const RuleInnerCtx = "The group's context and other inner contexts"

// InnerCtxFlag is the option that switches the inner-context rule off.
const InnerCtxFlag = "innerctx"

// innerCtxs finds the calls, in a func literal that brings its own
// context (a named context parameter, or the context of the errgroup
// whose Go or TryGo runs it), that pass a captured outer context instead:
// the context parameter of an enclosing function, or the context the
// group was made from. Other captured contexts (ctx derived outside the
// literal) are left alone: they may derive from the inner one. So is a
// literal that calls a cancel function it captures: it ends the lifetime
// its own context derives from (a leader-election callback that starts
// servers with the outer ctx and then cancels the election), and work
// that must outlive that cancel needs the outer context.
func innerCtxs(pass *analysis.Pass, in *ctxinfo.Info, groups map[*types.Var]ctxinfo.Group) []*Other {
	inner := len(groups) > 0
	in.Funcs(func(fn *ctxinfo.Func) {
		if _, lit := fn.Node.(*ast.FuncLit); lit && fn.Ctx.Named() {
			inner = true
		}
	})
	if !inner {
		return nil // no func literal brings a context of its own
	}
	var out []*Other
	cancelling := map[ast.Node]bool{} // func literals that call a captured cancel
	handedWith := map[ast.Node]bool{} // func literals handed to a call that also takes a context
	for cur := range in.Inspector.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		v, ok := pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || !in.IsContext(v.Type()) {
			continue
		}
		arg := analysisutil.Unparen(cur)
		if arg.ParentEdgeKind() != edge.CallExpr_Args {
			continue
		}
		call := arg.Parent().Node().(*ast.CallExpr)
		callee := analysisutil.Callee(pass.TypesInfo, call)
		if analysisutil.IsPkgFunc(callee, ctxinfo.ContextPath, "WithoutCancel") || valueAccessor(in, pass.TypesInfo.TypeOf(call.Fun)) {
			continue // detaching on purpose; reading a value, the same in the inner context
		}
		inner, ok := in.InnerAt(cur, groups)
		if !ok || v == inner.Var || inner.Lit.Node.Pos() <= v.Pos() && v.Pos() < inner.Lit.Node.End() {
			continue
		}
		outer := outerOf(in, inner, cur, v)
		if outer == "" {
			continue
		}
		lit := inner.Lit.Node
		if inner.Group == nil {
			handed, seen := handedWith[lit]
			if !seen {
				handed = handedWithCtx(in, inner.Lit.Cur)
				handedWith[lit] = handed
			}
			if !handed {
				continue
			}
		}
		cancels, seen := cancelling[lit]
		if !seen {
			cancels = callsCapturedCancel(pass.TypesInfo, in, lit)
			cancelling[lit] = cancels
		}
		if cancels {
			continue
		}
		s := in.ScopeAt(cur)
		if s.Provider == nil || in.IsDone(cur, inner.Lit.Node) {
			continue
		}
		what := "the call"
		if callee != nil {
			what = calleeName(callee)
		}
		o := &Other{Rule: RuleInnerCtx, Scope: s, Pos: id.Pos(), End: id.End()}
		if inner.Group != nil {
			o.Message = fmt.Sprintf("%s is passed %s in a func the errgroup runs; use %s, the group's context, cancelled when another of its funcs fails", what, v.Name(), inner.Name())
		} else {
			o.Message = fmt.Sprintf("%s is passed %s, captured from %s, in a func literal that receives its own context; use %s", what, v.Name(), outer, inner.Name())
		}
		if len(o.Message) > 200 {
			o.Message = fmt.Sprintf("a call is passed %s where %s is the context to use", v.Name(), inner.Name())
		}
		if in.Resolves(id.Pos(), inner.Name(), inner.Var) {
			o.Fixes = []analysis.SuggestedFix{{
				Message:   "Use " + inner.Name(),
				TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte(inner.Name())}},
			}}
		}
		out = append(out, o)
	}
	return out
}

// handedWithCtx reports whether the func literal at lit is an argument,
// directly or as an element of composite literals that are, of a call
// that is also passed a context (wait.UntilWithContext(ctx, f, p);
// leaderelection.RunOrDie(ctx, config{Callbacks: {OnStartedLeading: f}})):
// the context the literal receives is then one the callee derives from
// that context, and the captured outer one skips what it adds. A literal
// kept in a variable or handed to a call without a context (a builder of
// the module's own that hands back the context it was built with) says
// nothing of where its context comes from.
func handedWithCtx(in *ctxinfo.Info, lit inspector.Cursor) bool {
	c := analysisutil.Unparen(lit)
	for {
		switch c.ParentEdgeKind() {
		case edge.KeyValueExpr_Value, edge.CompositeLit_Elts, edge.UnaryExpr_X, edge.ParenExpr_X:
			c = c.Parent()
			continue
		case edge.CallExpr_Args:
			call := c.Parent().Node().(*ast.CallExpr)
			arg := c.Node()
			for _, a := range call.Args {
				if a != arg && in.IsContext(in.TypesInfo.TypeOf(a)) {
					return true
				}
			}
		}
		return false
	}
}

// outerOf names where the outer context v comes from, when it is one the
// rule knows: the function whose context parameter it is, or, for a
// group, the context the group was made from. It returns "" otherwise.
func outerOf(in *ctxinfo.Info, inner ctxinfo.Inner, cur inspector.Cursor, v *types.Var) string {
	if inner.Group != nil && inner.Group.Parent == v {
		return "errgroup.WithContext"
	}
	outside := false
	for _, fn := range in.Enclosing(cur) {
		if fn == inner.Lit {
			outside = true
			continue
		}
		if outside && fn.Ctx != nil && fn.Ctx.Var == v {
			return fn.Name()
		}
	}
	return ""
}

// callsCapturedCancel reports whether the func literal lit calls, or
// defers, a context.CancelFunc or CancelCauseFunc variable declared
// outside it.
func callsCapturedCancel(info *types.Info, in *ctxinfo.Info, lit ast.Node) bool {
	found := false
	ast.Inspect(lit, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if !ok || !in.IsCancelCall(call) {
			return true
		}
		if v, ok := info.Uses[id].(*types.Var); ok && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) {
			found = true
		}
		return !found
	})
	return found
}

// valueAccessor reports whether t is the type of a function that only
// reads a value from its context: func(ctx context.Context[, ...T]) V
// with one result that is neither an error nor a context (a logger, a
// span, metadata: ctrl.LoggerFrom, logr.FromContext). The inner context
// derives from the outer one and carries the same values.
func valueAccessor(in *ctxinfo.Info, t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Results().Len() != 1 || sig.Params().Len() == 0 || !in.IsContext(sig.Params().At(0).Type()) {
		return false
	}
	if n := sig.Params().Len(); n > 2 || n == 2 && !sig.Variadic() {
		return false
	}
	r := sig.Results().At(0).Type()
	return !in.IsContext(r) && !types.Identical(r, types.Universe.Lookup("error").Type())
}
