package main_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// internalNames must never reach the user: they are the composite's
// internal analyzers and the driver's wording for them.
var internalNames = []string{"ctxinfo", "rootctx", "ctxlintdirective", "failed prerequisites", "analysis skipped"}

func noInternalNames(t *testing.T, what, out string) {
	t.Helper()
	for _, n := range internalNames {
		if strings.Contains(out, n) {
			t.Errorf("%s mentions %q:\n%s", what, n, out)
		}
	}
}

// stdoutOf runs the command in dir with env added, and returns its
// standard output alone and its exit status.
func stdoutOf(t *testing.T, dir string, env []string, args ...string) ([]byte, int) {
	t.Helper()
	cmd := exec.Command(ctxlintBin(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	stdout, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		return stdout, ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return stdout, 0
}

// TestLoadErrors: a type error is printed once, in the user's terms, in
// text and in -json; with findings elsewhere, the findings are printed
// and the status is 3.
func TestLoadErrors(t *testing.T) {
	bin := ctxlintBin(t)
	dir := copyModule(t, "broken")
	out, code := run(t, dir, bin, "./...")
	if code != 1 || strings.Count(out, "too many return values") != 1 {
		t.Errorf("broken: exit %d, want 1 and the error once\n%s", code, out)
	}
	noInternalNames(t, "text output", out)

	stdout, code := stdoutOf(t, dir, nil, "-json", "./...")
	if code != 1 {
		t.Errorf("-json on a broken package: exit %d, want 1", code)
	}
	var tree map[string]map[string]struct{ Error string }
	if err := json.Unmarshal(stdout, &tree); err != nil {
		t.Fatalf("-json: %v\n%s", err, stdout)
	}
	if len(tree) != 1 || len(tree["example.com/broken"]) != 1 || !strings.Contains(tree["example.com/broken"]["ctxlint"].Error, "too many return values") {
		t.Errorf("-json: want one package with one ctxlint error\n%s", stdout)
	}
	noInternalNames(t, "-json output", string(stdout))

	// An import no module provides: go list's error, which says what to
	// do, and not the type checker's echo of it.
	out, code = run(t, copyModule(t, "missing"), bin, "./...")
	if code != 1 || strings.Count(out, "no required module provides package example.com/nothere/pkg") != 1 || strings.Contains(out, "could not import") {
		t.Errorf("missing module: exit %d, want 1 and go list's error alone\n%s", code, out)
	}
	noInternalNames(t, "missing module output", out)

	// A go.mod that does not parse: go list fails as a whole, and its
	// own message is printed, without go/packages' wrapping of it.
	out, code = run(t, copyModule(t, "badgomod"), bin, "./...")
	if code != 1 || !strings.Contains(out, "ctxlint: go: errors parsing go.mod:\ngo.mod:5: usage: require module/path v1.2.3") || strings.Contains(out, "exit status") || strings.Contains(out, "stderr") {
		t.Errorf("unparsable go.mod: exit %d, want 1 and go list's error alone\n%s", code, out)
	}

	mixed := copyModule(t, "mixed")
	out, code = run(t, mixed, bin, "./...")
	if code != 3 || strings.Count(out, "too many return values") != 1 || !strings.Contains(out, "good.go:8:6: inheritctx: context.TODO()") {
		t.Errorf("mixed: exit %d, want 3 with the error and the finding\n%s", code, out)
	}
	noInternalNames(t, "mixed output", out)
}

// TestFlagErrors: an unknown flag is one line naming the checks, with
// the nearest flag; not the whole help.
func TestFlagErrors(t *testing.T) {
	bin := ctxlintBin(t)
	dir := copyModule(t, "clean")
	for _, tc := range []struct{ arg, want string }{
		{"-inherictx=false", "did you mean -inheritctx?"},
		{"-webhookctx.report-detatched", "did you mean -webhookctx.report-detached?"},
		{"-frobnicate", ""},
	} {
		out, code := run(t, dir, bin, tc.arg, "./...")
		if code != 2 || strings.Count(strings.TrimSpace(out), "\n") != 0 ||
			!strings.Contains(out, "checks: reconcilectx, inheritctx, storedctx, watchloop, webhookctx") ||
			!strings.Contains(out, tc.want) {
			t.Errorf("%s: exit %d, want 2 and one line with %q\n%s", tc.arg, code, tc.want, out)
		}
		if tc.want == "" && strings.Contains(out, "did you mean") {
			t.Errorf("%s: no flag is near, yet:\n%s", tc.arg, out)
		}
	}
}

// TestHelpFlag: -help lists every flag, -write-baseline among them, and
// says how to set build tags.
func TestHelpFlag(t *testing.T) {
	out, code := run(t, copyModule(t, "clean"), ctxlintBin(t), "-help")
	if code != 0 {
		t.Fatalf("-help: exit %d\n%s", code, out)
	}
	for _, want := range []string{"-write-baseline FILE", "-format FORMAT", "-include-generated", "-tags TAGS", "GOFLAGS=-tags=TAGS", "-inheritctx.report-detached", "Exit status: 0 no findings"} {
		if !strings.Contains(out, want) {
			t.Errorf("-help lacks %q:\n%s", want, out)
		}
	}
}

// TestVersion: -V and -V=full print the module version recorded in the
// binary's build information, the one go version -m reports.
func TestVersion(t *testing.T) {
	bin := ctxlintBin(t)
	dir := copyModule(t, "clean")
	m, code := run(t, dir, "go", "version", "-m", bin)
	if code != 0 {
		t.Fatal(m)
	}
	mod := regexp.MustCompile(`(?m)^\tmod\tgithub.com/ctxlint/ctxlint\t(\S+)`).FindStringSubmatch(m)
	if mod == nil {
		t.Fatalf("go version -m: no main module:\n%s", m)
	}
	out, code := run(t, dir, bin, "-V")
	if code != 0 || !strings.HasPrefix(out, "ctxlint version "+mod[1]+" go1.") {
		t.Errorf("-V: exit %d, want \"ctxlint version %s go1...\"\n%s", code, mod[1], out)
	}
	out, code = run(t, dir, bin, "-V=full")
	if code != 0 || !regexp.MustCompile(`^ctxlint version `+regexp.QuoteMeta(mod[1])+` go\S+ buildID=[0-9a-f]{64}\n$`).MatchString(out) {
		t.Errorf("-V=full: exit %d\n%s", code, out)
	}
}

// TestWriteBaselineFlags: -write-baseline is a flag like the others and
// goes with any of them.
func TestWriteBaselineFlags(t *testing.T) {
	bin := ctxlintBin(t)
	dir := copyModule(t, "findings")
	out, code := run(t, dir, bin, "-tags", "foo", "-inheritctx.report-detached", "-write-baseline", "b.json", "-test=false", "./...")
	if code != 0 || !strings.Contains(out, "wrote 2 findings to b.json") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	if out, code := run(t, dir, bin, "-baseline=b.json", "./..."); code != 0 {
		t.Fatalf("with the baseline written: exit %d\n%s", code, out)
	}
}

// TestBaselineGoVet: through go vet, a relative -baseline is relative to
// the module root, whatever the package's directory.
func TestBaselineGoVet(t *testing.T) {
	bin := ctxlintBin(t)
	dir := copyModule(t, "findings")
	// A package in a subdirectory, with a finding of its own.
	sub := filepath.Join(dir, "sub")
	os.MkdirAll(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "sub.go"), []byte("package sub\n\nimport \"context\"\n\nfunc use(ctx context.Context) {}\n\nfunc f(ctx context.Context) { use(context.TODO()) }\n"), 0o644)
	if out, code := run(t, dir, bin, "-write-baseline", "ctxlint-baseline.json", "./..."); code != 0 || !strings.Contains(out, "wrote 3 findings") {
		t.Fatalf("-write-baseline: exit %d\n%s", code, out)
	}
	out, code := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if code == 0 || !strings.Contains(out, "inheritctx:") {
		t.Fatalf("go vet without the baseline: exit %d, want findings\n%s", code, out)
	}
	for _, wd := range []string{dir, sub} {
		out, code := run(t, wd, "go", "vet", "-vettool="+bin, "-baseline=ctxlint-baseline.json", "./...")
		if wd == sub {
			// From the subdirectory, go vet ./... covers sub only; the
			// path is still the module root's file.
			out, code = run(t, wd, "go", "vet", "-vettool="+bin, "-baseline=ctxlint-baseline.json", "example.com/findings/...")
		}
		if code != 0 {
			t.Errorf("go vet -baseline in %s: exit %d, want 0 (every finding recorded)\n%s", wd, code, out)
		}
	}
}

// TestFixLeft: -fix applies what it can and prints the rest, exit 3;
// generated files are not edited; -fix -diff prints the diff and changes
// nothing.
func TestFixLeft(t *testing.T) {
	bin := ctxlintBin(t)
	dir := copyModule(t, "fixleft")
	gen, _ := os.ReadFile(filepath.Join(dir, "zz_generated.go"))
	src, _ := os.ReadFile(filepath.Join(dir, "fixleft.go"))

	out, code := run(t, dir, bin, "-fix", "-diff", "./...")
	if code != 3 || !strings.Contains(out, "-\tuse(context.Background())\n+\tuse(r.Context())\n") || !strings.Contains(out, "+\tuse(ctx)\n") {
		t.Errorf("-fix -diff: exit %d, want 3 and the diff\n%s", code, out)
	}
	if now, _ := os.ReadFile(filepath.Join(dir, "fixleft.go")); string(now) != string(src) {
		t.Errorf("-fix -diff changed the file")
	}

	out, code = run(t, dir, bin, "-fix", "./...")
	if code != 3 || !strings.Contains(out, "fixleft.go:12:2: storedctx: field ctx") || strings.Contains(out, "inheritctx:") || strings.Contains(out, "webhookctx:") {
		t.Errorf("-fix: exit %d, want 3 and only the storedctx finding\n%s", code, out)
	}
	fixed, _ := os.ReadFile(filepath.Join(dir, "fixleft.go"))
	if !strings.Contains(string(fixed), "use(r.Context())") || !strings.Contains(string(fixed), "use(ctx)") {
		t.Errorf("fixes not applied:\n%s", fixed)
	}
	if now, _ := os.ReadFile(filepath.Join(dir, "zz_generated.go")); string(now) != string(gen) {
		t.Errorf("-fix edited a generated file:\n%s", now)
	}
	out, code = run(t, dir, bin, "./...")
	if code != 3 || strings.Count(out, ": storedctx:") != 1 || strings.Count(out, "\n") != 1 {
		t.Errorf("after -fix: exit %d, want the storedctx finding alone\n%s", code, out)
	}

	// With -include-generated, -fix edits generated files too.
	out, code = run(t, dir, bin, "-include-generated", "-fix", "./...")
	if now, _ := os.ReadFile(filepath.Join(dir, "zz_generated.go")); code != 3 || !strings.Contains(string(now), "use(ctx)") {
		t.Errorf("-include-generated -fix: exit %d, generated file:\n%s\n%s", code, now, out)
	}
}

// TestGenerated: findings in generated files are not reported unless
// -include-generated.
func TestGenerated(t *testing.T) {
	bin := ctxlintBin(t)
	dir := copyModule(t, "generated")
	out, code := run(t, dir, bin, "./...")
	if code != 3 || strings.Contains(out, "gen.go") || !strings.Contains(out, "code.go:6:6: inheritctx") {
		t.Errorf("default: exit %d, want code.go's finding only\n%s", code, out)
	}
	out, code = run(t, dir, bin, "-include-generated", "./...")
	if code != 3 || !strings.Contains(out, "gen.go:10:6: inheritctx") || !strings.Contains(out, "code.go:6:6: inheritctx") {
		t.Errorf("-include-generated: exit %d, want both findings\n%s", code, out)
	}
	// The same through go vet.
	out, _ = run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if strings.Contains(out, "gen.go") || !strings.Contains(out, "code.go:6:6: inheritctx") {
		t.Errorf("go vet: want code.go's finding only\n%s", out)
	}
	out, _ = run(t, dir, "go", "vet", "-vettool="+bin, "-include-generated", "./...")
	if !strings.Contains(out, "gen.go:10:6: inheritctx") {
		t.Errorf("go vet -include-generated: want gen.go's finding\n%s", out)
	}
}

// TestBuildTags: a file behind a build tag is analysed with -tags or
// GOFLAGS=-tags, and through go vet -tags.
func TestBuildTags(t *testing.T) {
	bin := ctxlintBin(t)
	dir := copyModule(t, "tags")
	if out, code := run(t, dir, bin, "./..."); code != 0 {
		t.Errorf("without tags: exit %d, want 0\n%s", code, out)
	}
	if out, code := run(t, dir, bin, "-tags=foo", "./..."); code != 3 || !strings.Contains(out, "foo.go:8:6: inheritctx") {
		t.Errorf("-tags=foo: exit %d, want 3\n%s", code, out)
	}
	cmd := exec.Command(bin, "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-tags=foo")
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 || !strings.Contains(string(out), "foo.go:8:6: inheritctx") {
		t.Errorf("GOFLAGS=-tags=foo: %v, want exit 3\n%s", err, out)
	}
	if out, code := run(t, dir, "go", "vet", "-vettool="+bin, "-tags=foo", "./..."); code == 0 || !strings.Contains(out, "foo.go:8:6: inheritctx") {
		t.Errorf("go vet -tags=foo: exit %d, want the finding\n%s", code, out)
	}
}

// TestGitHubFormat: -format=github prints workflow commands on stdout,
// with paths relative to $GITHUB_WORKSPACE, and exits 3.
func TestGitHubFormat(t *testing.T) {
	dir := copyModule(t, "fixleft")
	stdout, code := stdoutOf(t, dir, []string{"GITHUB_WORKSPACE=" + filepath.Dir(dir)}, "-format=github", "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, stdout)
	}
	want := "::error file=fixleft/fixleft.go,line=20,col=6,endLine=20,endColumn=20,title=inheritctx::inheritctx: context.TODO() replaces ctx, the context f receives; use ctx\n"
	if !strings.Contains(string(stdout), want) || strings.Count(string(stdout), "::error ") != 3 {
		t.Errorf("want 3 annotations, among them\n%s\ngot\n%s", want, stdout)
	}

	// A package that does not load is an annotation too.
	stdout, code = stdoutOf(t, copyModule(t, "mixed"), nil, "-format=github", "./...")
	if code != 3 || !strings.Contains(string(stdout), "::error title=ctxlint::") || !strings.Contains(string(stdout), "too many return values%0A") {
		t.Errorf("mixed: exit %d, want 3 and the load error as an annotation\n%s", code, stdout)
	}
}

// TestSARIFFormat: -format=sarif prints one SARIF log on stdout, with a
// rule per check and the results, and exits 3. integration/sarif
// validates the same output against the SARIF 2.1.0 schema.
func TestSARIFFormat(t *testing.T) {
	dir := copyModule(t, "fixleft")
	stdout, code := stdoutOf(t, dir, nil, "-format=sarif", "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, stdout)
	}
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID, HelpURI string }
				}
			}
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				Fixes []json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(stdout, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("%v\n%s", err, stdout)
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != 6 || run.Tool.Driver.Rules[1].ID != "inheritctx" || !strings.Contains(run.Tool.Driver.Rules[1].HelpURI, "inheritctx") {
		t.Errorf("rules: %+v", run.Tool.Driver.Rules)
	}
	if len(run.Results) != 3 {
		t.Fatalf("want 3 results:\n%s", stdout)
	}
	r := run.Results[2]
	loc := r.Locations[0].PhysicalLocation
	if r.RuleID != "inheritctx" || loc.ArtifactLocation.URI != "fixleft.go" || loc.Region.StartLine != 20 || loc.Region.StartColumn != 6 || len(r.Fixes) != 1 {
		t.Errorf("third result: %+v", r)
	}
	if run.Results[0].RuleID != "storedctx" || len(run.Results[0].Fixes) != 0 {
		t.Errorf("first result: %+v", run.Results[0])
	}

	// A package that fails to load is a notification; the findings of
	// the others are results, and the status is 3.
	stdout, code = stdoutOf(t, copyModule(t, "mixed"), nil, "-format=sarif", "./...")
	if code != 3 {
		t.Fatalf("mixed: exit %d, want 3\n%s", code, stdout)
	}
	var mixed struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct{ Message struct{ Text string } }
			}
			Results []json.RawMessage
		}
	}
	if err := json.Unmarshal(stdout, &mixed); err != nil {
		t.Fatal(err)
	}
	inv := mixed.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 || !strings.Contains(inv.ToolExecutionNotifications[0].Message.Text, "too many return values") || len(mixed.Runs[0].Results) != 1 {
		t.Errorf("mixed: want one notification and one result\n%s", stdout)
	}
}

