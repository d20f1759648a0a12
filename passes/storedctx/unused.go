package storedctx

import "go/types"

// unused reports whether o is an unexported defined type of the package
// scope that nothing in the package refers to and whose context fields
// are never set nor read: dead code, which keeps no context. An exported
// type may be used by other packages and stays reported.
func (s *state) unused(o *owner) bool {
	if !o.direct || o.tn == nil || o.tn.Exported() || o.tn.Parent() != s.pass.Pkg.Scope() {
		return false
	}
	for _, fd := range o.fields {
		if len(fd.stores) > 0 || len(fd.reads) > 0 {
			return false
		}
	}
	if s.referred == nil {
		s.referred = map[*types.TypeName]bool{}
		for _, obj := range s.info.Uses {
			if tn, ok := obj.(*types.TypeName); ok && s.named[tn] != nil {
				s.referred[tn] = true
			}
		}
	}
	return !s.referred[o.tn]
}
