package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ctxlint/ctxlint"
	"github.com/ctxlint/ctxlint/internal/baseline"
)

// Exit statuses.
const (
	exitOK       = 0
	exitFailed   = 1 // a package failed to load or to be analysed, and there are no findings
	exitUsage    = 2 // bad flags or arguments, unreadable baseline
	exitFindings = 3 // findings (even if some package also failed)
)

// options are the driver's own flags; the analyzer's flags (checks,
// their options, -baseline, -cross-package, -include-generated) live in
// ctxlint.Analyzer.Flags.
type options struct {
	json          bool
	format        string
	context       int
	fix, diff     bool
	tests         bool
	tags          string
	writeBaseline string
	// includeGenerated is the analyzer's -include-generated: -fix edits
	// generated files only then.
	includeGenerated bool
	cpuprofile       string
	memprofile       string
	debug            string
}

func newFlagSet(o *options) *flag.FlagSet {
	fs := flag.NewFlagSet("ctxlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	ctxlint.Analyzer.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	fs.StringVar(&o.format, "format", "text", "print findings as `FORMAT`: text (on stderr), sarif (SARIF 2.1.0 on stdout, for GitHub code scanning) or github (GitHub Actions annotations on stdout); the exit status is the same for all three")
	fs.BoolVar(&o.json, "json", false, "print findings as JSON on stdout; the exit status is then 0 even with findings, as for go vet -json")
	fs.IntVar(&o.context, "c", -1, "with -format=text, show each finding's line and this many lines around it")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes (never in generated files), then print the findings left and exit 3 if there are any")
	fs.BoolVar(&o.diff, "diff", false, "with -fix, print the fixes as a unified diff on stdout instead of applying them")
	fs.BoolVar(&o.tests, "test", true, "also analyse the packages' test files")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build `TAGS`, as for go build -tags (GOFLAGS=-tags=TAGS works too; through go vet, go vet -tags=TAGS)")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record every current finding in `FILE`, a baseline for -baseline, and exit 0 (1 if a package fails to load); other flags apply as usual")
	fs.Var(versionFlag{}, "V", versionUsage)
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile to `FILE`")
	fs.StringVar(&o.memprofile, "memprofile", "", "write a memory profile to `FILE`")
	fs.StringVar(&o.debug, "debug", "", `debug flags: "p" analyses packages one at a time; "l" prints the module packages loaded from source although not named`)
	for _, name := range []string{"source", "v", "all"} {
		fs.Bool(name, false, "no effect (deprecated)")
	}
	return fs
}

// command runs ctxlint as a command and returns its exit status.
func command(stdout, stderr io.Writer, args []string) int {
	var o options
	fs := newFlagSet(&o)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout, fs)
			return exitOK
		}
		fmt.Fprintln(stderr, "ctxlint: "+flagError(fs, err))
		return exitUsage
	}
	o.includeGenerated = fs.Lookup("include-generated").Value.String() == "true"
	if msg := o.check(fs); msg != "" {
		fmt.Fprintln(stderr, "ctxlint: "+msg)
		return exitUsage
	}
	if o.cpuprofile != "" {
		f, err := os.Create(o.cpuprofile)
		if err != nil {
			fmt.Fprintln(stderr, "ctxlint:", err)
			return exitUsage
		}
		if err := pprof.StartCPUProfile(f); err == nil {
			defer pprof.StopCPUProfile()
		}
	}
	if o.memprofile != "" {
		defer func() {
			if f, err := os.Create(o.memprofile); err == nil {
				runtime.GC() // the profile counts allocations up to the last collection
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		}()
	}
	if code, ok := o.prepareBaseline(fs, stderr); !ok {
		return code
	}

	r, err := analyse(&o, fs.Args())
	if err != nil {
		fmt.Fprintln(stderr, "ctxlint:", err)
		return exitFailed
	}
	return r.report(&o, stdout, stderr)
}

// check validates combinations of flags; it returns the error message.
func (o *options) check(fs *flag.FlagSet) string {
	switch {
	case !slices.Contains([]string{"text", "sarif", "github"}, o.format):
		return fmt.Sprintf("-format=%s: want text, sarif or github", o.format)
	case o.json && o.format != "text":
		return "-json and -format=" + o.format + " both choose the output; use one"
	case o.json && o.fix:
		return "-json prints the findings and their fixes, -fix applies them: use one"
	case o.diff && !o.fix:
		return "-diff shows the fixes -fix would apply: use -fix -diff"
	case o.writeBaseline != "" && o.fix:
		return "-write-baseline records findings; it does not go with -fix"
	case len(ctxlint.Enabled(ctxlint.Analyzer)) == 0:
		return "every check is switched off; run at least one of " + strings.Join(ctxlint.CheckNames(), ", ")
	case fs.NArg() == 0:
		return "no packages named; usage: ctxlint [flags] packages (for example ./...); ctxlint -help lists the flags"
	}
	return ""
}

