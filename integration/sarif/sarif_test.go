// Package sarif validates ctxlint -format=sarif against the SARIF 2.1.0
// JSON schema (testdata/sarif-schema-2.1.0.json, see testdata/SOURCE.md)
// with a JSON-schema validator. It is a module of its own so that the
// validator never enters ctxlint's go.mod.
package sarif

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// build builds ctxlint from the repository's working tree.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "ctxlint")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/ctxlint")
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building ctxlint: %v\n%s", err, out)
	}
	return bin
}

func schema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// sarifOf runs ctxlint -format=sarif in dir and returns stdout; the
// status must be 3 (findings).
func sarifOf(t *testing.T, bin, dir string) []byte {
	t.Helper()
	cmd := exec.Command(bin, "-format=sarif", "./...")
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
		t.Fatalf("ctxlint -format=sarif in %s: %v, want exit 3\n%s", dir, err, stderr.String())
	}
	return stdout.Bytes()
}

func validate(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
	return sch.Validate(inst)
}

func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestSchema validates the output on the command's test module with
// fixes and a finding without one, and on the example operator (every
// check, related locations).
func TestSchema(t *testing.T) {
	bin := build(t)
	sch := schema(t)
	testdata := filepath.Join("..", "..", "cmd", "ctxlint", "testdata")
	// fixleft: fixes and a finding without one; mixed: a package that
	// does not type-check (a notification) beside a finding.
	dirs := []string{copyDir(t, filepath.Join(testdata, "fixleft")), copyDir(t, filepath.Join(testdata, "mixed"))}
	if !testing.Short() {
		dirs = append(dirs, copyDir(t, filepath.Join("..", "..", "examples", "operator")))
	}
	for _, dir := range dirs {
		data := sarifOf(t, bin, dir)
		if err := validate(t, sch, data); err != nil {
			t.Errorf("%s: the SARIF output is not valid SARIF 2.1.0: %v", filepath.Base(dir), err)
		}
		for _, want := range []string{`"ruleId": "inheritctx"`, `"fixes"`, `"helpUri"`, `"executionSuccessful"`} {
			if !bytes.Contains(data, []byte(want)) {
				t.Errorf("%s: output lacks %s", filepath.Base(dir), want)
			}
		}
		if strings.HasSuffix(dir, "operator") && !bytes.Contains(data, []byte(`"relatedLocations"`)) {
			t.Errorf("operator: no related locations")
		}
	}
}

// TestSchemaRejects proves the validator is not vacuous: a result
// without its required message fails.
func TestSchemaRejects(t *testing.T) {
	sch := schema(t)
	bad := []byte(`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "ctxlint"}}, "results": [{"ruleId": "x"}]}]}`)
	if err := validate(t, sch, bad); err == nil {
		t.Fatal("a result without a message passed the schema")
	}
}
