package main

import (
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/ctxlint/ctxlint/internal/rootctx"
	"golang.org/x/tools/go/analysis"
)

// maxMerged is how many of the merged findings a kept one lists as
// related information; the rest are counted.
const maxMerged = 3

// mergeRoots folds the findings at calls that reach the same root
// contexts of another package into the first of them, in order of
// position. Each package reports such a root once, at its first call
// (that is what go vet and golangci-lint, which analyse one package at a
// time, show), so a helper of an e2e framework called from nine suite
// packages would otherwise be nine findings for one fix. The others
// become related information of the one kept. findings must be sorted.
func mergeRoots(fset *token.FileSet, findings []finding) []finding {
	type group struct {
		kept   int
		others []finding
	}
	groups := map[string]*group{}
	var order []*group
	var out []finding
	for _, f := range findings {
		k := rootsKey(fset, f.Diagnostic)
		if k == "" {
			out = append(out, f)
			continue
		}
		g := groups[k]
		if g == nil {
			g = &group{kept: len(out)}
			groups[k] = g
			order = append(order, g)
			out = append(out, f)
			continue
		}
		g.others = append(g.others, f)
	}
	for _, g := range order {
		if len(g.others) == 0 {
			continue
		}
		d := &out[g.kept].Diagnostic
		d.Related = slices.Clone(d.Related)
		for i, o := range g.others {
			if i == maxMerged {
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: o.Pos, End: o.End,
					Message: fmt.Sprintf("and %d more calls in other packages", len(g.others)-maxMerged)})
				break
			}
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: o.Pos, End: o.End,
				Message: "the same root context, reached from " + o.pkg.PkgPath + " here"})
		}
	}
	return out
}

// rootsKey identifies the root contexts of another package that d's call
// reaches, with d's check: "" when d is no such finding.
func rootsKey(fset *token.FileSet, d analysis.Diagnostic) string {
	var roots []string
	for _, rel := range d.Related {
		if rel.Message == rootctx.RootMadeHere {
			roots = append(roots, fset.Position(rel.Pos).String())
		}
	}
	if len(roots) == 0 {
		return ""
	}
	return d.Category + "\x00" + strings.Join(roots, "\x00")
}
