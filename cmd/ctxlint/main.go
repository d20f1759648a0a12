// Command ctxlint finds context.Context misuse in Go packages.
//
//	ctxlint [flags] ./...
//	go vet -vettool=$(command -v ctxlint) [flags] ./...
//
// Run ctxlint -help for the checks and flags, ctxlint help for the checks.
//
// Run by go vet (the unitchecker protocol: -flags, -V=full, then one
// package description ending in .cfg), the command is the go/analysis
// singlechecker; run by a user, it is the driver in command.go, which
// loads packages with go/packages and runs the analyzer with
// go/analysis/checker, so that it controls the exit status, the errors,
// the output formats and -fix.
package main

import (
	"flag"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/ctxlint/ctxlint"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "help" {
		os.Exit(help(os.Stdout, os.Stderr, args[1:]))
	}
	if vetProtocol(args) {
		// singlechecker keeps a -V flag that is already defined.
		flag.Var(versionFlag{}, "V", versionUsage)
		singlechecker.Main(ctxlint.Analyzer)
	}
	os.Exit(command(os.Stdout, os.Stderr, args))
}

// vetProtocol reports whether a build tool (go vet -vettool, go fix
// -fixtool) runs the command: it asks for -flags, or passes, after the
// flags, the one file describing a package, whose name ends in .cfg (the
// test singlechecker makes).
func vetProtocol(args []string) bool {
	for _, a := range args {
		if a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
