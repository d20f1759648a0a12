package rootctx

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// RuleStopChan is the heading, in every root-context check's doc.go, of
// the rule on stop channels that never close.
const RuleStopChan = "Stop channels that never close"

// StopChanFlag is the option that switches the stop-channel rule off.
const StopChanFlag = "stopchan"

// Import paths of the informer APIs that take a stop channel.
const (
	informersPath        = "k8s.io/client-go/informers"
	internalIfacesPath   = "k8s.io/client-go/informers/internalinterfaces"
	dynamicInformerPath  = "k8s.io/client-go/dynamic/dynamicinformer"
	metadataInformerPath = "k8s.io/client-go/metadata/metadatainformer"
	neverStopName        = "NeverStop"
)

// stopTaker is a function or method that runs until a stop channel
// closes, and the index of that parameter.
type stopTaker struct {
	pkg, recv, name string // recv is "" for a package function
	arg             int
}

var stopTakers = []stopTaker{
	{ctxinfo.WaitPath, "", "Until", 2},
	{ctxinfo.WaitPath, "", "NonSlidingUntil", 2},
	{ctxinfo.WaitPath, "", "JitterUntil", 4},
	{ctxinfo.WaitPath, "", "BackoffUntil", 3},
	{ctxinfo.WaitPath, "", "PollUntil", 2},
	{ctxinfo.WaitPath, "", "PollImmediateUntil", 2},
	{ctxinfo.CachePath, "", "WaitForCacheSync", 0},
	{ctxinfo.CachePath, "", "WaitForNamedCacheSync", 1},
	{ctxinfo.CachePath, "SharedInformer", "Run", 0},
	{ctxinfo.CachePath, "Controller", "Run", 0},
	{informersPath, "SharedInformerFactory", "Start", 0},
	{informersPath, "SharedInformerFactory", "WaitForCacheSync", 0},
	{internalIfacesPath, "SharedInformerFactory", "Start", 0},
	{dynamicInformerPath, "DynamicSharedInformerFactory", "Start", 0},
	{dynamicInformerPath, "DynamicSharedInformerFactory", "WaitForCacheSync", 0},
	{metadataInformerPath, "SharedInformerFactory", "Start", 0},
	{metadataInformerPath, "SharedInformerFactory", "WaitForCacheSync", 0},
}

// stopArg returns the index of fn's stop-channel parameter, when fn is
// one of stopTakers.
func stopArg(fn *types.Func) (int, bool) {
	if fn == nil || fn.Pkg() == nil {
		return 0, false
	}
	for _, t := range stopTakers {
		if t.name != fn.Name() {
			continue
		}
		if t.recv == "" && analysisutil.IsPkgFunc(fn, t.pkg, t.name) || t.recv != "" && analysisutil.IsMethod(fn, t.pkg, t.recv, t.name) {
			return t.arg, true
		}
	}
	return 0, false
}

// Other is a finding of the root-context family that is not a root
// context: a stop channel that never closes, or an outer context used
// where a func literal brings its own. Its message and fixes do not
// depend on the check that reports it.
type Other struct {
	Rule    string // the doc.go heading
	Scope   ctxinfo.Scope
	Pos     token.Pos
	End     token.Pos
	Message string
	Fixes   []analysis.SuggestedFix
}

func (o *Other) diagnostic(check string) analysis.Diagnostic {
	return analysis.Diagnostic{Pos: o.Pos, End: o.End, URL: analysisutil.RuleURL(check, o.Rule), Message: o.Message, SuggestedFixes: o.Fixes}
}

// stopChans finds the stop channels that never close (wait.NeverStop, or
// a local make(chan struct{}) used only as a stop channel) handed to an
// informer, a cache sync or a wait.*Until loop where a context is in
// scope and not done.
func stopChans(pass *analysis.Pass, in *ctxinfo.Info, groups map[*types.Var]ctxinfo.Group) []*Other {
	var never types.Object
	for _, imp := range pass.Pkg.Imports() { // naming wait.NeverStop takes a direct import
		if imp.Path() == ctxinfo.WaitPath {
			never = imp.Scope().Lookup(neverStopName)
		}
	}
	var out []*Other
	for cur := range in.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := analysisutil.Callee(pass.TypesInfo, call)
		i, ok := stopArg(fn)
		if !ok || i >= len(call.Args) || call.Ellipsis.IsValid() && i == len(call.Args)-1 {
			continue
		}
		arg := call.Args[i]
		argCur := cur.ChildAt(edge.CallExpr_Args, i)
		var what string
		var local *types.Var
		switch obj := usedObj(pass.TypesInfo, arg); {
		case obj == nil:
			continue
		case never != nil && obj == never:
			what = "wait.NeverStop"
		default:
			v, _ := obj.(*types.Var)
			if v == nil || !neverClosed(pass, in, argCur, v) {
				continue
			}
			what, local = v.Name(), v
		}
		s := in.ScopeAt(cur)
		if s.Provider == nil || in.IsDone(cur, s.Provider.Node) {
			continue
		}
		use, ok := in.CtxAt(s.Provider, arg.Pos())
		desc := whose(s)
		if inner, isInner := in.InnerAt(cur, groups); isInner && inner.Group != nil {
			use, ok = inner.Name(), in.Resolves(arg.Pos(), inner.Name(), inner.Var)
			desc = groupWhose
		}
		advice := "pass " + use + ".Done()"
		if use == "" {
			advice = "name the context parameter and pass its Done()"
		} else {
			desc = use + ", " + desc
		}
		msg := "%s never closes, so %s does not stop with %s; %s"
		if local != nil {
			msg = "%s is never closed, so %s does not stop with %s; %s"
		}
		o := &Other{
			Rule: RuleStopChan, Scope: s, Pos: arg.Pos(), End: arg.End(),
			Message: fmt.Sprintf(msg, what, calleeName(fn), desc, advice),
		}
		if len(o.Message) > 200 {
			o.Message = fmt.Sprintf("%s never closes; %s", what, advice)
		}
		if ok && use != "" {
			o.Fixes = stopFix(pass, in, cur, arg, local, use)
		}
		out = append(out, o)
	}
	return out
}

