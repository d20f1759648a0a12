package storedctx_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctxlint/ctxlint/internal/testutil"
	"github.com/ctxlint/ctxlint/passes/storedctx"
)

func Test(t *testing.T) {
	results := analysistest.Run(t, testutil.TestData(), storedctx.Analyzer, "storedctx/basic", "storedctx/events", "storedctx/lent", "storedctx/percall", "storedctx/cli")
	checkDiagnostics(t, results)
}

// checkDiagnostics checks that every message of results is short enough
// to read in one glance and that every URL is a rule heading of doc.go.
func checkDiagnostics(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	testutil.CheckDiagnostics(t, "storedctx", string(doc), results)
}

// TestBundle checks a struct of one package that others of the module
// fill in: the declaring package leaves its exported context field to
// them, and they report the stores that are not per-call.
func TestBundle(t *testing.T) {
	checkDiagnostics(t, analysistest.Run(t, filepath.Join(testutil.TestData(), "mod", "bundle"), storedctx.Analyzer, "./..."))
}

// TestCtors checks exported constructors of per-call objects: the
// declaring package leaves the field to the callers, and each package
// that calls one reports a value built with its call's ctx and kept
// beyond that call.
func TestCtors(t *testing.T) {
	checkDiagnostics(t, analysistest.Run(t, filepath.Join(testutil.TestData(), "mod", "ctors"), storedctx.Analyzer, "./..."))
}

func TestIncludeTests(t *testing.T) {
	a := storedctx.New()
	if err := a.Flags.Set("include-tests", "true"); err != nil {
		t.Fatal(err)
	}
	checkDiagnostics(t, analysistest.Run(t, testutil.TestData(), a, "storedctx/tests"))
}

func TestAllow(t *testing.T) {
	a := storedctx.New()
	// By import path, by package name, a type enclosing an anonymous
	// struct, and entries that name other packages.
	if err := a.Flags.Set("allow", "storedctx/allow.Session, allow.Pool,storedctx/allow.Outer,other.Leak,elsewhere/allow.Leak2"); err != nil {
		t.Fatal(err)
	}
	checkDiagnostics(t, analysistest.Run(t, testutil.TestData(), a, "storedctx/allow"))
}

func TestAllowSyntax(t *testing.T) {
	for _, bad := range []string{"Session", ".Session", "allow.", "allow/.Session", "allow.Sess-ion", "a,b.T"} {
		if err := storedctx.New().Flags.Set("allow", bad); err == nil {
			t.Errorf("-allow=%q accepted", bad)
		}
	}
	for _, good := range []string{"", "allow.Session", "example.com/a/b.T", "gopkg.in/yaml.v3.Node,x.Y"} {
		if err := storedctx.New().Flags.Set("allow", good); err != nil {
			t.Errorf("-allow=%q: %v", good, err)
		}
	}
}

// TestFreshFlags checks that New returns instances whose options are
// their own.
func TestFreshFlags(t *testing.T) {
	a, b := storedctx.New(), storedctx.New()
	if err := a.Flags.Set("include-tests", "true"); err != nil {
		t.Fatal(err)
	}
	if got := b.Flags.Lookup("include-tests").Value.String(); got != "false" {
		t.Fatalf("setting a flag of one instance changed another: %s", got)
	}
	if got := storedctx.Analyzer.Flags.Lookup("include-tests").Value.String(); got != "false" {
		t.Fatalf("setting a flag of one instance changed the global analyzer: %s", got)
	}
}
