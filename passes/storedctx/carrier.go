package storedctx

import (
	"go/ast"
	"slices"

	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// carriers adds to quiet the fields that only carry a context down to
// other fields: every read of the field that does not just watch the
// context's end is the value stored in a context field of another struct
// (&lister{ctx: f.ctx}, or NewLister(f.ctx) whose ctx parameter
// NewLister stores), and every such field is left alone, as an adapter,
// a lent lifetime or a carrier itself. The context then ends up where it
// is kept on purpose, and the finding, if any, belongs there. So it does
// when that field is reported for being read in place of the ctx its
// own methods receive, and hands the context on no further: the fix
// there (use the ctx parameters, remove the field) leaves the carriers
// nothing to carry. A carrier is held to what an adapter is: no
// per-request context, setter or already-ended context is stored in it,
// no function with a ctx of its own reads it in place of that ctx, and
// its type is not long-lived.
func (s *state) carriers(all []*finding, handed map[ast.Expr]*field, quiet map[*field]bool) {
	s.byField = map[*field]*finding{}
	for _, f := range all {
		s.byField[f.fd] = f
	}
	for changed := true; changed; {
		changed = false
		for _, f := range all {
			if !quiet[f.fd] && s.carries(f, handed, quiet) {
				quiet[f.fd] = true
				f.carrier = true
				changed = true
			}
		}
	}
}

// endsIn reports whether fd is a field that carriers may leave their
// finding to though it is not left alone: it is reported for reads in
// place of its own methods' ctx, or though methods of its type receive
// one, and no read of it hands the context on to another field (so two carriers never leave it to each other).
func (s *state) endsIn(fd *field, handed map[ast.Expr]*field) bool {
	if f := s.byField[fd]; f == nil || len(f.conflicts) == 0 && len(f.lt.ctxMethods) == 0 {
		return false
	}
	for _, r := range fd.reads {
		if e, ok := r.cur.Node().(ast.Expr); ok && handed[e] != nil {
			return false
		}
	}
	return true
}

// handedOn maps each read of a context field that is stored, as it is,
// in another struct's context field to that field: directly
// (&lister{ctx: f.ctx}), or as the ctx argument of a function of the
// package that stores its ctx parameter in one field and nowhere else
// (NewLister(f.ctx)).
func (s *state) handedOn() map[ast.Expr]*field {
	handed := map[ast.Expr]*field{}
	keeps := map[*ctxinfo.Func]*field{}
	for _, o := range s.owners {
		for _, fd := range o.fields {
			for _, st := range fd.stores {
				if st.orig.kind != param || st.orig.fn != st.fn || st.idx >= 0 {
					continue
				}
				if prev, seen := keeps[st.fn]; seen && prev != fd {
					keeps[st.fn] = nil // kept in two fields: not one place to leave the finding
				} else {
					keeps[st.fn] = fd
				}
			}
		}
	}
	for _, c := range s.calls {
		sel, ok := ast.Unparen(c.arg).(*ast.SelectorExpr)
		if !ok || keeps[c.callee] == nil {
			continue
		}
		if o := s.derive(sel, 0); o.kind == fieldRead && o.fd != keeps[c.callee] {
			handed[sel] = keeps[c.callee]
		}
	}
	for _, o := range s.owners {
		for _, fd := range o.fields {
			for _, st := range fd.stores {
				if st.orig.kind == fieldRead && st.idx < 0 && st.orig.fd != fd {
					if sel, ok := ast.Unparen(st.expr).(*ast.SelectorExpr); ok {
						handed[sel] = fd
					}
				}
			}
		}
	}
	return handed
}

// carries reports whether f's field only hands its context on to fields
// in quiet (see carriers).
func (s *state) carries(f *finding, handed map[ast.Expr]*field, quiet map[*field]bool) bool {
	if len(f.perRequest) > 0 || len(f.expired) > 0 || len(f.setters) > 0 || len(f.conflicts) > 0 || f.lt.longLived() {
		return false
	}
	n := 0
	for _, r := range f.fd.reads {
		if r.watch {
			continue
		}
		e, _ := r.cur.Node().(ast.Expr)
		to, ok := handed[e]
		if !ok || !quiet[to] && (slices.Contains(f.handedOn, r) || !s.endsIn(to, handed)) {
			return false
		}
		n++
	}
	return n > 0
}
