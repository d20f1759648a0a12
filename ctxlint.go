package ctxlint

import (
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/baseline"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
	"github.com/ctxlint/ctxlint/internal/directive"
	"github.com/ctxlint/ctxlint/internal/rootctx"
	"github.com/ctxlint/ctxlint/passes/inheritctx"
	"github.com/ctxlint/ctxlint/passes/reconcilectx"
	"github.com/ctxlint/ctxlint/passes/storedctx"
	"github.com/ctxlint/ctxlint/passes/watchloop"
	"github.com/ctxlint/ctxlint/passes/webhookctx"
)

//go:embed doc.go
var doc string

// Check describes one of ctxlint's checks.
type Check struct {
	Name    string
	Default bool // runs unless switched off
	Fix     bool // offers suggested fixes
	// New returns a fresh instance of the check's analyzer, with its own
	// flags.
	New func() *analysis.Analyzer
	// Owns lists, for a check of the root-context family, the kinds of
	// function whose sites it reports; every kind has exactly one owner.
	Owns []ctxinfo.Kind
}

// Checks lists every check, in the order of the documentation. It is the
// one place a check is registered: the command's flags, the directive
// parser, the plugin's settings and the documentation tables all derive
// from it (a test keeps the README's table and the doc in step).
var Checks = []Check{
	{Name: reconcilectx.Name, Default: true, Fix: true, New: reconcilectx.New, Owns: reconcilectx.Owns()},
	{Name: inheritctx.Name, Default: true, Fix: true, New: inheritctx.New, Owns: inheritctx.Owns()},
	{Name: storedctx.Name, Default: true, Fix: false, New: storedctx.New},
	{Name: watchloop.Name, Default: true, Fix: true, New: watchloop.New},
	{Name: webhookctx.Name, Default: true, Fix: true, New: webhookctx.New, Owns: webhookctx.Owns()},
}

// CheckNames returns the names of all checks.
func CheckNames() []string {
	out := make([]string, len(Checks))
	for i, c := range Checks {
		out[i] = c.Name
	}
	return out
}

// Analyzer is the composite analyzer that the ctxlint command runs.
var Analyzer = NewAnalyzer()

// NewAnalyzer returns a fresh composite analyzer named "ctxlint" that runs
// every enabled check on the same pass. Its flags are:
//
//	-NAME             run check NAME (see "Selecting checks" in the doc)
//	-NAME.OPTION      an option of check NAME
//	-cross-package    no effect: helpers in other packages are followed by default
//	-baseline FILE    drop the findings recorded in FILE
//	-include-generated  also analyse and report generated files
//	-include-tests    report everything in _test.go files (every check's include-tests)
//
// Every message starts with "NAME: " and every diagnostic's Category is
// the check's name. Diagnostics are reported in order of position.
func NewAnalyzer() *analysis.Analyzer {
	a, _ := newAnalyzer()
	return a
}

func newAnalyzer() (*analysis.Analyzer, *composite) {
	c := &composite{dir: directive.New(CheckNames())}
	// Generated files are left out of the analysis, not only of the
	// findings, unless -include-generated: their syntax would be most of
	// the analysis's memory on some modules, for no finding.
	c.info = ctxinfo.New(func() bool { return !c.includeGenerated })
	c.rc = rootctx.New(c.info)
	rootctx.EnableFacts(c.rc)
	a := &analysis.Analyzer{
		Name: "ctxlint",
		Doc:  analysisutil.MustExtractDoc(doc, "ctxlint"),
		URL:  "https://pkg.go.dev/github.com/ctxlint/ctxlint",
	}
	a.Run = c.run
	seen := map[*analysis.Analyzer]bool{}
	addReq := func(r *analysis.Analyzer) {
		switch r {
		case ctxinfo.Analyzer:
			r = c.info
		case rootctx.Analyzer:
			r = c.rc
		case directive.Analyzer:
			r = c.dir
		}
		if !seen[r] {
			seen[r] = true
			a.Requires = append(a.Requires, r)
		}
	}
	addReq(directive.Analyzer)
	for _, chk := range Checks {
		inst := &instance{Check: chk, a: chk.New()}
		if inst.a.Name != chk.Name {
			panic(fmt.Sprintf("check %s has analyzer %s", chk.Name, inst.a.Name))
		}
		for _, r := range inst.a.Requires {
			addReq(r)
		}
		c.checks = append(c.checks, inst)
		a.Flags.Var(&inst.enabled, chk.Name, fmt.Sprintf("run %s (default %t): %s", chk.Name, chk.Default, title(inst.a.Doc)))
		inst.a.Flags.VisitAll(func(f *flag.Flag) {
			a.Flags.Var(f.Value, chk.Name+"."+f.Name, chk.Name+": "+f.Usage)
		})
	}
	// The checks' own facts (storedctx's constructors) are off unless
	// EnableCheckFacts: a driver then runs the composite, and every
	// check, on each dependency that has syntax.
	for _, inst := range c.checks {
		inst.facts = inst.a.FactTypes
		inst.a.FactTypes = nil
	}
	a.Flags.Var(noEffect{}, "cross-package",
		"no effect, kept for old scripts: ctx-less helpers in the other packages of the module are followed by default")
	a.Flags.StringVar(&c.baseline.Path, "baseline", "",
		"read `FILE`, a baseline written by -write-baseline, and report only findings not recorded in it; a relative FILE is relative to the current directory (through go vet, to the module root)")
	a.Flags.Var(includeTests{c}, rootctx.IncludeTestsFlag,
		"report everything in _test.go files too: sets every check's include-tests (-storedctx.include-tests, -inheritctx.include-tests, ...)")
	a.Flags.BoolVar(&c.includeGenerated, "include-generated", false,
		"also analyse generated files (those with a \"// Code generated ... DO NOT EDIT.\" header) and report findings in them")
	composites.Store(a, c)
	return a, c
}

