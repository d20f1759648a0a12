package storedctx

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// processRoot reports whether f's field, in package main, holds the
// process's own root context: every store is context.Background() or
// TODO() made by a function that no code with a ctx in scope reaches
// (kubeseal's config, built by newConfig, which only main calls). Nothing
// above it had a ctx to give, as inheritctx leaves a root there alone; a
// main package is never imported, so every caller is in view. A store
// that code with a ctx reaches, a read in place of a function's own ctx,
// or a function of the path used as a value (a callback whose caller is
// unknown) keeps it reported.
func (s *state) processRoot(f *finding) bool {
	if s.pass.Pkg.Name() != "main" || len(f.fd.stores) == 0 || len(f.conflicts) > 0 {
		return false
	}
	for _, st := range f.fd.stores {
		if st.orig.kind != root || st.fn == nil || s.in.ScopeAt(st.cur).Provider != nil {
			return false
		}
		if s.reachedWithCtx(s.declOf(st.cur)) {
			return false
		}
	}
	return true
}

// declOf returns the declared function around cur (the outermost), or
// nil in package-level code.
func (s *state) declOf(cur inspector.Cursor) *types.Func {
	if fn := s.outermost(cur); fn != nil {
		return fn.Obj
	}
	return nil
}

// reachedWithCtx reports whether fn may run below code with a ctx in
// scope: a call of it, or of a function that calls it, at any depth, is
// made where a context is in scope, or one of them is used other than
// by a call (a callback). A nil fn (package-level code) is not.
func (s *state) reachedWithCtx(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if s.callGraph == nil {
		s.buildCallGraph()
	}
	seen := map[*types.Func]bool{fn: true}
	for queue := []*types.Func{fn}; len(queue) > 0; queue = queue[1:] {
		cs, ok := s.callGraph[queue[0]]
		if ok && cs == nil {
			return true // used as a value
		}
		for _, c := range cs {
			if s.in.ScopeAt(c).Provider != nil {
				return true
			}
			if caller := s.declOf(c); caller != nil && !seen[caller] {
				seen[caller] = true
				queue = append(queue, caller)
			}
		}
	}
	return false
}

// buildCallGraph maps each function of the package to the calls of it
// outside _test.go files, or to nil when it is also used as a value.
func (s *state) buildCallGraph() {
	s.callGraph = map[*types.Func][]inspector.Cursor{}
	escaped := map[*types.Func]bool{}
	for _, file := range s.files() {
		for id := range file.Preorder((*ast.Ident)(nil)) {
			fn, ok := s.info.Uses[id.Node().(*ast.Ident)].(*types.Func)
			if !ok || fn.Pkg() != s.pass.Pkg {
				continue
			}
			fn = fn.Origin()
			at := id
			if k, _ := at.ParentEdge(); k == edge.SelectorExpr_Sel {
				at = at.Parent()
			}
			at = analysisutil.Unparen(at)
			if k, _ := at.ParentEdge(); k == edge.CallExpr_Fun {
				s.callGraph[fn] = append(s.callGraph[fn], at.Parent())
			} else {
				escaped[fn] = true
			}
		}
	}
	for fn := range escaped {
		s.callGraph[fn] = nil
	}
}
