// Package rootctx finds the places where code makes a new root context
// (context.Background() or context.TODO()) although a context is in scope,
// and the calls from such code to ctx-less helpers that make one for
// themselves. reconcilectx, inheritctx and webhookctx share its result:
// each declares the kinds of function it owns (Spec.Owns) and reports the
// findings whose owner is of those kinds, so that a site is reported by
// one check only.
package rootctx

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// Analyzer is the default instance, without cross-package facts.
var Analyzer = New()

// New returns a fresh instance of the analyzer. Call EnableFacts on it
// (before analysis starts) to follow helpers across packages.
func New() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "rootctx",
		Doc:        "rootctx: root contexts made where a context is in scope (internal to ctxlint)",
		Requires:   []*analysis.Analyzer{ctxinfo.Analyzer},
		Run:        analysisutil.Recover("rootctx", run),
		ResultType: reflect.TypeOf((*Result)(nil)),
	}
}

// EnableFacts makes a follow ctx-less helpers into other packages of the
// module, through facts. It makes drivers load every dependency from
// source, which costs time; see the scale documentation.
func EnableFacts(a *analysis.Analyzer) { a.FactTypes = []analysis.Fact{new(MintsRoot)} }

// FactsEnabled reports whether EnableFacts was called on a.
func FactsEnabled(a *analysis.Analyzer) bool { return len(a.FactTypes) > 0 }

// MintsRoot is the fact that a ctx-less function makes a root context
// itself or through the functions it calls.
type MintsRoot struct {
	Root string   // the root call and where it is: "context.TODO() at util/k8s.go:42"
	Via  []string // helpers between this function and the root call, outermost first
}

func (*MintsRoot) AFact() {}

func (m *MintsRoot) String() string {
	if len(m.Via) == 0 {
		return "mints " + m.Root
	}
	return "mints " + m.Root + " via " + strings.Join(m.Via, ", ")
}

// Finding is a root context made where a context is in scope, or a call
// from such a place to a helper that makes one.
type Finding struct {
	Call  *ast.CallExpr
	Cur   inspector.Cursor
	Scope ctxinfo.Scope

	// Root is "Background" or "TODO" when Call is context.Background()
	// or context.TODO() itself.
	Root string

	// Helper is set when Call calls a ctx-less function that makes a
	// root context; Mints says where.
	Helper  *types.Func
	Mints   *MintsRoot
	RootPos token.Pos // the root call, when it is in this package
}

// Result lists a package's findings in source order.
type Result struct {
	Info     *ctxinfo.Info
	Findings []*Finding
}

// Of returns the rootctx result among pass's requirements, whichever
// instance of the analyzer computed it.
func Of(pass *analysis.Pass) *Result {
	for _, r := range pass.ResultOf {
		if res, ok := r.(*Result); ok {
			return res
		}
	}
	return nil
}

func run(pass *analysis.Pass) (any, error) {
	in := pass.ResultOf[ctxinfo.Analyzer].(*ctxinfo.Info)
	res := &Result{Info: in}
	if in.Context == nil || !analysisutil.Imports(pass.Pkg, ctxinfo.ContextPath) && !FactsEnabled(pass.Analyzer) {
		return res, nil // fast path: no context.Background here, and no facts to follow
	}
	facts := FactsEnabled(pass.Analyzer) && analysisutil.IsLocalModule(pass.Module)
	if FactsEnabled(pass.Analyzer) && !facts {
		return res, nil // never compute facts for dependencies
	}
	m := &minters{in: in, pass: pass, facts: facts, memo: map[*ctxinfo.Func]*minted{}}

	root := in.Inspector.Root()
	for cur := range root.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		f := &Finding{Call: call, Cur: cur}
		if name, ok := in.IsRootCall(call); ok {
			f.Root = name
		} else if mt := m.ofCall(call); mt != nil {
			f.Helper = analysisutil.Callee(pass.TypesInfo, call)
			f.Mints, f.RootPos = mt.fact, mt.pos
		} else {
			continue
		}
		f.Scope = in.ScopeAt(cur)
		if f.Scope.Provider == nil || in.IsDone(cur, f.Scope.Provider.Node) {
			continue
		}
		if f.Root != "" && in.DeliberateRoot(cur) {
			continue
		}
		res.Findings = append(res.Findings, f)
	}
	if facts {
		m.exportAll()
	}
	return res, nil
}

// minted says where a ctx-less function's root context comes from.
type minted struct {
	fact *MintsRoot
	pos  token.Pos // NoPos when the root call is in another package
}

