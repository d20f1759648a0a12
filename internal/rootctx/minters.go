package rootctx

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// reached is a root context that calling a function makes, and the way
// there: the functions from the called one down to the root's, that one
// excluded.
type reached struct {
	root *Root
	via  []Hop
}

// node is what the body of a ctx-less function does while it is called:
// the root contexts it makes and the ctx-less helpers it calls.
type node struct {
	roots []*Root
	made  []*Root         // roots of context factories that fn keeps for its own work (see factoryAt)
	calls []*ctxinfo.Func // helpers of this package, in source order
	ext   [][]reached     // roots reached through helpers of other packages (facts)
}

// minters computes, for the ctx-less functions of the package, which root
// contexts calling them makes.
type minters struct {
	in        *ctxinfo.Info
	pass      *analysis.Pass
	facts     bool
	nodes     map[*ctxinfo.Func]*node
	memo      map[*ctxinfo.Func][]reached   // every root a function reaches
	ext       map[string]*Root              // roots in other packages, by position
	fixed     map[*types.Func]string        // fixedBy's answers
	impls     map[*types.Func][]*types.Func // implementations' answers
	factories map[*ctxinfo.Func]*Root       // factoryRoot's answers

	mintPkgs []*types.Package // minting's answer
}

// ofCall returns the root contexts that the function called by the call
// at cur makes, or nil; for a call of a local function variable, those
// that each of its possible values makes (funcValues).
func (m *minters) ofCall(cur inspector.Cursor) []reached {
	callee := analysisutil.Callee(m.pass.TypesInfo, cur.Node().(*ast.CallExpr))
	var callees []*types.Func
	switch impls := m.implementations(callee); {
	case callee == nil:
		callees = m.funcValues(cur)
	case impls != nil:
		callees = impls
	default:
		return m.ofFunc(callee)
	}
	var out []reached
	seen := map[*Root]bool{}
	for _, obj := range callees {
		for _, r := range m.ofFunc(obj) {
			if !seen[r.root] {
				seen[r.root] = true
				out = append(out, r)
			}
		}
	}
	return out
}

// implementations returns, for a method of an interface type declared in
// this package, the methods of the same name of the package's named
// types that implement the interface: a call through the interface may
// reach any of them (a builder kept as an unexported interface, with its
// one implementation next to it). With facts, an interface of another
// package of the module counts too, through the implementing types of
// the packages this one imports that make root contexts (a router
// interface whose implementations live in packages of their own), but
// not through this package's own: a package that implements an interface
// of another package provides it to others (the client half of a plugin
// protocol, whose server half in the same package calls the plugin's
// implementation through that interface), while what it calls through it
// is what others provide. It returns nil for other functions. Generic
// types are left out.
func (m *minters) implementations(fn *types.Func) []*types.Func {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() == nil {
		return nil
	}
	iface, ok := fn.Signature().Recv().Type().Underlying().(*types.Interface)
	if !ok || fn.Pkg() != m.pass.Pkg && !(m.facts && m.sameModule(fn.Pkg())) {
		return nil
	}
	if out, ok := m.impls[fn]; ok {
		return out
	}
	var out []*types.Func
	if fn.Pkg() == m.pass.Pkg {
		out = m.implsIn(m.pass.Pkg, iface, fn)
	}
	if m.facts {
		for _, p := range m.minting() {
			out = append(out, m.implsIn(p, iface, fn)...)
		}
	}
	if out == nil {
		out = []*types.Func{}
	}
	if m.impls == nil {
		m.impls = map[*types.Func][]*types.Func{}
	}
	m.impls[fn] = out
	return out
}

// implsIn returns the methods named as fn of pkg's named types that
// implement iface, leaving out the types of this package's _test.go
// files.
func (m *minters) implsIn(pkg *types.Package, iface *types.Interface, fn *types.Func) []*types.Func {
	var out []*types.Func
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		t, ok := tn.Type().(*types.Named)
		if !ok || t.TypeParams().Len() > 0 || pkg == m.pass.Pkg && analysisutil.InTestFile(m.pass.Fset, tn.Pos()) {
			continue // generic, or a test's fake
		}
		if _, ok := t.Underlying().(*types.Interface); ok {
			continue
		}
		ptr := types.NewPointer(t)
		if !types.Implements(ptr, iface) {
			continue
		}
		if obj, _, _ := types.LookupFieldOrMethod(ptr, false, fn.Pkg(), fn.Name()); obj != nil {
			if mfn, ok := obj.(*types.Func); ok {
				out = append(out, mfn)
			}
		}
	}
	return out
}

