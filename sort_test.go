package ctxlint

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestSortDiagnostics checks that diagnostics come out in source order
// even when the files were added to the FileSet in another order, as
// happens when go/packages parses a package's files concurrently.
func TestSortDiagnostics(t *testing.T) {
	fset := token.NewFileSet()
	b := fset.AddFile("/m/b.go", -1, 100) // added first: lower token.Pos
	a := fset.AddFile("/m/a.go", -1, 100)
	for _, f := range []*token.File{a, b} {
		f.SetLines([]int{0, 10, 20, 30})
	}
	diags := []analysis.Diagnostic{
		{Pos: b.Pos(10), Message: "b:2"},
		{Pos: a.Pos(20), End: a.Pos(25), Message: "a:3 short"},
		{Pos: a.Pos(20), End: a.Pos(29), Message: "a:3 long"},
		{Pos: a.Pos(0), Message: "a:1 y"},
		{Pos: a.Pos(0), Message: "a:1 x"},
		{Pos: b.Pos(0), Message: "b:1"},
	}
	sortDiagnostics(fset, diags)
	want := []string{"a:1 x", "a:1 y", "a:3 short", "a:3 long", "b:1", "b:2"}
	for i, d := range diags {
		if d.Message != want[i] {
			var got []string
			for _, d := range diags {
				got = append(got, d.Message)
			}
			t.Fatalf("order = %q, want %q", got, want)
		}
	}
}
