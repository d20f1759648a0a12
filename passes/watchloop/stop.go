package watchloop

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// ruleStop is the heading of the rule in doc.go.
const ruleStop = "Watches not stopped"

// checkStopped reports a watch started by the call at cur and not stopped on some path, or discarded;
// it leaves alone watches handed on (returned, stored, passed, used by a closure) and error paths.
func (c *checker) checkStopped(cur inspector.Cursor) {
	call := cur.Node().(*ast.CallExpr)
	idx := c.api.watchResult(call)
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
		if x, ok := c.api.isMethod(pc.Parent().Node().(*ast.SelectorExpr), c.api.resultChan); ok && x == pc.Node() {
			c.reportDiscarded(call)
		}
		return
	case edge.AssignStmt_Rhs:
		as := pc.Parent().Node().(*ast.AssignStmt)
		stmt = as
		lhs, errLhs = c.watchLhs(call, as.Lhs, len(as.Rhs), idx, i, results)
	case edge.ValueSpec_Values:
		spec := pc.Parent().Node().(*ast.ValueSpec)
		stmt = spec
		names := make([]ast.Expr, len(spec.Names))
		for j, n := range spec.Names {
			names[j] = n
		}
		lhs, errLhs = c.watchLhs(call, names, len(spec.Values), idx, i, results)
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
	v := c.flow.local(id)
	if v == nil {
		return // a package-level variable
	}
	fn := c.funcOf(cur)
	if fn == nil {
		return
	}
	if fn.IsResult(v) {
		return // a named result: returned
	}
	var errVar types.Object
	if e, ok := errLhs.(*ast.Ident); ok && e.Name != "_" {
		errVar = c.pass.TypesInfo.ObjectOf(e)
	}
	g := c.cfgOf(fn)
	if g == nil {
		return
	}
	leak, found := c.findLeak(g, stmt, v, errVar, fn)
	if !found {
		return
	}
	msg := "watch " + id.Name + " is not stopped on every path: " + leak.what + "; defer " + id.Name + ".Stop() once it is created, or hand it on"
	related := []analysis.RelatedInformation{{Pos: leak.pos, Message: leak.short}}
	if g := c.readerGoroutine(v, fn); g != nil {
		// Stopping it where it is created would cut the goroutine off.
		msg = "watch " + id.Name + " is not stopped by the goroutine that reads it (" + analysisutil.Position(c.pass.Fset, g.Pos()) + "); defer " + id.Name + ".Stop() in that goroutine"
		related = append(related, analysis.RelatedInformation{Pos: g.Pos(), Message: "the goroutine that reads it"})
	}
	c.report(ruleStop, analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: msg,
		Related: related,
	}, nil)
}

// readerGoroutine returns the go statement, in fn, whose func literal
// uses the watch variable v, if any: it keeps reading the watch after fn
// returns.
func (c *checker) readerGoroutine(v *types.Var, fn *ctxinfo.Func) *ast.GoStmt {
	for _, u := range c.flow.uses(v) {
		for a := range u.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
			if a.Node() == fn.Node {
				break
			}
			if a.ParentEdgeKind() == edge.CallExpr_Fun && a.Parent().ParentEdgeKind() == edge.GoStmt_Call {
				return a.Parent().Parent().Node().(*ast.GoStmt)
			}
		}
	}
	return nil
}

