package rootctx

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// RuleWaits is the heading, in each root-context check's doc.go, of the
// rule on waits that ignore the context in scope.
const RuleWaits = "Waits that ignore the context"

const timePath = "time"

// A wait is a time.Sleep(d), or a receive from time.After(d) or from the
// C channel of a *time.Timer or *time.Ticker, that blocks without
// watching the context in scope.
type wait struct {
	node ast.Node // the call or the receive
	cur  inspector.Cursor
	what string   // "time.Sleep", "<-time.After", "<-t.C"
	ch   ast.Expr // the channel received from; nil for time.Sleep
	d    ast.Expr // the duration, for time.Sleep and time.After
}

// findWait returns the wait at cur, a call or a receive, if it is one.
func findWait(pass *analysis.Pass, cur inspector.Cursor) (wait, bool) {
	info := pass.TypesInfo
	switch n := cur.Node().(type) {
	case *ast.CallExpr:
		if fn := analysisutil.Callee(info, n); analysisutil.IsPkgFunc(fn, timePath, "Sleep") && len(n.Args) == 1 {
			return wait{node: n, cur: cur, what: "time.Sleep", d: n.Args[0]}, true
		}
	case *ast.UnaryExpr:
		if n.Op != token.ARROW {
			return wait{}, false
		}
		ch := ast.Unparen(n.X)
		if call, ok := ch.(*ast.CallExpr); ok && len(call.Args) == 1 && analysisutil.IsPkgFunc(analysisutil.Callee(info, call), timePath, "After") {
			return wait{node: n, cur: cur, what: "<-time.After", ch: n.X, d: call.Args[0]}, true
		}
		if sel, ok := ch.(*ast.SelectorExpr); ok && isTimerC(info, sel) {
			what := "<-" + sel.Sel.Name
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
				what = "<-" + id.Name + "." + sel.Sel.Name
			}
			return wait{node: n, cur: cur, what: what, ch: n.X}, true
		}
	}
	return wait{}, false
}

// isTimerC reports whether sel selects the field C of a time.Timer or a
// time.Ticker.
func isTimerC(info *types.Info, sel *ast.SelectorExpr) bool {
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return false
	}
	// The only fields named C of package time are Timer's and Ticker's,
	// also when they are reached through an embedding struct.
	v, ok := s.Obj().(*types.Var)
	return ok && v.Name() == "C" && v.Pkg() != nil && v.Pkg().Path() == timePath
}

// inCheckingLoop reports whether the wait at cur is in a loop, inside the
// provider's body, that checks a context itself on every turn (a
// ctx.Err() test, a select or receive on ctx.Done()) or a stop channel of
// its own (a select case that receives from a channel other than a
// timer's and leaves the function): the pause between turns of a retry or pacing
// loop, which delays the loop's end by one wait at most.
func inCheckingLoop(in *ctxinfo.Info, cur inspector.Cursor, provider ast.Node) bool {
	for a := range cur.Enclosing() {
		var body ast.Node
		switch n := a.Node().(type) {
		case *ast.ForStmt:
			body = n
		case *ast.RangeStmt:
			body = n
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		}
		if a.Node() == provider {
			return false
		}
		if body != nil && checksStop(in, body) {
			return true
		}
	}
	return false
}

