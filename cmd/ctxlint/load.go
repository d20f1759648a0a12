package main

import (
	"errors"
	"fmt"
	"go/token"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// loadMode is what every load asks for: the named packages from source,
// their dependencies from export data (as go vet's and the no-op floor's
// loads do), and each package's module.
const loadMode = packages.LoadSyntax | packages.NeedModule

// load loads the packages the patterns name. With facts, every package of
// their modules that they import is loaded from source too, in the same
// load (so that there is one set of types, which facts are keyed on):
// when the patterns name part of a module (./controllers/...), the
// packages of the module they import but do not name are added to the
// load's patterns, and only the named ones are returned as roots.
// Dependencies outside the modules stay export data, whatever facts need:
// rootctx computes facts only for packages of a local module.
func load(o *options, patterns []string, facts bool) ([]*packages.Package, *token.FileSet, error) {
	cfg := func() *packages.Config {
		cfg := &packages.Config{Mode: loadMode, Tests: o.tests, Fset: token.NewFileSet()}
		if o.tags != "" {
			cfg.BuildFlags = []string{"-tags=" + o.tags}
		}
		return cfg
	}
	c := cfg()
	pkgs, err := packages.Load(c, patterns...)
	if err != nil {
		return nil, nil, goListError(err)
	}
	if len(pkgs) == 0 {
		return nil, nil, noPackages(c, patterns)
	}
	if !facts {
		return pkgs, c.Fset, nil
	}
	missing := moduleImportsFromExport(pkgs)
	if strings.Contains(o.debug, "l") {
		fmt.Fprintf(os.Stderr, "ctxlint: also loading from source: %s\n", strings.Join(missing, " "))
	}
	if len(missing) == 0 {
		return pkgs, c.Fset, nil
	}
	named := map[string]bool{}
	for _, p := range pkgs {
		named[p.ID] = true
	}
	c = cfg()
	all, err := packages.Load(c, append(append([]string(nil), patterns...), missing...)...)
	if err != nil {
		return nil, nil, goListError(err)
	}
	var roots []*packages.Package
	for _, p := range all {
		if named[p.ID] {
			roots = append(roots, p)
		}
	}
	if len(roots) == 0 {
		return nil, nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	return roots, c.Fset, nil
}

// moduleImportsFromExport returns, in order of first reach, the import
// paths of the packages of the roots' local modules that the roots
// import, directly or not, that were loaded from export data, and that
// import the context package or reach it through the modules' packages.
func moduleImportsFromExport(roots []*packages.Package) []string {
	mods := map[string]bool{}
	for _, p := range roots {
		if localModule(p.Module) {
			mods[p.Module.Path] = true
		}
	}
	if len(mods) == 0 {
		return nil
	}
	var out []string
	seen := map[*packages.Package]bool{}
	packages.Visit(roots, func(p *packages.Package) bool {
		seen[p] = true
		if p.Syntax == nil && p.PkgPath != "unsafe" && p.Module != nil && mods[p.Module.Path] && localModule(p.Module) {
			out = append(out, p.PkgPath)
		}
		return true
	}, nil)
	// Only a package that reaches the context package through packages
	// of the modules can lead to a root context: leave the others (test
	// fixtures under testdata, say) as they are, and spare a second load.
	mints := map[*packages.Package]bool{}
	var reaches func(p *packages.Package) bool
	reaches = func(p *packages.Package) bool {
		if v, ok := mints[p]; ok {
			return v
		}
		mints[p] = false
		_, v := p.Imports["context"]
		for _, path := range sortedImports(p) {
			imp := p.Imports[path]
			if !v && imp.Module != nil && mods[imp.Module.Path] {
				v = reaches(imp)
			}
		}
		mints[p] = v
		return v
	}
	byPath := map[string]*packages.Package{}
	for p := range seen {
		byPath[p.PkgPath] = p
	}
	return slices.DeleteFunc(out, func(path string) bool { return !reaches(byPath[path]) })
}

// followSource restricts the import graph that the checker follows for
// facts to the packages loaded from source: a fact can only be computed
// from syntax, and rootctx's are only of local modules, whose imported
// packages load computes from source. Without this, the checker would run
// the fact-producing analyzers on every dependency (export data, no
// syntax). Call it after everything that needs the whole graph.
func followSource(roots []*packages.Package) {
	packages.Visit(roots, func(p *packages.Package) bool { return p.Syntax != nil }, func(p *packages.Package) {
		kept := map[string]*packages.Package{}
		for path, imp := range p.Imports {
			if imp.Syntax != nil {
				kept[path] = imp
			}
		}
		p.Imports = kept
	})
}

// localModule reports whether m is a module being developed (the main
// module, a workspace module or one replaced by a directory), in the
// terms rootctx uses to decide where facts are computed.
func localModule(m *packages.Module) bool {
	if m == nil {
		return false
	}
	am := &analysis.Module{Path: m.Path, Version: m.Version, Main: m.Main}
	if m.Replace != nil {
		am.Replace = &analysis.Module{Path: m.Replace.Path, Version: m.Replace.Version}
	}
	return analysisutil.IsLocalModule(am)
}

// noPackages says why the patterns loaded no packages. A go list that
// fails as a whole (a required module the proxy refuses, a go.mod that
// does not parse) gives no packages and no error to a load that asks for
// modules and export data; a load of names only returns go list's error,
// which says what is wrong.
func noPackages(c *packages.Config, patterns []string) error {
	names := *c
	names.Mode = packages.NeedName
	names.Fset = nil
	if _, err := packages.Load(&names, patterns...); err != nil {
		return goListError(err)
	}
	return fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
}

// goListError is go list's own message in err, without go/packages'
// "err: exit status 1: stderr:" wrapping and go's progress lines
// ("go: downloading ..."); err itself when it has no such message.
func goListError(err error) error {
	_, stderr, ok := strings.Cut(err.Error(), "stderr: ")
	if !ok {
		return err
	}
	var lines []string
	for line := range strings.Lines(stderr) {
		if line = strings.TrimRight(line, "\n"); line != "" && !strings.HasPrefix(line, "go: downloading ") {
			lines = append(lines, line)
		}
	}
	if len(lines) == 0 {
		return err
	}
	return errors.New(strings.Join(lines, "\n"))
}
