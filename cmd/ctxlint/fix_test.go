package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

type jsonDiag struct {
	Category       string
	Posn           string
	Message        string
	SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
}

// jsonDiags runs ctxlint -json in dir.
func jsonDiags(t *testing.T, dir string) []jsonDiag {
	t.Helper()
	out, code := run(t, dir, ctxlintBin(t), "-json", "./...")
	if code != 0 {
		t.Fatalf("ctxlint -json: exit %d\n%s", code, out)
	}
	var tree map[string]map[string][]jsonDiag
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var all []jsonDiag
	seen := map[string]bool{}
	for _, byAnalyzer := range tree {
		for _, diags := range byAnalyzer {
			for _, d := range diags {
				if !seen[d.Posn+d.Message] {
					seen[d.Posn+d.Message] = true
					all = append(all, d)
				}
			}
		}
	}
	return all
}

// key identifies a finding across edits that move lines: its file and
// message.
func key(dir string, d jsonDiag) string {
	file := d.Posn[:strings.Index(d.Posn, ".go:")+3]
	rel, _ := filepath.Rel(dir, file)
	return filepath.ToSlash(rel) + ": " + d.Message
}

// TestFixesCompile applies ctxlint -fix to a copy of the example module,
// then builds and vets it, and checks that every finding that had a fix is
// gone and that no new one appeared. A finding without a fix may go too,
// when a fix elsewhere resolves it (a watch made from context.Background()
// no longer ignores ctx once the fix passes ctx to Watch); those are
// logged.
func TestFixesCompile(t *testing.T) {
	src := exampleDir(t)
	dir := filepath.Join(t.TempDir(), "operator")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}

	before := jsonDiags(t, dir)
	var want []string
	fixable := 0
	for _, d := range before {
		if len(d.SuggestedFixes) == 0 {
			want = append(want, key(dir, d))
		} else {
			fixable++
		}
	}
	if fixable == 0 {
		t.Fatal("no finding in the example module has a fix")
	}

	// -fix prints the findings it could not fix and exits 3.
	out, code := run(t, dir, ctxlintBin(t), "-fix", "./...")
	if code != 3 {
		t.Fatalf("ctxlint -fix: exit %d, want 3 (findings without a fix are left)\n%s", code, out)
	}
	printed := parseText(t, dir, out)
	for _, d := range before {
		if len(d.SuggestedFixes) > 0 {
			continue
		}
		m := posnRE.FindStringSubmatch(d.Posn)
		rel, _ := filepath.Rel(dir, m[1])
		if f := finding(filepath.ToSlash(rel) + ":" + m[2] + ": " + d.Category); !slices.Contains(printed, f) {
			t.Errorf("-fix did not print the finding it left: %s\n%s", f, out)
		}
	}
	if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Fatalf("the fixed module does not build:\n%s", out)
	}
	if out, code := run(t, dir, "go", "vet", "./..."); code != 0 {
		t.Fatalf("go vet fails on the fixed module:\n%s", out)
	}

	var got []string
	for _, d := range jsonDiags(t, dir) {
		got = append(got, key(dir, d))
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("after -fix, a finding that had a fix is still there, or a new one appeared:\n%s", g)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Logf("resolved by a fix elsewhere: %s", w)
		}
	}
	if len(got) == 0 {
		t.Errorf("no findings left after -fix, but %d had no fix", len(want))
	}
}