// sameModule reports whether pkg belongs to the module being analysed.
func (m *minters) sameModule(pkg *types.Package) bool {
	mod := m.pass.Module
	return mod != nil && mod.Path != "" && (pkg.Path() == mod.Path || strings.HasPrefix(pkg.Path(), mod.Path+"/"))
}

// minting returns the packages that this one's non-test files import
// and that make root contexts (their Mints fact), once. A package that
// only its tests import (a fake of a lister) is no implementation that
// the code reaches.
func (m *minters) minting() []*types.Package {
	if m.mintPkgs == nil {
		m.mintPkgs = []*types.Package{}
		paths := map[string]bool{}
		for _, f := range m.pass.Files {
			if analysisutil.InTestFile(m.pass.Fset, f.Pos()) {
				continue
			}
			for _, spec := range f.Imports {
				if path, err := strconv.Unquote(spec.Path.Value); err == nil {
					paths[path] = true
				}
			}
		}
		for _, imp := range m.pass.Pkg.Imports() {
			if paths[imp.Path()] && m.pass.ImportPackageFact(imp, new(Mints)) {
				m.mintPkgs = append(m.mintPkgs, imp)
			}
		}
	}
	return m.mintPkgs
}

// ofFunc returns the roots that a call of fn reaches: through its
// declaration in this package, or through its fact when it is of another
// package.
func (m *minters) ofFunc(fn *types.Func) []reached {
	if decl := m.in.Decl(fn); decl != nil {
		return m.of(decl)
	}
	if m.facts && fn.Pkg() != nil && fn.Pkg() != m.pass.Pkg {
		var fact MintsRoot
		if m.pass.ImportObjectFact(fn, &fact) {
			return m.imported(&fact)
		}
	}
	return nil
}

// imported returns the roots of a fact, each root one *Root however many
// facts name it.
func (m *minters) imported(fact *MintsRoot) []reached {
	var out []reached
	for i := range fact.Roots {
		ref := &fact.Roots[i]
		r := m.extRoot(ref)
		via := make([]Hop, len(ref.Via))
		for j, v := range ref.Via {
			via[j] = Hop{Name: v}
		}
		out = append(out, reached{root: r, via: via})
	}
	return out
}

// extRoot returns the *Root of a root of another package, one however
// many facts name it.
func (m *minters) extRoot(ref *RootRef) *Root {
	key := ref.At + ":" + strconv.Itoa(ref.Col)
	r := m.ext[key]
	if r == nil {
		name := strings.TrimSuffix(strings.TrimPrefix(ref.Root, "context."), "()")
		r = &Root{Name: name, In: Hop{Name: ref.In}, At: ref.At, ext: ref, Pos: m.locate(ref)}
		m.ext[key] = r
	}
	return r
}

// locate returns the position of a root call of another package when the
// file set holds its file (drivers that load the whole program in one
// process), or NoPos.
func (m *minters) locate(ref *RootRef) token.Pos {
	pos := token.NoPos
	m.pass.Fset.Iterate(func(f *token.File) bool {
		if f.Name() != ref.File {
			return true
		}
		if ref.Line >= 1 && ref.Line <= f.LineCount() {
			pos = f.LineStart(ref.Line) + token.Pos(ref.Col-1)
		}
		return false
	})
	return pos
}

// eligible reports whether the roots fn makes are its callers' concern.
// Only functions without a context of their own count: one that has a
// ctx is checked on its own, and so is one that receives a request, even
// one whose request is over when it runs (ReqDetached: its roots are
// deliberate, and its callers elsewhere hand it the request). Nor do
// functions that return a context: they
// hand the context they make to their caller, who sees it (a getter with
// a fallback, such as (*http.Request).Context, or a factory). Nor does a
// lazy getter (memoizes): what it makes, it makes once for every caller.
func (m *minters) eligible(fn *ctxinfo.Func) bool {
	if fn.HasContext() || fn.Req != nil || memoizes(m.pass.TypesInfo, fn) {
		return false
	}
	for v := range fn.Sig.Results().Variables() {
		if m.in.IsContext(v.Type()) {
			return false
		}
	}
	return true
}

