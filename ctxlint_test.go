package ctxlint_test

import (
	"flag"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctxlint/ctxlint"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
	"github.com/ctxlint/ctxlint/internal/testutil"
)

func newAnalyzer(t *testing.T, flags ...string) *analysis.Analyzer {
	t.Helper()
	a := ctxlint.NewAnalyzer()
	for i := 0; i < len(flags); i += 2 {
		if err := a.Flags.Set(flags[i], flags[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

func TestAllChecksPrefixed(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), newAnalyzer(t), "composite/all")
}

func TestOnlyNamedChecks(t *testing.T) {
	// -reconcilectx alone runs only reconcilectx ...
	analysistest.Run(t, testutil.TestData(), newAnalyzer(t, "reconcilectx", "true"), "composite/only")
	// ... and -inheritctx=false runs all but inheritctx.
	analysistest.Run(t, testutil.TestData(), newAnalyzer(t, "inheritctx", "false"), "composite/only")
}

// TestOneRoot: a root context that callers of several kinds reach is one
// finding, by the check of the first caller in source order.
func TestOneRoot(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), newAnalyzer(t), "composite/oneroot")
}

func TestDirectives(t *testing.T) {
	analysistest.Run(t, testutil.TestData(), newAnalyzer(t), "composite/directives")
}

func TestBaseline(t *testing.T) {
	file := filepath.Join(testutil.TestData(), "src", "composite", "baseline", "baseline.json")
	analysistest.Run(t, testutil.TestData(), newAnalyzer(t, "baseline", file), "composite/baseline")
}

func TestBaselineMissing(t *testing.T) {
	res := analysistest.Run(nopT{t}, testutil.TestData(), newAnalyzer(t, "baseline", "/nonexistent.json"), "composite/baseline")
	if len(res) != 1 || res[0].Err == nil || !strings.Contains(res[0].Err.Error(), "reading baseline") {
		t.Fatalf("want an error reading the baseline, got %+v", res)
	}
}

// nopT lets a test inspect analysistest's results when it expects
// analysistest itself to complain.
type nopT struct{ *testing.T }

func (nopT) Errorf(string, ...any) {}

func TestUnknownFlag(t *testing.T) {
	a := ctxlint.NewAnalyzer()
	if err := a.Flags.Set("inherictx", "false"); err == nil {
		t.Fatal("misspelled check name accepted")
	}
}

var driverFlags = []string{"V", "all", "c", "cpuprofile", "debug", "diff", "fix", "flags", "format", "json", "memprofile", "source", "tags", "test", "trace", "v", "write-baseline"}

// TestChecks keeps the list of checks, their analyzers, docs and flags
// consistent.
func TestChecks(t *testing.T) {
	var as []*analysis.Analyzer
	for _, c := range ctxlint.Checks {
		a := c.New()
		as = append(as, a)
		if a.Name != c.Name || !token.IsIdentifier(a.Name) {
			t.Errorf("check %s: bad analyzer name %q", c.Name, a.Name)
		}
		for _, f := range driverFlags {
			if a.Name == f {
				t.Errorf("check %s collides with driver flag -%s", c.Name, f)
			}
		}
		title, _, _ := strings.Cut(a.Doc, "\n\n")
		if len(title) > 72 || strings.HasSuffix(title, ".") || title != strings.ToLower(title[:1])+title[1:] {
			t.Errorf("check %s: doc title %q should be short, lowercase, without a period", c.Name, title)
		}
		if !strings.Contains(a.Doc, "// BAD") || !strings.Contains(a.Doc, "// GOOD") {
			t.Errorf("check %s: doc lacks a BAD and a GOOD example", c.Name)
		}
		if a.URL == "" {
			t.Errorf("check %s: no URL", c.Name)
		}
		if _, err := os.Stat(filepath.Join("passes", c.Name, "doc.go")); err != nil {
			t.Errorf("check %s: %v", c.Name, err)
		}
		if _, err := os.Stat(filepath.Join(testutil.TestData(), "src", c.Name)); err != nil {
			t.Errorf("check %s has no testdata: %v", c.Name, err)
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if !regexp.MustCompile(`^[a-z][a-z0-9-]*$`).MatchString(f.Name) {
				t.Errorf("check %s: flag %q is not kebab-case", c.Name, f.Name)
			}
		})
	}
	if err := analysis.Validate(append(as, ctxlint.Analyzer)); err != nil {
		t.Fatal(err)
	}
	// The command's help lists every check.
	for _, c := range ctxlint.Checks {
		if !strings.Contains(ctxlint.Analyzer.Doc, "\t"+c.Name+" ") {
			t.Errorf("ctxlint doc does not list %s", c.Name)
		}
	}
}