// minters computes, for the ctx-less functions of the package, whether
// calling them makes a root context.
type minters struct {
	in    *ctxinfo.Info
	pass  *analysis.Pass
	facts bool
	memo  map[*ctxinfo.Func]*minted
}

var inProgress = &minted{}

// ofCall returns what the function called by call mints, or nil.
func (m *minters) ofCall(call *ast.CallExpr) *minted {
	callee := analysisutil.Callee(m.pass.TypesInfo, call)
	if callee == nil {
		return nil
	}
	if fn := m.in.Decl(callee); fn != nil {
		return m.of(fn)
	}
	if m.facts && callee.Pkg() != m.pass.Pkg {
		var fact MintsRoot
		if m.pass.ImportObjectFact(callee, &fact) {
			return &minted{fact: &fact}
		}
	}
	return nil
}

// of returns what calling fn mints, or nil. Only functions without a
// context of their own count: one that has a ctx is checked on its own.
// Nor do functions that return a context: they hand the context they
// make to their caller, who sees it (a getter with a fallback, such as
// (*http.Request).Context, or a factory).
func (m *minters) of(fn *ctxinfo.Func) *minted {
	if fn.HasContext() {
		return nil
	}
	for v := range fn.Sig.Results().Variables() {
		if m.in.IsContext(v.Type()) {
			return nil
		}
	}
	if r, ok := m.memo[fn]; ok {
		if r == inProgress {
			return nil // recursion: decided by the other calls
		}
		return r
	}
	m.memo[fn] = inProgress
	r := m.compute(fn)
	m.memo[fn] = r
	return r
}

func (m *minters) compute(fn *ctxinfo.Func) *minted {
	cur, ok := m.in.Inspector.Root().FindNode(fn.Node)
	if !ok {
		return nil
	}
	for c := range cur.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		name, isRoot := m.in.IsRootCall(call)
		var sub *minted
		if !isRoot {
			if sub = m.ofCall(call); sub == nil {
				continue
			}
		}
		if !m.runsDuringCall(c, fn) || m.in.ScopeAt(c).Provider != nil || m.in.IsDone(c, fn.Node) {
			continue
		}
		if isRoot {
			if m.in.DeliberateRoot(c) {
				continue
			}
			return &minted{
				fact: &MintsRoot{Root: fmt.Sprintf("context.%s() at %s", name, analysisutil.Position(m.pass.Fset, call.Pos()))},
				pos:  call.Pos(),
			}
		}
		callee := analysisutil.Callee(m.pass.TypesInfo, call)
		via := append([]string{calleeName(callee)}, sub.fact.Via...)
		return &minted{fact: &MintsRoot{Root: sub.fact.Root, Via: via}, pos: sub.pos}
	}
	return nil
}

// runsDuringCall reports whether the code at c runs while fn is being
// called: not in a go or defer statement of fn, nor in a func literal
// that fn returns or stores for later or gives to a goroutine starter
// (ctxinfo.StartsGoroutine).
func (m *minters) runsDuringCall(c inspector.Cursor, fn *ctxinfo.Func) bool {
	for a := range c.Enclosing() {
		if a.Node() == fn.Node {
			return true
		}
		switch a.Node().(type) {
		case *ast.GoStmt, *ast.DeferStmt:
			return false
		case *ast.FuncLit:
			if lit := m.in.Func(a.Node()); lit != nil && ctxinfo.StartsGoroutine(lit.PassedTo) {
				return false // run on a new goroutine, as by a go statement
			}
			lit := analysisutil.Unparen(a)
			switch k, idx := lit.ParentEdge(); k {
			case edge.ReturnStmt_Results, edge.CompositeLit_Elts, edge.KeyValueExpr_Value, edge.SendStmt_Value:
				return false
			case edge.AssignStmt_Rhs:
				as := lit.Parent().Node().(*ast.AssignStmt)
				if idx < len(as.Lhs) {
					if _, local := ast.Unparen(as.Lhs[idx]).(*ast.Ident); !local {
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
// of the package that mints a root context, so that callers in other
// packages of the module can be checked.
func (m *minters) exportAll() {
	m.in.Funcs(func(fn *ctxinfo.Func) {
		if fn.Obj == nil || !fn.Obj.Exported() {
			return
		}
		if mt := m.of(fn); mt != nil {
			fact := *mt.fact
			if !strings.Contains(fact.Root, "/") {
				// Qualify the file with the package path for readers
				// in other packages.
				fact.Root = strings.Replace(fact.Root, " at ", " at "+m.pass.Pkg.Path()+"/", 1)
			}
			m.pass.ExportObjectFact(fn.Obj, &fact)
		}
	})
}