// watchLhs returns, for an assignment or declaration of lhs from nrhs
// values where call is the i-th, the left-hand sides that receive the
// watch (call's idx-th of results results) and the error, if any.
func (c *checker) watchLhs(call *ast.CallExpr, lhs []ast.Expr, nrhs, idx, i, results int) (w, err ast.Expr) {
	switch {
	case results > 1 && nrhs == 1 && len(lhs) == results:
		return lhs[idx], c.errorResult(call, lhs)
	case results == 1 && len(lhs) == nrhs:
		return lhs[i], nil
	}
	return nil, nil
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
	c.report(ruleStop, analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: "the watch returned by " + calleeName(call) + " is discarded and never stopped; keep it and defer its Stop()",
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
func (c *checker) findLeak(g *cfg.CFG, creation ast.Node, v *types.Var, errVar types.Object, fn *ctxinfo.Func) (leak, bool) {
	var uses, kills []token.Pos
	for _, u := range c.flow.uses(v) {
		switch c.classifyUse(u) {
		case useStops:
			if c.funcOf(u) != fn {
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
	errCases := c.errSwitchCases(fn.Body, errVar)
	// Once the error variable is set again (if err = print(ev); err !=
	// nil), its checks no longer tell whether the watch was made.
	errSets := c.assignments(fn.Body, errVar, creation)
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
		b       *cfg.Block
		i       int
		errGone bool // errVar was set again on the way: its checks say nothing of the watch
	}
	type visit struct {
		b       *cfg.Block
		errGone bool
	}
	stack := []item{{start, startIdx + 1, false}}
	seen := map[visit]bool{}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		stopped := false
		for _, n := range it.b.Nodes[it.i:] {
			if in(uses, n) {
				stopped = true
				break
			}
			if in(errSets, n) {
				it.errGone = true
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
			if !it.errGone {
				switch c.nilCheck(last, errVar) {
				case token.NEQ:
					succs = succs[1:] // err != nil: no watch on the then branch
				case token.EQL:
					succs = succs[:1]
				}
			}
			switch c.nilCheck(last, v) {
			case token.NEQ:
				succs = succs[:1] // w != nil: nothing to stop on the else branch
			case token.EQL:
				succs = succs[1:]
			}
			if isNil, ok := errCases[last]; ok && !it.errGone {
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
				if call, ok := es.X.(*ast.CallExpr); ok && analysisutil.NoReturn(c.pass.TypesInfo, call) {
					continue
				}
			}
			end := fn.Body.Rbrace
			if ret, ok := last.(*ast.ReturnStmt); ok && ret.Return != end { // not the implicit return at the end
				return leak{pos: ret.Pos(), what: "the return at " + analysisutil.Position(c.pass.Fset, ret.Pos()) + " leaves it open", short: "returns without stopping " + v.Name()}, true
			}
			return leak{pos: end, what: "the function can end without stopping it", short: "ends without stopping " + v.Name()}, true
		}
		for _, s := range succs {
			if it.b.Kind == cfg.KindRangeLoop && s.Kind == cfg.KindRangeDone && c.rangesOver(it.b.Stmt, v) {
				continue // the range over its channel ends there once the watch has ended (a break does not)
			}
			if k := (visit{s, it.errGone}); !seen[k] {
				seen[k] = true
				stack = append(stack, item{s, 0, it.errGone})
			}
		}
	}
	return leak{}, false
}

// assignments returns the positions of the statements of body, outside
// func literals, other than creation, that assign the variable obj.
func (c *checker) assignments(body *ast.BlockStmt, obj types.Object, creation ast.Node) []token.Pos {
	var out []token.Pos
	if obj == nil {
		return nil
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if n == creation {
				return true
			}
			for _, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(id) == obj {
					out = append(out, n.Pos())
					break
				}
			}
		}
		return true
	})
	return out // in source order, as in() needs
}

// rangesOver reports whether stmt is a range over the result channel of
// the watch v (for ev := range w.ResultChan()), which ends only once the
// channel is closed: the watch has ended, and there is nothing to stop.
func (c *checker) rangesOver(stmt ast.Stmt, v *types.Var) bool {
	rs, ok := stmt.(*ast.RangeStmt)
	if !ok {
		return false
	}
	w, direct := c.api.resultChanCall(rs.X)
	id, ok := ast.Unparen(w).(*ast.Ident)
	return direct && ok && c.pass.TypesInfo.Uses[id] == v
}

// errSwitchCases returns the case expressions of the switch statements
// on errVar in body (switch err { case nil: ... case io.EOF: ... }), each
// mapped to whether it is nil.
func (c *checker) errSwitchCases(body *ast.BlockStmt, errVar types.Object) map[ast.Node]bool {
	out := map[ast.Node]bool{}
	if errVar == nil {
		return out
	}
	ast.Inspect(body, func(n ast.Node) bool {
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
					out[e] = analysisutil.IsNil(c.pass.TypesInfo, e)
				}
			}
		}
		return true
	})
	return out
}

// nilCheck returns NEQ for x != nil, EQL for x == nil, where x is the
// variable obj, and ILLEGAL otherwise.
func (c *checker) nilCheck(n ast.Node, obj types.Object) token.Token {
	b, ok := n.(*ast.BinaryExpr)
	if obj == nil || !ok || (b.Op != token.NEQ && b.Op != token.EQL) {
		return token.ILLEGAL
	}
	info := c.pass.TypesInfo
	isVar := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == obj
	}
	if isVar(b.X) && analysisutil.IsNil(info, b.Y) || analysisutil.IsNil(info, b.X) && isVar(b.Y) {
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
	x := analysisutil.Climb(u, edge.ParenExpr_X, edge.TypeAssertExpr_X, edge.StarExpr_X)
	switch x.ParentEdgeKind() {
	case edge.SelectorExpr_X:
		if _, ok := c.api.isStop(x.Parent().Node().(*ast.SelectorExpr)); ok {
			return useStops
		}
		return useNone
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		return useNone
	}
	return useStops // returned, passed, stored, sent, captured by address...
}

// cfgOf returns the control-flow graph of fn's body, built once.
func (c *checker) cfgOf(fn *ctxinfo.Func) *cfg.CFG {
	if g, ok := c.cfgs[fn.Node]; ok {
		return g
	}
	var g *cfg.CFG
	if fn.Body != nil {
		g = cfg.New(fn.Body, func(call *ast.CallExpr) bool { return !analysisutil.NoReturn(c.pass.TypesInfo, call) })
	}
	c.cfgs[fn.Node] = g
	return g
}
