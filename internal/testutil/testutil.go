// Package testutil locates the shared analysistest data of ctxlint.
package testutil

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// TestData returns the absolute path of the repository's testdata
// directory, a GOPATH-style tree (testdata/src/...) shared by all passes.
func TestData() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}

// MaxMessage is the longest message a diagnostic may have: what is wrong
// and what to use instead, read in one glance. The why lives in the
// check's doc.go, behind the diagnostic's URL.
const MaxMessage = 200

// CheckDiagnostics fails t for every diagnostic among results whose
// message is longer than MaxMessage, or whose URL is not a rule of the
// check: analysisutil.RuleURL(check, H) for a heading "# H" of doc, the
// content of the check's doc.go.
func CheckDiagnostics(t testing.TB, check, doc string, results []*analysistest.Result) {
	t.Helper()
	anchors := map[string]bool{}
	for _, line := range strings.Split(doc, "\n") {
		if h, ok := strings.CutPrefix(line, "// # "); ok {
			anchors[analysisutil.RuleURL(check, strings.TrimSpace(h))] = true
		}
	}
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			posn := r.Pass.Fset.Position(d.Pos)
			if len(d.Message) > MaxMessage {
				t.Errorf("%s: message of %d characters (at most %d): %s", posn, len(d.Message), MaxMessage, d.Message)
			}
			if !anchors[d.URL] {
				t.Errorf("%s: URL %q is not a heading of %s's doc.go: %s", posn, d.URL, check, d.Message)
			}
		}
	}
	if n == 0 {
		t.Errorf("no diagnostics to check")
	}
}

// ReadDoc returns the content of doc.go in the current directory: the
// check's documentation, for a test in the check's package.
func ReadDoc(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