// composites maps each composite analyzer to its state, for Enabled.
var composites sync.Map // *analysis.Analyzer -> *composite

// Enabled returns the names of the checks that the composite analyzer a
// (from NewAnalyzer or New) runs with its flags as they are now, in the
// order of Checks; nil if a is not a composite.
func Enabled(a *analysis.Analyzer) []string {
	v, ok := composites.Load(a)
	if !ok {
		return nil
	}
	on := v.(*composite).enabled()
	var out []string
	for _, c := range Checks {
		if on[c.Name] {
			out = append(out, c.Name)
		}
	}
	return out
}

func title(doc string) string {
	t, _, _ := strings.Cut(doc, "\n\n")
	return t
}

type composite struct {
	info        *analysis.Analyzer // this instance's ctxinfo analyzer, which skips generated files unless includeGenerated
	rc          *analysis.Analyzer // this instance's rootctx analyzer on info (facts on unless Config.CrossPackage is false)
	dir         *analysis.Analyzer // this instance's directive parser, which knows the checks
	dropRelated bool
	// includeGenerated keeps findings in generated files, which are
	// dropped by default, as golangci-lint does.
	includeGenerated bool
	checks           []*instance
	baseline         baseline.Filter
}

type instance struct {
	Check
	a       *analysis.Analyzer
	enabled triState
	facts   []analysis.Fact // the check's fact types, which EnableCheckFacts turns on
}

// EnableCheckFacts turns on, in the composite analyzer a (from
// NewAnalyzer or New), the facts of its checks: storedctx then leaves an
// exported constructor's per-call object to the callers and checks them
// in the packages that call it. Only a driver that loads dependencies
// from export data, without syntax, should call it, as the command does:
// the composite, and every check, then runs on each dependency that has
// syntax (go vet's, golangci-lint's), whose findings are dropped. It
// must be called before the analysis starts.
func EnableCheckFacts(a *analysis.Analyzer) {
	v, ok := composites.Load(a)
	if !ok {
		return
	}
	var types []analysis.Fact
	for _, inst := range v.(*composite).checks {
		inst.a.FactTypes = inst.facts
		types = append(types, inst.facts...)
	}
	a.FactTypes = types // called again, the same
}

// enabled returns the checks to run, following multichecker's rules: if
// any check flag is set to true, only those run; otherwise every check
// runs by default unless its flag is set to false.
func (c *composite) enabled() map[string]bool {
	only := false
	for _, inst := range c.checks {
		if inst.enabled == setTrue {
			only = true
		}
	}
	on := map[string]bool{}
	for _, inst := range c.checks {
		switch {
		case only:
			on[inst.Name] = inst.enabled == setTrue
		default:
			on[inst.Name] = inst.Default && inst.enabled != setFalse
		}
	}
	return on
}

func (c *composite) run(pass *analysis.Pass) (any, error) {
	// With check facts (EnableCheckFacts) the checker runs the composite
	// on the dependencies it loaded from export data too: nothing to do.
	if len(pass.Files) == 0 {
		return nil, nil
	}
	on := c.enabled()
	var diags []analysis.Diagnostic
	for _, inst := range c.checks {
		if !on[inst.Name] {
			continue
		}
		sub := *pass
		sub.Analyzer = inst.a
		name := inst.Name
		sub.Report = func(d analysis.Diagnostic) {
			d.Message = name + ": " + d.Message
			if c.dropRelated {
				d.Related = nil
			}
			if d.Category == "" {
				d.Category = name
			}
			diags = append(diags, d)
		}
		if _, err := inst.a.Run(&sub); err != nil {
			return nil, err
		}
	}
	if ds := directive.Of(pass); ds != nil {
		diags = append(diags, directiveDiagnostics(ds, on)...)
	}
	if !c.includeGenerated {
		diags = dropGenerated(pass, diags)
	}
	diags, err := c.baseline.Apply(pass, diags)
	if err != nil {
		return nil, err
	}
	sortDiagnostics(pass.Fset, diags)
	for _, d := range diags {
		pass.Report(d)
	}
	return nil, nil
}

