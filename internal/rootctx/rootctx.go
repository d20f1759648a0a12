// Package rootctx finds the places where code makes a new root context
// (context.Background() or context.TODO()) although a context is in scope,
// and the root contexts that ctx-less helpers make when such code calls
// them: each of those is one finding (a Site), at the root call, with every
// call that reaches it, however many there are. reconcilectx, inheritctx
// and webhookctx share its result: each declares the kinds of function it
// owns (Spec.Owns) and reports the findings whose owner is of those kinds
// (for a Site, the owner of its first caller), so that a site is reported
// by one check only.
package rootctx

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// Analyzer is the default instance, without cross-package facts, on
// ctxinfo.Analyzer.
var Analyzer = New(ctxinfo.Analyzer)

// New returns a fresh instance of the analyzer on info, an instance of
// ctxinfo's. Call EnableFacts on it (before analysis starts) to follow
// helpers across packages.
func New(info *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "rootctx",
		Doc:        "rootctx: root contexts made where a context is in scope (internal to ctxlint)",
		Requires:   []*analysis.Analyzer{info},
		Run:        analysisutil.Recover("rootctx", run),
		ResultType: reflect.TypeOf((*Result)(nil)),
	}
}

// EnableFacts makes a follow ctx-less helpers into other packages of the
// module, through facts. It makes drivers load every dependency from
// source, which costs time; see the scale documentation.
func EnableFacts(a *analysis.Analyzer) {
	a.FactTypes = []analysis.Fact{new(MintsRoot), new(Mints), new(Factory)}
}

// FactsEnabled reports whether EnableFacts was called on a.
func FactsEnabled(a *analysis.Analyzer) bool { return len(a.FactTypes) > 0 }

// MintsRoot is the fact that a ctx-less function makes root contexts
// itself or through the functions it calls: every one it reaches.
type MintsRoot struct {
	Roots []RootRef
}

// RootRef is one root context that a function with a MintsRoot fact
// reaches.
type RootRef struct {
	Root string   // the root call: "context.TODO()"
	In   string   // the function that makes it: "util.Store.load"
	At   string   // where: "example.com/x/util/k8s.go:42"
	File string   // the file's name as the file set knows it, to find it there
	Line int      // and the line and column of the call in that file
	Col  int      //
	Via  []string // helpers from the function with the fact down to In, In excluded, outermost first
}

func (*MintsRoot) AFact() {}

// Mints is the package fact that a package has functions with a
// MintsRoot fact. A package that does not import the context package and
// imports none with this fact can reach no root context: it is skipped.
type Mints struct{}

func (*Mints) AFact()         {}
func (*Mints) String() string { return "mints root contexts" }

func (m *MintsRoot) String() string {
	var parts []string
	for _, r := range m.Roots {
		s := r.Root + " at " + r.At
		if len(r.Via) > 0 {
			s += " via " + strings.Join(r.Via, ", ")
		}
		parts = append(parts, s)
	}
	return "mints " + strings.Join(parts, "; ")
}

// Finding is a root context made where a context is in scope, or a root
// context made by ctx-less code that functions with a context reach
// through the helpers they call.
type Finding struct {
	// Call is the root call itself, or, for a Site in another package,
	// the first call of this package that reaches it.
	Call  *ast.CallExpr
	Cur   inspector.Cursor
	Scope ctxinfo.Scope // for a Site, the scope of its chosen caller

	// Root is "Background" or "TODO" when Call is context.Background()
	// or context.TODO() itself, made where a context is in scope.
	Root string

	// Test is set when the only context in scope is a test's t
	// (ctxinfo.Func.T): the context to use is t.Context(). Callers that
	// have only a t do not make Sites: a test's helpers are not followed.
	Test bool

	// Site is set for a root context made in ctx-less code, reported once
	// however many calls reach it.
	Site *Site
}

// Site is a root context made in ctx-less code, with the calls from
// functions with a context in scope that reach it.
type Site struct {
	Root    *Root
	More    []*Root   // other roots reported with Root: of another package, reached by the same call; or of the same helper of this package, reached by the same calls
	Callers []*Caller // in source order
	Chosen  int       // the caller that names the finding and decides its check

	// Fixed is the first function on the way from the chosen caller
	// that implements a method of FixedBy, an interface of another
	// package ("cache.Getter"): its signature cannot take a context.
	Fixed   *types.Func
	FixedBy string
}

// Root is a root call in ctx-less code: in this package, or in another
// one of the module (known through a MintsRoot fact).
type Root struct {
	Name string    // "Background" or "TODO"
	In   Hop       // the function that makes it
	Pos  token.Pos // the call, when it is in this package or the file set has its file
	At   string    // for a root in another package: "example.com/x/util/k8s.go:42"
	ext  *RootRef  // for a root in another package: what the fact says

	call *ast.CallExpr // for a root in this package
	cur  inspector.Cursor
}