// prepareBaseline makes -baseline absolute and reads it once, so that a
// missing or broken file is one error before anything is loaded; with
// -write-baseline it clears -baseline, since a new baseline records every
// finding.
func (o *options) prepareBaseline(fs *flag.FlagSet, stderr io.Writer) (int, bool) {
	f := fs.Lookup("baseline")
	path := f.Value.String()
	if path == "" {
		return 0, true
	}
	if o.writeBaseline != "" {
		f.Value.Set("")
		return 0, true
	}
	abs, err := filepath.Abs(path)
	if err == nil {
		_, err = baseline.Read(abs)
	}
	if err != nil {
		fmt.Fprintf(stderr, "ctxlint: -baseline: %v\n", err)
		return exitUsage, false
	}
	f.Value.Set(abs)
	return 0, true
}

// flagError rewrites the flag package's error about an undefined flag as
// one line that names the checks and the closest flag.
func flagError(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	name, ok := strings.CutPrefix(msg, "flag provided but not defined: -")
	if !ok {
		return msg + " (ctxlint -help lists the flags)"
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	msg += "; checks: " + strings.Join(ctxlint.CheckNames(), ", ")
	if best := closest(name, names); best != "" {
		msg += "; did you mean -" + best + "?"
	}
	return msg + " (ctxlint -help lists every flag)"
}

// closest returns the name nearest to s in edit distance, if it is near
// enough to be a likely typo.
func closest(s string, names []string) string {
	best, bestD := "", 0
	for _, n := range names {
		d := editDistance(s, n)
		if best == "" || d < bestD {
			best, bestD = n, d
		}
	}
	if best == "" || bestD > max(1, min(3, len(s)/4)) {
		return ""
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func usage(w io.Writer, fs *flag.FlagSet) {
	paras := strings.Split(ctxlint.Analyzer.Doc, "\n\n")
	fmt.Fprintf(w, "ctxlint: %s\n\n", paras[0])
	fmt.Fprintf(w, "Usage: ctxlint [flags] packages\n\n")
	if len(paras) > 1 {
		fmt.Fprintln(w, strings.Join(paras[1:], "\n\n"))
	}
	fmt.Fprint(w, `
Build tags: -tags=TAGS, or GOFLAGS=-tags=TAGS (as for go build; with go vet,
go vet -tags=TAGS). Files excluded by the build tags are not analysed.

Flags:
`)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// result is one run's packages, findings and errors.
type result struct {
	fset     *token.FileSet
	pkgs     []*packages.Package
	graph    *checker.Graph
	findings []finding // deduplicated, in order of position, one per root context of another package (mergeRoots)
	recorded []finding // the same before mergeRoots: what a baseline records
	errors   []string  // load and analysis errors, once each, in the user's terms
	// pkgErrors holds, per root package ID, its errors for -json.
	pkgErrors map[string][]string
}

// finding is one diagnostic of a root package.
type finding struct {
	pkg *packages.Package
	analysis.Diagnostic
}

func analyse(o *options, patterns []string) (*result, error) {
	// This driver loads dependencies from export data, so the checks'
	// facts cost nothing beyond the module's own packages.
	ctxlint.EnableCheckFacts(ctxlint.Analyzer)
	facts := needFacts(ctxlint.Analyzer)
	pkgs, fset, err := load(o, patterns, facts)
	if err != nil {
		return nil, err
	}
	r := &result{fset: fset, pkgs: pkgs, pkgErrors: map[string][]string{}}
	r.collectLoadErrors()
	if facts {
		followSource(pkgs)
	}
	// Collect the load's garbage (parse and type-check temporaries) now:
	// otherwise the analysis's allocations pile up on it until the next
	// collection, which the loaded heap sets at twice its size, and the
	// peak memory is that sum. One collection here costs less than a
	// lower GOGC for the whole run (docs/scale.md).
	runtime.GC()
	r.graph, err = checker.Analyze([]*analysis.Analyzer{ctxlint.Analyzer}, pkgs, &checker.Options{Sequential: strings.Contains(o.debug, "p")})
	if err != nil {
		return nil, err
	}
	r.collect()
	return r, nil
}

// needFacts reports whether a or an analyzer it requires uses facts.
func needFacts(a *analysis.Analyzer) bool {
	if len(a.FactTypes) > 0 {
		return true
	}
	return slices.ContainsFunc(a.Requires, needFacts)
}

// sortedImports returns p's import paths in order, for determinism.
func sortedImports(p *packages.Package) []string {
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	return paths
}

// collectLoadErrors records the errors of the packages and their
// dependencies once each. A package that does not type-check has the
// type checker's errors and, from go list -export, the compiler's report
// of the same errors; only the type checker's are kept. An import that go
// list cannot resolve is reported by go list, which says how to fix it,
// and again by the type checker ("could not import"); only go list's is
// kept.
func (r *result) collectLoadErrors() {
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			r.errors = append(r.errors, s)
		}
	}
	compilerReport := func(e packages.Error) bool { return e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") }
	// errsOf returns p's errors; listed says whether go list reported an
	// error in p or a package it imports.
	errsOf := func(p *packages.Package, listed bool) []string {
		typed := slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind != packages.ListError })
		var out []string
		for _, e := range p.Errors {
			if typed && compilerReport(e) || listed && e.Kind == packages.TypeError && strings.HasPrefix(e.Msg, "could not import ") {
				continue
			}
			if e.Pos == "" {
				out = append(out, e.Msg) // not "-: msg"
			} else {
				out = append(out, e.Error())
			}
		}
		return out
	}
	// visit returns the errors of p and its imports, once each, and
	// whether go list reported any of them. Each package is visited once
	// for the whole load, whichever roots reach it.
	type visited struct {
		errs   []string
		listed bool
	}
	memo := map[*packages.Package]*visited{}
	var visit func(*packages.Package) *visited
	visit = func(p *packages.Package) *visited {
		if v, ok := memo[p]; ok {
			if v == nil {
				return &visited{} // an import cycle: reported by go list
			}
			return v
		}
		memo[p] = nil
		v := &visited{listed: slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind == packages.ListError && !compilerReport(e) })}
		for _, path := range sortedImports(p) {
			sub := visit(p.Imports[path])
			v.errs = appendNew(v.errs, sub.errs...)
			v.listed = v.listed || sub.listed
		}
		v.errs = appendNew(v.errs, errsOf(p, v.listed)...)
		memo[p] = v
		return v
	}
	for _, p := range r.pkgs {
		errs := visit(p).errs
		for _, e := range errs {
			add(e)
		}
		if len(errs) > 0 {
			r.pkgErrors[p.ID] = errs
		}
	}
}