// dropGenerated removes the diagnostics in generated files (ast.IsGenerated:
// a "// Code generated ... DO NOT EDIT." comment before the package clause).
func dropGenerated(pass *analysis.Pass, diags []analysis.Diagnostic) []analysis.Diagnostic {
	generated := map[*token.File]bool{}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			generated[pass.Fset.File(f.FileStart)] = true
		}
	}
	if len(generated) == 0 {
		return diags
	}
	return slices.DeleteFunc(diags, func(d analysis.Diagnostic) bool { return generated[pass.Fset.File(d.Pos)] })
}

// sortDiagnostics puts diags in source order: by file name, then offset,
// then end, then message. It compares positions, not token.Pos values:
// go/packages parses a package's files concurrently, so the order of
// their bases in the FileSet, and with it the order of token.Pos values
// across files, changes from run to run.
func sortDiagnostics(fset *token.FileSet, diags []analysis.Diagnostic) {
	type key struct {
		file       string
		start, end int
	}
	keyOf := func(d analysis.Diagnostic) key {
		start := fset.Position(d.Pos)
		end := start.Offset
		if d.End.IsValid() {
			end = fset.Position(d.End).Offset
		}
		return key{start.Filename, start.Offset, end}
	}
	sort.SliceStable(diags, func(i, j int) bool {
		ki, kj := keyOf(diags[i]), keyOf(diags[j])
		if ki != kj {
			if ki.file != kj.file {
				return ki.file < kj.file
			}
			if ki.start != kj.start {
				return ki.start < kj.start
			}
			return ki.end < kj.end
		}
		return diags[i].Message < diags[j].Message
	})
}

// directiveDiagnostics reports malformed directives, and directives of
// enabled checks that silenced nothing.
func directiveDiagnostics(ds *directive.Directives, on map[string]bool) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, p := range ds.Problems {
		out = append(out, analysis.Diagnostic{Pos: p.Pos, End: p.End, Category: "directive", Message: "ctxlint: " + p.Message})
	}
	for _, d := range ds.List {
		for _, check := range d.Checks {
			if on[check] && !d.Used(check) {
				out = append(out, analysis.Diagnostic{
					Pos: d.Comment.Pos(), End: d.Comment.End(), Category: "directive",
					Message: fmt.Sprintf("ctxlint: this ctxlint:ignore directive silences no %s finding on its line; remove it, or move it to the line of the finding", check),
				})
			}
		}
	}
	return out
}

// triState is a boolean flag that remembers whether it was set.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (t *triState) String() string {
	switch *t {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return ""
}

func (t *triState) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	if b {
		*t = setTrue
	} else {
		*t = setFalse
	}
	return nil
}

func (t *triState) IsBoolFlag() bool { return true }

// noEffect is a boolean flag that is accepted and ignored: -cross-package,
// whose behaviour (following helpers into the module's other packages) is
// now the default.
type noEffect struct{}

func (noEffect) String() string { return "true" }

func (noEffect) Set(s string) error {
	_, err := strconv.ParseBool(s)
	return err
}

func (noEffect) IsBoolFlag() bool { return true }

// includeTests is the -include-tests flag: one option for every check
// that leaves part of its findings in _test.go files alone, setting each
// one's own include-tests (-storedctx.include-tests remains as the
// narrower option of that check alone).
type includeTests struct{ c *composite }

func (t includeTests) String() string {
	if t.c == nil {
		return "false"
	}
	for _, inst := range t.c.checks {
		if f := inst.a.Flags.Lookup(rootctx.IncludeTestsFlag); f != nil && f.Value.String() != "true" {
			return "false"
		}
	}
	return "true"
}

func (t includeTests) Set(s string) error {
	if _, err := strconv.ParseBool(s); err != nil {
		return err
	}
	for _, inst := range t.c.checks {
		if f := inst.a.Flags.Lookup(rootctx.IncludeTestsFlag); f != nil {
			if err := f.Value.Set(s); err != nil {
				return err
			}
		}
	}
	return nil
}

func (t includeTests) IsBoolFlag() bool { return true }
