package watchloop_test

import (
	"testing"

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

func TestCheckStopOff(t *testing.T) {
	a := watchloop.New()
	if err := a.Flags.Set("check-stop", "false"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.TestData(), a, "watchloop/nostop")
}

func TestCtxClosesWatchOff(t *testing.T) {
	a := watchloop.New()
	if err := a.Flags.Set("ctx-closes-watch", "false"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.TestData(), a, "watchloop/ctxnoclose")
}