// TestKindsOwned: every kind of function is owned by exactly one check of
// the root-context family, so that each site is reported once.
func TestKindsOwned(t *testing.T) {
	for _, k := range ctxinfo.Kinds {
		var owners []string
		for _, c := range ctxlint.Checks {
			if slices.Contains(c.Owns, k) {
				owners = append(owners, c.Name)
			}
		}
		if len(owners) != 1 {
			t.Errorf("kind %v is owned by %v, want exactly one check", k, owners)
		}
	}
}

// TestDocTables: the README's table of checks and the package doc's list
// have one row per check, in the order of ctxlint.Checks, and nothing else.
func TestDocTables(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| \\[`([a-z]+)`\\]\\(passes/([a-z]+)/doc\\.go\\) \\|")
	var got []string
	for _, m := range row.FindAllStringSubmatch(string(readme), -1) {
		if m[1] != m[2] {
			t.Errorf("README row %s links to passes/%s", m[1], m[2])
		}
		got = append(got, m[1])
	}
	if want := ctxlint.CheckNames(); !slices.Equal(got, want) {
		t.Errorf("README table lists %v, want %v", got, want)
	}
	list := regexp.MustCompile(`(?m)^\t([a-z]+) {2,}\S`)
	got = nil
	for _, m := range list.FindAllStringSubmatch(ctxlint.Analyzer.Doc, -1) {
		got = append(got, m[1])
	}
	if want := ctxlint.CheckNames(); !slices.Equal(got, want) {
		t.Errorf("package doc lists %v, want %v", got, want)
	}
}

// TestCrossPackage follows ctx-less helpers into other packages of the
// module through facts, by default: a chain across three packages, a
// diamond, a generic helper, a method value (testdata/mod/xpkg/app).
// -cross-package is accepted and changes nothing.
func TestCrossPackage(t *testing.T) {
	dir := filepath.Join(testutil.TestData(), "mod", "xpkg")
	analysistest.Run(t, dir, newAnalyzer(t, "cross-package", "false"), "./...")
	res := analysistest.Run(t, dir, newAnalyzer(t), "./...")
	// The root of another package is the related information, then the
	// other calls that reach it.
	found := false
	for _, r := range res {
		for _, d := range r.Diagnostics {
			if !strings.Contains(d.Message, "in util.Lookup") || r.Pass.Pkg.Path() != "example.com/xpkg/app" {
				continue
			}
			found = true
			if len(d.Related) != 2 {
				t.Fatalf("related information of %q: %+v", d.Message, d.Related)
			}
			if p := r.Pass.Fset.Position(d.Related[0].Pos); d.Related[0].Message != "root context made here" || filepath.Base(p.Filename) != "util.go" || p.Line != 9 {
				t.Errorf("first related of %q: %q at %s, want the root at util.go:9", d.Message, d.Related[0].Message, p)
			}
			if got, want := d.Related[1].Message, "Handle reaches it here (via util.Deep)"; got != want {
				t.Errorf("second related of %q: %q, want %q", d.Message, got, want)
			}
		}
	}
	if !found {
		t.Error("no finding for util.Lookup's root context")
	}
	// util.Both's two roots: one finding, each root related.
	found = false
	for _, r := range res {
		for _, d := range r.Diagnostics {
			if !strings.Contains(d.Message, "in util.Both") {
				continue
			}
			found = true
			var lines []int
			for _, rel := range d.Related {
				if rel.Message == "root context made here" {
					lines = append(lines, r.Pass.Fset.Position(rel.Pos).Line)
				}
			}
			if !slices.Equal(lines, []int{16, 20}) {
				t.Errorf("roots related to %q: lines %v, want util.go:16 and :20", d.Message, lines)
			}
		}
	}
	if !found {
		t.Error("no finding for util.Both")
	}
	// With Config.CrossPackage false (the golangci-lint plugin's default)
	// the same calls are silent (no want comments there).
	off, err := ctxlint.New(ctxlint.Config{})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, filepath.Join(testutil.TestData(), "mod", "xpkg-off"), off, "./...")
	on, err := ctxlint.New(ctxlint.Config{CrossPackage: true})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, on, "./...")
}

