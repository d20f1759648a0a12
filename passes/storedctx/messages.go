package storedctx

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

func (s *state) qualifier(p *types.Package) string {
	if p == s.pass.Pkg {
		return ""
	}
	return p.Name()
}

func (s *state) pos(n ast.Node) string { return analysisutil.Position(s.pass.Fset, n.Pos()) }

// what describes the context a field holds.
func (s *state) what(v *types.Var) string {
	ts := types.TypeString(v.Type(), s.qualifier)
	t := types.Unalias(v.Type())
	switch {
	case s.in.IsContext(v.Type()):
		if ts == "context.Context" {
			return "a context"
		}
		return "a context (" + ts + ")"
	case isPointer(t):
		return "a pointer to a context (" + ts + ")"
	case isNamedStruct(t):
		return "a context inside " + ts
	}
	return "contexts (" + ts + ")"
}

func funcNames(fns []*ctxinfo.Func) string {
	var out []string
	for _, fn := range fns {
		out = append(out, fn.Name())
	}
	switch len(out) {
	case 0:
		return ""
	case 1:
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}

// qualName names a function for messages that may point outside the
// type being reported: "FooReconciler.Reconcile" for a method.
func qualName(fn *ctxinfo.Func) string {
	if fn.Obj != nil {
		return analysisutil.QualName(fn.Obj)
	}
	return fn.Name()
}

// storedIn says where a store happens: "in NewClient at client.go:12".
func (s *state) storedIn(st *store) string {
	if st.fn != nil && st.fn.Obj != nil {
		return "in " + st.fn.Name() + " at " + s.pos(st.at)
	}
	return "at " + s.pos(st.at)
}

func (s *state) diagnostic(f *finding) analysis.Diagnostic {
	fd, o, lt := f.fd, f.fd.owner, f.lt
	subject := o.name()
	if role := lt.role(); role != "" {
		subject = role + " " + subject
	}
	var msg string
	if fd.v.Embedded() {
		msg = fmt.Sprintf("%s embeds %s", subject, s.what(fd.v))
	} else {
		msg = fmt.Sprintf("field %s of %s stores %s", fd.v.Name(), subject, s.what(fd.v))
	}
	var related []analysis.RelatedInformation
	relate := func(n ast.Node, text string) {
		if len(related) < 4 {
			related = append(related, analysis.RelatedInformation{Pos: n.Pos(), End: n.End(), Message: text})
		}
	}
	var rootNote, rootSet string
	if len(f.roots) > 0 {
		st := f.roots[0]
		rootSet = fmt.Sprintf("set to context.%s() %s", st.orig.root, s.storedIn(st))
		rootNote = ", and it is " + rootSet + ", which is never cancelled"
		relate(st.at, "context."+st.orig.root+"() is stored here")
	}
	const general = "pass ctx to the functions that need it, and keep a context.CancelFunc or a done channel to own a lifetime"
	var why, fix string
	switch {
	case len(f.perRequest) > 0:
		st := f.perRequest[0]
		r := s.perRequest[st.orig.fn]
		via := ""
		if st.orig.fn != r {
			via = ", handed on to " + qualName(st.orig.fn)
		}
		relate(st.at, "the per-request context is stored here")
		switch r.Kind {
		case ctxinfo.Reconcile:
			why = fmt.Sprintf("it is the ctx of one call of %s%s, stored %s, with that reconcile's logger, ID and deadline: work done through the field later runs under the wrong reconcile, or fails once that call's ctx is cancelled", qualName(r), via, s.storedIn(st))
		case ctxinfo.HTTP:
			why = fmt.Sprintf("it is the ctx of one request served by %s%s, stored %s, and net/http cancels it when that handler returns: work done through the field later fails with context canceled", qualName(r), via, s.storedIn(st))
		default:
			why = fmt.Sprintf("it is the ctx of one admission request served by %s%s, stored %s, and it is cancelled when that webhook call returns: work done through the field later fails with context canceled", qualName(r), via, s.storedIn(st))
		}
		if st.fn == r && s.isMethodOf(r, o) {
			why += ", and concurrent calls overwrite each other's (a data race)"
		}
		fix = "pass the ctx as a parameter to each function that needs it instead of storing it"
	case len(f.conflicts) > 0:
		fn := f.conflictFn[0]
		for _, r := range f.conflicts {
			relate(r.Node(), "read here, where a context of the function's own is in scope")
		}
		why = fmt.Sprintf("%s receives a ctx of its own but uses this one (at %s)", fn.Name(), s.pos(f.conflicts[0].Node()))
		if rootSet != "" {
			why += ", " + rootSet + " and never cancelled"
		}
		why += ", so its caller's cancellation and deadline never reach that work"
		fix = fmt.Sprintf("use the ctx %s receives and remove the field", fn.Name())
	case len(f.setters) > 0:
		st := f.setters[0]
		relate(st.at, st.fn.Name()+" stores its ctx argument here")
		why = fmt.Sprintf("%s stores its ctx argument in it (at %s), so every later call through %s uses that one ctx: once it is cancelled or expires they all fail, and calls made before it is set have none (client-go turned this design down for that reason)", st.fn.Name(), s.pos(st.at), o.name())
		fix = "take a ctx parameter in each method that needs one instead"
	case len(f.own) > 0 && lt.runnable:
		st := f.own[0]
		relate(st.at, st.fn.Name()+" stores its ctx here")
		why = fmt.Sprintf("it keeps the ctx that %s receives (stored at %s), so work started later through the field runs until that ctx ends, whatever the ctx of the code that starts it", st.fn.Name(), s.pos(st.at))
		fix = "pass a ctx to that work explicitly; if the type owns this lifetime, keep the ctx together with its context.CancelFunc, or keep only ctx.Done() as a stop channel"
	case lt.kind == ctxinfo.Reconcile:
		why = "one reconciler serves every reconcile, so work done through the field ignores each Reconcile's ctx: its cancellation at shutdown, its deadline and its logger" + rootNote
		fix = "use the ctx that Reconcile receives and pass it to the helpers that need it"
	case lt.kind == ctxinfo.Plain && lt.runnable:
		why = "Start already receives the context that bounds the runnable's life, so a stored one is stale or competes with it" + rootNote
		fix = "pass Start's ctx to the work it starts; if the type owns a lifetime of its own, keep the ctx together with its context.CancelFunc"
	case lt.kind == ctxinfo.HTTP || lt.kind == ctxinfo.Admission:
		why = "one handler serves every request, so work done through the field ignores each request's cancellation and deadline" + rootNote
		fix = "use the context of the request being served"
	case len(lt.ctxMethods) == 1:
		m := lt.ctxMethods[0].Name()
		why = fmt.Sprintf("%s already receives a ctx of its own, so the stored one is either dead or used instead of it%s", m, rootNote)
		fix = fmt.Sprintf("use %s's ctx parameter, pass a ctx to the other methods that need one, and remove the field", m)
	case len(lt.ctxMethods) > 1:
		why = fmt.Sprintf("%s already receive a ctx of their own, so the stored one is either dead or used instead of theirs%s", funcNames(lt.ctxMethods), rootNote)
		fix = "use their ctx parameters, pass a ctx to the other methods that need one, and remove the field"
	case len(f.roots) > 0:
		why = "it is " + rootSet + ", which is never cancelled, so no caller's cancellation or deadline reaches the work done through it"
		fix = general
	default:
		why = "a context belongs to one call, and kept in a struct it outlives that call, so later work through the field runs with a context that may already be cancelled, or that no caller can cancel"
		fix = general
	}
	return analysis.Diagnostic{
		Pos:     fd.pos,
		End:     fd.end,
		Message: msg + ": " + why + "; " + fix,
		Related: related,
	}
}