// appendNew appends to list the elements of more it does not hold yet.
func appendNew(list []string, more ...string) []string {
	for _, s := range more {
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

// collect gathers the root actions' findings, deduplicated (a file in a
// package and in its test variant is analysed twice), and the analysis
// errors that loading does not already explain.
func (r *result) collect() {
	type key struct {
		pos, end token.Position
		message  string
	}
	seen := map[key]bool{}
	for _, act := range r.graph.Roots {
		if act.Err != nil {
			if _, explained := r.pkgErrors[act.Package.ID]; explained {
				continue
			}
			msg := fmt.Sprintf("analysing %s: %v", act.Package.PkgPath, rootCause(act))
			r.pkgErrors[act.Package.ID] = []string{msg}
			if !slices.Contains(r.errors, msg) {
				r.errors = append(r.errors, msg)
			}
			continue
		}
		for _, d := range act.Diagnostics {
			k := key{r.fset.Position(d.Pos), r.fset.Position(d.End), d.Message}
			if !seen[k] {
				seen[k] = true
				r.findings = append(r.findings, finding{act.Package, d})
			}
		}
	}
	r.sortFindings()
	r.recorded = r.findings
	r.findings = mergeRoots(r.fset, r.findings)
	r.sortFindings() // a kept finding may have taken the place of an earlier one
}

// sortFindings puts the findings in order of file and position.
func (r *result) sortFindings() {
	sort.SliceStable(r.findings, func(i, j int) bool {
		a, b := r.fset.Position(r.findings[i].Pos), r.fset.Position(r.findings[j].Pos)
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Offset < b.Offset
	})
}

// rootCause returns the error of the first action below act that failed
// on its own, rather than because a prerequisite failed: the one that
// says what went wrong. The internal analyzers' errors (a recovered
// panic) already name ctxlint and the package.
func rootCause(act *checker.Action) error {
	for _, dep := range act.Deps {
		if dep.Err != nil && dep.Package == act.Package {
			return rootCause(dep)
		}
	}
	return act.Err
}

// report prints the errors and findings and returns the exit status.
func (r *result) report(o *options, stdout, stderr io.Writer) int {
	failed := len(r.errors) > 0
	if o.json {
		for _, e := range r.errors {
			fmt.Fprintln(stderr, e)
		}
		if err := r.printJSON(stdout); err != nil {
			fmt.Fprintln(stderr, "ctxlint:", err)
			return exitFailed
		}
		if failed {
			return exitFailed
		}
		return exitOK
	}
	if o.writeBaseline != "" {
		return r.writeBaseline(o.writeBaseline, stderr)
	}
	findings := r.findings
	var fixSummary string
	if o.fix {
		var err error
		findings, fixSummary, err = r.applyFixes(findings, o.includeGenerated, o.diff, stdout)
		if err != nil {
			fmt.Fprintln(stderr, "ctxlint: -fix:", err)
			failed = true
		}
	}
	for _, e := range r.errors {
		fmt.Fprintln(stderr, e)
	}
	var err error
	switch o.format {
	case "sarif":
		err = r.printSARIF(stdout, findings)
	case "github":
		err = r.printGitHub(stdout, findings)
	default:
		err = r.printText(stderr, findings, o.context)
	}
	if err != nil {
		fmt.Fprintln(stderr, "ctxlint:", err)
		failed = true
	}
	if fixSummary != "" {
		fmt.Fprintln(stderr, "ctxlint: "+fixSummary)
	}
	switch {
	case len(findings) > 0:
		return exitFindings
	case failed:
		return exitFailed
	}
	return exitOK
}