// Local reports whether the root call is in the package being analysed.
func (r *Root) Local() bool { return r.call != nil }

// Hop is a function on the way from a caller to a root context.
type Hop struct {
	Fn   *types.Func // nil for a function only known by name, from a fact
	Name string      // for a function from a fact: "util.Store.load"
}

// Caller is a call, from code with a context in scope, that reaches a
// root context through ctx-less helpers.
type Caller struct {
	Call  *ast.CallExpr
	Cur   inspector.Cursor
	Scope ctxinfo.Scope
	Via   []Hop // the functions from the one called down to the root's, that one excluded
}

// Result lists a package's findings in source order.
type Result struct {
	Info     *ctxinfo.Info
	Findings []*Finding

	// Others are the findings of the rules on stop channels and inner
	// contexts, in source order.
	Others []*Other
	groups map[*types.Var]ctxinfo.Group

	// The candidate sites of the waits and ctx-less calls rules, found
	// once for the three checks that report them.
	waitsOnce, ctxlessOnce sync.Once
	waits                  []wait
	ctxless                []ctxlessSite
}

// Of returns the rootctx result among pass's requirements, whichever
// instance of the analyzer computed it.
func Of(pass *analysis.Pass) *Result {
	return analysisutil.ResultOf[*Result](pass)
}

func run(pass *analysis.Pass) (any, error) {
	in := ctxinfo.Of(pass)
	res := &Result{Info: in}
	if in.Context != nil {
		res.groups = in.Groups()
		res.Others = append(stopChans(pass, in, res.groups), innerCtxs(pass, in, res.groups)...)
		slices.SortStableFunc(res.Others, func(a, b *Other) int { return cmp.Compare(a.Pos, b.Pos) })
	}
	// Facts are computed for the packages of a module being developed
	// only: a dependency's helpers are not the user's to fix.
	facts := FactsEnabled(pass.Analyzer) && analysisutil.IsLocalModule(pass.Module)
	if in.Context == nil || !analysisutil.Imports(pass.Pkg, ctxinfo.ContextPath) && (!facts || !importsMints(pass)) {
		return res, nil // fast path: no context.Background here, and no facts to follow
	}
	m := &minters{in: in, pass: pass, facts: facts, nodes: map[*ctxinfo.Func]*node{}, memo: map[*ctxinfo.Func][]reached{}, ext: map[string]*Root{}, fixed: map[*types.Func]string{}, factories: map[*ctxinfo.Func]*Root{}}
	sites := map[*Root]*Site{}
	drains := map[*Root]bool{} // roots reached from code that runs once a context is done
	var order []*Site

	root := in.Inspector.Root()
	for cur := range root.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		name, isRoot := in.IsRootCall(call)
		var reach []reached
		if !isRoot {
			reach = m.ofCall(cur)
			if r := m.factoryAt(cur); r != nil {
				reach = append(reach, reached{root: r})
			}
			if len(reach) == 0 {
				continue
			}
		}
		scope, test := in.ScopeAt(cur), false
		if scope.Provider == nil && isRoot {
			scope, test = in.TestScopeAt(cur), true
		}
		if scope.Provider == nil || initOnce(in, cur, scope.Provider) {
			continue
		}
		if in.DoneWhenRun(cur, scope.Provider.Node) {
			for _, r := range reach {
				drains[r.root] = true
			}
			continue
		}
		if isRoot {
			if !in.DeliberateRoot(cur) && !shutdownInGroup(in, cur, res.groups) {
				res.Findings = append(res.Findings, &Finding{Call: call, Cur: cur, Scope: scope, Root: name, Test: test})
			}
			continue
		}
		if analysisutil.Nolinted(pass.Fset, analysisutil.FileOf(pass, call.Pos()), call.Pos(), "contextcheck") {
			continue // contextcheck reports this call for the same reason, and the code silences it
		}
		for _, r := range reach {
			site := sites[r.root]
			if site == nil {
				site = &Site{Root: r.root}
				sites[r.root] = site
				order = append(order, site)
			}
			site.Callers = append(site.Callers, &Caller{Call: call, Cur: cur, Scope: scope, Via: r.via})
		}
	}
	// The roots of another package that one call reaches are one
	// finding at that call: threading the ctx into the helper it calls
	// fixes them all.
	atCall := map[*ast.CallExpr]*Finding{}
	inHelper := map[string]*Site{} // by sameReach: the first site of a helper's roots that the same calls reach
	for _, site := range order {
		// A helper that some caller runs once its context is done (to stop
		// or drain what that context ran) cannot take the caller's ctx
		// there; when its root context has a deadline and a deferred
		// cancel, the detachment is bounded and deliberate, whoever else
		// calls the helper. Roots of other packages carry no such proof.
		if drains[site.Root] && site.Root.Local() && in.BoundedRoot(site.Root.cur) {
			continue
		}
		// The roots of one helper of this package that the same calls
		// reach are one finding, at the first: threading the ctx into the
		// helper fixes them all.
		if site.Root.Local() {
			key := site.sameReach()
			if prev := inHelper[key]; prev != nil {
				prev.More = append(prev.More, site.Root)
				continue
			}
			inHelper[key] = site
		}
		f := site.finding()
		if prev := atCall[f.Call]; prev != nil && !site.Root.Local() {
			prev.Site.merge(site)
			continue
		}
		if !site.Root.Local() {
			atCall[f.Call] = f
		}
		res.Findings = append(res.Findings, f)
		m.fixSignature(site)
	}
	slices.SortStableFunc(res.Findings, func(a, b *Finding) int { return cmp.Compare(a.Call.Pos(), b.Call.Pos()) })
	if facts {
		m.exportAll()
	}
	return res, nil
}

