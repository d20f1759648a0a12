package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"sort"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// An edit replaces content[start:end] of a file by text.
type edit struct {
	start, end int
	text       string
}

func (e edit) overlaps(o edit) bool {
	if e.start == e.end && o.start == o.end {
		return e.start == o.start // two insertions at one place: order unknown
	}
	return e.start < o.end && o.start < e.end
}

// applyFixes applies the first suggested fix of each finding as a whole,
// or not at all: not when an edit would touch a generated file (unless
// includeGenerated) or overlap an edit already taken (an identical edit,
// from a file analysed twice, is taken once). Each edited file is then
// formatted, and imports that the fixes left unused are removed. With
// diff, the changes are printed on w as a unified diff and no file is
// written. It returns the findings left: those without a fix and those
// whose fix was not applied.
func (r *result) applyFixes(findings []finding, includeGenerated, diff bool, w io.Writer) ([]finding, string, error) {
	generated := map[string]bool{}
	for _, p := range r.pkgs {
		for _, f := range p.Syntax {
			if ast.IsGenerated(f) {
				generated[r.fset.File(f.FileStart).Name()] = true
			}
		}
	}
	accepted := map[string][]edit{}
	var left []finding
	applied := 0
	for _, f := range findings {
		if len(f.SuggestedFixes) == 0 {
			left = append(left, f)
			continue
		}
		fileEdits := map[string][]edit{}
		ok := true
		for _, te := range f.SuggestedFixes[0].TextEdits {
			start := r.fset.Position(te.Pos)
			end := start
			if te.End.IsValid() {
				end = r.fset.Position(te.End)
			}
			if generated[start.Filename] && !includeGenerated {
				ok = false
				break
			}
			e := edit{start.Offset, end.Offset, string(te.NewText)}
			dup := false
			for _, o := range accepted[start.Filename] {
				if o == e {
					dup = true
				} else if o.overlaps(e) {
					ok = false
				}
			}
			for _, o := range fileEdits[start.Filename] {
				if o.overlaps(e) {
					ok = false
				}
			}
			if !dup {
				fileEdits[start.Filename] = append(fileEdits[start.Filename], e)
			}
		}
		if !ok {
			left = append(left, f)
			continue
		}
		for name, es := range fileEdits {
			accepted[name] = append(accepted[name], es...)
		}
		applied++
	}

	names := make([]string, 0, len(accepted))
	for name := range accepted {
		names = append(names, name)
	}
	sort.Strings(names)
	changed := 0
	for _, name := range names {
		old, err := os.ReadFile(name)
		if err != nil {
			return left, "", err
		}
		if tf := fileOf(r.fset, name); tf != nil && tf.Size() != len(old) {
			return left, "", fmt.Errorf("%s changed while ctxlint ran; no fix applied to it", name)
		}
		updated := fixFile(old, accepted[name])
		if bytes.Equal(old, updated) {
			continue
		}
		changed++
		if diff {
			io.WriteString(w, unifiedDiff(name, old, updated))
			continue
		}
		mode := os.FileMode(0o644)
		if st, err := os.Stat(name); err == nil {
			mode = st.Mode().Perm()
		}
		if err := os.WriteFile(name, updated, mode); err != nil {
			return left, "", err
		}
	}
	verb := "applied"
	if diff {
		verb = "would apply"
	}
	summary := fmt.Sprintf("%s %d fixes to %d files", verb, applied, changed)
	if len(left) > 0 {
		summary += fmt.Sprintf("; %d findings above have no fix, or a fix that overlaps another or edits a generated file", len(left))
	}
	return left, summary, nil
}

func fileOf(fset *token.FileSet, name string) *token.File {
	var found *token.File
	fset.Iterate(func(f *token.File) bool {
		if f.Name() == name {
			found = f
			return false
		}
		return true
	})
	return found
}

// fixFile applies edits (non-overlapping) to content, formats the result
// if it parses, and removes the imports the edits left unused.
func fixFile(content []byte, edits []edit) []byte {
	sort.Slice(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		b.Write(content[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(content[last:])
	out := removeUnusedImports(content, b.Bytes())
	if formatted, err := format.Source(out); err == nil {
		return formatted
	}
	return out
}

// removeUnusedImports deletes from after the imports that before used
// and after no longer does (a fix that replaces context.Background() by
// r.Context() can leave "context" unused). Imports unused in both, whose
// use astutil cannot see (a package named unlike its path), stay.
func removeUnusedImports(before, after []byte) []byte {
	fset := token.NewFileSet()
	old, err := parser.ParseFile(fset, "old.go", before, parser.ImportsOnly|parser.ParseComments)
	if err != nil {
		return after
	}
	oldFull, err1 := parser.ParseFile(token.NewFileSet(), "old.go", before, 0)
	newFset := token.NewFileSet()
	newFile, err2 := parser.ParseFile(newFset, "new.go", after, parser.ParseComments)
	if err1 != nil || err2 != nil {
		return after
	}
	removed := false
	for _, spec := range old.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil || (spec.Name != nil && (spec.Name.Name == "_" || spec.Name.Name == ".")) {
			continue
		}
		if astutil.UsesImport(oldFull, path) && !astutil.UsesImport(newFile, path) {
			name := ""
			if spec.Name != nil {
				name = spec.Name.Name
			}
			removed = astutil.DeleteNamedImport(newFset, newFile, name, path) || removed
		}
	}
	if !removed {
		return after
	}
	var b bytes.Buffer
	if err := format.Node(&b, newFset, newFile); err != nil {
		return after
	}
	return b.Bytes()
}