// of returns every root context that calling fn makes, with the shortest
// way to each, or nil. It walks the helpers fn reaches breadth first,
// taking the complete answer of a helper already asked about.
func (m *minters) of(fn *ctxinfo.Func) []reached {
	if fn == nil || !m.eligible(fn) {
		return nil
	}
	if r, ok := m.memo[fn]; ok {
		return r
	}
	var out []reached
	seen := map[*Root]bool{}
	add := func(r *Root, via []Hop) {
		if !seen[r] {
			seen[r] = true
			out = append(out, reached{root: r, via: via})
		}
	}
	type step struct {
		fn  *ctxinfo.Func
		via []Hop // from fn (included) down to this one (excluded)
	}
	visited := map[*ctxinfo.Func]bool{fn: true}
	queue := []step{{fn: fn}}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		if done, ok := m.memo[st.fn]; ok && st.fn != fn {
			for _, r := range done {
				add(r.root, concat(st.via, r.via))
			}
			continue
		}
		n := m.node(st.fn)
		for _, r := range n.roots {
			add(r, st.via)
		}
		here := concat(st.via, []Hop{{Fn: st.fn.Obj}})
		for _, r := range n.made {
			add(r, here)
		}
		for _, rs := range n.ext {
			for _, r := range rs {
				add(r.root, concat(here, r.via))
			}
		}
		for _, g := range n.calls {
			if !visited[g] {
				visited[g] = true
				queue = append(queue, step{fn: g, via: here})
			}
		}
	}
	m.memo[fn] = out
	return out
}

func concat(a, b []Hop) []Hop { return append(slices.Clip(a), b...) }

// node returns what fn's body does while fn is called.
func (m *minters) node(fn *ctxinfo.Func) *node {
	if n, ok := m.nodes[fn]; ok {
		return n
	}
	n := &node{}
	m.nodes[fn] = n
	for c := range fn.Cur.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		name, isRoot := m.in.IsRootCall(call)
		var callees []*ctxinfo.Func
		var ext []reached
		if !isRoot {
			obj := analysisutil.Callee(m.pass.TypesInfo, call)
			if callee := m.in.Decl(obj); callee != nil {
				if !m.eligible(callee) {
					m.keepMade(n, c, fn) // a context factory of the package
					continue
				}
				callees = []*ctxinfo.Func{callee}
			} else if impls := m.implementations(obj); impls != nil {
				for _, v := range impls {
					if g := m.in.Decl(v); g != nil && m.eligible(g) {
						callees = append(callees, g)
					} else if g == nil {
						ext = append(ext, m.ofFunc(v)...) // through its fact
					}
				}
				if len(callees) == 0 && len(ext) == 0 {
					continue
				}
			} else if obj == nil {
				for _, v := range m.funcValues(c) {
					if g := m.in.Decl(v); g != nil && m.eligible(g) {
						callees = append(callees, g)
					}
				}
				if len(callees) == 0 {
					continue
				}
			} else if !m.facts || obj.Pkg() == m.pass.Pkg {
				continue
			} else if m.keepMade(n, c, fn) {
				continue // another package's context factory
			} else if ext = m.ofCall(c); len(ext) == 0 {
				continue
			}
		}
		if !m.runsDuringCall(c, fn) || m.in.ScopeAt(c).Provider != nil || m.in.DoneWhenRun(c, fn.Node) || initOnce(m.in, c, fn) {
			continue // initOnce: built once for every later caller, as in a lazy getter (memoizes)
		}
		switch {
		case isRoot:
			if !m.in.DeliberateRoot(c) && !m.recordsTelemetry(c, fn) {
				n.roots = append(n.roots, &Root{Name: name, In: Hop{Fn: fn.Obj}, Pos: call.Pos(), call: call, cur: c})
			}
		default:
			n.calls = append(n.calls, callees...)
			if len(ext) > 0 {
				n.ext = append(n.ext, ext)
			}
		}
	}
	return n
}

