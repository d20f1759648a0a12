package main

import (
	"fmt"
	"io"
	"strings"
)

// printGitHub prints each finding as a GitHub Actions workflow command,
//
//	::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CHECK::MESSAGE
//
// which the runner turns into an annotation on the line (in the pull
// request's diff too). F is relative to $GITHUB_WORKSPACE, as the runner
// wants it. Related positions follow the message on lines of their own.
// Errors (packages that failed to load) are printed on stderr as in text
// mode, and as annotations without a file, titled "ctxlint", so that the
// run's summary says why it failed.
func (r *result) printGitHub(w io.Writer, findings []finding) error {
	var b strings.Builder
	for _, e := range r.errors {
		fmt.Fprintf(&b, "::error title=ctxlint::%s\n", escapeData(e))
	}
	for _, f := range findings {
		posn, end := r.fset.Position(f.Pos), r.fset.Position(f.End)
		props := fmt.Sprintf("file=%s,line=%d,col=%d", escapeProperty(relPath(posn.Filename)), posn.Line, posn.Column)
		if end.IsValid() {
			props += fmt.Sprintf(",endLine=%d,endColumn=%d", end.Line, end.Column)
		}
		props += ",title=" + escapeProperty(title(f.Category))
		msg := f.Message
		for _, rel := range f.Related {
			rp := r.fset.Position(rel.Pos)
			msg += fmt.Sprintf("\n%s:%d:%d: %s", relPath(rp.Filename), rp.Line, rp.Column, rel.Message)
		}
		fmt.Fprintf(&b, "::error %s::%s\n", props, escapeData(msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// title is the annotation's title: the check, or "ctxlint" for the
// composite's own findings (malformed or unused directives).
func title(category string) string {
	if category == "" || category == "directive" {
		return "ctxlint"
	}
	return category
}

// escapeData and escapeProperty encode as the runner decodes
// (actions/toolkit, command.ts).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
