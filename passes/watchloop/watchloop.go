package watchloop

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
	"github.com/ctxlint/ctxlint/internal/directive"
	"github.com/ctxlint/ctxlint/internal/names"
)

//go:embed doc.go
var doc string

// Analyzer reports watch loops that cannot stop, spin on a closed
// channel, or leak the watch. It has its own flags; New returns a fresh
// instance with fresh flags.
var Analyzer = New()

// config holds the options of one instance.
type config struct {
	checkStop      bool
	ctxClosesWatch bool
}

// New returns a new instance of the analyzer.
func New() *analysis.Analyzer {
	opts := &config{checkStop: true, ctxClosesWatch: true}
	a := &analysis.Analyzer{
		Name:     names.Watchloop,
		Doc:      analysisutil.MustExtractDoc(doc, names.Watchloop),
		URL:      analysisutil.URLBase + names.Watchloop,
		Requires: []*analysis.Analyzer{ctxinfo.Analyzer, directive.Analyzer},
		Run: analysisutil.Recover(names.Watchloop, func(pass *analysis.Pass) (any, error) {
			run(pass, *opts)
			return nil, nil
		}),
	}
	a.Flags.BoolVar(&opts.checkStop, "check-stop", true,
		"report watches created in a function that are not stopped (or handed on) on every path")
	a.Flags.BoolVar(&opts.ctxClosesWatch, "ctx-closes-watch", true,
		"trust that a watch created from the ctx in scope closes its channel when ctx ends, as client-go's do; set to false if your watchers ignore their ctx")
	return a
}

// checker holds the state of one run, for one package.
type checker struct {
	pass *analysis.Pass // reports through the directive filter
	in   *ctxinfo.Info
	opts config

	files map[string][]byte
	cfgs  map[ast.Node]*cfg.CFG

	// per declaration
	flow    *ctxinfo.WatchFlow
	labels  map[string]bool // label names used in the declaration or given out by fixes
	pending []*finding
}

// finding is a diagnostic whose fix may need a label on its loop.
type finding struct {
	diag     analysis.Diagnostic
	newLabel *loop // the loop the fix labels, if any
}

// loop is a for or range statement that reads a watch's result channel.
type loop struct {
	cur          inspector.Cursor
	node         ast.Stmt // *ast.ForStmt or *ast.RangeStmt
	rangeWatches []ast.Expr
	recvs        []*recv
	newLabel     string // the label fixes give the loop
	labelFixes   int    // how many fixes add that label
}

// recv is a receive from a watch's result channel.
type recv struct {
	cur     inspector.Cursor
	expr    *ast.UnaryExpr
	watches []ast.Expr
	loop    *loop // innermost loop around it, nil if none

	// For a receive that is a select case: the case's statement, the
	// clause and the select.
	comm   ast.Stmt
	clause *ast.CommClause
	sel    *ast.SelectStmt
}

func run(pass *analysis.Pass, opts config) {
	in := pass.ResultOf[ctxinfo.Analyzer].(*ctxinfo.Info)
	if in.Package(ctxinfo.WatchPath) == nil || in.WatchInterface() == nil {
		return // the package cannot see watch.Interface
	}
	c := &checker{
		pass:  directive.Filter(pass, names.Watchloop),
		in:    in,
		opts:  opts,
		files: map[string][]byte{},
		cfgs:  map[ast.Node]*cfg.CFG{},
	}
	for _, decl := range c.declsWithWatches() {
		c.checkDecl(decl)
	}
}

// declsWithWatches returns the top-level declarations that call
// ResultChan on a watch or call something that returns a watch: the only
// ones worth a closer look.
func (c *checker) declsWithWatches() []inspector.Cursor {
	var out []inspector.Cursor
	var last ast.Node // the declaration found last
	for cur := range c.in.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if last != nil && last.Pos() <= call.Pos() && call.End() <= last.End() {
			continue // inside the declaration found last
		}
		if _, ok := c.in.ResultChanCall(call); !ok && c.in.WatchResult(call) < 0 {
			continue
		}
		var decl inspector.Cursor
		for a := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.GenDecl)(nil)) {
			decl = a // the outermost
		}
		if !decl.Valid() {
			continue
		}
		out = append(out, decl)
		last = decl.Node()
	}
	return out
}

func (c *checker) checkDecl(decl inspector.Cursor) {
	c.flow = c.in.NewWatchFlow(decl)
	c.labels = map[string]bool{}
	c.pending = nil
	loops := map[ast.Node]*loop{}
	var order []*loop
	loopAt := func(cur inspector.Cursor) *loop {
		if l := loops[cur.Node()]; l != nil {
			return l
		}
		l := &loop{cur: cur, node: cur.Node().(ast.Stmt)}
		loops[cur.Node()] = l
		order = append(order, l)
		return l
	}
	var recvs []*recv
	var breaks, creations []inspector.Cursor
	for cur := range decl.Preorder((*ast.RangeStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.BranchStmt)(nil),
		(*ast.CallExpr)(nil), (*ast.LabeledStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.RangeStmt:
			if ws := c.flow.ChanWatches(n.X); ws != nil {
				loopAt(cur).rangeWatches = ws
			}
		case *ast.UnaryExpr:
			if n.Op != token.ARROW {
				continue
			}
			ws := c.flow.ChanWatches(n.X)
			if ws == nil {
				continue
			}
			r := &recv{cur: cur, expr: n, watches: ws}
			r.comm, r.clause, r.sel = commOf(cur)
			if lc, ok := innermostLoop(cur); ok {
				r.loop = loopAt(lc)
				r.loop.recvs = append(r.loop.recvs, r)
			}
			recvs = append(recvs, r)
		case *ast.BranchStmt:
			if n.Tok == token.BREAK && n.Label == nil {
				breaks = append(breaks, cur)
			}
		case *ast.CallExpr:
			if c.opts.checkStop && c.in.StartsWatch(n) {
				creations = append(creations, cur)
			}
		case *ast.LabeledStmt:
			c.labels[n.Label.Name] = true
		}
	}

	for _, l := range order {
		c.checkLoopCtx(l)
	}
	for _, r := range recvs {
		c.checkCommaOK(r)
	}
	for _, b := range breaks {
		c.checkBreak(b, loops)
	}
	for _, cr := range creations {
		c.checkStopped(cr)
	}

	// A fix that labels a loop is offered only when it is the only one
	// that labels that loop: fixes must apply on their own.
	for _, f := range c.pending {
		if f.newLabel != nil && f.newLabel.labelFixes > 1 {
			f.diag.SuggestedFixes = nil
		}
		c.pass.Report(f.diag)
	}
}

