package main

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/ctxlint/ctxlint"
)

// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), the
// subset GitHub code scanning reads: a run with one rule per check, and a
// result per finding with its location, related locations and fixes.
type (
	sarifLog struct {
		Version string     `json:"version"`
		Schema  string     `json:"$schema"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                   `json:"tool"`
		Invocations        []sarifInvocation           `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
		ColumnKind         string                      `json:"columnKind"`
		Results            []sarifResult               `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID               string       `json:"id"`
		Name             string       `json:"name"`
		ShortDescription sarifMessage `json:"shortDescription"`
		FullDescription  sarifMessage `json:"fullDescription"`
		Help             sarifMessage `json:"help"`
		HelpURI          string       `json:"helpUri"`
		DefaultConfig    struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   string       `json:"level"`
		Message sarifMessage `json:"message"`
	}
	sarifResult struct {
		RuleID           string          `json:"ruleId"`
		RuleIndex        int             `json:"ruleIndex"`
		Level            string          `json:"level"`
		Message          sarifMessage    `json:"message"`
		Locations        []sarifLocation `json:"locations"`
		RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
		Fixes            []sarifFix      `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		ID               *int          `json:"id,omitempty"`
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifMessage `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
		Region           sarifRegion      `json:"region"`
	}
	sarifArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int  `json:"startLine,omitempty"`
		StartColumn int  `json:"startColumn,omitempty"`
		EndLine     int  `json:"endLine,omitempty"`
		EndColumn   int  `json:"endColumn,omitempty"`
		ByteOffset  *int `json:"byteOffset,omitempty"`
		ByteLength  *int `json:"byteLength,omitempty"`
	}
	sarifFix struct {
		Description     sarifMessage          `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion   `json:"deletedRegion"`
		InsertedContent *sarifMessage `json:"insertedContent,omitempty"`
	}
)

const srcRoot = "%SRCROOT%"

// directiveRule is the rule of the composite's own findings (category
// "directive"): malformed //ctxlint:ignore comments and ones that
// silence nothing.
const directiveRule = "directive"

func (r *result) printSARIF(w io.Writer, findings []finding) error {
	driver := sarifDriver{Name: "ctxlint", Version: moduleVersion(), InformationURI: "https://github.com/ctxlint/ctxlint"}
	index := map[string]int{}
	addRule := func(id, doc, helpURI string) {
		short, _, _ := strings.Cut(doc, "\n\n")
		rule := sarifRule{ID: id, Name: id, ShortDescription: sarifMessage{short}, FullDescription: sarifMessage{doc}, Help: sarifMessage{doc}, HelpURI: helpURI}
		rule.DefaultConfig.Level = "error"
		index[id] = len(driver.Rules)
		driver.Rules = append(driver.Rules, rule)
	}
	for _, c := range ctxlint.Checks {
		a := c.New()
		addRule(c.Name, a.Doc, a.URL)
	}
	addRule(directiveRule, "malformed //ctxlint:ignore directives, and directives that silence no finding\n\nA directive needs a known check and a reason; one that silences nothing is stale.", ctxlint.Analyzer.URL)

	base := os.Getenv("GITHUB_WORKSPACE")
	if base == "" {
		base = cwd()
	}
	run := sarifRun{
		Tool:               sarifTool{driver},
		OriginalURIBaseIDs: map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(base) + "/"}},
		ColumnKind:         "unicodeCodePoints",
		Results:            []sarifResult{},
	}
	inv := sarifInvocation{ExecutionSuccessful: len(r.errors) == 0}
	for _, e := range r.errors {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "error", Message: sarifMessage{e}})
	}
	run.Invocations = []sarifInvocation{inv}

	lines := lineReader{}
	for _, f := range findings {
		id := f.Category
		if _, ok := index[id]; !ok {
			id = directiveRule
		}
		res := sarifResult{
			RuleID:    id,
			RuleIndex: index[id],
			Level:     "error",
			Message:   sarifMessage{f.Message},
			Locations: []sarifLocation{{PhysicalLocation: lines.location(r.fset, f.Pos, f.End, base)}},
		}
		for i, rel := range f.Related {
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID:               &i,
				PhysicalLocation: lines.location(r.fset, rel.Pos, rel.End, base),
				Message:          &sarifMessage{rel.Message},
			})
		}
		for _, fix := range f.SuggestedFixes {
			byFile := map[string]*sarifArtifactChange{}
			var order []string
			for _, e := range fix.TextEdits {
				start, end := r.fset.Position(e.Pos), r.fset.Position(e.End)
				if !end.IsValid() {
					end = start
				}
				ch, ok := byFile[start.Filename]
				if !ok {
					ch = &sarifArtifactChange{ArtifactLocation: artifact(start.Filename, base)}
					byFile[start.Filename] = ch
					order = append(order, start.Filename)
				}
				off, n := start.Offset, end.Offset-start.Offset
				rep := sarifReplacement{DeletedRegion: sarifRegion{ByteOffset: &off, ByteLength: &n}}
				if len(e.NewText) > 0 {
					rep.InsertedContent = &sarifMessage{string(e.NewText)}
				}
				ch.Replacements = append(ch.Replacements, rep)
			}
			sf := sarifFix{Description: sarifMessage{fix.Message}}
			for _, name := range order {
				sf.ArtifactChanges = append(sf.ArtifactChanges, *byFile[name])
			}
			if len(sf.ArtifactChanges) > 0 {
				res.Fixes = append(res.Fixes, sf)
			}
		}
		run.Results = append(run.Results, res)
	}
	log := sarifLog{Version: "2.1.0", Schema: "https://json.schemastore.org/sarif-2.1.0.json", Runs: []sarifRun{run}}
	data, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// artifact names a file relative to the source root when it is inside.
func artifact(filename, base string) sarifArtifactLoc {
	if rel, err := filepathRel(base, filename); err == nil {
		return sarifArtifactLoc{URI: (&url.URL{Path: rel}).EscapedPath(), URIBaseID: srcRoot}
	}
	return sarifArtifactLoc{URI: fileURI(filename)}
}

func fileURI(name string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(name)}).String()
}

// lineReader converts byte columns (go/token's) into the code-point
// columns SARIF's columnKind "unicodeCodePoints" wants.
type lineReader map[string][]byte

func (lr lineReader) location(fset *token.FileSet, pos, end token.Pos, base string) sarifPhysical {
	start := fset.Position(pos)
	stop := fset.Position(end)
	if !stop.IsValid() {
		stop = start
	}
	return sarifPhysical{
		ArtifactLocation: artifact(start.Filename, base),
		Region: sarifRegion{
			StartLine: start.Line, StartColumn: lr.column(start),
			EndLine: stop.Line, EndColumn: lr.column(stop),
		},
	}
}

func (lr lineReader) column(p token.Position) int {
	content, ok := lr[p.Filename]
	if !ok {
		content, _ = os.ReadFile(p.Filename)
		lr[p.Filename] = content
	}
	lineStart := p.Offset - (p.Column - 1)
	if lineStart < 0 || p.Offset > len(content) {
		return p.Column
	}
	return utf8.RuneCount(content[lineStart:p.Offset]) + 1
}
