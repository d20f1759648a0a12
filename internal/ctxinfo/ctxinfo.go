// Package ctxinfo is the knowledge every ctxlint check shares: which types
// are contexts, what kind of function a declaration or literal is (a
// controller-runtime Reconcile, an HTTP handler, an admission handler, or a
// plain function), which context is in scope at a node, whether that
// context is already done there, and which package functions a Reconcile
// reaches.
//
// It is an analyzer whose result, an *Info, is computed once per package
// and read by every check that requires it.
package ctxinfo

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// Import paths of the APIs ctxlint knows.
const (
	ContextPath       = "context"
	HTTPPath          = "net/http"
	ReconcilePath     = "sigs.k8s.io/controller-runtime/pkg/reconcile"
	AdmissionPath     = "sigs.k8s.io/controller-runtime/pkg/webhook/admission"
	APIServerAdmPath  = "k8s.io/apiserver/pkg/admission"
	WatchPath         = "k8s.io/apimachinery/pkg/watch"
	RestfulPath       = "github.com/emicklei/go-restful/v3"
	RestfulLegacyPath = "github.com/emicklei/go-restful"
)

// Analyzer computes the *Info of a package from all of its files.
var Analyzer = New(nil)

// New returns an instance of the analyzer. When skipGenerated is not nil
// and returns true as a package is analysed, the package's generated files
// (ast.IsGenerated) are left out of its Info: no check walks them, no
// root context in them is followed, and their syntax is not indexed,
// which on a module with large generated files is most of the
// analysis's memory. Their types still count (the type checker saw them).
//
// The Info builds its own inspector rather than requiring
// inspect.Analyzer, whose inspector covers every file.
func New(skipGenerated func() bool) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "ctxinfo",
		Doc:  "ctxinfo: shared facts about contexts and functions for ctxlint's checks (internal)",
		Run: analysisutil.Recover("ctxinfo", func(pass *analysis.Pass) (any, error) {
			return run(pass, skipGenerated != nil && skipGenerated())
		}),
		ResultType: reflect.TypeOf((*Info)(nil)),
	}
}

// Of returns the Info of the package being analysed, whichever instance
// of the analyzer computed it; nil if none did.
func Of(pass *analysis.Pass) *Info {
	return analysisutil.ResultOf[*Info](pass)
}

// Kind is what a function is, for the purpose of choosing the check that
// owns a finding and the context to name.
type Kind uint8

const (
	Plain     Kind = iota // any other function
	Reconcile             // controller-runtime Reconcile method or reconcile.Func literal
	HTTP                  // net/http handler (or go-restful route, health checker)
	Admission             // admission handler, validator, defaulter, or apiserver plugin
)

func (k Kind) String() string {
	switch k {
	case Reconcile:
		return "Reconcile"
	case HTTP:
		return "HTTP handler"
	case Admission:
		return "admission handler"
	}
	return "function"
}

// Param is one parameter of a function as written in source.
type Param struct {
	Index int // its position among the function's parameters
	Var   *types.Var
	Field *ast.Field // the field that declares it
	Ident *ast.Ident // its name, nil when the parameter is unnamed
}

// Named reports whether the parameter has a usable name (not blank, not
// missing).
func (p *Param) Named() bool { return p != nil && p.Ident != nil && p.Ident.Name != "_" }