// ---- rule 1: loops that do not stop when ctx is done ----

func (c *checker) checkLoopCtx(l *loop) {
	scope := c.in.ScopeAt(l.cur)
	if scope.Provider == nil {
		return
	}
	fns := c.in.Enclosing(l.cur)
	var bad, badCh ast.Expr
	check := func(ch ast.Expr, ws []ast.Expr) {
		for _, w := range ws {
			if bad == nil && !c.covered(w, l, fns) {
				bad, badCh = w, ch
			}
		}
	}
	if l.rangeWatches != nil {
		check(l.rangeExpr(), l.rangeWatches)
	}
	leaves := map[*ast.SelectStmt]bool{}
	selectOnly := l.rangeWatches == nil
	for _, r := range l.recvs {
		if r.sel != nil {
			v, done := leaves[r.sel]
			if !done {
				v = c.selectLeaves(r.sel, l)
				leaves[r.sel] = v
			}
			if v {
				continue
			}
		} else {
			selectOnly = false
		}
		check(r.expr.X, r.watches)
	}
	if bad == nil {
		return
	}
	ctx := scope.Provider.CtxExpr()
	if ctx == "" {
		ctx = "its context"
	}
	why, created := c.describeOrigin(bad, ctx, fns, 0)
	var lead, fix string
	if badCh == l.rangeExpr() {
		lead = "loop over " + types.ExprString(badCh) + " ignores " + ctx
		fix = "select on <-" + doneExpr(ctx) + " as well"
	} else {
		lead = "loop receiving from " + types.ExprString(badCh) + " ignores " + ctx
		if selectOnly {
			fix = "add a case <-" + doneExpr(ctx) + " that returns"
		} else {
			fix = "receive in a select with a case <-" + doneExpr(ctx) + " that returns"
		}
	}
	if created {
		fix += ", or create the watch from " + ctx
	}
	c.report(analysis.Diagnostic{
		Pos:     l.node.Pos(),
		End:     loopHeaderEnd(l.node),
		Message: fmt.Sprintf("%s: %s, so only the watch closing ends the loop and its goroutine leaks when %s is done; %s", lead, why, ctx, fix),
	}, nil)
}

// rangeExpr returns the expression a range loop ranges over, or nil.
func (l *loop) rangeExpr() ast.Expr {
	if r, ok := l.node.(*ast.RangeStmt); ok {
		return r.X
	}
	return nil
}

func doneExpr(ctx string) string {
	if ctx == "its context" {
		return "ctx.Done()"
	}
	return ctx + ".Done()"
}

func loopHeaderEnd(n ast.Stmt) token.Pos {
	switch n := n.(type) {
	case *ast.ForStmt:
		return n.Body.Lbrace
	case *ast.RangeStmt:
		return n.Body.Lbrace
	}
	return n.End()
}

// covered reports whether the wait on w's channel in loop l ends when
// ctx ends, or at all: w closes with ctx, someone else stops it, it was
// stopped (closed) before the loop, or the flow cannot tell where it came
// from.
func (c *checker) covered(w ast.Expr, l *loop, fns []*ctxinfo.Func) bool {
	for _, o := range c.flow.WatchOrigins(w) {
		if o.Kind == ctxinfo.OriginUnknown {
			return true
		}
		if o.Kind == ctxinfo.OriginCall && analysisutil.IsPkgFunc(analysisutil.Callee(c.pass.TypesInfo, o.Call), ctxinfo.WatchPath, "NewEmptyWatch") {
			return true // closed from the start
		}
	}
	if c.opts.ctxClosesWatch && c.flow.ClosesWith(w, fns) {
		return true
	}
	return c.stoppedElsewhere(w, l)
}

// stoppedElsewhere reports whether the watch variable w is stopped by
// code that can run while loop l waits (another goroutine or function, or
// a method value handed on, such as context.AfterFunc(ctx, w.Stop)), or
// was stopped before the loop, which closes its channel.
func (c *checker) stoppedElsewhere(w ast.Expr, l *loop) bool {
	v := c.flow.Var(w)
	if v == nil {
		return false
	}
	loopFn := innermostFunc(l.cur)
	for _, u := range c.flow.Uses(v) {
		if u.ParentEdgeKind() != edge.SelectorExpr_X {
			continue
		}
		sel := u.Parent().Node().(*ast.SelectorExpr)
		if _, ok := c.in.IsWatchMethod(sel, "Stop"); !ok {
			continue
		}
		if uFn := innermostFunc(u).Node(); uFn != loopFn.Node() {
			if uFn.Pos() <= l.node.Pos() && l.node.End() <= uFn.End() && !goBetween(l.cur, uFn) {
				continue // the loop runs in a closure of the stopping function, before it returns
			}
			return true
		}
		if u.Parent().ParentEdgeKind() != edge.CallExpr_Fun {
			return true // a method value: whoever receives it stops the watch
		}
		if u.Parent().Parent().ParentEdgeKind() == edge.DeferStmt_Call {
			continue // runs after the loop
		}
		if sel.Pos() < l.node.Pos() {
			return true // stopped, so closed, before the loop
		}
	}
	return false
}

// goBetween reports whether a go statement lies between cur and its
// ancestor fn: the code at cur runs in a goroutine of fn.
func goBetween(cur inspector.Cursor, fn ast.Node) bool {
	for a := range cur.Enclosing() {
		switch a.Node().(type) {
		case *ast.GoStmt:
			return true
		}
		if a.Node() == fn {
			break
		}
	}
	return false
}