// keepMade reports whether the call at c, in fn, is of a context factory
// whose context fn keeps for its own work (factoryAt). It adds the
// factory's root to n's when the call also runs during fn's, outside any
// ctx's scope, and not once a context is done.
func (m *minters) keepMade(n *node, c inspector.Cursor, fn *ctxinfo.Func) bool {
	r := m.factoryAt(c)
	if r == nil {
		return false
	}
	if m.runsDuringCall(c, fn) && m.in.ScopeAt(c).Provider == nil && !m.in.DoneWhenRun(c, fn.Node) {
		n.made = append(n.made, r)
	}
	return true
}

// onlyKept reports whether the local variable id declares or assigns,
// holding a func literal, is only kept for later in fn: every use of it
// is stored in a composite literal, returned or sent, never called nor
// passed to a call (listFunc := func(...) {...}; &cache.ListWatch{ListFunc:
// listFunc}, which a reflector calls later).
func (m *minters) onlyKept(id *ast.Ident, fn *ctxinfo.Func) bool {
	v, ok := m.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok {
		return false
	}
	n := 0
	for c := range m.in.UsesOf(fn.Cur, v) {
		switch analysisutil.Unparen(c).ParentEdgeKind() {
		case edge.CompositeLit_Elts, edge.KeyValueExpr_Value, edge.ReturnStmt_Results, edge.SendStmt_Value:
			n++
		default:
			return false
		}
	}
	return n > 0
}

// MetricPath is the import path of OpenTelemetry's metric API.
const MetricPath = "go.opentelemetry.io/otel/metric"

// OpenCensus's stats and tag packages.
const (
	censusStats = "go.opencensus.io/stats"
	censusTag   = "go.opencensus.io/tag"
)

// recordsTelemetry reports whether the root context at cur, in fn, is
// used only for what it carries, to record telemetry: it is the context
// argument of an OpenTelemetry instrument's Add or Record
// (counter.Add(context.Background(), 1)), which links exemplars to a
// trace; of a log/slog Handler's Enabled or Handle, or a slog.Logger's
// Log, LogAttrs or *Context method, which hand it to the handler (a
// logger wrapper without Context variants, as slog.Logger.Info itself
// makes a context.Background()); or of OpenCensus's stats.Record and its
// variants, which read its tags. It may get there through a local
// variable whose every use is such an argument, and through OpenCensus's
// tag.New, which adds tags for such a call (ctx, _ := tag.New(ctx, ...);
// stats.Record(ctx, m)). A ctx-less helper that records so (often behind
// a recorder interface whose other implementations need no context) is
// left alone. Where a ctx is in scope, the call is reported as any other.
func (m *minters) recordsTelemetry(cur inspector.Cursor, fn *ctxinfo.Func) bool {
	return m.onlyTelemetry(cur, fn, map[*types.Var]bool{})
}

// onlyTelemetry reports whether the context the expression at cur yields
// is used, in fn, only to record telemetry (recordsTelemetry); seen holds
// the variables already followed.
func (m *minters) onlyTelemetry(cur inspector.Cursor, fn *ctxinfo.Func, seen map[*types.Var]bool) bool {
	up := analysisutil.Unparen(cur)
	switch k, i := up.ParentEdge(); k {
	case edge.CallExpr_Args:
		if i != 0 {
			return false
		}
		callee := analysisutil.Callee(m.pass.TypesInfo, up.Parent().Node().(*ast.CallExpr))
		switch {
		case callee == nil || callee.Pkg() == nil:
			return false
		case recordsWith(callee):
			return true
		case callee.Pkg().Path() == censusTag && callee.Name() == "New" && callee.Signature().Recv() == nil:
			return m.onlyTelemetry(up.Parent(), fn, seen) // the tagged context it returns
		}
	case edge.AssignStmt_Rhs:
		as := up.Parent().Node().(*ast.AssignStmt)
		j := i
		if len(as.Rhs) != len(as.Lhs) {
			j = 0 // ctx, err := tag.New(...): the context is the first result
		}
		id, ok := ast.Unparen(as.Lhs[j]).(*ast.Ident)
		if !ok {
			return false
		}
		v, _ := m.pass.TypesInfo.ObjectOf(id).(*types.Var)
		if v == nil || v.Pos() < fn.Node.Pos() || v.Pos() >= fn.Node.End() {
			return false // not a local variable of fn
		}
		if seen[v] {
			return true
		}
		seen[v] = true
		uses := 0
		for c := range m.in.UsesOf(fn.Cur, v) {
			if k, _ := c.ParentEdge(); k == edge.AssignStmt_Lhs {
				continue // assigned, not used
			}
			if !m.onlyTelemetry(c, fn, seen) {
				return false
			}
			uses++
		}
		return uses > 0
	}
	return false
}

