package watchloop

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
	"github.com/ctxlint/ctxlint/internal/directive"
	"github.com/ctxlint/ctxlint/internal/rootctx"
)

//go:embed doc.go
var doc string

// Name is the check's name.
const Name = "watchloop"

// Analyzer reports watch loops that cannot stop, spin on a closed
// channel, or leak the watch. It has its own flags; New returns a fresh
// instance with fresh flags.
var Analyzer = New()

// config holds the options of one instance.
type config struct {
	checkStop      bool
	ctxClosesWatch bool
	includeTests   bool
}

// New returns a new instance of the analyzer.
func New() *analysis.Analyzer {
	opts := &config{checkStop: true, ctxClosesWatch: true}
	a := &analysis.Analyzer{
		Name:     Name,
		Doc:      analysisutil.MustExtractDoc(doc, Name),
		URL:      analysisutil.URLBase + Name,
		Requires: []*analysis.Analyzer{ctxinfo.Analyzer, directive.Analyzer},
		Run: analysisutil.Recover(Name, func(pass *analysis.Pass) (any, error) {
			run(pass, *opts)
			return nil, nil
		}),
	}
	a.Flags.BoolVar(&opts.checkStop, "check-stop", true,
		"report watches created in a function that are not stopped (or handed on) on every path")
	a.Flags.BoolVar(&opts.ctxClosesWatch, "ctx-closes-watch", true,
		"trust that a watch created from the ctx in scope closes its channel when ctx ends, as client-go's do; set to false if your watchers ignore their ctx")
	a.Flags.BoolVar(&opts.includeTests, rootctx.IncludeTestsFlag, false,
		"also report watch loops in _test.go files (tests of fake watchers, which the test stops)")
	return a
}

// checker holds the state of one run, for one package.
type checker struct {
	pass *analysis.Pass // reports through the directive filter
	in   *ctxinfo.Info
	api  *watchAPI
	opts config

	files map[string][]byte
	cfgs  map[ast.Node]*cfg.CFG

	// per declaration
	flow    *flow
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
	in := ctxinfo.Of(pass)
	api := newWatchAPI(in)
	if api == nil {
		return // the package cannot see watch.Interface
	}
	c := &checker{
		pass:  directive.Filter(pass, Name),
		in:    in,
		api:   api,
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
		if _, ok := c.api.resultChanCall(call); !ok && c.api.watchResult(call) < 0 {
			continue
		}
		var decl inspector.Cursor
		for a := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.GenDecl)(nil)) {
			decl = a // the outermost
		}
		if !decl.Valid() || !c.opts.includeTests && analysisutil.InTestFile(c.pass.Fset, decl.Node().Pos()) {
			continue
		}
		out = append(out, decl)
		last = decl.Node()
	}
	return out
}

// checkDecl collects the watch loops, receives, breaks and watch
// creations of one top-level declaration, then runs each rule on them.
func (c *checker) checkDecl(decl inspector.Cursor) {
	c.flow = newFlow(c.api, decl)
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
			if ws := c.flow.chanWatches(n.X); ws != nil {
				loopAt(cur).rangeWatches = ws
			}
		case *ast.UnaryExpr:
			if n.Op != token.ARROW {
				continue
			}
			ws := c.flow.chanWatches(n.X)
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
			if c.opts.checkStop && c.api.startsWatch(n) {
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

// report queues d, with the fix plan if any, until the declaration is
// done; rule is the heading of d's rule in doc.go.
func (c *checker) report(rule string, d analysis.Diagnostic, plan *fixPlan) {
	d.URL = analysisutil.RuleURL(Name, rule)
	f := &finding{diag: d}
	if plan != nil && len(plan.edits) > 0 {
		f.diag.SuggestedFixes = []analysis.SuggestedFix{{Message: plan.message, TextEdits: plan.edits}}
		f.newLabel = plan.newLabel
	}
	c.pending = append(c.pending, f)
}

// funcOf returns the function declaration or literal around cur (cur's
// own node when it is one), or nil.
func (c *checker) funcOf(cur inspector.Cursor) *ctxinfo.Func {
	if fns := c.in.Enclosing(cur); len(fns) > 0 {
		return fns[0]
	}
	return nil
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

// rangeExpr returns the expression a range loop ranges over, or nil.
func (l *loop) rangeExpr() ast.Expr {
	if r, ok := l.node.(*ast.RangeStmt); ok {
		return r.X
	}
	return nil
}

// condVars returns the variables that the condition of loop l (a for
// loop with a condition) refers to, or nil: a select case that assigns
// one may end the loop.
func (c *checker) condVars(l *loop) map[types.Object]bool {
	f, ok := l.node.(*ast.ForStmt)
	if !ok || f.Cond == nil {
		return nil
	}
	vars := map[types.Object]bool{}
	ast.Inspect(f.Cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := c.pass.TypesInfo.Uses[id]; obj != nil {
				vars[obj] = true
			}
		}
		return true
	})
	return vars
}

// assigns reports whether n assigns to or increments one of vars.
func (c *checker) assigns(n ast.Node, vars map[types.Object]bool) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && vars[c.pass.TypesInfo.ObjectOf(id)]
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		return slices.ContainsFunc(n.Lhs, is)
	case *ast.IncDecStmt:
		return is(n.X)
	}
	return false
}