// selectLeaves reports whether some case of sel, other than a receive
// from a watch, leaves loop l.
func (c *checker) selectLeaves(sel *ast.SelectStmt, l *loop) bool {
	breakLabels, contLabels := c.outerLabels(l)
	var condVars map[types.Object]bool
	if f, ok := l.node.(*ast.ForStmt); ok && f.Cond != nil {
		condVars = map[types.Object]bool{}
		ast.Inspect(f.Cond, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if obj := c.pass.TypesInfo.Uses[id]; obj != nil {
					condVars[obj] = true
				}
			}
			return true
		})
	}
	for _, s := range sel.Body.List {
		cc := s.(*ast.CommClause)
		if cc.Comm != nil && c.isWatchComm(cc.Comm) {
			continue
		}
		if c.leaves(cc.Body, breakLabels, contLabels, condVars) {
			return true
		}
	}
	return false
}

func (c *checker) isWatchComm(comm ast.Stmt) bool {
	ch := ctxinfo.RecvChan(comm)
	return ch != nil && c.flow.ChanWatches(ch) != nil
}

// outerLabels returns the labels whose break leaves l (l's and its
// enclosing statements') and those whose continue does (the enclosing
// loops').
func (c *checker) outerLabels(l *loop) (brk, cont map[types.Object]bool) {
	brk, cont = map[types.Object]bool{}, map[types.Object]bool{}
	for a := range l.cur.Enclosing() {
		switch n := a.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return brk, cont
		case *ast.LabeledStmt:
			obj := c.pass.TypesInfo.Defs[n.Label]
			brk[obj] = true
			if n.Stmt != l.node {
				cont[obj] = true
			}
		}
	}
	return brk, cont
}

// leaves reports whether statements (a select case's body) can leave the
// loop: a return, a break or continue to a label outside it, a goto, a
// call that does not return, a cancel or Stop call that ends the watch,
// or an assignment to a variable of the loop's condition.
func (c *checker) leaves(body []ast.Stmt, brk, cont, condVars map[types.Object]bool) bool {
	found := false
	visit := func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			switch {
			case n.Tok == token.GOTO:
				found = true
			case n.Label != nil && n.Tok == token.BREAK:
				found = brk[c.pass.TypesInfo.Uses[n.Label]]
			case n.Label != nil && n.Tok == token.CONTINUE:
				found = cont[c.pass.TypesInfo.Uses[n.Label]]
			}
		case *ast.CallExpr:
			if c.noReturn(n) || c.isCancelCall(n) {
				found = true
			} else if _, ok := c.in.IsWatchMethod(n.Fun, "Stop"); ok {
				found = true
			}
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && condVars[c.pass.TypesInfo.ObjectOf(id)] {
					found = true
				}
			}
		case *ast.IncDecStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && condVars[c.pass.TypesInfo.ObjectOf(id)] {
				found = true
			}
		}
		return !found
	}
	for _, s := range body {
		ast.Inspect(s, visit)
	}
	return found
}

// noReturn reports whether call never returns: panic, os.Exit,
// log.Fatal and friends, runtime.Goexit, klog's Fatal and Exit functions,
// and testing's Fatal, FailNow and Skip methods.
func (c *checker) noReturn(call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return true
		}
	}
	fn := analysisutil.Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if analysisutil.IsPkgFunc(fn, "os", "Exit") ||
		analysisutil.IsPkgFunc(fn, "runtime", "Goexit") ||
		analysisutil.IsPkgFunc(fn, "log", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln") ||
		analysisutil.IsPkgFunc(fn, "k8s.io/klog/v2", "Fatal", "Fatalf", "Fatalln", "FatalDepth", "Exit", "Exitf", "Exitln", "ExitDepth") {
		return true
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && fn.Pkg().Path() == "testing" {
		switch fn.Name() {
		case "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow":
			return true
		}
	}
	return false
}

// isCancelCall reports whether call calls a context.CancelFunc or
// CancelCauseFunc, which may end the watch's context.
func (c *checker) isCancelCall(call *ast.CallExpr) bool { return c.in.IsCancelCall(call) }

// describeOrigin says why the watch w does not close with ctx, and
// whether it was created here (so that creating it from ctx would help).
func (c *checker) describeOrigin(w ast.Expr, ctx string, fns []*ctxinfo.Func, depth int) (string, bool) {
	name := types.ExprString(w)
	for _, o := range c.flow.WatchOrigins(w) {
		switch o.Kind {
		case ctxinfo.OriginParam:
			return name + " is a parameter, handed in from elsewhere", false
		case ctxinfo.OriginElsewhere:
			if types.ExprString(o.Expr) == name {
				return name + " is handed in from elsewhere", false
			}
			return name + " is handed in from " + types.ExprString(o.Expr), false
		case ctxinfo.OriginCall:
			callee := calleeName(o.Call)
			if o.Ctx == nil {
				for _, a := range o.Call.Args {
					if c.in.IsWatch(c.pass.TypesInfo.TypeOf(a)) && depth < 4 {
						why, created := c.describeOrigin(a, ctx, fns, depth+1)
						return name + " wraps " + types.ExprString(a) + " and " + why, created
					}
				}
				return name + " was created by " + callee + ", which takes no context", true
			}
			if c.flow.CtxFrom(o.Ctx, fns) {
				return name + " was created from " + types.ExprString(o.Ctx) + " but is not trusted to close when " + ctx + " ends (ctx-closes-watch is off)", false
			}
			for _, r := range c.flow.CtxOrigins(o.Ctx) {
				switch r.Kind {
				case ctxinfo.CtxRoot:
					return name + " was created from " + types.ExprString(r.Expr), true
				case ctxinfo.CtxDetached:
					return name + " was created from " + types.ExprString(r.Expr) + ", which is never cancelled", true
				}
			}
			return name + " was created from " + types.ExprString(o.Ctx) + ", which is not derived from " + ctx, true
		}
	}
	return name + " does not close with " + ctx, false
}

func calleeName(call *ast.CallExpr) string {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.Ident:
		return f.Name
	case *ast.IndexExpr:
		return types.ExprString(f.X)
	}
	return types.ExprString(call.Fun)
}

// ---- rule 2: receives without comma-ok ----

