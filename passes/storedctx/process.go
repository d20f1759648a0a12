package storedctx

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// This file is about process and manager lifetimes: the ctx a runnable's
// Start or a SetupWithManager receives, and main's signal context. Kept
// as the parent of background work that the function receiving it
// starts, it is the right context for that work.

// Import paths of the signal contexts known to be the process's lifetime.
const (
	signalPath    = "os/signal"
	ctrlPath      = "sigs.k8s.io/controller-runtime"
	ctrlSignals   = "sigs.k8s.io/controller-runtime/pkg/manager/signals"
	managerPath   = "sigs.k8s.io/controller-runtime/pkg/manager"
	setupSignalFn = "SetupSignalHandler"
)

// isSignalContext reports whether call makes the process's signal
// context: signal.NotifyContext, or controller-runtime's
// SetupSignalHandler (a function of pkg/manager/signals, and a variable
// of the ctrl package that holds it).
func (s *state) isSignalContext(call *ast.CallExpr) bool {
	fn := analysisutil.Callee(s.info, call)
	if analysisutil.IsPkgFunc(fn, signalPath, "NotifyContext") ||
		analysisutil.IsPkgFunc(fn, ctrlSignals, setupSignalFn) || analysisutil.IsPkgFunc(fn, ctrlPath, setupSignalFn) {
		return true
	}
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	}
	v, ok := s.info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == ctrlPath && v.Name() == setupSignalFn && v.Parent() == v.Pkg().Scope()
}

// isLifetimeMethod reports whether fn receives the ctx that bounds a
// component's life: it is the Start(context.Context) error method of a
// runnable, a method that receives a ctx and a controller-runtime
// manager.Manager (a SetupWithManager), or a method that waits for the
// end of its ctx (see waitsOnOwnCtx): an event listener's loop, whose
// type need not keep a context itself for what it builds with that ctx
// to live as long as the loop.
func (s *state) isLifetimeMethod(fn *ctxinfo.Func) bool {
	if fn == nil || fn.Obj == nil || fn.Ctx == nil || fn.Sig.Recv() == nil || fn.Kind != ctxinfo.Plain {
		return false
	}
	recv := fn.Sig.Recv().Type()
	if s.isRunnable(recv) {
		obj, _, _ := types.LookupFieldOrMethod(addrType(ctxinfo.SelfInstance(recv)), false, fn.Obj.Pkg(), fn.Obj.Name())
		if m, ok := obj.(*types.Func); ok && m.Origin() == fn.Obj.Origin() && s.isRunnableStart(m) {
			return true
		}
	}
	for v := range fn.Sig.Params().Variables() {
		if n, ok := types.Unalias(v.Type()).(*types.Named); ok {
			if obj := n.Obj(); obj.Pkg() != nil && obj.Pkg().Path() == managerPath && obj.Name() == "Manager" {
				return true
			}
		}
	}
	return s.waitsOnOwnCtx(fn)
}

// waitsOnOwnCtx reports whether fn, in its own body and not in a
// function literal, waits for the end of its ctx or of a context made
// from it (<-ctx.Done(), alone or as a select case): a server's
// Run(ctx), whose ctx bounds what it serves while it runs. What it keeps
// for those callbacks, even a WithCancel of ctx whose cancel it defers,
// lives as long as they are served.
func (s *state) waitsOnOwnCtx(fn *ctxinfo.Func) bool {
	if fn.Body == nil {
		return false
	}
	waits := false
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if waits {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			if n.Op != token.ARROW || !s.in.IsDoneCall(n.X) {
				return true
			}
			sel := ast.Unparen(ast.Unparen(n.X).(*ast.CallExpr).Fun).(*ast.SelectorExpr)
			if o := s.derive(sel.X, 0); o.kind == param && o.fn == fn {
				waits = true
			}
		}
		return true
	})
	return waits
}

// isRunnableStart reports whether m has the signature of
// manager.Runnable's Start: func(context.Context) error.
func (s *state) isRunnableStart(m *types.Func) bool {
	sig := m.Signature()
	return sig.Params().Len() == 1 && s.in.IsContext(sig.Params().At(0).Type()) &&
		sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type())
}

