package inheritctx_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctxlint/ctxlint/internal/testutil"
	"github.com/ctxlint/ctxlint/passes/inheritctx"
)

func Test(t *testing.T) {
	res := analysistest.RunWithSuggestedFixes(t, testutil.TestData(), inheritctx.Analyzer, "inheritctx/basic")
	testutil.CheckDiagnostics(t, inheritctx.Name, testutil.ReadDoc(t), res)
}

func TestReportDetached(t *testing.T) {
	a := inheritctx.New()
	if err := a.Flags.Set("report-detached", "true"); err != nil {
		t.Fatal(err)
	}
	testutil.CheckDiagnostics(t, inheritctx.Name, testutil.ReadDoc(t), analysistest.RunWithSuggestedFixes(t, testutil.TestData(), a, "inheritctx/detached"))
}

// TestBeforeGo121 checks that no context.WithoutCancel fix is offered in
// a module whose Go version predates it.
func TestBeforeGo121(t *testing.T) {
	a := inheritctx.New()
	if err := a.Flags.Set("report-detached", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, filepath.Join(testutil.TestData(), "mod", "go120"), a, "./...")
}