func (c *checker) checkCommaOK(r *recv) {
	l := r.loop
	if l == nil || c.bounded(l) {
		return
	}
	ch := types.ExprString(r.expr.X)
	if _, direct := c.in.ResultChanCall(r.expr.X); !direct {
		ch += " (the result channel of " + types.ExprString(r.watches[0]) + ")"
	}
	const consequence = "once the watch closes, the loop receives zero-value events forever and spins on the closed channel"
	msg := "receive from " + ch + " without comma-ok: " + consequence + "; receive with ev, ok := and leave the loop when !ok"
	okDiscarded := "the ok of this receive from " + ch + " is discarded: " + consequence + "; check ok and leave the loop when it is false"

	diag := analysis.Diagnostic{Pos: r.expr.Pos(), End: r.expr.End(), Message: msg}
	var plan *fixPlan
	parent := r.cur.Parent()
	switch k, _ := r.cur.ParentEdge(); k {
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Rhs) != 1 {
			break
		}
		switch len(as.Lhs) {
		case 1:
			if as.Tok == token.DEFINE {
				plan = c.planCommaOK(r, as, as.Lhs[0], nil)
			}
		case 2:
			blank, ok := as.Lhs[1].(*ast.Ident)
			if !ok || blank.Name != "_" {
				return // ev, ok := <-ch: compiled code uses ok
			}
			diag.Message = okDiscarded
			if as.Tok == token.DEFINE {
				plan = c.planCommaOK(r, as, nil, blank)
			}
		}
	case edge.ValueSpec_Values:
		spec := parent.Node().(*ast.ValueSpec)
		if len(spec.Names) == 2 {
			if spec.Names[1].Name != "_" {
				return
			}
			diag.Message = okDiscarded
		}
	case edge.ExprStmt_X:
		plan = c.planCommaOK(r, parent.Node().(*ast.ExprStmt), nil, nil)
	}
	c.report(diag, plan)
}

// bounded reports whether l runs a fixed number of times (a three-clause
// for, or a range over an integer, string, slice, array or map): taking
// events there without comma-ok cannot spin forever.
func (c *checker) bounded(l *loop) bool {
	switch n := l.node.(type) {
	case *ast.ForStmt:
		return n.Init != nil && n.Cond != nil && n.Post != nil
	case *ast.RangeStmt:
		t := c.pass.TypesInfo.TypeOf(n.X)
		if t == nil {
			return false
		}
		switch u := t.Underlying().(type) {
		case *types.Basic, *types.Slice, *types.Array, *types.Map:
			return true
		case *types.Pointer:
			_, isArray := u.Elem().Underlying().(*types.Array)
			return isArray
		}
	}
	return false
}

// fixPlan is a fix under construction: its edits and, when it labels the
// loop, that loop.
type fixPlan struct {
	message  string
	edits    []analysis.TextEdit
	newLabel *loop
}

// planCommaOK plans the comma-ok fix for r, whose statement is stmt:
// ev := <-ch gets ", ok" after lhs; ev, _ := <-ch gets its blank
// replaced; a bare <-ch becomes if _, ok := <-ch; !ok { exit }. Then a
// check that leaves the loop follows the receive. It returns nil when
// the fix is not mechanical.
func (c *checker) planCommaOK(r *recv, stmt ast.Stmt, lhs ast.Expr, blank *ast.Ident) *fixPlan {
	l := r.loop
	if lhs != nil {
		if id, ok := lhs.(*ast.Ident); !ok || id.Name == "_" {
			return nil
		}
	}
	stmtCur := r.cur.Parent()
	if r.comm == nil {
		switch stmtCur.ParentEdgeKind() {
		case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
		default:
			return nil // an init statement, a labelled statement...
		}
	}
	content := c.content(stmt.Pos())
	if content == nil {
		return nil
	}
	var scope *types.Scope
	var scopePos token.Pos
	if r.clause != nil {
		scope, scopePos = c.pass.TypesInfo.Scopes[r.clause], r.clause.Pos()
	} else {
		scope, scopePos = c.pass.Pkg.Scope().Innermost(stmt.Pos()), stmt.Pos()
	}
	okName := "ok"
	if _, isExpr := stmt.(*ast.ExprStmt); !isExpr || r.comm != nil {
		okName = freshName(scope, scopePos, "ok")
		if okName == "" {
			return nil
		}
	}
	exit, labelEdit, ok := c.exitFor(l, r.comm == nil && noBreakableBetween(stmtCur, l))
	if !ok {
		return nil
	}
	plan := &fixPlan{message: "Check ok and leave the loop with " + exit}
	if labelEdit != nil {
		plan.edits = append(plan.edits, *labelEdit)
		plan.newLabel = l
	}
	check := func(indent string) string {
		return "\n" + indent + "if !" + okName + " {\n" + indent + "\t" + exit + "\n" + indent + "}"
	}
	switch {
	case lhs != nil:
		plan.edits = append(plan.edits, analysis.TextEdit{Pos: lhs.End(), End: lhs.End(), NewText: []byte(", " + okName)})
	case blank != nil:
		plan.edits = append(plan.edits, analysis.TextEdit{Pos: blank.Pos(), End: blank.End(), NewText: []byte(okName)})
	case r.comm != nil: // case <-ch:
		plan.edits = append(plan.edits, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte("_, " + okName + " := ")})
	default: // <-ch as a statement
		indent := indentAt(c.pass.Fset, content, stmt.Pos())
		eol := c.lineEnd(content, stmt.End())
		plan.edits = append(plan.edits,
			analysis.TextEdit{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte("if _, " + okName + " := ")},
			analysis.TextEdit{Pos: stmt.End(), End: stmt.End(), NewText: []byte("; !" + okName + " {")},
			analysis.TextEdit{Pos: eol, End: eol, NewText: []byte("\n" + indent + "\t" + exit + "\n" + indent + "}")})
		return plan
	}
	if r.clause != nil {
		indent := indentAt(c.pass.Fset, content, r.clause.Pos()) + "\t"
		at := c.lineEnd(content, r.clause.Colon+1)
		plan.edits = append(plan.edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte(check(indent))})
	} else {
		indent := indentAt(c.pass.Fset, content, stmt.Pos())
		at := c.lineEnd(content, stmt.End())
		plan.edits = append(plan.edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte(check(indent))})
	}
	return plan
}

