package main_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// These tests build golangci-lint v2.15.0 with the ctxlint plugin from
// the Go module proxy (this module's main package) and ctxlint itself,
// and check that golangci-lint reports what ctxlint reports.

var bin string // directory of the built binaries

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "ctxlint-gcl")
	if err != nil {
		panic(err)
	}
	bin = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func build(t *testing.T, name, pkg string) string {
	t.Helper()
	out := filepath.Join(bin, name)
	if _, err := os.Stat(out); err == nil {
		return out
	}
	cmd := exec.Command("go", "build", "-o", out, pkg)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, b)
	}
	return out
}

func customGCL(t *testing.T) string { return build(t, "custom-gcl", ".") }
func ctxlintCmd(t *testing.T) string {
	return build(t, "ctxlint", "github.com/ctxlint/ctxlint/cmd/ctxlint")
}

func run(t *testing.T, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+t.TempDir())
	var o, e strings.Builder
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return o.String(), e.String(), code
}

func abs(t *testing.T, parts ...string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(parts...))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// gclIssues runs custom-gcl with a config in dir and returns its issues as
// "file:line:col: text", files absolute.
func gclIssues(t *testing.T, dir, config string) ([]string, string, int) {
	t.Helper()
	stdout, stderr, code := run(t, dir, customGCL(t), "run", "--config", config,
		"--output.json.path=stdout", "--show-stats=false", "--path-mode=abs", "--allow-parallel-runners", "./...")
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if code != 0 && code != 1 {
		return nil, stderr, code
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("golangci-lint JSON: %v\n%s\n%s", err, stdout, stderr)
	}
	var out []string
	for _, is := range report.Issues {
		if is.FromLinter != "ctxlint" {
			t.Errorf("issue from %q, want ctxlint: %s", is.FromLinter, is.Text)
		}
		out = append(out, posn(is.Pos.Filename, is.Pos.Line, is.Pos.Column)+": "+is.Text)
	}
	slices.Sort(out)
	return out, stderr, code
}

func posn(file string, line, col int) string {
	return file + ":" + itoa(line) + ":" + itoa(col)
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// TestSameFindingsAsCommand runs the example configuration on the example
// operator and compares with ctxlint's own output, message for message.
// The example configuration leaves cross-package off (the plugin's
// default): golangci-lint then misses exactly the findings whose root
// context is in another package of the module, which the command always
// reports (the README's "Front ends"). With cross-package on, the two
// agree.
func TestSameFindingsAsCommand(t *testing.T) {
	example := abs(t, "..", "..", "examples", "operator")
	config := abs(t, "..", "..", ".golangci.example.yml")

	stdout, stderr, code := run(t, example, ctxlintCmd(t), "-json", "./...")
	if code != 0 {
		t.Fatalf("ctxlint -json: exit %d\n%s", code, stderr)
	}
	var tree map[string]map[string][]struct{ Posn, Message string }
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, byAnalyzer := range tree {
		for _, diags := range byAnalyzer {
			for _, d := range diags {
				want = append(want, d.Posn+": "+d.Message)
			}
		}
	}
	slices.Sort(want)
	want = slices.Compact(want)
	if len(want) == 0 {
		t.Fatal("ctxlint found nothing in the example module")
	}

	// The one finding of the example whose root is in another package.
	crossPackage := func(f string) bool {
		return strings.Contains(f, "context.Background() in kube.NamespaceExists (example.com/operator/internal/kube/kube.go:")
	}
	if n := len(slices.DeleteFunc(slices.Clone(want), func(f string) bool { return !crossPackage(f) })); n != 1 {
		t.Fatalf("ctxlint: want 1 finding through kube.NamespaceExists, got %d", n)
	}

	for _, tc := range []struct {
		config string
		facts  bool
	}{
		{config, false},
		{crossPackageConfig(t, config), true},
	} {
		got, stderr, code := gclIssues(t, example, tc.config)
		if code != 1 {
			t.Fatalf("golangci-lint (cross-package %t): exit %d, want 1 (issues found)\n%s", tc.facts, code, stderr)
		}
		for _, g := range got {
			if !slices.Contains(want, g) {
				t.Errorf("golangci-lint (cross-package %t) only: %s", tc.facts, g)
			}
		}
		for _, w := range want {
			if !slices.Contains(got, w) && (tc.facts || !crossPackage(w)) {
				t.Errorf("ctxlint only (golangci-lint cross-package %t): %s", tc.facts, w)
			}
			if slices.Contains(got, w) && !tc.facts && crossPackage(w) {
				t.Errorf("golangci-lint reported a helper of another package with cross-package off: %s", w)
			}
		}
	}
}

// crossPackageConfig writes a copy of the configuration at path with
// cross-package switched on, and returns its path.
func crossPackageConfig(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	on := strings.Replace(string(data), "cross-package: false", "cross-package: true", 1)
	if on == string(data) {
		t.Fatalf("%s has no \"cross-package: false\" line", path)
	}
	out := filepath.Join(t.TempDir(), "golangci.yml")
	if err := os.WriteFile(out, []byte(on), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestExampleConfigVerifies(t *testing.T) {
	config := abs(t, "..", "..", ".golangci.example.yml")
	_, stderr, code := run(t, ".", customGCL(t), "config", "verify", "--config", config)
	if code != 0 {
		t.Fatalf("config verify: exit %d\n%s", code, stderr)
	}
}

// TestSuppression: //nolint:ctxlint, //ctxlint:ignore and an exclusion
// rule on a check's prefix all work through golangci-lint.
func TestSuppression(t *testing.T) {
	dir := abs(t, "testdata", "suppress")
	got, stderr, code := gclIssues(t, dir, filepath.Join(dir, "golangci.yml"))
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if len(got) != 1 || !strings.Contains(got[0], "suppress.go:11:") || !strings.Contains(got[0], ": inheritctx: context.TODO()") {
		t.Errorf("want only the finding in reported(), got:\n%s", strings.Join(got, "\n"))
	}
}

func TestBadSettingsStopGolangci(t *testing.T) {
	dir := abs(t, "testdata", "suppress")
	_, stderr, code := gclIssues(t, dir, filepath.Join(dir, "bad.yml"))
	if code == 0 || code == 1 || !strings.Contains(stderr, `unknown option "report-detach" for check inheritctx`) {
		t.Fatalf("exit %d, want a start-up error naming the unknown option\n%s", code, stderr)
	}
}
