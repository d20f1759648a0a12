package ctxinfo

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// retainers lists, by package path, the functions and methods ("Type.Name")
// that keep the context they are given for the life of what they make or
// start: an oauth2 client or token source fetches every later token with
// it; a controller-runtime source's Start watches until it ends. Handing
// them the caller's ctx breaks those fetches, or stops that watch, once
// the caller returns, so a root context given to them is deliberate.
var retainers = map[string][]string{
	"sigs.k8s.io/controller-runtime/pkg/source": {
		"Source.Start", "SyncingSource.Start", "TypedSource.Start", "TypedSyncingSource.Start",
		"Kind.Start", "Informer.Start", "Channel.Start",
	},
	"golang.org/x/oauth2":                   {"NewClient", "Config.Client", "Config.TokenSource"},
	"golang.org/x/oauth2/clientcredentials": {"Config.Client", "Config.TokenSource"},
	"golang.org/x/oauth2/jwt":               {"Config.Client", "Config.TokenSource"},
	"golang.org/x/oauth2/google": {
		"DefaultClient", "DefaultTokenSource", "FindDefaultCredentials", "FindDefaultCredentialsWithParams",
		"CredentialsFromJSON", "CredentialsFromJSONWithParams", "CredentialsFromJSONWithType",
		"CredentialsFromJSONWithTypeAndParams", "AppEngineTokenSource",
	},
}

// retainsContext reports whether fn keeps its context argument beyond the
// call (see retainers).
func retainsContext(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	names, ok := retainers[fn.Pkg().Path()]
	if !ok {
		return false
	}
	if _, ok := analysisutil.RecvName(fn); !ok {
		return false
	}
	name := analysisutil.QualName(fn)
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}

// keptByCallee reports whether the root context made at cur is given to
// a function that keeps it (see retainers): directly, with values added
// by context.WithValue, or through a local variable used only there.
func (in *Info) keptByCallee(cur inspector.Cursor) bool {
	cur, kept := in.keptAt(cur)
	if kept {
		return true
	}
	v := in.assignedVar(cur)
	if v == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	body, ok := outermostFunc(cur)
	if !ok {
		return false
	}
	uses := 0
	for use := range in.UsesOf(body, v) {
		if _, kept := in.keptAt(use); !kept {
			return false
		}
		uses++
	}
	return uses > 0
}

// keptAt climbs from the context expression at cur through parentheses and
// context.WithValue calls. It reports whether the value reaches a function
// that keeps it, and returns the outermost expression it reached.
func (in *Info) keptAt(cur inspector.Cursor) (inspector.Cursor, bool) {
	return in.keptAtDepth(cur, 0)
}

// maxHandOn bounds how many functions of the package deep handsOn
// follows a ctx parameter.
const maxHandOn = 3

// keptAtDepth is keptAt, depth functions of the package down (handsOn).
func (in *Info) keptAtDepth(cur inspector.Cursor, depth int) (inspector.Cursor, bool) {
	for {
		cur = analysisutil.Unparen(cur)
		if k, idx := cur.ParentEdge(); k != edge.CallExpr_Args || idx != 0 {
			return cur, false
		}
		fn := analysisutil.Callee(in.TypesInfo, cur.Parent().Node().(*ast.CallExpr))
		if retainsContext(fn) || in.handsOn(fn, depth) {
			return cur, true
		}
		if !analysisutil.IsPkgFunc(fn, ContextPath, "WithValue") {
			return cur, false
		}
		cur = cur.Parent()
	}
}

// handsOn reports whether fn is a function of the package whose first
// parameter is its ctx and whose every use of it gives it to a function
// that keeps it (keptAt): a wrapper such as t.start(ctx) over a source's
// Start(ctx, queue) keeps it as that function does.
func (in *Info) handsOn(fn *types.Func, depth int) bool {
	d := in.Decl(fn)
	if d == nil || d.Ctx == nil || depth >= maxHandOn {
		return false
	}
	if ps := d.Sig.Params(); ps.Len() == 0 || ps.At(0) != d.Ctx.Var {
		return false
	}
	uses := 0
	for use := range in.UsesOf(d.Cur, d.Ctx.Var) {
		if _, kept := in.keptAtDepth(use, depth+1); !kept {
			return false
		}
		uses++
	}
	return uses > 0
}
