package storedctx

import (
	"go/types"

	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// testFixture reports whether fd belongs to test support outside _test.go
// files: its struct holds a *testing.T, *testing.B, *testing.F or
// testing.TB, or every store of the field is made by a function that
// receives one, as a parameter or in a field of its receiver's struct.
// Such a struct lives for one test, and the context it keeps is that
// test's: it is left alone unless -include-tests is set, as structs of
// _test.go files are.
func (s *state) testFixture(fd *field) bool {
	if hasTestingField(fd.owner.st) {
		return true
	}
	for _, st := range fd.stores {
		if !s.testHelper(s.outermost(st.cur)) {
			return false
		}
	}
	return len(fd.stores) > 0
}

// hasTestingField reports whether st has a field of a testing type.
func hasTestingField(st *types.Struct) bool {
	for f := range st.Fields() {
		if ctxinfo.IsTestingHandle(f.Type()) {
			return true
		}
	}
	return false
}

// testHelper reports whether fn receives a testing handle: a parameter
// of a testing type, or a receiver whose struct holds one.
func (s *state) testHelper(fn *ctxinfo.Func) bool {
	if fn == nil {
		return false
	}
	for v := range fn.Sig.Params().Variables() {
		if ctxinfo.IsTestingHandle(v.Type()) {
			return true
		}
	}
	if r := fn.Sig.Recv(); r != nil {
		t := types.Unalias(r.Type())
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if st, ok := t.Underlying().(*types.Struct); ok {
			return hasTestingField(st)
		}
	}
	return false
}