// TestGenerated: findings in generated files are dropped, unless
// Config.IncludeGenerated (the -include-generated flag).
func TestGenerated(t *testing.T) {
	a, err := ctxlint.New(ctxlint.Config{IncludeGenerated: true})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testutil.TestData(), a, "composite/generated")

	res := analysistest.Run(nopT{t}, testutil.TestData(), ctxlint.NewAnalyzer(), "composite/generated")
	if len(res) != 1 || len(res[0].Diagnostics) != 0 {
		t.Errorf("by default, want no finding in a generated file, got %+v", res)
	}
}

// TestGeneratedNotFollowed: by default generated files are left out of the
// analysis, not only of the findings, so a hand-written function that
// calls a generated helper making a root context is silent; with
// Config.IncludeGenerated the helper is followed (testdata/mod/gen).
func TestGeneratedNotFollowed(t *testing.T) {
	dir := filepath.Join(testutil.TestData(), "mod", "gen")
	a, err := ctxlint.New(ctxlint.Config{IncludeGenerated: true, CrossPackage: true})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, a, "./...")

	a, err = ctxlint.New(ctxlint.Config{CrossPackage: true})
	if err != nil {
		t.Fatal(err)
	}
	res := analysistest.Run(nopT{t}, dir, a, "./...")
	n := 0
	for _, r := range res {
		n += len(r.Diagnostics)
	}
	if len(res) != 2 || n != 0 {
		t.Errorf("by default: want 2 packages and no finding, got %d packages, %d findings", len(res), n)
	}
}

// TestIncludeTests checks that -include-tests is one option for every
// check: without it, the findings of composite/tests (in a _test.go file)
// are all left alone; with it, or with each check's own include-tests,
// they are all reported.
func TestIncludeTests(t *testing.T) {
	rec := &recorder{}
	analysistest.Run(rec, testutil.TestData(), newAnalyzer(t), "composite/tests")
	if len(rec.errs) != 4 {
		t.Errorf("without -include-tests: want the 4 findings missing, got %d errors", len(rec.errs))
	}
	for _, e := range rec.errs {
		if !strings.Contains(e, "no diagnostic was reported matching") {
			t.Errorf("without -include-tests: %s", e)
		}
	}
	analysistest.Run(t, testutil.TestData(), newAnalyzer(t, "include-tests", "true"), "composite/tests")
	analysistest.Run(t, testutil.TestData(), newAnalyzer(t, "storedctx.include-tests", "true", "inheritctx.include-tests", "true", "watchloop.include-tests", "true"), "composite/tests")
	if got := newAnalyzer(t, "include-tests", "true").Flags.Lookup("storedctx.include-tests").Value.String(); got != "true" {
		t.Errorf("-include-tests left -storedctx.include-tests %s", got)
	}
}

// recorder is an analysistest.Testing that keeps the errors.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestOlderControllerRuntime: on controller-runtime before its generic
// reconcile (v0.19) and admission (v0.23) types, Reconciles, CustomValidators
// and CustomDefaulters are still told apart by type.
func TestOlderControllerRuntime(t *testing.T) {
	analysistest.Run(t, filepath.Join(testutil.TestData(), "crv018"), newAnalyzer(t), "legacy")
}