// groupWhose describes an errgroup's context.
const groupWhose = "the group's context"

// stopFix replaces the stop channel by use.Done(). For a local channel,
// only when this is its one use: its declaration goes too.
func stopFix(pass *analysis.Pass, in *ctxinfo.Info, cur inspector.Cursor, arg ast.Expr, local *types.Var, use string) []analysis.SuggestedFix {
	text := use + ".Done()"
	edits := []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(text)}}
	if local != nil {
		body, ok := outermostFunc(in, cur)
		if !ok {
			return nil
		}
		n := 0
		for range usesOfVar(pass.TypesInfo, body, local) {
			n++
		}
		decl := declStmt(pass.TypesInfo, body, local)
		if n != 1 || decl == nil {
			return nil
		}
		edits = append(edits, deleteLine(pass, decl))
	}
	return []analysis.SuggestedFix{{Message: "Pass " + text, TextEdits: edits}}
}

// usedObj returns the object that e, an identifier or a qualified
// identifier, denotes.
func usedObj(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.Uses[e]
	case *ast.SelectorExpr:
		if _, ok := info.Selections[e]; ok {
			return nil // a field or method, not a package-level name
		}
		return info.Uses[e.Sel]
	}
	return nil
}

// outermostFunc returns the cursor of the outermost function around cur.
func outermostFunc(in *ctxinfo.Info, cur inspector.Cursor) (inspector.Cursor, bool) {
	encl := in.Enclosing(cur)
	if len(encl) == 0 {
		return inspector.Cursor{}, false
	}
	return encl[len(encl)-1].Cur, true
}

// usesOfVar yields the identifiers under body that use v.
func usesOfVar(info *types.Info, body inspector.Cursor, v *types.Var) func(func(inspector.Cursor) bool) {
	return func(yield func(inspector.Cursor) bool) {
		for c := range body.Preorder((*ast.Ident)(nil)) {
			if info.Uses[c.Node().(*ast.Ident)] == v && !yield(c) {
				return
			}
		}
	}
}

// declStmt returns the statement that declares v as make(chan struct{})
// ("stop := make(chan struct{})" or "var stop = make(chan struct{})"),
// alone, or nil.
func declStmt(info *types.Info, body inspector.Cursor, v *types.Var) ast.Stmt {
	for c := range body.Preorder((*ast.AssignStmt)(nil), (*ast.DeclStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				if id, ok := n.Lhs[0].(*ast.Ident); ok && info.Defs[id] == v && isMakeStructChan(info, n.Rhs[0]) {
					return n
				}
			}
		case *ast.DeclStmt:
			gd, ok := n.Decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR || len(gd.Specs) != 1 {
				continue
			}
			vs := gd.Specs[0].(*ast.ValueSpec)
			if len(vs.Names) == 1 && len(vs.Values) == 1 && info.Defs[vs.Names[0]] == v && isMakeStructChan(info, vs.Values[0]) {
				return n
			}
		}
	}
	return nil
}

// isMakeStructChan reports whether e is make(chan struct{}), buffered or
// not, of the predeclared make.
func isMakeStructChan(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || info.Uses[id] != types.Universe.Lookup("make") {
		return false
	}
	ch, ok := info.TypeOf(call.Args[0]).Underlying().(*types.Chan)
	if !ok || ch.Dir() != types.SendRecv {
		return false
	}
	st, ok := ch.Elem().Underlying().(*types.Struct)
	return ok && st.NumFields() == 0
}

// neverClosed reports whether the local variable v, at the stop argument
// arg, holds a channel that nothing can close: it is declared as
// make(chan struct{}) in the function around arg, and every use of it
// there is a stop argument of a stopTaker or a receive from it. Any other
// use (close, an assignment, a return, a field, a call, a send) could
// close it.
func neverClosed(pass *analysis.Pass, in *ctxinfo.Info, arg inspector.Cursor, v *types.Var) bool {
	if v.Parent() == nil || v.Parent() == v.Pkg().Scope() || v.IsField() {
		return false
	}
	body, ok := outermostFunc(in, arg)
	if !ok || declStmt(pass.TypesInfo, body, v) == nil {
		return false
	}
	for use := range usesOfVar(pass.TypesInfo, body, v) {
		use = analysisutil.Unparen(use)
		switch k, idx := use.ParentEdge(); k {
		case edge.UnaryExpr_X:
			if use.Parent().Node().(*ast.UnaryExpr).Op != token.ARROW {
				return false
			}
		case edge.CallExpr_Args:
			i, ok := stopArg(analysisutil.Callee(pass.TypesInfo, use.Parent().Node().(*ast.CallExpr)))
			if !ok || i != idx {
				return false
			}
		default:
			return false
		}
	}
	return true
}
