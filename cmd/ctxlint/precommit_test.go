package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHook runs the repository's .pre-commit-hooks.yaml with the
// real pre-commit (pre-commit try-repo) against a scratch git repository:
// a commit with a finding must be rejected, a clean one accepted.
//
// Without pre-commit the test skips, saying so; CI installs pre-commit and
// sets CTXLINT_REQUIRE_PRECOMMIT=1, which turns the skip into a failure.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the hook builds ctxlint with go install, which needs the module proxy")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		if os.Getenv("CTXLINT_REQUIRE_PRECOMMIT") != "" {
			t.Fatal("pre-commit is not installed but CTXLINT_REQUIRE_PRECOMMIT is set")
		}
		t.Skip("pre-commit is not installed (Debian: apt-get install pre-commit); the pre-commit hook is NOT tested")
	}
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	scratch := t.TempDir()
	home := t.TempDir()
	modcache, _ := exec.Command("go", "env", "GOMODCACHE").Output()
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+home,
		"GOMODCACHE="+strings.TrimSpace(string(modcache)),
		"GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com",
	)
	sh := func(name string, args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = scratch, env
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); ok {
			return string(out), ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
		return string(out), 0
	}
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(scratch, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must := func(name string, args ...string) {
		t.Helper()
		if out, code := sh(name, args...); code != 0 {
			t.Fatalf("%s %v: exit %d\n%s", name, args, code, out)
		}
	}

	must("git", "init", "-q")
	write("go.mod", "module example.com/scratch\n\ngo 1.26.0\n")
	write("sync.go", `package scratch

import "context"

func push(ctx context.Context) error { return nil }

func Sync(ctx context.Context) error {
	return push(context.Background())
}
`)
	must("git", "add", "-A")

	// The bad commit: the hook rejects it and says why.
	out, code := sh("pre-commit", "try-repo", repo, "ctxlint")
	if code == 0 || !strings.Contains(out, "inheritctx: context.Background() replaces ctx") {
		t.Fatalf("pre-commit accepted a commit with a finding (exit %d):\n%s", code, out)
	}

	// The good commit: the hook passes it.
	write("sync.go", `package scratch

import "context"

func push(ctx context.Context) error { return nil }

func Sync(ctx context.Context) error {
	return push(ctx)
}
`)
	must("git", "add", "-A")
	if out, code := sh("pre-commit", "try-repo", repo, "ctxlint"); code != 0 {
		t.Fatalf("pre-commit rejected a clean commit (exit %d):\n%s", code, out)
	}
	must("git", "commit", "-q", "-m", "clean")
}
