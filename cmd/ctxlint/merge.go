package main

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/rootctx"
)

// maxMerged is how many of the merged findings a kept one lists as
// related information; the rest are counted.
const maxMerged = 3

// mergeRoots folds the findings of a check at calls that reach root
// contexts of another package into the first, in order of position, that
// reaches any of the same roots. Each package reports such roots once, at
// its first call (that is what go vet and golangci-lint, which analyse
// one package at a time, show), so a helper of an e2e framework called
// from nine suite packages, or a metrics wrapper whose callers reach one
// or two of its root contexts, would otherwise be one finding per package
// for one fix. The others become related information of the one kept.
// findings must be sorted.
func mergeRoots(fset *token.FileSet, findings []finding) []finding {
	type group struct {
		kept   int
		others []finding
	}
	type key struct{ check, root string }
	groups := map[key]*group{}
	var order []*group
	var out []finding
	for _, f := range findings {
		roots := rootsOf(fset, f.Diagnostic)
		var g *group
		for _, r := range roots {
			if g = groups[key{f.Category, r}]; g != nil {
				break
			}
		}
		switch {
		case len(roots) == 0:
			out = append(out, f)
			continue
		case g == nil:
			g = &group{kept: len(out)}
			order = append(order, g)
			out = append(out, f)
		default:
			g.others = append(g.others, f)
		}
		for _, r := range roots {
			if k := (key{f.Category, r}); groups[k] == nil {
				groups[k] = g
			}
		}
	}
	for _, g := range order {
		if len(g.others) == 0 {
			continue
		}
		d := &out[g.kept].Diagnostic
		d.Related = append([]analysis.RelatedInformation(nil), d.Related...)
		for i, o := range g.others {
			if i == maxMerged {
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: o.Pos, End: o.End,
					Message: fmt.Sprintf("and %d more calls in other packages", len(g.others)-maxMerged)})
				break
			}
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: o.Pos, End: o.End,
				Message: "reaches the same root contexts from " + o.pkg.PkgPath + " here"})
		}
	}
	return out
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
