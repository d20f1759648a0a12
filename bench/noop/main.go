// Command noop is a go/analysis singlechecker whose analyzer does nothing:
// timing it measures what loading the packages costs through the same
// driver as ctxlint, the floor no analyzer can go under.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

var analyzer = &analysis.Analyzer{
	Name: "noop",
	Doc:  "noop: do nothing, to time loading alone",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { singlechecker.Main(analyzer) }
