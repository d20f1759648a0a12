package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/ctxlint/ctxlint"
)

// help implements "ctxlint help [CHECK]": with no check, the list of
// checks; with one, that check's documentation (the text of its doc.go).
// It returns the exit status.
func help(w, errw io.Writer, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(w, "ctxlint finds context.Context misuse. Usage: ctxlint [flags] [packages]")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Checks (all on by default; -NAME=false switches one off, -NAME runs only those named):")
		for _, c := range ctxlint.Checks {
			title, _, _ := strings.Cut(c.New().Doc, "\n\n")
			fmt.Fprintf(w, "  %-13s %s\n", c.Name, title)
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Run 'ctxlint help CHECK' for a check's rules, options and examples,")
		fmt.Fprintln(w, "and 'ctxlint -help' for every flag.")
		return 0
	}
	for _, c := range ctxlint.Checks {
		if c.Name == args[0] {
			a := c.New()
			fmt.Fprintf(w, "%s: %s\n\n", a.Name, a.Doc)
			fmt.Fprintf(w, "Documentation: %s\n", a.URL)
			return 0
		}
	}
	fmt.Fprintf(errw, "ctxlint: no check %q (checks: %s)\n", args[0], strings.Join(ctxlint.CheckNames(), ", "))
	return 2
}
