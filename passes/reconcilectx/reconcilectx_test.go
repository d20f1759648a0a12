package reconcilectx_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctxlint/ctxlint/internal/testutil"
	"github.com/ctxlint/ctxlint/passes/reconcilectx"
)

func Test(t *testing.T) {
	res := analysistest.RunWithSuggestedFixes(t, testutil.TestData(), reconcilectx.Analyzer, "reconcilectx/basic")
	testutil.CheckDiagnostics(t, reconcilectx.Name, testutil.ReadDoc(t), res)
}

func TestReportDetached(t *testing.T) {
	a := reconcilectx.New()
	if err := a.Flags.Set("report-detached", "true"); err != nil {
		t.Fatal(err)
	}
	testutil.CheckDiagnostics(t, reconcilectx.Name, testutil.ReadDoc(t), analysistest.RunWithSuggestedFixes(t, testutil.TestData(), a, "reconcilectx/detached"))
}

// TestWaitsAndCtxless checks, in Reconciles and the helpers they reach,
// the rules on waits that ignore the context and on ctx-less calls.
func TestWaitsAndCtxless(t *testing.T) {
	res := analysistest.RunWithSuggestedFixes(t, testutil.TestData(), reconcilectx.New(), "reconcilectx/waits")
	testutil.CheckDiagnostics(t, reconcilectx.Name, testutil.ReadDoc(t), res)
}
