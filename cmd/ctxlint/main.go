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
)

func main() {
	if path, args, ok := writeBaselineArgs(os.Args[1:]); ok {
		os.Exit(writeBaseline(path, args))
	}
	singlechecker.Main(ctxlint.Analyzer)
}
