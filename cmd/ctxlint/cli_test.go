package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// These tests run the built command on small modules without
// dependencies under testdata; they need no network.

// copyModule copies testdata/name to a temporary directory.
func copyModule(t *testing.T, name string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), name)
	src := filepath.Join("testdata", name)
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestExitStatus(t *testing.T) {
	bin := ctxlintBin(t)
	for _, tc := range []struct {
		name   string
		module string
		args   []string
		code   int
		out    string
	}{
		{"no findings", "clean", []string{"./..."}, 0, ""},
		{"findings", "findings", []string{"./..."}, 3, "inheritctx: context.TODO()"},
		{"findings as JSON", "findings", []string{"-json", "./..."}, 0, `"category": "inheritctx"`},
		{"load error", "broken", []string{"./..."}, 1, "too many return values"},
		{"bad flag", "clean", []string{"-inherictx=false", "./..."}, 2, "flag provided but not defined: -inherictx"},
		{"findings and a load error", "mixed", []string{"./..."}, 3, "inheritctx: context.TODO()"},
		{"-diff without -fix", "findings", []string{"-diff", "./..."}, 2, "-diff shows the fixes -fix would apply"},
		{"-json with -fix", "findings", []string{"-json", "-fix", "./..."}, 2, "use one"},
		{"every check off", "findings", []string{"-reconcilectx=false", "-inheritctx=false", "-storedctx=false", "-watchloop=false", "-webhookctx=false", "./..."}, 2, "every check is switched off"},
		{"no package named", "clean", nil, 2, "no packages named"},
		{"bad format", "clean", []string{"-format=xml", "./..."}, 2, "want text, sarif or github"},
		{"bad flag value", "clean", []string{"-inheritctx=maybe", "./..."}, 2, "invalid boolean value"},
		{"check switched off", "findings", []string{"-inheritctx=false", "./..."}, 0, ""},
		{"no packages", "clean", []string{"./nosuch/..."}, 1, "no such file or directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, code := run(t, copyModule(t, tc.module), bin, tc.args...)
			if code != tc.code {
				t.Errorf("exit status %d, want %d\n%s", code, tc.code, out)
			}
			if tc.out != "" && !strings.Contains(out, tc.out) {
				t.Errorf("output lacks %q:\n%s", tc.out, out)
			}
			if tc.out == "" && strings.Contains(out, "ctx") {
				t.Errorf("unexpected output:\n%s", out)
			}
		})
	}
}

// TestDeterministic runs the command several times: same findings, same
// order, sorted by position.
func TestDeterministic(t *testing.T) {
	bin := ctxlintBin(t)
	dir := copyModule(t, "findings")
	first, _ := run(t, dir, bin, "./...")
	for i := 0; i < 5; i++ {
		if out, _ := run(t, dir, bin, "./..."); out != first {
			t.Fatalf("run %d differs:\n%s\nvs\n%s", i, out, first)
		}
	}
	if i, j := strings.Index(first, "findings.go:8"), strings.Index(first, "findings.go:12"); i < 0 || j < 0 || i > j {
		t.Errorf("findings not in order of position:\n%s", first)
	}
}

