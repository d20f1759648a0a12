package baseline

import (
	"path/filepath"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Filter is the -baseline flag's state: the file is read once per
// analyzer instance, on first use, even when there is nothing to filter,
// so that a mistyped name is an error on clean code too.
//
// A relative Path is resolved against the root of the module of the
// first package analysed (the directory above it with a go.mod). The
// command makes the path absolute (relative to its working directory)
// before any package is analysed; go vet runs its tool in each package's
// directory, where the module root is the only directory that means the
// same for every package.
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
	if b.Path == "" {
		return diags, nil
	}
	b.once.Do(func() { b.known, b.err = Read(b.resolve(pass)) })
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

// resolve returns the baseline file's name: Path, or for a relative Path,
// Path joined to the module root of pass's package.
func (b *Filter) resolve(pass *analysis.Pass) string {
	if filepath.IsAbs(b.Path) || len(pass.Files) == 0 {
		return b.Path
	}
	name := pass.Fset.File(pass.Files[0].FileStart).Name()
	if root := b.roots.root(filepath.Dir(name)); root != "" {
		return filepath.Join(root, b.Path)
	}
	return b.Path
}
