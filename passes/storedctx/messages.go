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

// what describes the context a field holds, with its type unless that
// is context.Context or too long for a message.
func (s *state) what(v *types.Var) string {
	ts := types.TypeString(v.Type(), s.qualifier)
	t := types.Unalias(v.Type())
	typ := " (" + ts + ")"
	if len(ts) > maxTypeString {
		typ = ""
	}
	switch {
	case s.in.IsContext(v.Type()):
		if ts == "context.Context" {
			return "a context"
		}
		return "a context" + typ
	case isPointer(t):
		return "a pointer to a context" + typ
	case isNamedStruct(t):
		if typ == "" {
			return "a context inside a struct"
		}
		return "a context inside " + ts
	}
	return "contexts" + typ
}

// maxTypeString is the longest type that messages spell out.
const maxTypeString = 40

// funcNames lists the names of fns for a message: "Get", "Get and Put",
// "Get, Put and List", "Get, Put, List and 2 more".
func funcNames(fns []*ctxinfo.Func) string {
	var out []string
	for _, fn := range fns {
		out = append(out, fn.Name())
	}
	if len(out) > 4 {
		out = append(out[:3], fmt.Sprintf("%d more", len(out)-3))
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

// storedIn says where a store happens: "in NewClient", or
// "at client.go:12" outside a named function.
func (s *state) storedIn(st *store) string {
	if st.fn != nil && st.fn.Obj != nil {
		return "in " + st.fn.Name()
	}
	return "at " + s.pos(st.at)
}

// The headings of doc.go that the diagnostics link to, one a rule.
const (
	rulePerRequest = "Per-request contexts kept in a field"
	ruleOwnCtx     = "Methods that use the stored context instead of their own"
	ruleSetter     = "WithContext setters"
	ruleLongLived  = "Reconcilers, runnables and handlers"
	ruleOther      = "Other stored contexts"
)

// maxMessage is the longest a message may be.
const maxMessage = 200

// diagnostic reports the field of f: what it stores, what is wrong with
// that and what to do instead, under the first rule that applies (in the
// order of doc.go), with the stores and reads that show it as related
// information.
func (s *state) diagnostic(f *finding) analysis.Diagnostic {
	fd, o, lt := f.fd, f.fd.owner, f.lt
	subject := o.name()
	if role := lt.role(); role != "" {
		subject = role + " " + subject
	}
	head := fmt.Sprintf("field %s of %s stores %s", fd.v.Name(), subject, s.what(fd.v))
	if fd.v.Embedded() {
		head = "embedded " + head
	}
	var related []analysis.RelatedInformation
	relate := func(n ast.Node, text string) {
		if len(related) < 4 {
			related = append(related, analysis.RelatedInformation{Pos: n.Pos(), End: n.End(), Message: text})
		}
	}
	var rootIn string
	if len(f.roots) > 0 {
		st := f.roots[0]
		rootIn = fmt.Sprintf(", set to context.%s() %s", st.orig.root, s.storedIn(st))
		relate(st.at, "context."+st.orig.root+"() is stored here")
	}
	rule, msg := ruleLongLived, ""
	switch {
	case len(f.perRequest) > 0:
		rule = rulePerRequest
		st := f.perRequest[0]
		r := s.perRequest[st.orig.fn]
		relate(st.at, "the per-request context is stored here")
		whose := "a " + qualName(r) + " call"
		switch {
		case r.Obj == nil: // a literal: "the reconcile func"
			whose = "a call of " + qualName(r)
		case r.Kind == ctxinfo.HTTP:
			whose = "a request to " + qualName(r)
		case r.Kind == ctxinfo.Admission:
			whose = "an admission request to " + qualName(r)
		}
		if st.orig.fn != r {
			whose += ", handed on to " + qualName(st.orig.fn) + ","
		}
		race := ""
		if st.fn == r && s.isMethodOf(r, o) {
			race = ", overwritten by concurrent calls"
		}
		msg = fmt.Sprintf("%s: the ctx of %s outlives it%s; pass ctx as a parameter instead", head, whose, race)
	case len(f.expired) > 0:
		rule = ruleOther
		st := f.expired[0]
		relate(st.cancel, "its cancel is deferred here")
		msg = fmt.Sprintf("%s: %s cancels it when it returns (at %s), but it is kept beyond that call; pass ctx as a parameter instead", head, st.fn.Name(), s.pos(st.cancel))
	case len(f.conflicts) > 0:
		rule = ruleOwnCtx
		fn := f.conflictFn[0]
		for _, r := range f.conflicts {
			relate(r.Node(), "read here, where a context of the function's own is in scope")
		}
		msg = fmt.Sprintf("%s%s: %s uses it in place of its own ctx (at %s); use the ctx %s receives and remove the field", head, rootIn, fn.Name(), s.pos(f.conflicts[0].Node()), fn.Name())
		if len(msg) > maxMessage {
			msg = fmt.Sprintf("%s%s: %s uses it in place of its own ctx (at %s); use that ctx and remove the field", head, rootIn, fn.Name(), s.pos(f.conflicts[0].Node()))
		}
	case len(f.setters) > 0:
		rule = ruleSetter
		st := f.setters[0]
		relate(st.at, st.fn.Name()+" stores its ctx argument here")
		msg = fmt.Sprintf("%s: %s sets it (at %s) for every later call through %s; take a ctx parameter in each method that needs one instead", head, st.fn.Name(), s.pos(st.at), o.name())
	case len(f.own) > 0 && lt.runnable:
		st := f.own[0]
		relate(st.at, st.fn.Name()+" stores its ctx here")
		by, to := "", "that work"
		if r := f.lifeReader; r != nil {
			by, to = " by "+r.Name(), r.Name()
		}
		msg = fmt.Sprintf("%s: it keeps the ctx %s receives (at %s) for work started later%s; pass a ctx to %s instead", head, st.fn.Name(), s.pos(st.at), by, to)
	case f.lifeReader != nil:
		st := fd.stores[0]
		relate(st.at, "the lifetime is stored here")
		msg = fmt.Sprintf("%s: it keeps a process or manager lifetime (at %s) that %s uses for later work; pass a ctx to %s instead", head, s.pos(st.at), f.lifeReader.Name(), f.lifeReader.Name())
	case lt.kind == ctxinfo.Reconcile:
		msg = head + rootIn + ": one reconciler serves every reconcile; use the ctx Reconcile receives and pass it on"
	case lt.kind == ctxinfo.Plain && lt.runnable:
		msg = head + rootIn + ": Start receives the ctx that bounds the runnable's life; pass Start's ctx to the work it starts"
	case lt.kind == ctxinfo.HTTP || lt.kind == ctxinfo.Admission:
		msg = head + rootIn + ": one handler serves every request; use the context of the request being served"
	case len(lt.ctxMethods) > 0:
		rule = ruleOwnCtx
		if m := lt.ctxMethods; len(m) == 1 {
			msg = fmt.Sprintf("%s%s, though %s receives a ctx of its own; use %s's ctx parameter and remove the field", head, rootIn, m[0].Name(), m[0].Name())
		} else {
			msg = fmt.Sprintf("%s%s, though %s receive a ctx of their own; use their ctx parameters and remove the field", head, rootIn, funcNames(m))
			if len(msg) > maxMessage {
				msg = fmt.Sprintf("%s%s, though %d of its methods receive a ctx of their own; use their ctx parameters and remove the field", head, rootIn, len(m))
			}
		}
	case len(f.roots) > 0:
		rule = ruleOther
		msg = head + rootIn + ", which is never cancelled; pass ctx to the functions that need it instead"
	default:
		rule = ruleOther
		msg = head + ": a stored context outlives the call it belongs to; pass ctx to the functions that need it instead"
	}
	if len(msg) > maxMessage && rootIn != "" {
		msg = strings.Replace(msg, rootIn, "", 1) // the store is among the related information
	}
	return analysis.Diagnostic{
		Pos:     fd.pos,
		End:     fd.end,
		Message: msg,
		URL:     analysisutil.RuleURL(Name, rule),
		Related: related,
	}
}