// TestPartialModule: linting part of a module follows helpers into the
// module's other packages (loaded from source too) without reporting
// their own findings; linting the whole module reports both.
func TestPartialModule(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "mod", "xpkg"))
	if err != nil {
		t.Fatal(err)
	}
	bin := ctxlintBin(t)
	out, code := run(t, dir, bin, "./app")
	if code != 3 {
		t.Fatalf("./app: exit %d, want 3\n%s", code, out)
	}
	got := parseText(t, dir, out)
	for _, f := range got {
		if !strings.HasPrefix(string(f), "app/") {
			t.Errorf("./app: finding outside the named package: %s", f)
		}
	}
	for _, want := range []finding{"app/more.go:15: inheritctx", "app/more.go:21: inheritctx", "app/more.go:29: inheritctx", "app/more.go:35: inheritctx"} {
		if !slices.Contains(got, want) {
			t.Errorf("./app: missing %s (a helper in another package)\n%s", want, out)
		}
	}
	// Only the packages that reach the context package are loaded again
	// from source (-debug=l says which).
	out, _ = run(t, dir, bin, "-debug=l", "./app")
	if !strings.Contains(out, "example.com/xpkg/deep") || strings.Contains(out, "example.com/xpkg/names") {
		t.Errorf("./app: want deep and not names loaded again from source\n%s", out)
	}
	out, _ = run(t, dir, bin, "./...")
	if got := parseText(t, dir, out); !slices.Contains(got, "deep/deep.go:17: inheritctx") {
		t.Errorf("./...: missing deep's own finding\n%s", out)
	}
}