func TestBaseline(t *testing.T) {
	bin := ctxlintBin(t)
	dir := copyModule(t, "findings")
	base := filepath.Join(dir, "ctxlint-baseline.json")

	out, code := run(t, dir, bin, "-write-baseline", base, "./...")
	if code != 0 || !strings.Contains(out, "wrote 2 findings") {
		t.Fatalf("-write-baseline: exit %d\n%s", code, out)
	}
	var file struct {
		Version  int `json:"ctxlint_baseline"`
		Findings []struct{ Check, File, Code string }
	}
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &file); err != nil || file.Version != 1 || len(file.Findings) != 2 {
		t.Fatalf("baseline file: %v\n%s", err, data)
	}
	if f := file.Findings[0]; f.File != "findings.go" || f.Check != "inheritctx" || f.Code != "use(context.Background())" {
		t.Errorf("first entry %+v", f)
	}

	// Known findings are silent.
	if out, code := run(t, dir, bin, "-baseline", base, "./..."); code != 0 {
		t.Fatalf("with the baseline: exit %d\n%s", code, out)
	}

	// Unrelated edits above the findings move them, but they stay known.
	src := filepath.Join(dir, "findings.go")
	data, _ = os.ReadFile(src)
	edited := strings.Replace(string(data), "import \"context\"\n", "import \"context\"\n\n// A comment and a declaration move every finding down.\nvar _ = 1\n", 1)
	if err := os.WriteFile(src, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := run(t, dir, bin, "-baseline="+base, "./..."); code != 0 {
		t.Fatalf("after an unrelated edit: exit %d\n%s", code, out)
	}

	// A new finding is reported, and only it.
	edited += "\nfunc h(ctx context.Context) {\n\tuse(context.TODO())\n\tuse(context.TODO())\n}\n"
	if err := os.WriteFile(src, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = run(t, dir, bin, "-baseline", base, "./...")
	if code != 3 || strings.Count(out, "inheritctx:") != 2 || !strings.Contains(out, "the context h receives") {
		t.Fatalf("new findings: exit %d, want 3 with the two findings in h\n%s", code, out)
	}

	// A baseline that cannot be read is one error and exit 2, not a
	// silent pass, also on code without findings.
	clean := copyModule(t, "clean")
	for _, d := range []string{dir, clean} {
		out, code := run(t, d, bin, "-baseline", "nosuch.json", "./...")
		if code != 2 || !strings.Contains(out, "reading baseline") || strings.Count(strings.TrimSpace(out), "\n") != 0 {
			t.Fatalf("missing baseline: exit %d, want 2 and one line\n%s", code, out)
		}
	}
	// So is a file that is not a baseline.
	os.WriteFile(filepath.Join(dir, "other.json"), []byte(`{"findings": []}`), 0o644)
	if out, code := run(t, dir, bin, "-baseline", "other.json", "./..."); code != 2 || !strings.Contains(out, "not a ctxlint baseline") {
		t.Fatalf("not a baseline: exit %d, want 2\n%s", code, out)
	}
	// Writing a baseline over packages that fail to load is refused.
	broken := copyModule(t, "broken")
	if out, code := run(t, broken, bin, "-write-baseline", filepath.Join(broken, "b.json"), "./..."); code != 1 {
		t.Fatalf("-write-baseline on a broken package: exit %d\n%s", code, out)
	}
}

// TestHelp: "ctxlint help" lists the checks, "ctxlint help CHECK" prints
// that check's doc, with its rules' headings, and an unknown check is an
// error.
func TestHelp(t *testing.T) {
	bin := ctxlintBin(t)
	dir := copyModule(t, "clean")
	out, code := run(t, dir, bin, "help")
	if code != 0 {
		t.Fatalf("help: exit %d\n%s", code, out)
	}
	for _, c := range []string{"reconcilectx", "inheritctx", "storedctx", "watchloop", "webhookctx"} {
		if !strings.Contains(out, "  "+c+" ") {
			t.Errorf("help does not list %s:\n%s", c, out)
		}
	}
	out, code = run(t, dir, bin, "help", "inheritctx")
	if code != 0 || !strings.HasPrefix(out, "inheritctx: report context.Background/TODO where a ctx is in scope") ||
		!strings.Contains(out, "# Helpers that make a root context") || !strings.Contains(out, "// BAD") {
		t.Errorf("help inheritctx: exit %d\n%s", code, out)
	}
	out, code = run(t, dir, bin, "help", "inherictx")
	if code != 2 || !strings.Contains(out, `no check "inherictx"`) {
		t.Errorf("help inherictx: exit %d, want 2\n%s", code, out)
	}
}

// TestConstructorFacts checks that storedctx's facts on exported
// constructors reach the packages that call them through the command
// (the composite analyzer carries them): the declaring package leaves a
// per-call object's field alone, and the calls that keep the value
// beyond a call are reported where they are, in two other packages.
func TestConstructorFacts(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "mod", "ctors"))
	if err != nil {
		t.Fatal(err)
	}
	out, code := run(t, dir, ctxlintBin(t), "-storedctx", "./...")
	if code != 3 {
		t.Fatalf("exit status %d, want 3\n%s", code, out)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		rel, err := filepath.Rel(dir, strings.SplitN(line, ": ", 2)[0])
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, rel)
	}
	want := []string{
		"app/app.go:15:8", "backup/backup.go:35:8", "backup/backup.go:36:19", "backup/backup.go:39:7",
		"lister/lister.go:43:2", "lister/lister.go:56:2",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("findings at %v, want %v:\n%s", got, want, out)
	}
	if !strings.Contains(out, "the lister.Lister that NewBackupLister builds keeps ctx") {
		t.Errorf("no finding at the wrapper's caller:\n%s", out)
	}
}
