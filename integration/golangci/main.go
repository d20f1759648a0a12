// Command custom-gcl is golangci-lint v2 with the ctxlint plugin compiled
// in, built from the Go module proxy only, for ctxlint's integration tests.
// golangci-lint is GPL-licensed: the binary is a test artifact, never
// committed or shipped.
package main

import (
	"fmt"
	"os"
	"runtime"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/ctxlint/ctxlint/plugin"
)

func main() {
	info := commands.BuildInfo{Version: "v2.15.0-ctxlint", Commit: "test", Date: "(unknown)", GoVersion: runtime.Version()}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintln(os.Stderr, "custom-gcl:", err)
		os.Exit(exitcodes.Failure)
	}
}
