package ctxinfo

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// Scope describes the context available at a node.
type Scope struct {
	// Provider is the innermost enclosing function that receives a
	// context, as a parameter or through the request it serves; the
	// context to use is Provider's. Nil when no context is in scope.
	Provider *Func

	// Owner is the kind of function the node belongs to: the innermost
	// enclosing Reconcile or handler, whether or not it is the provider;
	// Plain otherwise. A helper reached from a Reconcile counts as
	// Reconcile, with OwnerFunc the helper.
	Owner     Kind
	OwnerFunc *Func

	// Detached is the go or defer statement that lies between the node
	// and the provider, if any, or the statement that hands a func
	// literal around the node to a function that runs it on a new
	// goroutine or keeps it as a callback (see Func.RunsOutsideCall), or
	// the statement that binds a clean-up func literal around the node
	// (How is CleanUp); for
	// a context value assigned to a local variable, it is the first of
	// such statements when every use of the variable lies in one (bg :=
	// context.Background(); go worker(bg)). Code there usually outlives
	// the call on purpose.
	Detached ast.Stmt

	// How says how Detached runs the node's code apart from the call.
	How Detachment
}

// Detachment says how code runs apart from the call that provides its
// context (Scope.Detached).
type Detachment uint8

const (
	OnGoroutine Detachment = iota // a go statement, or a func literal given to a goroutine starter
	Deferred                      // a defer statement
	Later                         // a func literal kept as a callback, run after the call returns
	CleanUp                       // a clean-up closure, run only where the function fails or returns (see cleanUpBinding)
)

// ScopeAt returns the context scope at cur.
func (in *Info) ScopeAt(cur inspector.Cursor) Scope { return in.scopeWith(cur, (*Func).HasContext) }

// TestScopeAt is ScopeAt where a test's t (Func.T) counts as a context
// too: the scope of a root call in a test function that receives no ctx,
// whose context is t.Context().
func (in *Info) TestScopeAt(cur inspector.Cursor) Scope {
	return in.scopeWith(cur, func(f *Func) bool { return f.HasContext() || f.T != nil })
}

func (in *Info) scopeWith(cur inspector.Cursor, provides func(*Func) bool) Scope {
	s := in.scopeAt(cur, provides)
	if s.Provider != nil && s.Detached == nil {
		s.Detached, s.How = in.detachedUses(cur, provides)
	}
	return s
}

// scopeAt is ScopeAt without looking at where the value at cur goes;
// provides tells the functions whose context is in scope in their body.
func (in *Info) scopeAt(cur inspector.Cursor, provides func(*Func) bool) Scope {
	var s Scope
	var outermost *Func
	starter := false // inside a func literal given to a goroutine starter
	for a := range cur.Enclosing() {
		switch n := a.Node().(type) {
		case *ast.GoStmt:
			if s.Provider == nil && s.Detached == nil && !in.JoinedGo(a) {
				s.Detached, s.How = n, OnGoroutine
			}
		case *ast.DeferStmt:
			if s.Provider == nil && s.Detached == nil {
				s.Detached, s.How = n, Deferred
			}
		case *ast.FuncDecl, *ast.FuncLit:
			fn := in.funcs[n]
			if fn == nil {
				continue
			}
			outermost = fn
			if s.Provider == nil && provides(fn) {
				s.Provider = fn
			}
			if s.OwnerFunc == nil && fn.Kind != Plain {
				s.Owner, s.OwnerFunc = fn.Kind, fn
			}
			if s.Provider == nil && s.Detached == nil && fn.RunsOutsideCall() && !in.JoinedGo(a) {
				starter, s.How = true, OnGoroutine
				if !StartsGoroutine(fn.PassedTo) {
					s.How = Later
				}
			} else if s.Provider == nil && s.Detached == nil && fn.Obj == nil {
				if st := in.cleanUpBinding(a); st != nil {
					s.Detached, s.How = st, CleanUp
				}
			}
		case ast.Stmt:
			if starter && s.Detached == nil {
				s.Detached = n // the statement that calls the starter
			}
			starter = false
		}
	}
	if s.OwnerFunc == nil && outermost != nil && outermost.ReachedFrom != nil {
		s.Owner, s.OwnerFunc = Reconcile, outermost
	}
	if s.Provider == nil || s.Detached == nil {
		s.Detached, s.How = nil, OnGoroutine
	}
	return s
}

