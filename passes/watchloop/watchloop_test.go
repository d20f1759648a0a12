package watchloop_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctxlint/ctxlint/internal/testutil"
	"github.com/ctxlint/ctxlint/passes/watchloop"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.TestData(), watchloop.Analyzer, "watchloop/basic")
}

// TestNoWatchPackage checks the fast path: a package that cannot see
// k8s.io/apimachinery/pkg/watch gets no findings.
func TestNoWatchPackage(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), watchloop.Analyzer, "watchloop/nowatch")
}

// TestIncludeTests checks that watch loops in _test.go files are left
// alone by default, as every check does, and reported with
// -include-tests.
func TestIncludeTests(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), watchloop.Analyzer, "watchloop/tests/quiet")
	analysistest.Run(t, testutil.TestData(), withFlag(t, "include-tests", "true"), "watchloop/tests/included")
}

func TestCheckStopOff(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), withFlag(t, "check-stop", "false"), "watchloop/nostop")
}

func TestCtxClosesWatchOff(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), withFlag(t, "ctx-closes-watch", "false"), "watchloop/ctxnoclose")
}

// TestDiagnostics checks every message of the testdata, in each
// configuration, against the rules for messages: at most 200
// characters, and a URL that is the heading of a rule in doc.go.
func TestDiagnostics(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	dir := testutil.TestData()
	results := analysistest.Run(t, dir, watchloop.Analyzer, "watchloop/basic")
	results = append(results, analysistest.Run(t, dir, withFlag(t, "check-stop", "false"), "watchloop/nostop")...)
	results = append(results, analysistest.Run(t, dir, withFlag(t, "ctx-closes-watch", "false"), "watchloop/ctxnoclose")...)
	results = append(results, analysistest.Run(t, dir, withFlag(t, "include-tests", "true"), "watchloop/tests/included")...)
	testutil.CheckDiagnostics(t, "watchloop", string(doc), results)
}

// withFlag returns a new instance of the analyzer with one flag set.
func withFlag(t *testing.T, name, value string) *analysis.Analyzer {
	t.Helper()
	a := watchloop.New()
	if err := a.Flags.Set(name, value); err != nil {
		t.Fatal(err)
	}
	return a
}
