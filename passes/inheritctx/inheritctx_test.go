package inheritctx_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctxlint/ctxlint/internal/testutil"
	"github.com/ctxlint/ctxlint/passes/inheritctx"
)

func Test(t *testing.T) {
	res := analysistest.RunWithSuggestedFixes(t, testutil.TestData(), inheritctx.Analyzer, "inheritctx/basic")
	testutil.CheckDiagnostics(t, inheritctx.Name, testutil.ReadDoc(t), res)

	// A root context that five calls reach lists the first three and
	// counts the rest; it has no fix.
	checkRelated(t, res, "context.TODO() in shared,", false, []string{
		"callerOne reaches it here",
		"callerTwo reaches it here",
		"callerThree reaches it here",
		"and 2 more",
	})

	// The roots of one helper are one finding, with the others, in
	// source order, then the call that reaches them, as related
	// information.
	checkRelated(t, res, "context.TODO() and 2 more root contexts in several,", true, []string{
		"sites.go:28: another root context of several, made here",
		"sites.go:29: another root context of several, made here",
		"sites.go:37: callsSeveral reaches it here",
	})
}

// checkRelated checks the related information of the findings whose
// message starts with prefix (with the file and line of each when at),
// that there is one at least, and that none has a fix.
func checkRelated(t *testing.T, res []*analysistest.Result, prefix string, at bool, want []string) {
	t.Helper()
	found := false
	for _, r := range res {
		for _, d := range r.Diagnostics {
			if !strings.HasPrefix(d.Message, prefix) {
				continue
			}
			found = true
			var got []string
			for _, rel := range d.Related {
				msg := rel.Message
				if at {
					p := r.Pass.Fset.Position(rel.Pos)
					msg = fmt.Sprintf("%s:%d: %s", filepath.Base(p.Filename), p.Line, rel.Message)
				}
				got = append(got, msg)
			}
			if !slices.Equal(got, want) {
				t.Errorf("related information of %q:\n got %q\nwant %q", d.Message, got, want)
			}
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%q has a fix", d.Message)
			}
		}
	}
	if !found {
		t.Errorf("no finding whose message starts with %q", prefix)
	}
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

// TestSuites checks test suites: by default, the root contexts of a
// Ginkgo suite's ctx-less helpers, and those made where only a test's t
// is in scope, are left alone in _test.go files, while a spec that drops
// its own SpecContext and a test support package (an e2e framework, not a
// _test.go file) are reported; -include-tests reports them all.
func TestSuites(t *testing.T) {
	res := analysistest.RunWithSuggestedFixes(t, testutil.TestData(), inheritctx.New(), "inheritctx/tests/suite", "inheritctx/tests/framework")
	testutil.CheckDiagnostics(t, inheritctx.Name, testutil.ReadDoc(t), res)

	a := inheritctx.New()
	if err := a.Flags.Set("include-tests", "true"); err != nil {
		t.Fatal(err)
	}
	testutil.CheckDiagnostics(t, inheritctx.Name, testutil.ReadDoc(t), analysistest.RunWithSuggestedFixes(t, testutil.TestData(), a, "inheritctx/tests/included"))
}

// TestWaitsAndCtxless checks the rules on waits that ignore the context
// (off by default in plain functions) and on ctx-less calls, in plain
// functions, and that each option turns its rule off or on.
func TestWaitsAndCtxless(t *testing.T) {
	a := inheritctx.New()
	if err := a.Flags.Set("waits", "true"); err != nil { // off by default in plain functions
		t.Fatal(err)
	}
	res := analysistest.RunWithSuggestedFixes(t, testutil.TestData(), a, "inheritctx/waits", "inheritctx/ctxless")
	testutil.CheckDiagnostics(t, inheritctx.Name, testutil.ReadDoc(t), res)

	// By default, plain functions' waits are left alone.
	analysistest.Run(t, testutil.TestData(), inheritctx.New(), "inheritctx/waitsdefault")

	a = inheritctx.New()
	for _, opt := range []string{"waits", "ctxless"} {
		if err := a.Flags.Set(opt, "false"); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, testutil.TestData(), a, "inheritctx/off")
}

// TestWaitsAndCtxlessOptions checks that -report-detached and
// -include-tests apply to the waits and ctx-less calls too.
func TestWaitsAndCtxlessOptions(t *testing.T) {
	for pkg, opt := range map[string]string{"inheritctx/waitsdetached": "report-detached", "inheritctx/waitstests": "include-tests"} {
		a := inheritctx.New()
		for _, o := range []string{"waits", opt} {
			if err := a.Flags.Set(o, "true"); err != nil {
				t.Fatal(err)
			}
		}
		testutil.CheckDiagnostics(t, inheritctx.Name, testutil.ReadDoc(t), analysistest.Run(t, testutil.TestData(), a, pkg))
	}
}

// TestStopChan checks the rule on stop channels that never close, and
// that its option switches it off.
func TestStopChan(t *testing.T) {
	res := analysistest.RunWithSuggestedFixes(t, testutil.TestData(), inheritctx.New(), "inheritctx/stopchan")
	testutil.CheckDiagnostics(t, inheritctx.Name, testutil.ReadDoc(t), res)
}

// TestInnerCtx checks the rule on outer contexts used where a func
// literal brings its own (an errgroup's context, its ctx parameter).
func TestInnerCtx(t *testing.T) {
	res := analysistest.RunWithSuggestedFixes(t, testutil.TestData(), inheritctx.New(), "inheritctx/innerctx")
	testutil.CheckDiagnostics(t, inheritctx.Name, testutil.ReadDoc(t), res)
}

// TestRulesOff checks that -stopchan=false and -innerctx=false switch
// their rules off.
func TestRulesOff(t *testing.T) {
	a := inheritctx.New()
	for _, f := range []string{"stopchan", "innerctx"} {
		if err := a.Flags.Set(f, "false"); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, testutil.TestData(), a, "inheritctx/rulesoff")
}

// TestStopChanOff: with -stopchan=false, a wait loop on wait.NeverStop is
// reported as a ctx-less call instead (by default it is the stop
// channel's finding alone: inheritctx/stopchan).
func TestStopChanOff(t *testing.T) {
	a := inheritctx.New()
	if err := a.Flags.Set("stopchan", "false"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.TestData(), a, "inheritctx/stopchanoff")
}
