package ctxinfo

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// This file is about clean-up closures: cleanUp := func() {...}, called
// where the function fails (if err != nil { cleanUp(); return err }),
// from a deferred call, or from a cancel function handed to the caller.
// A clean-up must run even when the failure is ctx's own cancellation,
// so a root context there is detachment on purpose; what it drops is
// ctx's values, which context.WithoutCancel(ctx) keeps.

// cleanUpBinding returns, when the func literal at lit is a clean-up,
// the statement that binds it to a local variable; otherwise nil. A
// clean-up is a func literal assigned (v := func() {...}, or var v =
// func...) to a local variable of the function that declares it, never
// assigned again, whose every use is a call of it that runs once that
// function fails or returns (see cleanUpCall).
func (in *Info) cleanUpBinding(lit inspector.Cursor) ast.Stmt {
	in.cleanUpsMu.Lock()
	st, ok := in.cleanUps[lit.Node()]
	in.cleanUpsMu.Unlock()
	if ok {
		return st
	}
	st = in.findCleanUpBinding(lit)
	in.cleanUpsMu.Lock()
	in.cleanUps[lit.Node()] = st
	in.cleanUpsMu.Unlock()
	return st
}

func (in *Info) findCleanUpBinding(lit inspector.Cursor) ast.Stmt {
	v := in.boundTo(lit)
	if v == nil {
		return nil
	}
	stmt := analysisutil.Unparen(lit).Parent()
	if _, ok := stmt.Node().(*ast.ValueSpec); ok {
		stmt = stmt.Parent().Parent() // the GenDecl, then the DeclStmt
	}
	var body inspector.Cursor
	for a := range stmt.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = a
		break
	}
	if !body.Valid() || !in.onlyCalled(body, v, func(call inspector.Cursor) bool { return in.cleanUpCall(call, body) }) {
		return nil
	}
	s, _ := stmt.Node().(ast.Stmt)
	return s
}

// cleanUpCall reports whether the call at call, in the function at fn,
// runs only once that function fails or returns: it is in a defer
// statement; in the body or else branch of an if that ends by returning
// an error other than nil; or in a func literal that the function
// returns or assigns to one of its named results (a cancel function
// handed to the caller), at any depth of func literals.
func (in *Info) cleanUpCall(call, fn inspector.Cursor) bool {
	for a := range call.Enclosing() {
		if a == fn {
			return false
		}
		switch n := a.Node().(type) {
		case *ast.DeferStmt:
			return true
		case *ast.BlockStmt:
			if _, ok := a.Parent().Node().(*ast.IfStmt); ok && in.returnsError(n.List) {
				return true
			}
		case *ast.FuncLit:
			if in.handedToCaller(a, fn) {
				return true
			}
		}
	}
	return false
}

// returnsError reports whether list ends by returning an error value
// other than nil as its last result.
func (in *Info) returnsError(list []ast.Stmt) bool {
	if len(list) == 0 {
		return false
	}
	ret, ok := list[len(list)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) == 0 {
		return false
	}
	last := ret.Results[len(ret.Results)-1]
	if analysisutil.IsNil(in.TypesInfo, last) {
		return false
	}
	t := in.TypesInfo.TypeOf(last)
	return t != nil && types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface))
}

// handedToCaller reports whether the func literal at lit, in the
// function at fn, is returned by it or assigned to one of its named
// results.
func (in *Info) handedToCaller(lit, fn inspector.Cursor) bool {
	up := analysisutil.Unparen(lit)
	k, _ := up.ParentEdge()
	if k == edge.ReturnStmt_Results {
		for a := range up.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			return a == fn
		}
	}
	id, _ := assignee(up).(*ast.Ident)
	if id == nil {
		return false
	}
	v, _ := in.TypesInfo.Uses[id].(*types.Var)
	f := in.funcs[fn.Node()]
	return v != nil && f != nil && f.IsResult(v)
}