// checksStop reports whether n, outside the func literals in it, calls
// Done or Err on a context, or has a select with a case that receives
// from a channel other than a timer's and leaves the function.
func checksStop(in *ctxinfo.Info, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CommClause:
			if ch := ctxinfo.RecvChan(m.Comm); ch != nil && !isTimerChan(in.TypesInfo, ch) && in.LeavesFunc(m.Body) {
				found = true
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(m.Fun).(*ast.SelectorExpr); ok && len(m.Args) == 0 && (sel.Sel.Name == "Err" || sel.Sel.Name == "Done") {
				if s := in.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.MethodVal && in.IsContext(s.Recv()) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// selectOf returns the select statement whose case receives at cur, or
// nil.
func selectOf(cur inspector.Cursor) *ast.SelectStmt {
	c := analysisutil.Unparen(cur)
	switch c.ParentEdgeKind() {
	case edge.ExprStmt_X, edge.AssignStmt_Rhs:
		c = c.Parent()
	default:
		return nil
	}
	if c.ParentEdgeKind() != edge.CommClause_Comm {
		return nil
	}
	sel, _ := c.Parent().Parent().Parent().Node().(*ast.SelectStmt)
	return sel
}

// inWatchingSelect reports whether the receive at cur is a case of a
// select that also waits on something else: a context's Done channel, a
// stop channel, any channel but a timer's, or a default case.
func inWatchingSelect(pass *analysis.Pass, cur inspector.Cursor) bool {
	sel := selectOf(cur)
	if sel == nil {
		return false
	}
	for _, st := range sel.Body.List {
		cc := st.(*ast.CommClause)
		if cc.Comm == nil {
			return true // default: it does not block
		}
		ch := ctxinfo.RecvChan(cc.Comm)
		if ch == nil {
			return true // a send
		}
		if !isTimerChan(pass.TypesInfo, ch) {
			return true
		}
	}
	return false
}

// isTimerChan reports whether ch is time.After(d) or a timer's C.
func isTimerChan(info *types.Info, ch ast.Expr) bool {
	switch x := ast.Unparen(ch).(type) {
	case *ast.CallExpr:
		return analysisutil.IsPkgFunc(analysisutil.Callee(info, x), timePath, "After", "Tick")
	case *ast.SelectorExpr:
		return isTimerC(info, x)
	}
	return false
}

// reportWaits reports time.Sleep, <-time.After(d) and <-timer.C where a
// context is in scope, outside a select that also waits on something
// else; a select of timers only, once, at its first case. Waits in go statements and deferred calls (unless
// -report-detached), where the context is done, in _test.go files
// (unless -include-tests), and, but in Reconciles, in loops that check
// the context on every turn are left alone.
func (s *Spec) reportWaits(pass *analysis.Pass, opts Options) {
	res := Of(pass)
	if res == nil || res.Info.Context == nil || !analysisutil.Imports(pass.Pkg, timePath) {
		return
	}
	in := res.Info
	res.waitsOnce.Do(func() {
		seen := map[*ast.SelectStmt]bool{} // a select of timers is one wait, reported at its first case
		for cur := range in.Inspector.Root().Preorder((*ast.CallExpr)(nil), (*ast.UnaryExpr)(nil)) {
			if w, ok := findWait(pass, cur); ok && (w.ch == nil || !inWatchingSelect(pass, cur)) {
				if sel := selectOf(cur); sel != nil {
					if seen[sel] {
						continue
					}
					seen[sel] = true
				}
				res.waits = append(res.waits, w)
			}
		}
	})
	for _, w := range res.waits {
		cur := w.cur
		sc := in.ScopeAt(cur)
		if sc.Provider == nil || !s.Owner(sc.Owner) {
			continue
		}
		if sc.Detached != nil && !opts.ReportDetached || in.IsDone(cur, sc.Provider.Node) {
			continue
		}
		if sc.Owner != ctxinfo.Reconcile && inCheckingLoop(in, cur, sc.Provider.Node) {
			continue // a retry loop's pause; in a Reconcile it still blocks the worker
		}
		if !opts.IncludeTests && analysisutil.InTestFile(pass.Fset, w.node.Pos()) {
			continue
		}
		ctx, safe := in.CtxAt(sc.Provider, w.node.Pos())
		d := analysis.Diagnostic{
			Pos: w.node.Pos(), End: w.node.End(),
			URL:     analysisutil.RuleURL(s.Name, RuleWaits),
			Message: waitMessage(pass, w, ctx, sc),
		}
		if safe {
			d.SuggestedFixes = waitFix(pass, in, w, ctx)
		}
		pass.Report(d)
	}
}

func waitMessage(pass *analysis.Pass, w wait, ctx string, sc ctxinfo.Scope) string {
	desc := describeCtx(ctx, sc)
	if sc.Owner == ctxinfo.Reconcile {
		d := "d"
		if w.d != nil {
			if src := sourceOf(pass, w.d); src != "" && len(src) <= 40 {
				d = src
			}
		}
		from := ""
		if sc.OwnerFunc != nil && sc.OwnerFunc.Kind != ctxinfo.Reconcile {
			from = " from the Reconcile"
		}
		return fmt.Sprintf("%s blocks the worker and ignores %s; return ctrl.Result{RequeueAfter: %s}%s instead", w.what, desc, d, from)
	}
	done := "ctx.Done()"
	if ctx != "" {
		done = ctx + ".Done()"
	}
	return fmt.Sprintf("%s ignores %s; wait in a select on %s and a timer, or use a wait.*WithContext helper", w.what, desc, done)
}

// waitFix returns the fix of a wait that is a statement of its own in a
// function whose last result is an error: a select that returns
// ctx.Err() when ctx is done first. It returns nil when there is none.
func waitFix(pass *analysis.Pass, in *ctxinfo.Info, w wait, ctx string) []analysis.SuggestedFix {
	c := analysisutil.Unparen(w.cur)
	if c.ParentEdgeKind() != edge.ExprStmt_X {
		return nil
	}
	stmt := c.Parent().Node().(*ast.ExprStmt)
	switch c.Parent().ParentEdgeKind() {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body, edge.LabeledStmt_Stmt:
	default:
		return nil // a statement that must stay simple: an if, switch or for's init or post
	}
	var fn *ctxinfo.Func
	for f := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = in.Func(f.Node())
		break
	}
	if fn == nil {
		return nil
	}
	ret, ok := zeroResults(pass, in, fn, stmt.Pos())
	if !ok {
		return nil
	}
	ch := ""
	if w.ch != nil {
		ch = sourceOf(pass, w.ch)
	} else {
		call := w.node.(*ast.CallExpr)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		q, ok := sel.X.(*ast.Ident)
		if !ok {
			return nil
		}
		if _, isPkg := pass.TypesInfo.Uses[q].(*types.PkgName); !isPkg {
			return nil
		}
		if d := sourceOf(pass, w.d); d != "" {
			ch = q.Name + ".After(" + d + ")"
		}
	}
	indent, ok := indentOf(pass, stmt.Pos())
	if ch == "" || !ok {
		return nil
	}
	ret = append(ret, ctx+".Err()")
	text := strings.Join([]string{
		"select {",
		indent + "case <-" + ctx + ".Done():",
		indent + "\treturn " + strings.Join(ret, ", "),
		indent + "case <-" + ch + ":",
		indent + "}",
	}, "\n")
	return []analysis.SuggestedFix{{
		Message:   "Wait in a select that returns " + ctx + ".Err() once " + ctx + " is done",
		TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(text)}},
	}}
}