// TestFoldIntoRoots: a root context that its own package reports (a
// function there reaches it) is one finding with the calls of other
// packages that reach it, which become its related information.
func TestFoldIntoRoots(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "mod", "xpkg"))
	if err != nil {
		t.Fatal(err)
	}
	bin := ctxlintBin(t)
	out, code := run(t, dir, bin, "./logs", "./client")
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, out)
	}
	if got, want := parseText(t, dir, out), []finding{"logs/logs.go:15: inheritctx"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v\n%s", got, want, out)
	}
	if !regexp.MustCompile(`(?m)client/client\.go:13:\d+: \treaches it from example\.com/xpkg/client here$`).MatchString(out) {
		t.Errorf("want client's call as related information of the root's finding\n%s", out)
	}
	out, _ = run(t, dir, bin, "./client")
	if got, want := parseText(t, dir, out), []finding{"client/client.go:13: inheritctx"}; !slices.Equal(got, want) {
		t.Errorf("./client alone: got %v, want %v\n%s", got, want, out)
	}

	// Whichever check reports the root: hooks reports it as webhookctx
	// (its handler reaches it), admit's plain function as inheritctx.
	out, _ = run(t, dir, bin, "./hooks", "./admit")
	if got, want := parseText(t, dir, out), []finding{"hooks/hooks.go:16: webhookctx"}; !slices.Equal(got, want) {
		t.Errorf("./hooks ./admit: got %v, want %v\n%s", got, want, out)
	}
	if !regexp.MustCompile(`(?m)admit/admit\.go:14:\d+: \treaches it from example\.com/xpkg/admit here$`).MatchString(out) {
		t.Errorf("want admit's call as related information of hooks' finding\n%s", out)
	}
	out, _ = run(t, dir, bin, "-webhookctx=false", "./hooks", "./admit")
	if got, want := parseText(t, dir, out), []finding{"admit/admit.go:14: inheritctx"}; !slices.Equal(got, want) {
		t.Errorf("-webhookctx=false: got %v, want %v (nothing to fold into)\n%s", got, want, out)
	}
}

