// Command ctxlint finds context.Context misuse in Go packages.
//
//	ctxlint [flags] ./...
//	go vet -vettool=$(command -v ctxlint) [flags] ./...
//
// Run ctxlint -help for the checks and flags.
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/ctxlint/ctxlint"
	"github.com/ctxlint/ctxlint/internal/baseline"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "help" {
		os.Exit(help(os.Stdout, os.Stderr, os.Args[2:]))
	}
	if path, args, ok := baseline.SplitWriteArgs(os.Args[1:]); ok {
		os.Exit(baseline.WriteFromCommand(path, args))
	}
	singlechecker.Main(ctxlint.Analyzer)
}
