package main

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/rootctx"
)

// maxMerged is how many of the merged findings a kept one lists as
// related information; the rest are counted.
const maxMerged = 3

// mergeRoots folds together the findings at calls that reach root
// contexts of another package when the roots of one are among those of
// another, whichever checks own the calls (a handler's and a plain
// function's call of one helper are one fix): the one kept is the one
// that reaches them all (the first, in order of position, when both
// reach the same). Each package reports
// such roots once, at its first call (that is what go vet and
// golangci-lint, which analyse one package at a time, show), so a helper
// of an e2e framework called from nine suite packages would otherwise be
// one finding per package for one fix. The others become related
// information of the one kept. Findings that share some roots but each
// reach some the other does not stay apart: their fixes differ, and
// folding one into the other would hide roots. findings must be sorted.
func mergeRoots(fset *token.FileSet, findings []finding) []finding {
	findings = foldIntoRoots(fset, findings)
	type group struct {
		kept   int
		roots  map[string]bool
		others []finding
	}
	var groups []*group
	var out []finding
	for _, f := range findings {
		roots := rootsOf(fset, f.Diagnostic)
		if len(roots) == 0 {
			out = append(out, f)
			continue
		}
		set := map[string]bool{}
		for _, r := range roots {
			set[r] = true
		}
		var into *group
		for _, g := range groups {
			if subset(set, g.roots) {
				g.others = append(g.others, f)
				into = g
				break
			}
			if subset(g.roots, set) {
				// f reaches all of g's roots and more: it is the one kept.
				g.others = append([]finding{out[g.kept]}, g.others...)
				out[g.kept] = f
				g.roots = set
				into = g
				break
			}
		}
		if into == nil {
			groups = append(groups, &group{kept: len(out), roots: set})
			out = append(out, f)
		}
	}
	for _, g := range groups {
		relate(&out[g.kept].Diagnostic, g.others, "reaches the same root contexts from %s here")
	}
	return out
}

// relate adds to d, as related information, the first maxMerged of the
// findings folded into it (format names the package) and counts the rest.
func relate(d *analysis.Diagnostic, others []finding, format string) {
	if len(others) == 0 {
		return
	}
	d.Related = append([]analysis.RelatedInformation(nil), d.Related...)
	for i, o := range others {
		if i == maxMerged {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: o.Pos, End: o.End,
				Message: fmt.Sprintf("and %d more calls in other packages", len(others)-maxMerged)})
			break
		}
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: o.Pos, End: o.End, Message: fmt.Sprintf(format, o.pkg.PkgPath)})
	}
}

// foldIntoRoots folds a finding at a call that reaches root contexts of
// another package into the finding at those roots, when the roots' own
// package reports them all as one finding (at the first root, the others
// related: a helper's roots that the same calls reach there), whichever
// check reports it there: a root that a Reconcile reaches in its own
// package and a plain function of another package reaches too is one
// finding of reconcilectx. One root is then one finding, whichever
// packages' calls reach it.
func foldIntoRoots(fset *token.FileSet, findings []finding) []finding {
	at := map[string]int{} // a finding with no roots of another package, by the positions of its roots
	for i, f := range findings {
		if len(rootsOf(fset, f.Diagnostic)) > 0 {
			continue
		}
		at[fset.Position(f.Pos).String()] = i
		for _, rel := range f.Related {
			if strings.HasPrefix(rel.Message, rootctx.AnotherRoot) {
				at[fset.Position(rel.Pos).String()] = i
			}
		}
	}
	into := map[int][]finding{}
	folded := map[int]bool{}
	for i, f := range findings {
		target := -1
		for _, r := range rootsOf(fset, f.Diagnostic) {
			j, ok := at[r]
			if !ok || target >= 0 && j != target {
				target = -1
				break
			}
			target = j
		}
		if target >= 0 {
			into[target] = append(into[target], f)
			folded[i] = true
		}
	}
	if len(folded) == 0 {
		return findings
	}
	var out []finding
	for i, f := range findings {
		if folded[i] {
			continue
		}
		relate(&f.Diagnostic, into[i], "reaches it from %s here")
		out = append(out, f)
	}
	return out
}

// subset reports whether every element of a is in b.
func subset(a, b map[string]bool) bool {
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// rootsOf returns the places of the root contexts of another package that
// d's call reaches (rootctx.RootMadeHere), none when d is no such finding.
func rootsOf(fset *token.FileSet, d analysis.Diagnostic) []string {
	var roots []string
	for _, rel := range d.Related {
		if rel.Message == rootctx.RootMadeHere {
			roots = append(roots, fset.Position(rel.Pos).String())
		}
	}
	return roots
}
