package ctxinfo

import (
	"go/ast"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// A handler that answers at once and does the work on a goroutine it
// does not wait for (tekton's event sink: go s.processTrigger(..., r,
// ...) and then 202 Accepted) hands that work a request whose context
// the server cancels as soon as the handler returns. The functions doing
// the work receive the request, yet its context is no context for them:
// a root context there is deliberate, and telling them to use
// r.Context() would cut the work short.

// detachedRequests sets ReqDetached on the plain functions whose only
// context is a request's and whose every call in the package, outside
// _test.go files (at least one), either runs on a goroutine started by a
// function whose context is its request's (a handler) and that never
// waits for a sync.WaitGroup or an errgroup.Group, or passes the
// function the request of a function already so marked.
func (in *Info) detachedRequests() {
	calls := map[*Func][]inspector.Cursor{}
	for cur := range in.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
		callee := in.Decl(analysisutil.Callee(in.TypesInfo, cur.Node().(*ast.CallExpr)))
		if callee == nil || callee.Req == nil || callee.Ctx != nil || callee.Kind != Plain {
			continue
		}
		if analysisutil.InTestFile(in.Fset, cur.Node().Pos()) {
			continue
		}
		calls[callee] = append(calls[callee], cur)
	}
	if len(calls) == 0 {
		return
	}
	waits := map[*Func]bool{}
	for changed := true; changed; {
		changed = false
		for fn, cs := range calls {
			if fn.ReqDetached {
				continue
			}
			all := true
			for _, c := range cs {
				if !in.detachedCall(c, fn, waits) {
					all = false
					break
				}
			}
			if all {
				fn.ReqDetached, changed = true, true
			}
		}
	}
}

// detachedCall reports whether the call of fn at cur runs it on a
// goroutine that the function with a context around it does not wait
// for, or passes it, as its request, the request of a function marked
// ReqDetached.
func (in *Info) detachedCall(cur inspector.Cursor, fn *Func, waits map[*Func]bool) bool {
	s := in.scopeAt(cur, (*Func).HasContext)
	if p := s.Provider; p != nil && p.Req != nil && p.Ctx == nil && s.Detached != nil && s.How == OnGoroutine {
		w, ok := waits[s.Provider]
		if !ok {
			w = in.waitsForGoroutines(s.Provider)
			waits[s.Provider] = w
		}
		return !w
	}
	call := cur.Node().(*ast.CallExpr)
	if fn.Req.Index >= len(call.Args) {
		return false
	}
	id, ok := ast.Unparen(call.Args[fn.Req.Index]).(*ast.Ident)
	if !ok {
		return false
	}
	for _, caller := range in.Enclosing(cur) {
		if caller.Req != nil && in.TypesInfo.Uses[id] == caller.Req.Var {
			return caller.ReqDetached
		}
	}
	return false
}

// waitsForGoroutines reports whether fn's body calls the Wait method of
// a sync.WaitGroup or an errgroup.Group.
func (in *Info) waitsForGoroutines(fn *Func) bool {
	for cur := range fn.Cur.Preorder((*ast.CallExpr)(nil)) {
		callee := analysisutil.Callee(in.TypesInfo, cur.Node().(*ast.CallExpr))
		if analysisutil.IsMethod(callee, "sync", "WaitGroup", "Wait") || analysisutil.IsMethod(callee, ErrgroupPath, "Group", "Wait") {
			return true
		}
	}
	return false
}