// freshName returns name, or name2, name3..., the first that is neither
// declared in scope nor visible from it at pos; "" if none is found.
func freshName(scope *types.Scope, pos token.Pos, name string) string {
	if scope == nil {
		return ""
	}
	for i := 1; i <= 9; i++ {
		n := name
		if i > 1 {
			n += strconv.Itoa(i)
		}
		if scope.Lookup(n) != nil {
			continue
		}
		if _, obj := scope.LookupParent(n, pos); obj != nil {
			continue
		}
		return n
	}
	return ""
}

// ---- rule 4: bare break in a select case ----

func (c *checker) checkBreak(b inspector.Cursor, loops map[ast.Node]*loop) {
	var selCur, clauseCur inspector.Cursor
	child := b
	for a := range b.Enclosing() {
		if a == b {
			continue
		}
		switch a.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt:
			return // the break does not target a select
		case *ast.CommClause:
			if child.ParentEdgeKind() != edge.CommClause_Body {
				return
			}
			clauseCur = a
		case *ast.SelectStmt:
			selCur = a
		}
		if selCur.Valid() {
			break
		}
		child = a
	}
	if !selCur.Valid() || !clauseCur.Valid() {
		return
	}
	// The select must be the last statement of a loop that reads a watch.
	stmt := selCur
	if stmt.ParentEdgeKind() == edge.LabeledStmt_Stmt {
		stmt = stmt.Parent()
	}
	if stmt.ParentEdgeKind() != edge.BlockStmt_List {
		return
	}
	body := stmt.Parent()
	list := body.Node().(*ast.BlockStmt).List
	if list[len(list)-1] != stmt.Node() {
		return
	}
	var l *loop
	switch k := body.ParentEdgeKind(); k {
	case edge.ForStmt_Body, edge.RangeStmt_Body:
		l = loops[body.Parent().Node()]
	}
	if l == nil {
		return
	}
	clause := clauseCur.Node().(*ast.CommClause)
	if f, ok := l.node.(*ast.ForStmt); ok && f.Cond != nil && c.assignsCondVar(clause, f.Cond) {
		return // the loop's condition may end it after the break
	}
	var consequence string
	switch {
	case c.in.IsDoneComm(clause.Comm):
		consequence = "the loop goes round again and spins, since the Done channel stays closed"
	case c.underNotOK(b, clauseCur, clause):
		consequence = "the loop goes round again and spins on the closed channel"
	case tailOf(b, clauseCur):
		consequence = "the loop goes round again, although the break says it should end"
	default:
		return // a break that skips the rest of the case on purpose
	}
	brk := b.Node().(*ast.BranchStmt)
	diag := analysis.Diagnostic{
		Pos:     brk.Pos(),
		End:     brk.End(),
		Message: "break leaves the select, not the loop: " + consequence + "; use a labelled break or return",
	}
	var plan *fixPlan
	if exit, labelEdit, ok := c.exitFor(l, false); ok {
		plan = &fixPlan{message: "Leave the loop with " + exit}
		if labelEdit != nil {
			plan.edits = append(plan.edits, *labelEdit)
			plan.newLabel = l
		}
		plan.edits = append(plan.edits, analysis.TextEdit{Pos: brk.Pos(), End: brk.End(), NewText: []byte(exit)})
	}
	c.report(diag, plan)
}

// underNotOK reports whether b lies in the body of if !ok (or ok ==
// false), where ok is the comma-ok of the clause's receive.
func (c *checker) underNotOK(b, clauseCur inspector.Cursor, clause *ast.CommClause) bool {
	as, ok := clause.Comm.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 {
		return false
	}
	id, ok := as.Lhs[1].(*ast.Ident)
	if !ok || id.Name == "_" {
		return false
	}
	okObj := c.pass.TypesInfo.ObjectOf(id)
	isOK := func(e ast.Expr) bool {
		x, ok := ast.Unparen(e).(*ast.Ident)
		return ok && c.pass.TypesInfo.Uses[x] == okObj
	}
	isFalse := func(e ast.Expr) bool {
		x, ok := ast.Unparen(e).(*ast.Ident)
		return ok && analysisutil.IsFalse(c.pass.TypesInfo, x)
	}
	child := b
	for a := range b.Enclosing() {
		if a == clauseCur {
			return false
		}
		if ifs, ok := a.Node().(*ast.IfStmt); ok && child.ParentEdgeKind() == edge.IfStmt_Body {
			switch cond := ast.Unparen(ifs.Cond).(type) {
			case *ast.UnaryExpr:
				if cond.Op == token.NOT && isOK(cond.X) {
					return true
				}
			case *ast.BinaryExpr:
				if cond.Op == token.EQL && (isOK(cond.X) && isFalse(cond.Y) || isFalse(cond.X) && isOK(cond.Y)) {
					return true
				}
			}
		}
		child = a
	}
	return false
}

// tailOf reports whether nothing in the clause runs after b: b is last
// in its block, and each enclosing block and if up to the clause is last
// in its own. A break there does nothing as a select exit, so it was
// meant for the loop.
func tailOf(b, clauseCur inspector.Cursor) bool {
	x := b
	for {
		p := x.Parent()
		k, idx := x.ParentEdge()
		switch k {
		case edge.CommClause_Body:
			return p == clauseCur && idx == len(p.Node().(*ast.CommClause).Body)-1
		case edge.BlockStmt_List:
			if idx != len(p.Node().(*ast.BlockStmt).List)-1 {
				return false
			}
		case edge.IfStmt_Body, edge.IfStmt_Else, edge.LabeledStmt_Stmt:
		default:
			return false
		}
		x = p
	}
}

// assignsCondVar reports whether the clause assigns to a variable of the
// loop condition cond.
func (c *checker) assignsCondVar(clause *ast.CommClause, cond ast.Expr) bool {
	vars := map[types.Object]bool{}
	ast.Inspect(cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := c.pass.TypesInfo.Uses[id]; obj != nil {
				vars[obj] = true
			}
		}
		return true
	})
	assigned := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && vars[c.pass.TypesInfo.ObjectOf(id)]
	}
	found := false
	for _, s := range clause.Body {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					found = found || assigned(lhs)
				}
			case *ast.IncDecStmt:
				found = found || assigned(n.X)
			}
			return !found
		})
	}
	return found
}

