package storedctx

import "go/ast"

// carriers adds to quiet the fields that only carry a context down to
// fields that are left alone: every read of the field that does not just
// watch the context's end is the value stored in a context field of
// another struct (&lister{ctx: f.ctx}), and every such field is left
// alone, as an adapter, a lent lifetime or a carrier itself. The context
// then ends up where it is kept on purpose, and the finding, if any,
// belongs there. A carrier is held to what an adapter is: no per-request
// context, setter or already-ended context is stored in it, no function
// with a ctx of its own reads it in place of that ctx, and its type is
// not long-lived.
func (s *state) carriers(all []*finding, handed map[ast.Expr]*field, quiet map[*field]bool) {
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

// handedOn maps each read of a context field that is stored, as it is,
// in another struct's context field (&lister{ctx: f.ctx}) to that field.
func (s *state) handedOn() map[ast.Expr]*field {
	handed := map[ast.Expr]*field{}
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
		if !ok || !quiet[to] {
			return false
		}
		n++
	}
	return n > 0
}
