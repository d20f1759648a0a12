package main_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// actionStep is a step of action.yml that runs a script.
type actionStep struct {
	name, workdir, run string
	env                []string
}

// actionSteps reads the run: steps of the repository's action.yml (the
// uses: steps, actions/setup-go, need GitHub's runner and are skipped;
// the test's own Go stands in for it). It knows the shape action.yml
// keeps, not YAML at large, and fails on anything else.
func actionSteps(t *testing.T, exprs map[string]string) []actionStep {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	expr := regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)
	eval := func(s string) string {
		return expr.ReplaceAllStringFunc(s, func(m string) string {
			e := expr.FindStringSubmatch(m)[1]
			v, ok := exprs[e]
			if !ok {
				t.Fatalf("action.yml: expression %q in a run step is unknown to the test", e)
			}
			return v
		})
	}
	var steps []actionStep
	var cur *actionStep
	uses, inSteps, inEnv, inRun := false, false, false, false
	flush := func() {
		if cur != nil && !uses {
			steps = append(steps, *cur)
		}
		cur, uses, inEnv, inRun = nil, false, false, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "steps:" {
			inSteps = true
			continue
		}
		if !inSteps {
			continue
		}
		if strings.HasPrefix(line, "    - ") {
			flush()
			cur = &actionStep{}
			line = "      " + strings.TrimPrefix(line, "    - ")
		}
		if cur == nil {
			continue
		}
		if inRun && (strings.HasPrefix(line, "        ") || strings.TrimSpace(line) == "") {
			cur.run += strings.TrimPrefix(line, "        ") + "\n"
			continue
		}
		inRun = false
		if inEnv && strings.HasPrefix(line, "        ") {
			k, v, _ := strings.Cut(strings.TrimSpace(line), ": ")
			cur.env = append(cur.env, k+"="+eval(v))
			continue
		}
		inEnv = false
		key, value, _ := strings.Cut(strings.TrimSpace(line), ":")
		value = strings.TrimSpace(value)
		switch key {
		case "uses":
			uses = true
		case "name":
			cur.name = value
		case "working-directory":
			cur.workdir = eval(value)
		case "env":
			inEnv = true
		case "run":
			if value != "|" {
				t.Fatalf("action.yml: step %q: write run: | and the script below it", cur.name)
			}
			inRun = true
		}
	}
	flush()
	for i := range steps {
		steps[i].run = eval(steps[i].run)
	}
	return steps
}

// TestAction runs the action's steps as shell scripts, as the runner
// would (bash -eo pipefail), on a copy of the example module in a
// workspace: the annotations must be exactly the BAD markers, with
// paths relative to the workspace, and the step must fail with status 3.
func TestAction(t *testing.T) {
	src := exampleDir(t)
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	workspace := t.TempDir()
	module := filepath.Join(workspace, "services", "operator")
	if err := os.CopyFS(module, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	temp := t.TempDir()
	steps := actionSteps(t, map[string]string{
		"inputs.flags":             "-watchloop.check-stop=true",
		"inputs.packages":          "./...",
		"inputs.working-directory": "services/operator",
		"runner.temp":              temp,
		"github.action_path":       repo,
	})
	if len(steps) != 2 {
		t.Fatalf("want the build and the run steps, got %d", len(steps))
	}
	var out string
	var code int
	for i, s := range steps {
		dir := s.workdir
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(workspace, dir)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.run)
		cmd.Dir = dir
		cmd.Env = append(append(os.Environ(), "GITHUB_WORKSPACE="+workspace, "GITHUB_ACTION_PATH="+repo, "RUNNER_TEMP="+temp), s.env...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code = 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if i < len(steps)-1 && code != 0 {
			t.Fatalf("step %q: exit %d\n%s%s", s.name, code, stdout.String(), stderr.String())
		}
		out = stdout.String()
	}
	if code != 3 {
		t.Errorf("the run step exited %d, want 3 (findings fail the step)\n%s", code, out)
	}
	annotation := regexp.MustCompile(`^::error file=services/operator/([^,]+),line=(\d+),col=\d+,endLine=\d+,endColumn=\d+,title=([a-z]+)::([a-z]+): `)
	var got []finding
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		m := annotation.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("not an annotation of a finding: %q", line)
			continue
		}
		if m[3] != m[4] {
			t.Errorf("title %s, message of %s: %q", m[3], m[4], line)
		}
		got = append(got, finding(fmt.Sprintf("%s:%s: %s", m[1], m[2], m[3])))
	}
	slices.Sort(got)
	compare(t, "the action's annotations", slices.Compact(got), markers(t, src))
}