// ---- leaving a loop: shared by the fixes of rules 2 and 4 ----

// exitFor returns the statement that leaves loop l from a fix's check:
// break when bare is allowed (no switch, select or loop lies
// between), return when that is the same (l ends a function without
// results), break L for a labelled loop, or break with a new label (and
// the edit that adds it). ok is false when none is mechanical and safe.
func (c *checker) exitFor(l *loop, bare bool) (exit string, labelEdit *analysis.TextEdit, ok bool) {
	fn := innermostFunc(l.cur)
	sig := funcSig(c.pass.TypesInfo, fn.Node())
	if sig == nil {
		return "", nil, false
	}
	stmt := l.cur
	if stmt.ParentEdgeKind() == edge.LabeledStmt_Stmt {
		stmt = stmt.Parent()
	}
	breakSafe := true
	if f, isFor := l.node.(*ast.ForStmt); isFor && f.Cond == nil && sig.Results().Len() > 0 && lastInList(stmt) {
		// for {} may be the function's terminating statement: a new
		// break could leave the function without a return.
		breakSafe = false
	}
	switch {
	case bare && breakSafe:
		return "break", nil, true
	case sig.Results().Len() == 0 && lastInList(stmt) && isFuncBody(stmt.Parent()):
		return "return", nil, true
	case !breakSafe:
		return "", nil, false
	case stmt != l.cur:
		return "break " + stmt.Node().(*ast.LabeledStmt).Label.Name, nil, true
	}
	// A new label: the loop must start its line.
	content := c.content(l.node.Pos())
	if content == nil {
		return "", nil, false
	}
	tf := c.pass.Fset.File(l.node.Pos())
	lineStart := tf.LineStart(tf.Line(l.node.Pos()))
	indent := string(content[tf.Offset(lineStart):tf.Offset(l.node.Pos())])
	if strings.TrimLeft(indent, " \t") != "" {
		return "", nil, false
	}
	if l.newLabel == "" {
		name := "watchLoop"
		for i := 2; c.labels[name]; i++ {
			name = "watchLoop" + strconv.Itoa(i)
		}
		c.labels[name] = true
		l.newLabel = name
	}
	l.labelFixes++
	labelIndent := strings.TrimSuffix(indent, "\t")
	return "break " + l.newLabel, &analysis.TextEdit{Pos: lineStart, End: lineStart, NewText: []byte(labelIndent + l.newLabel + ":\n")}, true
}

func lastInList(stmt inspector.Cursor) bool {
	switch k, idx := stmt.ParentEdge(); k {
	case edge.BlockStmt_List:
		return idx == len(stmt.Parent().Node().(*ast.BlockStmt).List)-1
	case edge.CaseClause_Body:
		return idx == len(stmt.Parent().Node().(*ast.CaseClause).Body)-1
	case edge.CommClause_Body:
		return idx == len(stmt.Parent().Node().(*ast.CommClause).Body)-1
	}
	return false
}

func isFuncBody(block inspector.Cursor) bool {
	k := block.ParentEdgeKind()
	return k == edge.FuncDecl_Body || k == edge.FuncLit_Body
}

// noBreakableBetween reports whether no switch, select or loop lies
// between cur and loop l, so that a plain break at cur leaves l.
func noBreakableBetween(cur inspector.Cursor, l *loop) bool {
	for a := range cur.Enclosing() {
		if a == cur {
			continue
		}
		if a.Node() == l.node {
			return true
		}
		switch a.Node().(type) {
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}

// ---- rule 3: watches not stopped on every path ----

func (c *checker) checkStopped(cur inspector.Cursor) {
	call := cur.Node().(*ast.CallExpr)
	idx := c.in.WatchResult(call)
	results := 1
	if tuple, ok := c.pass.TypesInfo.TypeOf(call).(*types.Tuple); ok {
		results = tuple.Len()
	}
	pc := analysisutil.Unparen(cur)
	var lhs, errLhs ast.Expr
	var stmt ast.Node
	switch k, i := pc.ParentEdge(); k {
	case edge.ExprStmt_X:
		c.reportDiscarded(call)
		return
	case edge.SelectorExpr_X:
		if x, ok := c.in.IsWatchMethod(pc.Parent().Node().(*ast.SelectorExpr), "ResultChan"); ok && x == pc.Node() {
			c.reportDiscarded(call)
		}
		return
	case edge.AssignStmt_Rhs:
		as := pc.Parent().Node().(*ast.AssignStmt)
		stmt = as
		switch {
		case results > 1 && len(as.Rhs) == 1 && len(as.Lhs) == results:
			lhs = as.Lhs[idx]
			errLhs = c.errorResult(call, as.Lhs)
		case results == 1 && len(as.Lhs) == len(as.Rhs):
			lhs = as.Lhs[i]
		}
	case edge.ValueSpec_Values:
		spec := pc.Parent().Node().(*ast.ValueSpec)
		stmt = spec
		names := make([]ast.Expr, len(spec.Names))
		for j, n := range spec.Names {
			names[j] = n
		}
		switch {
		case results > 1 && len(spec.Values) == 1 && len(names) == results:
			lhs = names[idx]
			errLhs = c.errorResult(call, names)
		case results == 1 && len(names) == len(spec.Values):
			lhs = names[i]
		}
	default:
		return // returned, passed on, stored: handed on
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return // stored in a field, a map or a slice
	}
	if id.Name == "_" {
		c.reportDiscarded(call)
		return
	}
	v := c.flow.Var(id)
	if v == nil {
		return // a package-level variable
	}
	fn := innermostFunc(cur)
	sig := funcSig(c.pass.TypesInfo, fn.Node())
	if sig == nil {
		return
	}
	for r := range sig.Results().Variables() {
		if r == v {
			return // a named result: returned
		}
	}
	var errVar types.Object
	if e, ok := errLhs.(*ast.Ident); ok && e.Name != "_" {
		errVar = c.pass.TypesInfo.ObjectOf(e)
	}
	g := c.cfgOf(fn.Node())
	if g == nil {
		return
	}
	leak, found := c.findLeak(g, stmt, v, errVar, fn.Node())
	if !found {
		return
	}
	c.report(analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: fmt.Sprintf("watch %s is not stopped on every path: %s, leaking its connection and goroutine; defer %s.Stop() once it is created, or hand it on", id.Name, leak.what, id.Name),
		Related: []analysis.RelatedInformation{{Pos: leak.pos, Message: leak.short}},
	}, nil)
}

// errorResult returns the left-hand side that receives call's error
// result, if any.
func (c *checker) errorResult(call *ast.CallExpr, lhs []ast.Expr) ast.Expr {
	tuple, ok := c.pass.TypesInfo.TypeOf(call).(*types.Tuple)
	if !ok {
		return nil
	}
	errType := types.Universe.Lookup("error").Type()
	for i := range tuple.Len() {
		if i < len(lhs) && types.Identical(tuple.At(i).Type(), errType) {
			return lhs[i]
		}
	}
	return nil
}

func (c *checker) reportDiscarded(call *ast.CallExpr) {
	c.report(analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: "the watch returned by " + calleeName(call) + " is discarded, so it is never stopped: its connection and goroutine leak; keep it and defer its Stop()",
	}, nil)
}