// TestMergeRoots: root contexts of another package reached from several
// packages are one finding, at the call that reaches them all, with the
// other calls as related information: app's and other's reach one root,
// third's that root and one more. fourth's reaches that root and one
// that third's does not: it stays a finding of its own. A baseline still
// records every call, so that nothing reappears when one is silenced.
func TestMergeRoots(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "mod", "xpkg"))
	if err != nil {
		t.Fatal(err)
	}
	bin := ctxlintBin(t)
	pkgs := []string{"./app", "./other", "./third", "./fourth"}
	out, code := run(t, dir, bin, pkgs...)
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, out)
	}
	got := parseText(t, dir, out)
	var calls []finding // the findings at the four calls that reach util.Lookup's root
	for _, f := range got {
		if f == "app/app.go:13: inheritctx" || !strings.HasPrefix(string(f), "app/") {
			calls = append(calls, f)
		}
	}
	if want := []finding{"fourth/fourth.go:15: inheritctx", "third/third.go:15: inheritctx"}; !slices.Equal(calls, want) {
		t.Errorf("want util.Lookup's root reported at third's and fourth's calls only, not app's or other's\n%s", out)
	}
	// app's and other's calls, whose one root both third's and fourth's
	// reach, are folded into the first of those in order of position.
	for _, p := range []string{"app", "other"} {
		re := `(?m)` + p + `/` + p + `\.go:1[35]:\d+: \treaches the same root contexts from example\.com/xpkg/` + p + ` here$`
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("want %s's call as related information of the kept finding\n%s", p, out)
		}
	}
	// Each package alone still reports its call.
	out, _ = run(t, dir, bin, "./app", "./other")
	if got := parseText(t, dir, out); !slices.Contains(got, "app/app.go:13: inheritctx") || slices.Contains(got, "other/other.go:15: inheritctx") {
		t.Errorf("./app ./other: want app's call, with other's merged into it\n%s", out)
	}
	out, _ = run(t, dir, bin, "./other")
	if got := parseText(t, dir, out); !slices.Contains(got, "other/other.go:15: inheritctx") {
		t.Errorf("./other alone: want its call reported\n%s", out)
	}
	base := filepath.Join(t.TempDir(), "baseline.json")
	if out, code := run(t, dir, bin, append([]string{"-write-baseline", base}, pkgs...)...); code != 0 {
		t.Fatalf("-write-baseline: exit %d\n%s", code, out)
	}
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "other/other.go") || !strings.Contains(string(data), "third/third.go") {
		t.Errorf("baseline does not record the merged calls in other/other.go and third/third.go:\n%s", data)
	}
	if out, code := run(t, dir, bin, append([]string{"-baseline", base}, pkgs...)...); code != 0 {
		t.Errorf("-baseline: exit %d, want 0 (nothing new)\n%s", code, out)
	}
}
