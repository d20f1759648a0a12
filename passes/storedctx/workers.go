package storedctx

import (
	"golang.org/x/tools/go/ast/edge"

	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// This file is about a component's lifetime handed in when it is built
// (a constructor's argument, another package's options) and kept as the
// parent of the workers the component starts: client-go's
// Run(stopCh <-chan struct{}) that derives its workers' ctx from the
// field. The methods of the type that take a ctx receive that very
// lifetime, so "use their ctx parameters" has nothing to offer.

// startsWorkers reports whether f's field is the lifetime of the work
// its type starts: a method of the type with no ctx of its own starts a
// goroutine on a function of the package with a context made from the
// field, and every method of the type that receives a ctx receives, at
// every call in the package, a context made from the field (at any
// depth), and is unexported, so no other package calls it with a ctx of
// its own. No store is a per-request ctx or a root, no setter stores it,
// and no function with a ctx of its own reads it in place of that ctx.
// Other methods with no ctx may read it (a logger taken from it).
func (s *state) startsWorkers(f *finding) bool {
	if len(f.fd.stores) == 0 || len(f.perRequest) > 0 || len(f.roots) > 0 || len(f.setters) > 0 ||
		len(f.conflicts) > 0 || len(f.own) > 0 || len(f.lt.ctxMethods) == 0 {
		return false
	}
	for _, st := range f.fd.stores {
		if k := st.orig.kind; k == root || k == detached {
			return false
		}
	}
	fd, o := f.fd, f.fd.owner
	fed := map[*ctxinfo.Func]bool{}
	s.everyCall(s.origins, fed, func(or origin) bool {
		return or.kind == fieldRead && or.fd == fd || or.kind == param && fed[or.fn]
	})
	for _, m := range f.lt.ctxMethods {
		if !fed[m] || m.Obj != nil && m.Obj.Exported() { // other packages may call it with a ctx of theirs
			return false
		}
	}
	for i, c := range s.calls {
		if or := s.origins[i]; or.kind != fieldRead || or.fd != fd || c.cur.ParentEdgeKind() != edge.GoStmt_Call {
			continue
		}
		if m := s.outermost(c.cur); s.isMethodOf(m, o) && !m.HasContext() {
			return true
		}
	}
	return false
}