type leak struct {
	pos   token.Pos
	what  string // for the message
	short string // for the related position
}

// findLeak searches the control-flow graph g, from the statement that
// creates the watch variable v, for a path to the end of the function
// (or back to the creation) that neither stops v nor hands it on. Paths
// on which the creation's error errVar is not nil are skipped: there is
// no watch to stop.
func (c *checker) findLeak(g *cfg.CFG, creation ast.Node, v *types.Var, errVar types.Object, fn ast.Node) (leak, bool) {
	var uses, kills []token.Pos
	for _, u := range c.flow.Uses(v) {
		switch c.classifyUse(u) {
		case useStops:
			if innermostFunc(u).Node() != fn {
				// A closure stops it or hands it on (a deferred func, a
				// goroutine, a callback): it sees the variable whenever
				// it runs, so where it is defined does not matter.
				return leak{}, false
			}
			uses = append(uses, u.Node().Pos())
		case useKills:
			kills = append(kills, u.Node().Pos())
		}
	}
	in := func(list []token.Pos, n ast.Node) bool {
		i := sort.Search(len(list), func(i int) bool { return list[i] >= n.Pos() })
		return i < len(list) && list[i] < n.End()
	}
	errCases := c.errSwitchCases(fn, errVar)
	var start *cfg.Block
	startIdx := -1
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			if n == creation {
				start, startIdx = b, i
			}
		}
	}
	if start == nil {
		return leak{}, false
	}
	type item struct {
		b *cfg.Block
		i int
	}
	stack := []item{{start, startIdx + 1}}
	seen := map[*cfg.Block]bool{}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		stopped := false
		for _, n := range it.b.Nodes[it.i:] {
			if in(uses, n) {
				stopped = true
				break
			}
			if n == creation {
				return leak{pos: n.Pos(), what: "the loop creates it again before the old one is stopped", short: "created again here"}, true
			}
			if in(kills, n) {
				return leak{pos: n.Pos(), what: "it is overwritten at " + analysisutil.Position(c.pass.Fset, n.Pos()) + " while still open", short: "overwritten here"}, true
			}
		}
		if stopped {
			continue
		}
		succs := it.b.Succs
		if len(it.b.Nodes) > 0 && len(succs) == 2 {
			last := it.b.Nodes[len(it.b.Nodes)-1]
			switch c.nilCheck(last, errVar) {
			case token.NEQ:
				succs = succs[1:] // err != nil: no watch on the then branch
			case token.EQL:
				succs = succs[:1]
			}
			switch c.nilCheck(last, v) {
			case token.NEQ:
				succs = succs[:1] // w != nil: nothing to stop on the else branch
			case token.EQL:
				succs = succs[1:]
			}
			if isNil, ok := errCases[last]; ok {
				if isNil {
					succs = succs[:1] // switch err { case nil: ...
				} else {
					succs = succs[1:] // case io.EOF: err is not nil there
				}
			}
		}
		if len(succs) == 0 {
			if it.b.Kind == cfg.KindSelectAfterCase {
				continue // no case of a select without default: it blocks, never ends here
			}
			var last ast.Node
			if len(it.b.Nodes) > 0 {
				last = it.b.Nodes[len(it.b.Nodes)-1]
			}
			if es, ok := last.(*ast.ExprStmt); ok {
				if call, ok := es.X.(*ast.CallExpr); ok && c.noReturn(call) {
					continue
				}
			}
			end := fnBody(fn).Rbrace
			if ret, ok := last.(*ast.ReturnStmt); ok && ret.Return != end { // not the implicit return at the end
				return leak{pos: ret.Pos(), what: "the return at " + analysisutil.Position(c.pass.Fset, ret.Pos()) + " leaves it open", short: "returns without stopping " + v.Name()}, true
			}
			return leak{pos: end, what: "the function can end without stopping it", short: "ends without stopping " + v.Name()}, true
		}
		for _, s := range succs {
			if !seen[s] {
				seen[s] = true
				stack = append(stack, item{s, 0})
			}
		}
	}
	return leak{}, false
}

// errSwitchCases returns the case expressions of the switch statements
// on errVar in fn (switch err { case nil: ... case io.EOF: ... }), each
// mapped to whether it is nil.
func (c *checker) errSwitchCases(fn ast.Node, errVar types.Object) map[ast.Node]bool {
	out := map[ast.Node]bool{}
	if errVar == nil {
		return out
	}
	ast.Inspect(fnBody(fn), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SwitchStmt:
			id, ok := ast.Unparen(n.Tag).(*ast.Ident)
			if !ok || c.pass.TypesInfo.Uses[id] != errVar {
				return true
			}
			for _, s := range n.Body.List {
				for _, e := range s.(*ast.CaseClause).List {
					out[e] = c.isNil(e)
				}
			}
		}
		return true
	})
	return out
}

