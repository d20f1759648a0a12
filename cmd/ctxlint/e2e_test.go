package main_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// These tests build the ctxlint command and run it, and go vet with it,
// on examples/operator: a module of its own that uses the real
// controller-runtime and client-go, so that stubs drifting from the real
// types cannot hide. They need the module proxy (or a warm module cache)
// and are skipped with -short.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// ctxlintBin builds the command once per test run.
func ctxlintBin(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ctxlint-e2e")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "ctxlint")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("building ctxlint: %v", buildErr)
	}
	return binPath
}

func exampleDir(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: skipping the example module (it loads the real controller-runtime)")
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "examples", "operator"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// finding is "file:line: check", file relative to the example module.
type finding string

var markerRE = regexp.MustCompile(`//\s*BAD\(([a-z,]+)\)`)

// markers returns the findings the example module documents: a comment
// "// BAD(check): why" marks the next line when it stands alone, or its
// own line when it trails code.
func markers(t *testing.T, dir string) []finding {
	t.Helper()
	var out []finding
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		sc := bufio.NewScanner(bytes.NewReader(data))
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			m := markerRE.FindStringSubmatchIndex(line)
			if m == nil {
				continue
			}
			target := n
			if strings.TrimSpace(line[:m[0]]) == "" {
				target = n + 1
			}
			for _, check := range strings.Split(line[m[2]:m[3]], ",") {
				out = append(out, finding(filepath.ToSlash(rel)+":"+strconv.Itoa(target)+": "+check))
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func without(fs []finding, check string) []finding {
	return slices.DeleteFunc(slices.Clone(fs), func(f finding) bool { return strings.HasSuffix(string(f), ": "+check) })
}

// posnRE splits a JSON "posn": file:line:col.
var posnRE = regexp.MustCompile(`^(.*):(\d+):\d+$`)

// textRE matches a diagnostic line of the command or of go vet.
var textRE = regexp.MustCompile(`^(.*\.go):(\d+):\d+: ([a-z]+): `)

func parseText(t *testing.T, dir, out string) []finding {
	t.Helper()
	var fs []finding
	for _, line := range strings.Split(out, "\n") {
		m := textRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		file := m[1]
		if filepath.IsAbs(file) {
			file, _ = filepath.Rel(dir, file)
		}
		fs = append(fs, finding(filepath.ToSlash(filepath.Clean(file))+":"+m[2]+": "+m[3]))
	}
	slices.Sort(fs)
	return slices.Compact(fs)
}

func run(t *testing.T, dir string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out), code
}

func compare(t *testing.T, what string, got, want []finding) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s: findings differ from the BAD markers\n got: %s\nwant: %s", what, strings.Join(asStrings(got), "\n      "), strings.Join(asStrings(want), "\n      "))
	}
}

func asStrings(fs []finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = string(f)
	}
	return out
}

func TestExampleFindings(t *testing.T) {
	dir := exampleDir(t)
	want := markers(t, dir)
	if len(want) == 0 {
		t.Fatal("no BAD markers in the example module")
	}
	out, code := run(t, dir, ctxlintBin(t), "./...")
	if code != 3 {
		t.Errorf("exit status %d, want 3 (findings)\n%s", code, out)
	}
	compare(t, "ctxlint ./...", parseText(t, dir, out), want)
}

func TestExampleJSON(t *testing.T) {
	dir := exampleDir(t)
	out, code := run(t, dir, ctxlintBin(t), "-json", "./...")
	if code != 0 {
		t.Fatalf("-json: exit status %d, want 0\n%s", code, out)
	}
	var tree map[string]map[string][]struct {
		Category, Posn, Message string
	}
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("-json output: %v\n%s", err, out)
	}
	var got []finding
	for _, byAnalyzer := range tree {
		for analyzer, diags := range byAnalyzer {
			if analyzer != "ctxlint" {
				t.Errorf("analyzer %q in JSON, want ctxlint", analyzer)
			}
			for _, d := range diags {
				if !strings.HasPrefix(d.Message, d.Category+": ") {
					t.Errorf("message %q does not start with its category %q", d.Message, d.Category)
				}
				m := posnRE.FindStringSubmatch(d.Posn)
				if m == nil {
					t.Fatalf("bad position %q", d.Posn)
				}
				rel, _ := filepath.Rel(dir, m[1])
				got = append(got, finding(filepath.ToSlash(rel)+":"+m[2]+": "+d.Category))
			}
		}
	}
	slices.Sort(got)
	compare(t, "ctxlint -json", slices.Compact(got), markers(t, dir))
}

func TestExampleGoVet(t *testing.T) {
	dir := exampleDir(t)
	bin := ctxlintBin(t)
	want := markers(t, dir)

	out, code := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if code == 0 {
		t.Errorf("go vet: exit status 0 with findings\n%s", out)
	}
	compare(t, "go vet -vettool", parseText(t, dir, out), want)

	// A check switched off by flag through go vet.
	out, _ = run(t, dir, "go", "vet", "-vettool="+bin, "-inheritctx=false", "./...")
	compare(t, "go vet -vettool -inheritctx=false", parseText(t, dir, out), without(want, "inheritctx"))
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}