// lifetimes works out which functions receive, as their ctx, a process
// or manager lifetime: lifetime methods (see isLifetimeMethod), and
// functions of the package whose every call passes them such a lifetime
// or the process's signal context, at any depth.
func (s *state) lifetimes(origins []origin) {
	s.lifeFns = map[*ctxinfo.Func]bool{}
	s.in.Funcs(func(fn *ctxinfo.Func) {
		if s.isLifetimeMethod(fn) {
			s.lifeFns[fn] = true
		}
	})
	s.everyCall(origins, s.lifeFns, s.isLifetime)
}

// isLifetime reports whether a context of origin o is a process or
// manager lifetime: the signal context, or the ctx of a function that
// receives one (see lifetimes).
func (s *state) isLifetime(o origin) bool {
	return o.kind == process || o.kind == param && s.lifeFns[o.fn]
}

// keepsLifetime reports whether the field of f keeps a process or
// manager lifetime for the background work started by the functions
// that receive it: every store stores one, and every read that uses it
// (not only watches its end) is in such a function, in a callback or a
// method whose signature is imposed, or in a ctx-less method of the
// type that only such functions call, at any depth. A read by a method
// that other code calls later is work that lifetime does not bound.
// It returns the first such reader otherwise.
func (s *state) keepsLifetime(f *finding) (bool, *ctxinfo.Func) {
	fd := f.fd
	if len(fd.stores) == 0 || len(f.conflicts) > 0 || len(f.setters) > 0 {
		return false, nil
	}
	roots := map[*ctxinfo.Func]bool{}
	for _, st := range fd.stores {
		if !s.isLifetime(st.orig) && !s.commandOptions(st) {
			return false, nil
		}
		if st.fn != nil {
			roots[st.fn] = true
		}
	}
	done := map[*ctxinfo.Func]bool{}
	for _, r := range fd.reads {
		m := s.outermost(r.cur)
		if r.watch || m == nil || done[m] {
			continue
		}
		done[m] = true
		if !s.startedBy(fd.owner, m, roots, map[*ctxinfo.Func]bool{}) {
			return false, m
		}
	}
	return true, nil
}

// startedBy reports whether the code of fn runs as part of the work that
// a lifetime's receiver starts: fn receives it or stores it (roots), is
// imposed or passed as a callback, or is a ctx-less method of o's type
// whose every caller in the package is such a function, a lifetime
// method, or a function with no ctx of its own (main).
func (s *state) startedBy(o *owner, fn *ctxinfo.Func, roots, seen map[*ctxinfo.Func]bool) bool {
	if roots[fn] || s.lifeFns[fn] {
		return true
	}
	if !s.isMethodOf(fn, o) {
		return !fn.HasContext()
	}
	if fn.HasContext() || seen[fn] {
		return false
	}
	seen[fn] = true
	if s.isImposed(o, fn, map[*ctxinfo.Func]bool{}) {
		return true
	}
	callers := s.callers[fn]
	for _, c := range callers {
		if !s.startedBy(o, c, roots, seen) {
			return false
		}
	}
	return len(callers) > 0
}

// commandOptions reports whether st stores, from a cobra command's
// Run-style func literal, the command's context (cmd.Context()) into a
// field of the options value that the function building the command made
// and the literal captures. A command runs once in its process: the
// options live as long as the command, and that context is the command's
// lifetime, as main's signal context is the process's. A package
// variable, or a literal that is not a command's, is not this.
func (s *state) commandOptions(st *store) bool {
	fn := st.orig.fn
	if st.orig.kind != param || fn == nil || fn != s.innermost(st.cur) {
		return false
	}
	lit, ok := fn.Node.(*ast.FuncLit)
	if !ok || !s.takesCommand(fn) {
		return false
	}
	sel, ok := st.at.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := s.info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Parent() != v.Pkg().Scope() && !v.IsField() &&
		(v.Pos() < lit.Pos() || v.Pos() >= lit.End())
}