// Func is a function declaration or literal with a body.
type Func struct {
	Node    ast.Node         // *ast.FuncDecl or *ast.FuncLit
	Cur     inspector.Cursor // Node's cursor in Info.Inspector
	Type    *ast.FuncType
	Body    *ast.BlockStmt
	Obj     *types.Func // nil for literals
	Sig     *types.Signature
	Kind    Kind
	Ctx     *Param // first context.Context parameter, or nil
	Req     *Param // for HTTP handlers: the *http.Request (or restful request) parameter
	Restful bool   // Req is a go-restful request: its context is Req.Request.Context()

	// T is the first parameter of a type of package testing whose
	// Context method gives the test's context (*testing.T, *testing.B,
	// *testing.F, testing.TB; Go 1.24), when the function's file may use
	// it, or nil. It is not a context in scope (HasContext) for any check
	// but rootctx's direct root calls (TestScopeAt).
	T *Param

	// PassedTo is the function or method that a literal is passed to as
	// an argument (wait.PollUntilContextCancel for a poll callback), or
	// nil.
	PassedTo *types.Func

	// KeptAs is the field that a literal is the value of in a composite
	// literal of a type that keeps its funcs as callbacks
	// (KeepsFieldsForLater: an informer's cache.ResourceEventHandlerFuncs),
	// or nil.
	KeptAs *types.Var

	// ReqDetached is set for a plain function whose only context is its
	// request's, when every call of it in the package runs it on a
	// goroutine that the request's handler does not wait for, or hands it
	// the request of such a function (see detachedRequests).
	ReqDetached bool

	// ReachedFrom is set for package functions, not themselves a Reconcile,
	// that a Reconcile of this package calls (directly or through other
	// functions that receive a ctx). It names that Reconcile.
	ReachedFrom *Func
}

// Name is how messages refer to the function.
func (f *Func) Name() string {
	if f.Obj != nil {
		return f.Obj.Name()
	}
	switch f.Kind {
	case Reconcile:
		return "the reconcile func"
	case HTTP:
		return "the handler func"
	case Admission:
		return "the admission func"
	}
	return "the func literal"
}

// HasContext reports whether the function receives a context, either as a
// parameter or through the request it serves, unless that request's
// context is over when the function runs (ReqDetached).
func (f *Func) HasContext() bool { return f.Ctx != nil || f.Req != nil && !f.ReqDetached }

// IsResult reports whether v is one of f's named results.
func (f *Func) IsResult(v *types.Var) bool {
	for r := range f.Sig.Results().Variables() {
		if r == v {
			return true
		}
	}
	return false
}

// Info is the result of Analyzer for one package.
type Info struct {
	TypesInfo *types.Info
	Pkg       *types.Package
	Fset      *token.FileSet
	Inspector *inspector.Inspector // over the files the Info covers (see New)

	// Context is context.Context, or nil when the package cannot refer to
	// it (it does not import the context package, even indirectly).
	Context  types.Type
	ctxIface *types.Interface

	pkgs  map[string]*types.Package
	funcs map[ast.Node]*Func
	decls map[*types.Func]*Func

	// cleanUps maps a func literal to its clean-up binding or nil, once
	// worked out. The checks that share an Info may run at once, so it is
	// guarded by cleanUpsMu.
	cleanUps   map[ast.Node]ast.Stmt
	cleanUpsMu sync.Mutex
}

// Package returns the package with the given import path if the package
// being analysed imports it, directly or not; otherwise nil.
func (in *Info) Package(path string) *types.Package { return in.pkgs[path] }

// Func returns the function for a *ast.FuncDecl or *ast.FuncLit node, or
// nil (declarations without a body, or other nodes).
func (in *Info) Func(n ast.Node) *Func { return in.funcs[n] }

// Decl returns the function declared in this package for obj, or nil.
func (in *Info) Decl(obj *types.Func) *Func {
	if obj == nil {
		return nil
	}
	return in.decls[obj.Origin()]
}

// Funcs calls f for every function of the package, in source order.
func (in *Info) Funcs(f func(*Func)) {
	for cur := range in.Inspector.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if fn := in.funcs[cur.Node()]; fn != nil {
			f(fn)
		}
	}
}

// IsContext reports whether t is context.Context or an interface type
// that includes it (a named type, an alias, or an interface embedding
// context.Context), that is, a value that can be used as a context.
func (in *Info) IsContext(t types.Type) bool {
	if in.ctxIface == nil || t == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Interface); !ok {
		return false
	}
	return types.Implements(t, in.ctxIface)
}

// IsRootCall reports whether call is context.Background() or
// context.TODO(), and returns the function's name.
func (in *Info) IsRootCall(call *ast.CallExpr) (string, bool) {
	fn := analysisutil.Callee(in.TypesInfo, call)
	if analysisutil.IsPkgFunc(fn, ContextPath, "Background", "TODO") {
		return fn.Name(), true
	}
	return "", false
}

