package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ctxlint/ctxlint/internal/baseline"
)

// printText prints findings as go vet and the go/analysis drivers do:
// "file:line:col: message", each related position on a line of its own
// whose message starts with a tab, and with -c=N the lines around.
func (r *result) printText(w io.Writer, findings []finding, contextLines int) error {
	var b strings.Builder
	lines := map[string][]string{}
	print := func(pos, end token.Pos, message string) {
		posn := r.fset.Position(pos)
		fmt.Fprintf(&b, "%s: %s\n", posn, message)
		if contextLines < 0 {
			return
		}
		endPosn := r.fset.Position(end)
		if !endPosn.IsValid() {
			endPosn = posn
		}
		file, ok := lines[posn.Filename]
		if !ok {
			data, _ := os.ReadFile(posn.Filename)
			file = strings.Split(string(data), "\n")
			lines[posn.Filename] = file
		}
		for i := posn.Line - contextLines; i <= endPosn.Line+contextLines; i++ {
			if 1 <= i && i <= len(file) {
				fmt.Fprintf(&b, "%d\t%s\n", i, file[i-1])
			}
		}
	}
	for _, f := range findings {
		print(f.Pos, f.End, f.Message)
		for _, rel := range f.Related {
			print(rel.Pos, rel.End, "\t"+rel.Message)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// The -json form is the go/analysis drivers':
// {"package ID": {"ctxlint": [diagnostic, ...] or {"error": "..."}}}.
type (
	jsonEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonDiagnostic struct {
		Category       string        `json:"category,omitempty"`
		Posn           string        `json:"posn"`
		End            string        `json:"end"`
		Message        string        `json:"message"`
		SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated `json:"related,omitempty"`
	}
	jsonError struct {
		Error string `json:"error"`
	}
)

func (r *result) printJSON(w io.Writer) error {
	tree := map[string]map[string]any{}
	for id, errs := range r.pkgErrors {
		tree[id] = map[string]any{"ctxlint": jsonError{strings.Join(errs, "\n")}}
	}
	for _, act := range r.graph.Roots {
		if act.Err != nil || len(act.Diagnostics) == 0 {
			continue
		}
		var diags []jsonDiagnostic
		for _, d := range act.Diagnostics {
			jd := jsonDiagnostic{
				Category: d.Category,
				Posn:     r.fset.Position(d.Pos).String(),
				End:      r.fset.Position(cmp.Or(d.End, d.Pos)).String(),
				Message:  d.Message,
			}
			for _, fix := range d.SuggestedFixes {
				jf := jsonFix{Message: fix.Message}
				for _, e := range fix.TextEdits {
					jf.Edits = append(jf.Edits, jsonEdit{
						Filename: r.fset.Position(e.Pos).Filename,
						Start:    r.fset.Position(e.Pos).Offset,
						End:      r.fset.Position(e.End).Offset,
						New:      string(e.NewText),
					})
				}
				jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
			}
			for _, rel := range d.Related {
				jd.Related = append(jd.Related, jsonRelated{
					Posn:    r.fset.Position(rel.Pos).String(),
					End:     r.fset.Position(cmp.Or(rel.End, rel.Pos)).String(),
					Message: rel.Message,
				})
			}
			diags = append(diags, jd)
		}
		tree[act.Package.ID] = map[string]any{"ctxlint": diags}
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// writeBaseline records the findings in path, unless a package failed:
// the baseline would then miss its findings.
func (r *result) writeBaseline(path string, stderr io.Writer) int {
	for _, e := range r.errors {
		fmt.Fprintln(stderr, e)
	}
	if len(r.errors) > 0 {
		fmt.Fprintf(stderr, "ctxlint: not writing %s: some packages could not be analysed, and their findings would be missing\n", path)
		return exitFailed
	}
	var roots baseline.Roots
	contents := map[string][]byte{}
	var entries []baseline.Entry
	for _, f := range r.recorded {
		posn := r.fset.Position(f.Pos)
		content, ok := contents[posn.Filename]
		if !ok {
			content, _ = os.ReadFile(posn.Filename)
			contents[posn.Filename] = content
		}
		entries = append(entries, baseline.NewEntry(&roots, f.Category, posn.Filename, f.Message, baseline.Line(content, posn.Line)))
	}
	if err := baseline.Write(path, entries); err != nil {
		fmt.Fprintln(stderr, "ctxlint:", err)
		return exitFailed
	}
	fmt.Fprintf(stderr, "ctxlint: wrote %d findings to %s\n", len(entries), path)
	return exitOK
}

// relPath returns filename relative to the root that CI systems resolve
// paths against: $GITHUB_WORKSPACE when it is set and holds the file, or
// else the working directory; with forward slashes. A file outside both
// keeps its absolute name.
func relPath(filename string) string {
	for _, base := range []string{os.Getenv("GITHUB_WORKSPACE"), cwd()} {
		if base == "" {
			continue
		}
		if rel, err := filepathRel(base, filename); err == nil {
			return rel
		}
	}
	return filename
}

func cwd() string {
	d, _ := os.Getwd()
	return d
}

// filepathRel is filepath.Rel for a name inside base only.
func filepathRel(base, name string) (string, error) {
	rel, err := filepath.Rel(base, name)
	if err != nil {
		return "", err
	}
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", fmt.Errorf("%s is outside %s", name, base)
	}
	return filepath.ToSlash(rel), nil
}