// recordsWith reports whether fn only records telemetry with the context
// it is given as its first argument (recordsTelemetry).
func recordsWith(fn *types.Func) bool {
	method := fn.Signature().Recv() != nil
	switch fn.Pkg().Path() {
	case MetricPath:
		return method && (fn.Name() == "Add" || fn.Name() == "Record")
	case "log/slog":
		switch fn.Name() {
		case "Enabled", "Handle", "Log", "LogAttrs", "DebugContext", "InfoContext", "WarnContext", "ErrorContext":
			return method
		}
	case censusStats:
		switch fn.Name() {
		case "Record", "RecordWithTags", "RecordWithOptions":
			return !method
		}
	}
	return false
}

// runsDuringCall reports whether the code at c runs while fn is being
// called: not in a go statement of fn that fn does not wait for (see
// ctxinfo.Info.JoinedGo), nor in a defer statement, nor in a func literal
// that fn returns or stores for later, gives to a goroutine starter or to
// a function that keeps it as a callback (ctxinfo.Func.RunsOutsideCall).
func (m *minters) runsDuringCall(c inspector.Cursor, fn *ctxinfo.Func) bool {
	for a := range c.Enclosing() {
		if a.Node() == fn.Node {
			return true
		}
		if m.in.Detaches(a) {
			return false // run on a new goroutine, or later as a callback
		}
		switch a.Node().(type) {
		case *ast.DeferStmt:
			return false
		case *ast.FuncLit:
			lit := analysisutil.Unparen(a)
			switch k, idx := lit.ParentEdge(); k {
			case edge.ReturnStmt_Results, edge.CompositeLit_Elts, edge.KeyValueExpr_Value, edge.SendStmt_Value:
				return false
			case edge.AssignStmt_Rhs:
				as := lit.Parent().Node().(*ast.AssignStmt)
				if idx < len(as.Lhs) {
					id, local := ast.Unparen(as.Lhs[idx]).(*ast.Ident)
					if !local || m.onlyKept(id, fn) {
						return false
					}
				}
			}
		}
	}
	return true
}

func calleeName(fn *types.Func) string {
	if fn == nil {
		return "?"
	}
	return analysisutil.QualName(fn)
}

// exportAll exports a MintsRoot fact for every exported ctx-less function
// of the package that makes root contexts, so that callers in other
// packages of the module can be checked.
func (m *minters) exportAll() {
	exported := false
	m.in.Funcs(func(fn *ctxinfo.Func) {
		if fn.Obj == nil || !fn.Obj.Exported() {
			return
		}
		if r := m.factoryRoot(fn); r != nil {
			m.pass.ExportObjectFact(fn.Obj, &Factory{Root: m.refOf(r)})
			if !exported {
				exported = true
				m.pass.ExportPackageFact(new(Mints))
			}
			return
		}
		rs := m.of(fn)
		if len(rs) == 0 {
			return
		}
		fact := &MintsRoot{}
		for _, r := range rs {
			ref := m.refOf(r.root)
			ref.Via = nil
			for _, h := range r.via {
				ref.Via = append(ref.Via, m.qualified(h))
			}
			fact.Roots = append(fact.Roots, ref)
		}
		m.pass.ExportObjectFact(fn.Obj, fact)
		if !exported {
			exported = true
			m.pass.ExportPackageFact(new(Mints))
		}
	})
}

// refOf describes root r for a fact: as its own fact says, for a root of
// another package, or where it is in this one.
func (m *minters) refOf(r *Root) RootRef {
	if r.ext != nil {
		return *r.ext
	}
	p := m.pass.Fset.Position(r.Pos)
	return RootRef{
		Root: "context." + r.Name + "()",
		In:   m.qualified(r.In),
		At:   m.pass.Pkg.Path() + "/" + filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line),
		File: p.Filename, Line: p.Line, Col: p.Column,
	}
}

// qualified names a hop for readers in other packages: "util.Store.load".
func (m *minters) qualified(h Hop) string {
	if h.Fn == nil {
		return h.Name
	}
	return h.Fn.Pkg().Name() + "." + calleeName(h.Fn)
}