// merge adds to s, a site of another package's root, the root of o, a
// site whose finding is at the same call, and the callers of o that s
// does not have.
func (s *Site) merge(o *Site) {
	s.More = append(s.More, o.Root)
	s.More = append(s.More, o.More...)
	chosen := s.Callers[s.Chosen]
	for _, c := range o.Callers {
		if !slices.ContainsFunc(s.Callers, func(d *Caller) bool { return d.Call == c.Call }) {
			s.Callers = append(s.Callers, c)
		}
	}
	slices.SortStableFunc(s.Callers, func(a, b *Caller) int { return cmp.Compare(a.Call.Pos(), b.Call.Pos()) })
	s.Chosen = slices.Index(s.Callers, chosen)
}

// sameReach is the key of a site of this package by which the sites
// that one finding reports are found: the function that makes the root,
// and the calls that reach it.
func (s *Site) sameReach() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%p", s.Root.In.Fn)
	for _, c := range s.Callers {
		fmt.Fprintf(&b, " %d", c.Call.Pos())
	}
	return b.String()
}

// importsMints reports whether a package that pass's imports has the
// Mints fact.
func importsMints(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(Mints)) {
			return true
		}
	}
	return false
}

// finding returns the one finding of a site: at the root call when it is
// in this package, else at the first call that reaches it. Its scope, and
// so its check, is that of the first caller in source order that is not
// in a go or defer statement; of the first caller when all are.
func (s *Site) finding() *Finding {
	s.Chosen = 0
	for i, c := range s.Callers {
		if c.Scope.Detached == nil {
			s.Chosen = i
			break
		}
	}
	f := &Finding{Scope: s.Callers[s.Chosen].Scope, Site: s}
	if s.Root.Local() {
		f.Call, f.Cur = s.Root.call, s.Root.cur
	} else {
		f.Call, f.Cur = s.Callers[s.Chosen].Call, s.Callers[s.Chosen].Cur
	}
	return f
}

// shutdownInGroup reports whether the root context at cur is the
// argument of an http.Server's Shutdown in a func literal that an
// errgroup runs: the group's context, the one in scope, is cancelled as
// soon as one of its funcs fails, and the server's own func fails with
// http.ErrServerClosed as soon as Shutdown starts, so the group's context
// would cut the shutdown short.
func shutdownInGroup(in *ctxinfo.Info, cur inspector.Cursor, groups map[*types.Var]ctxinfo.Group) bool {
	up := analysisutil.Unparen(cur)
	if up.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	call := up.Parent().Node().(*ast.CallExpr)
	if !analysisutil.IsMethod(analysisutil.Callee(in.TypesInfo, call), ctxinfo.HTTPPath, "Server", "Shutdown") {
		return false
	}
	inner, ok := in.InnerAt(cur, groups)
	return ok && inner.Group != nil
}

// initOnce reports whether cur is in a func literal, within provider,
// that sync.Once's Do, sync.OnceFunc, OnceValue or OnceValues runs once
// for every later caller: it builds state that all of them share (a
// worker started on the first request), which the first caller's ctx
// must not end, nor its cancellation poison for the others.
func initOnce(in *ctxinfo.Info, cur inspector.Cursor, provider *ctxinfo.Func) bool {
	for _, fn := range in.Enclosing(cur) {
		if fn == provider {
			return false
		}
		if analysisutil.IsMethod(fn.PassedTo, "sync", "Once", "Do") || analysisutil.IsPkgFunc(fn.PassedTo, "sync", "OnceFunc", "OnceValue", "OnceValues") {
			return true
		}
	}
	return false
}