// startedApart reports whether the call at c, in fn, runs apart from
// fn's call (see Detaches, and reach).
func (in *Info) startedApart(c inspector.Cursor, fn *Func) bool {
	for a := range c.Enclosing((*ast.GoStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if a.Node() == fn.Node {
			return false
		}
		if in.Detaches(a) {
			return true
		}
	}
	return false
}

// Detaches reports whether the code inside the node at a runs apart from
// the call of the function around it: a go statement that the function
// does not wait for (see JoinedGo), or a func literal that runs on a new
// goroutine or later, as a callback (see Func.RunsOutsideCall).
func (in *Info) Detaches(a inspector.Cursor) bool {
	switch n := a.Node().(type) {
	case *ast.GoStmt:
		return !in.JoinedGo(a)
	case *ast.FuncLit:
		lit := in.funcs[n]
		return lit != nil && lit.RunsOutsideCall() && !in.JoinedGo(a)
	}
	return false
}

// WaitPath is the import path of k8s.io/apimachinery's wait package.
const WaitPath = "k8s.io/apimachinery/pkg/util/wait"

// StartsGoroutine reports whether fn runs the func it is given on a new
// goroutine and returns at once, as a go statement does: the Start,
// StartWithChannel and StartWithContext methods of wait.Group, and
// sync.WaitGroup's Go (Go 1.25). Not errgroup.Group.Go, whose work Wait
// joins to the caller's and whose group context the inner-context rule
// names.
func StartsGoroutine(fn *types.Func) bool {
	for _, m := range [...]string{"Start", "StartWithChannel", "StartWithContext"} {
		if analysisutil.IsMethod(fn, WaitPath, "Group", m) {
			return true
		}
	}
	return analysisutil.IsMethod(fn, "sync", "WaitGroup", "Go")
}

// PredicatePath is the import path of controller-runtime's predicate
// package.
const PredicatePath = "sigs.k8s.io/controller-runtime/pkg/predicate"

// ClientPath is the import path of controller-runtime's client package.
const ClientPath = "sigs.k8s.io/controller-runtime/pkg/client"

// KeepsForLater reports whether fn keeps the func it is given, to call it
// later as a callback, in code that runs after the caller has returned:
// controller-runtime's predicate.NewPredicateFuncs and
// NewTypedPredicateFuncs, whose filter runs for every event the
// controller sees, client.FieldIndexer's IndexField (a cache's too),
// whose extractor runs for every object the cache indexes, time.AfterFunc,
// whose func runs on its own goroutine once the timer fires, and
// robfig/cron's AddFunc, whose job runs on the scheduler's goroutine at
// every time its schedule names; and a test's clean-up functions
// (t.Cleanup, Ginkgo's DeferCleanup), run once the test or spec is over,
// when its ctx (t.Context(), the spec's) is already done. Such a
// callback's signature has no ctx; the caller's is not the context of
// that work.
func KeepsForLater(fn *types.Func) bool {
	return analysisutil.IsPkgFunc(fn, PredicatePath, "NewPredicateFuncs", "NewTypedPredicateFuncs") ||
		analysisutil.IsMethod(fn, ClientPath, "FieldIndexer", "IndexField") ||
		analysisutil.IsPkgFunc(fn, "time", "AfterFunc") ||
		analysisutil.IsMethod(fn, CronPath, "Cron", "AddFunc") ||
		analysisutil.IsMethod(fn, TestingPath, "common", "Cleanup") || analysisutil.IsMethod(fn, TestingPath, "TB", "Cleanup") ||
		analysisutil.IsPkgFunc(fn, GinkgoPath, "DeferCleanup")
}

// GinkgoPath is the import path of Ginkgo, version 2.
const GinkgoPath = "github.com/onsi/ginkgo/v2"

// CronPath is the import path of robfig/cron, version 3.
const CronPath = "github.com/robfig/cron/v3"

// CachePath is the import path of client-go's cache package.
const CachePath = "k8s.io/client-go/tools/cache"

// KeepsFieldsForLater reports whether t is a struct type whose func
// fields are kept as callbacks, run later for every event an informer or
// a controller sees: client-go's cache.ResourceEventHandlerFuncs,
// ResourceEventHandlerDetailedFuncs and FilteringResourceEventHandler,
// and controller-runtime's predicate.Funcs (TypedFuncs). Like a
// predicate filter's, their signatures have no ctx.
func KeepsFieldsForLater(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	name := n.Origin().Obj().Name()
	switch n.Obj().Pkg().Path() {
	case CachePath:
		return name == "ResourceEventHandlerFuncs" || name == "ResourceEventHandlerDetailedFuncs" || name == "FilteringResourceEventHandler"
	case PredicatePath:
		return name == "TypedFuncs"
	}
	return false
}

// keptAs returns the field whose value is at kv, a key-value pair of a
// composite literal of a type that keeps its funcs for later
// (KeepsFieldsForLater), or nil.
func keptAs(info *types.Info, kv inspector.Cursor) *types.Var {
	key, ok := kv.Node().(*ast.KeyValueExpr).Key.(*ast.Ident)
	if !ok || kv.ParentEdgeKind() != edge.CompositeLit_Elts || !KeepsFieldsForLater(info.TypeOf(kv.Parent().Node().(*ast.CompositeLit))) {
		return nil
	}
	f, _ := info.Uses[key].(*types.Var)
	return f
}

// RunsOutsideCall reports whether the func literal fn runs outside the
// call that passes it: on a new goroutine (StartsGoroutine) or later, as
// a callback (KeepsForLater, KeepsFieldsForLater).
func (fn *Func) RunsOutsideCall() bool {
	return StartsGoroutine(fn.PassedTo) || KeepsForLater(fn.PassedTo) || fn.KeptAs != nil
}

// detachedUses returns, when the context value at cur is assigned to a
// local variable every use of which is detached (in a go or defer
// statement, or a func literal given to a goroutine starter), the
// statement of the first use and how it detaches; otherwise nil.
func (in *Info) detachedUses(cur inspector.Cursor, provides func(*Func) bool) (ast.Stmt, Detachment) {
	e, ok := cur.Node().(ast.Expr)
	if !ok || !in.IsContext(in.TypesInfo.TypeOf(e)) {
		return nil, OnGoroutine
	}
	cur = analysisutil.Unparen(cur)
	id, _ := assignee(cur).(*ast.Ident)
	if id == nil || in.TypesInfo.Defs[id] == nil {
		return nil, OnGoroutine // not a declaration: the variable may have other values
	}
	v, _ := in.TypesInfo.Defs[id].(*types.Var)
	body, ok := outermostFunc(cur)
	if v == nil || !ok || v.Parent() == v.Pkg().Scope() {
		return nil, OnGoroutine
	}
	var first Scope
	for use := range in.UsesOf(body, v) {
		d := in.scopeAt(use, provides)
		if d.Detached == nil {
			return nil, OnGoroutine
		}
		if first.Detached == nil {
			first = d
		}
	}
	return first.Detached, first.How
}

// CtxExpr returns the expression that denotes the function's context:
// its ctx parameter's name, or r.Context() for a request. It returns ""
// when the parameter has no usable name.
func (f *Func) CtxExpr() string {
	switch {
	case f.Ctx != nil:
		if f.Ctx.Named() {
			return f.Ctx.Ident.Name
		}
		return ""
	case f.Req != nil:
		if !f.Req.Named() {
			return ""
		}
		if f.Restful {
			return f.Req.Ident.Name + ".Request.Context()"
		}
		return f.Req.Ident.Name + ".Context()"
	case f.T.Named():
		return f.T.Ident.Name + ".Context()"
	}
	return ""
}

// reach marks the package functions that a Reconcile calls with its
// context: starting from every Reconcile, it follows static calls to
// functions of this package that receive a context themselves. A call
// on a goroutine the caller does not wait for (go r.watch(wctx)), or in
// a func literal that runs outside the call (see RunsOutsideCall), is
// not followed: that function does not run on the reconcile's worker.
func (in *Info) reach() {
	var queue []*Func
	in.Funcs(func(fn *Func) {
		if fn.Kind == Reconcile {
			queue = append(queue, fn)
		}
	})
	origin := map[*Func]*Func{}
	for _, fn := range queue {
		origin[fn] = fn
	}
	for len(queue) > 0 {
		fn := queue[0]
		queue = queue[1:]
		for c := range fn.Cur.Preorder((*ast.CallExpr)(nil)) {
			callee := in.Decl(analysisutil.Callee(in.TypesInfo, c.Node().(*ast.CallExpr)))
			if callee == nil || callee.Kind != Plain || callee.Ctx == nil || callee.ReachedFrom != nil || in.startedApart(c, fn) {
				continue
			}
			callee.ReachedFrom = origin[fn]
			origin[callee] = origin[fn]
			queue = append(queue, callee)
		}
	}
}
