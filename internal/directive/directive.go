// Package directive parses ctxlint's suppression comments,
//
//	//ctxlint:ignore <check>[,<check>...] <reason>
//
// A directive silences the findings of the named checks on its own line
// when it trails code, or, when it stands alone, on the next line and,
// if a statement starts there, on every line of that statement (of a
// compound statement such as if or for, its header up to the opening
// brace). The reason is required. "// ctxlint:ignore", with a space, is
// not a directive to Go's conventions and is reported as malformed.
package directive

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// Prefix starts every directive.
const Prefix = "//ctxlint:ignore"

// Analyzer parses the directives of a package for a check that runs on
// its own: it accepts any check name. Front ends that know the list of
// checks (the composite analyzer) use an instance of New instead, which
// reports directives that name no known check; the checks find whichever
// instance ran through Of.
var Analyzer = New(nil)

// New returns an analyzer that parses the directives of a package. A
// directive that names a check not in known is malformed (reported among
// the Problems, and silencing nothing); with known nil, every name is
// accepted.
func New(known []string) *analysis.Analyzer {
	p := &parser{known: known}
	return &analysis.Analyzer{
		Name:       "ctxlintdirective",
		Doc:        "ctxlintdirective: parse //ctxlint:ignore directives (internal to ctxlint)",
		Run:        analysisutil.Recover("ctxlintdirective", p.run),
		ResultType: reflect.TypeOf((*Directives)(nil)),
	}
}

type parser struct{ known []string }

func (p *parser) isKnown(check string) bool {
	return p.known == nil || slices.Contains(p.known, check)
}

// Of returns the directives among pass's requirements, whichever
// instance of the analyzer parsed them, or nil.
func Of(pass *analysis.Pass) *Directives {
	return analysisutil.ResultOf[*Directives](pass)
}

// Directive is one well-formed //ctxlint:ignore comment.
type Directive struct {
	Comment *ast.Comment
	Checks  []string
	Reason  string
	File    string // file name
	Line    int    // the first line whose findings it silences
	EndLine int    // the last one (Line unless it covers a statement of several lines)

	mu   sync.Mutex
	used map[string]bool
}

// Used reports whether the directive silenced a finding of check.
func (d *Directive) Used(check string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.used[check]
}

func (d *Directive) names(check string) bool {
	for _, c := range d.Checks {
		if c == check {
			return true
		}
	}
	return false
}

// Problem is a malformed directive.
type Problem struct {
	Pos     token.Pos
	End     token.Pos
	Message string
}

// Directives is the result for one package.
type Directives struct {
	fset     *token.FileSet
	List     []*Directive
	Problems []Problem
	byLine   map[string]map[int][]*Directive
}

// Suppressed reports whether a finding of check at pos is silenced, and
// records that the directive was used.
func (ds *Directives) Suppressed(check string, pos token.Pos) bool {
	if ds == nil || len(ds.List) == 0 || !pos.IsValid() {
		return false
	}
	p := ds.fset.Position(pos)
	for _, d := range ds.byLine[p.Filename][p.Line] {
		if d.names(check) {
			d.mu.Lock()
			d.used[check] = true
			d.mu.Unlock()
			return true
		}
	}
	return false
}

// Filter returns a copy of pass whose Report drops the findings of check
// that a directive silences.
func Filter(pass *analysis.Pass, check string) *analysis.Pass {
	ds := Of(pass)
	if ds == nil || len(ds.List) == 0 {
		return pass
	}
	sub := *pass
	report := pass.Report
	sub.Report = func(d analysis.Diagnostic) {
		if !ds.Suppressed(check, d.Pos) {
			report(d)
		}
	}
	return &sub
}

func (p *parser) run(pass *analysis.Pass) (any, error) {
	ds := &Directives{fset: pass.Fset, byLine: map[string]map[int][]*Directive{}}
	for _, file := range pass.Files {
		var content []byte
		var ends map[int]int
		for _, group := range file.Comments {
			for _, c := range group.List {
				if spaced.MatchString(c.Text) {
					ds.Problems = append(ds.Problems, Problem{Pos: c.Pos(), End: c.End(),
						Message: "ctxlint:ignore directive has a space after //, so it silences nothing; write //ctxlint:ignore <check> <reason>"})
					continue
				}
				if !strings.HasPrefix(c.Text, Prefix) {
					continue
				}
				rest := strings.TrimPrefix(c.Text, Prefix)
				if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
					continue // some other word, e.g. //ctxlint:ignored
				}
				if content == nil {
					content, _ = pass.ReadFile(pass.Fset.File(file.Pos()).Name())
					ends = statementEnds(pass.Fset, file)
				}
				ds.parse(p, pass.Fset, c, strings.TrimSpace(rest), content, ends)
			}
		}
	}
	return ds, nil
}

