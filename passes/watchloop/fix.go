package watchloop

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// This file is what the fixes of the comma-ok and break rules share:
// leaving a loop from inside it, and editing source text.

// fixPlan is a fix under construction: its edits and, when it labels the
// loop, that loop.
type fixPlan struct {
	message  string
	edits    []analysis.TextEdit
	newLabel *loop
}

// newExitPlan starts a fix with the given message that leaves loop l,
// with labelEdit, the edit that labels l, if exitFor returned one.
func newExitPlan(message string, l *loop, labelEdit *analysis.TextEdit) *fixPlan {
	plan := &fixPlan{message: message}
	if labelEdit != nil {
		plan.edits = append(plan.edits, *labelEdit)
		plan.newLabel = l
	}
	return plan
}

// add adds the edit that replaces pos..end with text.
func (p *fixPlan) add(pos, end token.Pos, text string) {
	p.edits = append(p.edits, analysis.TextEdit{Pos: pos, End: end, NewText: []byte(text)})
}

// exitFor returns the statement that leaves loop l from a fix's check:
// break when bare is allowed (no switch, select or loop lies
// between), return when that is the same (l ends a function without
// results), break L for a labelled loop, or break with a new label (and
// the edit that adds it). ok is false when none is mechanical and safe.
func (c *checker) exitFor(l *loop, bare bool) (exit string, labelEdit *analysis.TextEdit, ok bool) {
	fn := c.funcOf(l.cur)
	if fn == nil {
		return "", nil, false
	}
	results := fn.Sig.Results().Len()
	stmt := l.cur
	if stmt.ParentEdgeKind() == edge.LabeledStmt_Stmt {
		stmt = stmt.Parent()
	}
	breakSafe := true
	if f, isFor := l.node.(*ast.ForStmt); isFor && f.Cond == nil && results > 0 && lastInList(stmt) {
		// for {} may be the function's terminating statement: a new
		// break could leave the function without a return.
		breakSafe = false
	}
	switch {
	case bare && breakSafe:
		return "break", nil, true
	case results == 0 && lastInList(stmt) && isFuncBody(stmt.Parent()):
		return "return", nil, true
	case !breakSafe:
		return "", nil, false
	case stmt != l.cur:
		return "break " + stmt.Node().(*ast.LabeledStmt).Label.Name, nil, true
	}
	// A new label: the loop must start its line.
	content := c.content(l.node.Pos())
	if content == nil {
		return "", nil, false
	}
	tf := c.pass.Fset.File(l.node.Pos())
	lineStart := tf.LineStart(tf.Line(l.node.Pos()))
	indent := string(content[tf.Offset(lineStart):tf.Offset(l.node.Pos())])
	if strings.TrimLeft(indent, " \t") != "" {
		return "", nil, false
	}
	if l.newLabel == "" {
		name := "watchLoop"
		for i := 2; c.labels[name]; i++ {
			name = "watchLoop" + strconv.Itoa(i)
		}
		c.labels[name] = true
		l.newLabel = name
	}
	l.labelFixes++
	labelIndent := strings.TrimSuffix(indent, "\t")
	return "break " + l.newLabel, &analysis.TextEdit{Pos: lineStart, End: lineStart, NewText: []byte(labelIndent + l.newLabel + ":\n")}, true
}

func lastInList(stmt inspector.Cursor) bool {
	switch k, idx := stmt.ParentEdge(); k {
	case edge.BlockStmt_List:
		return idx == len(stmt.Parent().Node().(*ast.BlockStmt).List)-1
	case edge.CaseClause_Body:
		return idx == len(stmt.Parent().Node().(*ast.CaseClause).Body)-1
	case edge.CommClause_Body:
		return idx == len(stmt.Parent().Node().(*ast.CommClause).Body)-1
	}
	return false
}

func isFuncBody(block inspector.Cursor) bool {
	k := block.ParentEdgeKind()
	return k == edge.FuncDecl_Body || k == edge.FuncLit_Body
}

// noBreakableBetween reports whether no switch, select or loop lies
// between cur and loop l, so that a plain break at cur leaves l.
func noBreakableBetween(cur inspector.Cursor, l *loop) bool {
	for a := range cur.Enclosing() {
		if a == cur {
			continue
		}
		if a.Node() == l.node {
			return true
		}
		switch a.Node().(type) {
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}

// content returns the text of the file that holds pos, or nil when it
// cannot be read or does not match what was parsed.
func (c *checker) content(pos token.Pos) []byte {
	tf := c.pass.Fset.File(pos)
	if tf == nil {
		return nil
	}
	if b, ok := c.files[tf.Name()]; ok {
		return b
	}
	b, err := c.pass.ReadFile(tf.Name())
	if err != nil || len(b) != tf.Size() {
		b = nil
	}
	c.files[tf.Name()] = b
	return b
}

// lineEnd returns the end of pos's line when only blanks and a line
// comment follow pos on it, so that inserted lines go below the comment;
// otherwise pos.
func (c *checker) lineEnd(content []byte, pos token.Pos) token.Pos {
	tf := c.pass.Fset.File(pos)
	off := tf.Offset(pos)
	i := off
	for i < len(content) && (content[i] == ' ' || content[i] == '\t') {
		i++
	}
	if i+1 < len(content) && content[i] == '/' && content[i+1] == '/' {
		for i < len(content) && content[i] != '\n' {
			i++
		}
	}
	if i < len(content) && content[i] != '\n' && content[i] != '\r' {
		return pos
	}
	if i > 0 && i <= len(content) && i < len(content) && content[i] == '\n' && content[i-1] == '\r' {
		i--
	}
	return tf.Pos(i)
}

// indentAt returns the blanks that start the line of pos.
func indentAt(fset *token.FileSet, content []byte, pos token.Pos) string {
	tf := fset.File(pos)
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := start
	for end < len(content) && (content[end] == ' ' || content[end] == '\t') {
		end++
	}
	return string(content[start:end])
}
