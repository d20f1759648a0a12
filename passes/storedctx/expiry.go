package storedctx

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// This file is about contexts that end with the call that stores them:
// ctx, cancel := context.WithTimeout(context.Background(), d) followed by
// defer cancel(). Kept in a per-call object, that is the call's own
// deadline; kept anywhere that outlives the call, it is already
// cancelled when it is next used.

// deferredCancel returns the defer statement of the function that makes
// the store st, when the stored value is (through local variables) the
// context that a context.With* call of that function returns and the
// function defers calling the cancel function of the same call; or nil.
func (s *state) deferredCancel(st *store) *ast.DeferStmt {
	fn := s.innermost(st.cur)
	if fn == nil || st.idx > 0 {
		return nil
	}
	call := s.withCancelCall(st.expr, 0)
	if call == nil {
		return nil
	}
	var fnCur inspector.Cursor
	for a := range st.cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fnCur = a
		break
	}
	if !fnCur.Valid() {
		return nil
	}
	for d := range fnCur.Preorder((*ast.DeferStmt)(nil)) {
		ds := d.Node().(*ast.DeferStmt)
		if s.innermost(d) != fn || len(ds.Call.Args) != 0 {
			continue
		}
		id, ok := ast.Unparen(ds.Call.Fun).(*ast.Ident)
		if !ok {
			continue
		}
		v, _ := s.info.ObjectOf(id).(*types.Var)
		for _, def := range s.locals[v] {
			if def.expr == call && def.idx == 1 {
				return ds
			}
		}
	}
	return nil
}

// withCancelCall returns the context.With* call (see
// ctxinfo.IsWithCancel) whose context e is, directly or through local
// variables assigned once, or nil. e is the call itself when the store
// takes its context straight from it (x.ctx, cancel = context.With...).
func (s *state) withCancelCall(e ast.Expr, depth int) *ast.CallExpr {
	if depth > 8 {
		return nil
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && depth == 0 && ctxinfo.IsWithCancel(analysisutil.Callee(s.info, call)) {
		return call
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := s.info.ObjectOf(id).(*types.Var)
	defs := s.locals[v]
	if v == nil || len(defs) != 1 || defs[0].idx > 0 {
		return nil
	}
	d := defs[0]
	if call, ok := ast.Unparen(d.expr).(*ast.CallExpr); ok && d.idx == 0 && ctxinfo.IsWithCancel(analysisutil.Callee(s.info, call)) {
		return call
	}
	return s.withCancelCall(d.expr, depth+1)
}

// expires reports whether the store st keeps, in a value that may
// outlive the call, a context whose cancel that call defers: it ends
// when the function that stores it returns. A lifetime method that
// waits for the end of the ctx it stores (a server's Run) runs as long
// as what it keeps that ctx for.
func (s *state) expires(st *store) bool {
	if st.cancel == nil || st.orig.kind == param && st.orig.fn == st.fn && s.lifeFns[st.fn] && s.waitsOnOwnCtx(st.fn) {
		return false // a server's Run that keeps it while it waits for its end
	}
	if _, ok := st.cur.Node().(*ast.CompositeLit); !ok {
		return true
	}
	e := s.escapeIn(s.innermost(st.cur), st.cur, false)
	return e == nil || e.outlives(st.cur)
}