// zeroResults returns the zero values of fn's results but the last,
// written as they can be at pos, when the last result is an error and
// each zero value can be written; otherwise false.
func zeroResults(pass *analysis.Pass, in *ctxinfo.Info, fn *ctxinfo.Func, pos token.Pos) ([]string, bool) {
	res := fn.Sig.Results()
	if res.Len() == 0 || !types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type()) {
		return nil, false
	}
	var exprs []ast.Expr
	if fn.Type.Results != nil {
		for _, field := range fn.Type.Results.List {
			for range max(1, len(field.Names)) {
				exprs = append(exprs, field.Type)
			}
		}
	}
	if len(exprs) != res.Len() {
		return nil, false
	}
	var out []string
	for i := range res.Len() - 1 {
		z, ok := zeroValue(pass, in, res.At(i).Type(), exprs[i], pos)
		if !ok {
			return nil, false
		}
		out = append(out, z)
	}
	return out, true
}

// zeroValue writes the zero value of t, written as texpr in the
// signature, at pos.
func zeroValue(pass *analysis.Pass, in *ctxinfo.Info, t types.Type, texpr ast.Expr, pos token.Pos) (string, bool) {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return "", false
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return "nil", true
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "false", true
		case u.Info()&types.IsString != 0:
			return `""`, true
		case u.Info()&types.IsNumeric != 0:
			return "0", true
		case u.Kind() == types.UnsafePointer:
			return "nil", true
		}
	case *types.Struct, *types.Array:
		// T{} or pkg.T{}, when the names resolve at pos as in the
		// signature.
		switch x := texpr.(type) {
		case *ast.Ident:
			if in.Resolves(pos, x.Name, pass.TypesInfo.Uses[x]) {
				return x.Name + "{}", true
			}
		case *ast.SelectorExpr:
			if q, ok := x.X.(*ast.Ident); ok && in.Resolves(pos, q.Name, pass.TypesInfo.Uses[q]) {
				return q.Name + "." + x.Sel.Name + "{}", true
			}
		}
	}
	return "", false
}

// sourceOf returns the source text of n, or "".
func sourceOf(pass *analysis.Pass, n ast.Node) string {
	tf := pass.Fset.File(n.Pos())
	if tf == nil {
		return ""
	}
	content, err := pass.ReadFile(tf.Name())
	if err != nil {
		return ""
	}
	s, e := tf.Offset(n.Pos()), tf.Offset(n.End())
	if s < 0 || e > len(content) || s > e {
		return ""
	}
	return string(content[s:e])
}

// indentOf returns the white space that starts the line of pos, when
// only white space precedes pos on its line.
func indentOf(pass *analysis.Pass, pos token.Pos) (string, bool) {
	tf := pass.Fset.File(pos)
	if tf == nil {
		return "", false
	}
	content, err := pass.ReadFile(tf.Name())
	if err != nil {
		return "", false
	}
	off := tf.Offset(pos)
	start := off
	for start > 0 && content[start-1] != '\n' {
		start--
	}
	ws := string(content[start:off])
	if strings.TrimLeft(ws, " \t") != "" {
		return "", false
	}
	return ws, true
}