func run(pass *analysis.Pass, skipGenerated bool) (any, error) {
	files := pass.Files
	if skipGenerated {
		files = slices.DeleteFunc(slices.Clone(files), ast.IsGenerated)
	}
	in := &Info{
		TypesInfo: pass.TypesInfo,
		Pkg:       pass.Pkg,
		Fset:      pass.Fset,
		Inspector: inspector.New(files),
		funcs:     map[ast.Node]*Func{},
		decls:     map[*types.Func]*Func{},
		cleanUps:  map[ast.Node]ast.Stmt{},
	}
	in.pkgs = analysisutil.FindPackages(pass.Pkg, ContextPath, HTTPPath, ReconcilePath,
		AdmissionPath, APIServerAdmPath, WatchPath, RestfulPath, RestfulLegacyPath, HealthzPath)
	if ctxPkg := in.pkgs[ContextPath]; ctxPkg != nil {
		if t := analysisutil.LookupNamed(ctxPkg, "Context"); t != nil {
			in.Context = t
			in.ctxIface, _ = t.Underlying().(*types.Interface)
		}
	}
	k := newKinds(in)
	for cur := range in.Inspector.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var fn *Func
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				continue
			}
			obj, _ := pass.TypesInfo.Defs[n.Name].(*types.Func)
			if obj == nil {
				continue
			}
			fn = &Func{Node: n, Type: n.Type, Body: n.Body, Obj: obj, Sig: obj.Type().(*types.Signature)}
			in.decls[obj] = fn
		case *ast.FuncLit:
			sig, _ := pass.TypesInfo.TypeOf(n).(*types.Signature)
			if sig == nil {
				continue
			}
			fn = &Func{Node: n, Type: n.Type, Body: n.Body, Sig: sig}
			switch cur.ParentEdgeKind() {
			case edge.CallExpr_Args:
				fn.PassedTo = analysisutil.Callee(pass.TypesInfo, cur.Parent().Node().(*ast.CallExpr))
			case edge.KeyValueExpr_Value:
				fn.KeptAs = keptAs(pass.TypesInfo, cur.Parent())
			}
		}
		fn.Cur = cur
		in.params(fn)
		fn.Kind = k.classify(fn)
		in.funcs[cur.Node()] = fn
	}
	in.reach()
	in.detachedRequests()
	return in, nil
}

// params fills in Ctx and Req from the function's parameter list.
func (in *Info) params(fn *Func) {
	params := fn.Sig.Params()
	i := 0
	for field, id := range analysisutil.FieldNames(fn.Type.Params) {
		if i >= params.Len() {
			return
		}
		v := params.At(i)
		p := &Param{Index: i, Var: v, Field: field, Ident: id}
		i++
		if fn.Ctx == nil && in.IsContext(v.Type()) {
			fn.Ctx = p
		}
		if fn.Req == nil && in.isRequestPtr(v.Type()) {
			fn.Req = p
		}
		if fn.Req == nil && in.isRestfulRequestPtr(v.Type()) {
			fn.Req = p
			fn.Restful = true
		}
		if fn.T == nil && in.hasTestContext(v.Type(), fn.Node.Pos()) {
			fn.T = p
		}
	}
}

func (in *Info) isNamed(t types.Type, path, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == path && obj.Name() == name
}

func (in *Info) isPtrTo(t types.Type, path, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && in.isNamed(p.Elem(), path, name)
}

func (in *Info) isRequestPtr(t types.Type) bool { return in.isPtrTo(t, HTTPPath, "Request") }

func (in *Info) isRestfulRequestPtr(t types.Type) bool {
	return in.isPtrTo(t, RestfulPath, "Request") || in.isPtrTo(t, RestfulLegacyPath, "Request")
}

// Enclosing returns the functions enclosing the cursor, innermost first
// (the cursor's own node included when it is a function).
func (in *Info) Enclosing(cur inspector.Cursor) []*Func {
	var out []*Func
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if fn := in.funcs[c.Node()]; fn != nil {
			out = append(out, fn)
		}
	}
	return out
}

// Kinds lists every Kind, for the checks that divide sites among
// themselves by the kind of function that owns them.
var Kinds = []Kind{Plain, Reconcile, HTTP, Admission}