func (c *checker) isNil(e ast.Expr) bool { return analysisutil.IsNil(c.pass.TypesInfo, e) }

// nilCheck returns NEQ for x != nil, EQL for x == nil, where x is the
// variable obj, and ILLEGAL otherwise.
func (c *checker) nilCheck(n ast.Node, obj types.Object) token.Token {
	b, ok := n.(*ast.BinaryExpr)
	if obj == nil || !ok || (b.Op != token.NEQ && b.Op != token.EQL) {
		return token.ILLEGAL
	}
	isVar := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && c.pass.TypesInfo.Uses[id] == obj
	}
	if isVar(b.X) && c.isNil(b.Y) || c.isNil(b.X) && isVar(b.Y) {
		return b.Op
	}
	return token.ILLEGAL
}

type useKind uint8

const (
	useNone  useKind = iota // reads it: w.ResultChan(), w == nil
	useStops                // w.Stop, or hands it on
	useKills                // assigns to it
)

// classifyUse says what a reference to a watch variable does to it.
func (c *checker) classifyUse(u inspector.Cursor) useKind {
	if u.ParentEdgeKind() == edge.AssignStmt_Lhs {
		return useKills
	}
	x := u
	for {
		switch x.ParentEdgeKind() {
		case edge.ParenExpr_X, edge.TypeAssertExpr_X, edge.StarExpr_X:
			x = x.Parent()
			continue
		}
		break
	}
	switch x.ParentEdgeKind() {
	case edge.SelectorExpr_X:
		if x.Parent().Node().(*ast.SelectorExpr).Sel.Name == "Stop" {
			return useStops
		}
		return useNone
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		return useNone
	}
	return useStops // returned, passed, stored, sent, captured by address...
}

// ---- helpers ----

func (c *checker) report(d analysis.Diagnostic, plan *fixPlan) {
	f := &finding{diag: d}
	if plan != nil && len(plan.edits) > 0 {
		f.diag.SuggestedFixes = []analysis.SuggestedFix{{Message: plan.message, TextEdits: plan.edits}}
		f.newLabel = plan.newLabel
	}
	c.pending = append(c.pending, f)
}

func (c *checker) cfgOf(fn ast.Node) *cfg.CFG {
	if g, ok := c.cfgs[fn]; ok {
		return g
	}
	body := fnBody(fn)
	var g *cfg.CFG
	if body != nil {
		g = cfg.New(body, func(call *ast.CallExpr) bool { return !c.noReturn(call) })
	}
	c.cfgs[fn] = g
	return g
}

func (c *checker) content(pos token.Pos) []byte {
	tf := c.pass.Fset.File(pos)
	if tf == nil {
		return nil
	}
	if b, ok := c.files[tf.Name()]; ok {
		return b
	}
	b, err := c.pass.ReadFile(tf.Name())
	if err != nil || len(b) != tf.Size() {
		b = nil
	}
	c.files[tf.Name()] = b
	return b
}

// lineEnd returns the end of pos's line when only blanks and a line
// comment follow pos on it, so that inserted lines go below the comment;
// otherwise pos.
func (c *checker) lineEnd(content []byte, pos token.Pos) token.Pos {
	tf := c.pass.Fset.File(pos)
	off := tf.Offset(pos)
	i := off
	for i < len(content) && (content[i] == ' ' || content[i] == '\t') {
		i++
	}
	if i+1 < len(content) && content[i] == '/' && content[i+1] == '/' {
		for i < len(content) && content[i] != '\n' {
			i++
		}
	}
	if i < len(content) && content[i] != '\n' && content[i] != '\r' {
		return pos
	}
	if i > 0 && i <= len(content) && i < len(content) && content[i] == '\n' && content[i-1] == '\r' {
		i--
	}
	return tf.Pos(i)
}

// indentAt returns the blanks that start the line of pos.
func indentAt(fset *token.FileSet, content []byte, pos token.Pos) string {
	tf := fset.File(pos)
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := start
	for end < len(content) && (content[end] == ' ' || content[end] == '\t') {
		end++
	}
	return string(content[start:end])
}

// commOf returns, for a receive that is a select case, the case's
// statement, clause and select.
func commOf(cur inspector.Cursor) (ast.Stmt, *ast.CommClause, *ast.SelectStmt) {
	p := cur.Parent()
	switch cur.ParentEdgeKind() {
	case edge.AssignStmt_Rhs, edge.ExprStmt_X:
	default:
		return nil, nil, nil
	}
	if p.ParentEdgeKind() != edge.CommClause_Comm {
		return nil, nil, nil
	}
	clause := p.Parent()
	sel := clause.Parent().Parent() // clause -> block -> select
	s, ok := sel.Node().(*ast.SelectStmt)
	if !ok {
		return nil, nil, nil
	}
	return p.Node().(ast.Stmt), clause.Node().(*ast.CommClause), s
}

// innermostLoop returns the for or range statement that runs cur again
// and again, within cur's function.
func innermostLoop(cur inspector.Cursor) (inspector.Cursor, bool) {
	child := cur
	for a := range cur.Enclosing() {
		if a == cur {
			continue
		}
		switch a.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return inspector.Cursor{}, false
		case *ast.ForStmt:
			if child.ParentEdgeKind() != edge.ForStmt_Init {
				return a, true
			}
		case *ast.RangeStmt:
			if child.ParentEdgeKind() == edge.RangeStmt_Body {
				return a, true
			}
		}
		child = a
	}
	return inspector.Cursor{}, false
}

// innermostFunc returns the function declaration or literal around cur.
func innermostFunc(cur inspector.Cursor) inspector.Cursor {
	for a := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return a
	}
	return inspector.Cursor{}
}

func fnBody(fn ast.Node) *ast.BlockStmt {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

func funcSig(info *types.Info, fn ast.Node) *types.Signature {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if obj, ok := info.Defs[fn.Name].(*types.Func); ok {
			return obj.Signature()
		}
	case *ast.FuncLit:
		sig, _ := info.TypeOf(fn).(*types.Signature)
		return sig
	}
	return nil
}
