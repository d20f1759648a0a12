package baseline

import (
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Filter is the -baseline flag's state: the file is read once per
// analyzer instance, on first use.
type Filter struct {
	Path  string // the baseline file; empty for none
	once  sync.Once
	known map[Key]int
	err   error
	roots Roots
}

// Apply drops the diagnostics recorded in the baseline. Each package
// counts its own findings against the recorded counts, so a file analysed
// twice (in a package and its test variant) is judged the same both times.
func (b *Filter) Apply(pass *analysis.Pass, diags []analysis.Diagnostic) ([]analysis.Diagnostic, error) {
	if b.Path == "" || len(diags) == 0 {
		return diags, nil
	}
	b.once.Do(func() { b.known, b.err = Read(b.Path) })
	if b.err != nil {
		return nil, b.err
	}
	seen := map[Key]int{}
	contents := map[string][]byte{}
	out := diags[:0]
	for _, d := range diags {
		posn := pass.Fset.Position(d.Pos)
		content, ok := contents[posn.Filename]
		if !ok {
			content, _ = pass.ReadFile(posn.Filename)
			contents[posn.Filename] = content
		}
		k := NewEntry(&b.roots, d.Category, posn.Filename, d.Message, Line(content, posn.Line)).Key()
		seen[k]++
		if seen[k] <= b.known[k] {
			continue
		}
		out = append(out, d)
	}
	return out, nil
}