// spaced matches a comment that would be a directive but for blanks
// after the slashes.
var spaced = regexp.MustCompile(`^//[ \t]+ctxlint:ignore([ \t]|$)`)

// statementEnds maps each line on which a statement starts to the last
// line of the outermost statement starting there; of a compound
// statement, the line of its opening brace.
func statementEnds(fset *token.FileSet, file *ast.File) map[int]int {
	ends := map[int]int{}
	ast.Inspect(file, func(n ast.Node) bool {
		stmt, ok := n.(ast.Stmt)
		if !ok {
			return true
		}
		if _, ok := stmt.(*ast.BlockStmt); ok {
			return true
		}
		start := fset.Position(stmt.Pos()).Line
		if _, seen := ends[start]; !seen {
			ends[start] = fset.Position(headerEnd(stmt)).Line
		}
		return true
	})
	return ends
}

// headerEnd returns the end of stmt, or for a compound statement (if,
// for, range, switch, select) the opening brace of its body, its first
// child that is a block.
func headerEnd(stmt ast.Stmt) token.Pos {
	switch s := stmt.(type) {
	case *ast.LabeledStmt:
		return headerEnd(s.Stmt)
	case *ast.CaseClause:
		return s.Colon
	case *ast.CommClause:
		return s.Colon
	}
	end := stmt.End()
	ast.Inspect(stmt, func(n ast.Node) bool {
		if n == stmt {
			return true
		}
		if b, ok := n.(*ast.BlockStmt); ok && end == stmt.End() {
			end = b.Lbrace
		}
		return false // direct children only
	})
	return end
}

func (ds *Directives) parse(p *parser, fset *token.FileSet, c *ast.Comment, rest string, content []byte, ends map[int]int) {
	problem := func(format string, args ...any) {
		ds.Problems = append(ds.Problems, Problem{Pos: c.Pos(), End: c.End(), Message: fmt.Sprintf(format, args...)})
	}
	list, reason, _ := strings.Cut(rest, " ")
	reason = strings.TrimSpace(reason)
	if list == "" {
		problem("ctxlint:ignore directive names no check; write //ctxlint:ignore <check> <reason>%s", p.checks())
		return
	}
	checks := strings.Split(list, ",")
	for _, check := range checks {
		if !p.isKnown(check) {
			problem("ctxlint:ignore directive names unknown check %q%s", check, p.checks())
			return
		}
	}
	if reason == "" {
		problem("ctxlint:ignore directive for %s has no reason; say why the finding is wrong or deliberate: //ctxlint:ignore %s <reason>", list, list)
		return
	}
	posn := fset.Position(c.Pos())
	line, end := posn.Line, posn.Line
	if alone(content, posn.Offset) {
		line++
		end = max(line, ends[line])
	}
	d := &Directive{Comment: c, Checks: checks, Reason: reason, File: posn.Filename, Line: line, EndLine: end, used: map[string]bool{}}
	ds.List = append(ds.List, d)
	if ds.byLine[posn.Filename] == nil {
		ds.byLine[posn.Filename] = map[int][]*Directive{}
	}
	for l := line; l <= end; l++ {
		ds.byLine[posn.Filename][l] = append(ds.byLine[posn.Filename][l], d)
	}
}

// checks lists the known checks for a message: " (checks: a, b)".
func (p *parser) checks() string {
	if p.known == nil {
		return ""
	}
	return " (checks: " + strings.Join(p.known, ", ") + ")"
}

// alone reports whether only blanks precede offset on its line.
func alone(content []byte, offset int) bool {
	if offset > len(content) {
		return false
	}
	for i := offset - 1; i >= 0 && content[i] != '\n'; i-- {
		if content[i] != ' ' && content[i] != '\t' {
			return false
		}
	}
	return true
}
