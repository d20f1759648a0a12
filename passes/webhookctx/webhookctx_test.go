package webhookctx_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctxlint/ctxlint/internal/testutil"
	"github.com/ctxlint/ctxlint/passes/webhookctx"
)

func Test(t *testing.T) {
	res := analysistest.RunWithSuggestedFixes(t, testutil.TestData(), webhookctx.Analyzer,
		"webhookctx/http", "webhookctx/admission", "webhookctx/outbound", "webhookctx/funcvalues", "webhookctx/waits")
	testutil.CheckDiagnostics(t, webhookctx.Name, testutil.ReadDoc(t), res)
}

func TestReportDetached(t *testing.T) {
	a := webhookctx.New()
	if err := a.Flags.Set("report-detached", "true"); err != nil {
		t.Fatal(err)
	}
	testutil.CheckDiagnostics(t, webhookctx.Name, testutil.ReadDoc(t), analysistest.RunWithSuggestedFixes(t, testutil.TestData(), a, "webhookctx/detached"))
}
