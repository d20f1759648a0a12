package ctxlint

import (
	"flag"
	"fmt"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/rootctx"
)

// Config configures a composite analyzer from code, for front ends such as
// the golangci-lint plugin. It offers exactly what the command-line flags
// offer.
type Config struct {
	// Enable adds checks to the default set; Disable removes checks from
	// it. Naming a check in both is an error.
	Enable, Disable []string

	// CrossPackage keeps the analyzer's fact, through which it follows
	// ctx-less helpers into the other packages of the module, as the
	// command and go vet -vettool always do. It is off by default here
	// because the one front end that uses Config, golangci-lint, computes
	// facts by loading every dependency from source when its cache has
	// none (see the README's "Front ends").
	CrossPackage bool

	// DropRelated removes the related information from diagnostics.
	// golangci-lint turns each related position into an issue of its own,
	// which exclusion rules on a check's prefix cannot match; the messages
	// name those positions anyway.
	DropRelated bool

	// IncludeGenerated is the -include-generated flag: analyse generated
	// files too, and report findings in them. golangci-lint excludes generated files itself
	// (its linters.exclusions.generated setting) before ctxlint's filter.
	IncludeGenerated bool

	// IncludeTests is the -include-tests flag: report everything in
	// _test.go files too (every check's include-tests option).
	IncludeTests bool

	// Options holds each check's options by check name and option name,
	// as flag values: {"inheritctx": {"report-detached": "true"}}.
	Options map[string]map[string]string
}

// New returns a composite analyzer configured by cfg, or an error naming
// the unknown check or option, or the contradiction.
func New(cfg Config) (*analysis.Analyzer, error) {
	a, c := newAnalyzer()
	c.dropRelated = cfg.DropRelated
	known := CheckNames()
	for _, list := range [][]string{cfg.Enable, cfg.Disable} {
		for _, name := range list {
			if !slices.Contains(known, name) {
				return nil, fmt.Errorf("unknown check %q (checks: %s)", name, strings.Join(known, ", "))
			}
		}
	}
	for _, name := range cfg.Enable {
		if slices.Contains(cfg.Disable, name) {
			return nil, fmt.Errorf("check %q is both enabled and disabled", name)
		}
	}
	// Set every check explicitly: the enabled ones true (so that only they
	// run), the others false.
	anyOn := false
	for _, c := range Checks {
		on := (c.Default || slices.Contains(cfg.Enable, c.Name)) && !slices.Contains(cfg.Disable, c.Name)
		anyOn = anyOn || on
		if err := a.Flags.Set(c.Name, fmt.Sprint(on)); err != nil {
			return nil, err
		}
	}
	if !anyOn {
		return nil, fmt.Errorf("every check is disabled")
	}
	if cfg.IncludeGenerated {
		if err := a.Flags.Set("include-generated", "true"); err != nil {
			return nil, err
		}
	}
	if cfg.IncludeTests {
		if err := a.Flags.Set(rootctx.IncludeTestsFlag, "true"); err != nil {
			return nil, err
		}
	}
	if !cfg.CrossPackage {
		c.rc.FactTypes = nil
	}
	checks := make([]string, 0, len(cfg.Options))
	for check := range cfg.Options {
		checks = append(checks, check)
	}
	sort.Strings(checks)
	for _, check := range checks {
		if !slices.Contains(known, check) {
			return nil, fmt.Errorf("options for unknown check %q (checks: %s)", check, strings.Join(known, ", "))
		}
		opts := cfg.Options[check]
		names := make([]string, 0, len(opts))
		for opt := range opts {
			names = append(names, opt)
		}
		sort.Strings(names)
		for _, opt := range names {
			f := a.Flags.Lookup(check + "." + opt)
			if f == nil {
				return nil, fmt.Errorf("unknown option %q for check %s (options: %s)", opt, check, strings.Join(CheckOptions(check), ", "))
			}
			if err := f.Value.Set(opts[opt]); err != nil {
				return nil, fmt.Errorf("option %s of check %s: %v", opt, check, err)
			}
		}
	}
	return a, nil
}

// CheckOptions returns the names of the options of the named check.
func CheckOptions(check string) []string {
	var out []string
	for _, c := range Checks {
		if c.Name == check {
			c.New().Flags.VisitAll(func(f *flag.Flag) { out = append(out, f.Name) })
		}
	}
	return out
}
