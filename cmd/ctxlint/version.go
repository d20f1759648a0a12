package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
)

const versionUsage = "print ctxlint's version (its module version, from the build information) and exit; -V=full adds a build ID, for go vet"

// versionFlag is -V. go vet runs its tool with -V=full and keys its cache
// on the line printed: "NAME version VERSION ... buildID=ID". With a
// version other than "devel" it takes the whole line, so the line ends
// with a hash of the executable, as x/tools' own -V=full does, and a
// rebuilt ctxlint never reuses results of the old one.
type versionFlag struct{}

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) String() string   { return "" }
func (versionFlag) Set(s string) error {
	if s != "true" && s != "full" {
		return fmt.Errorf("want -V or -V=full")
	}
	if err := printVersion(os.Stdout, s == "full"); err != nil {
		fmt.Fprintln(os.Stderr, "ctxlint:", err)
		os.Exit(1)
	}
	os.Exit(0)
	return nil
}

// moduleVersion is the main module's version from the build information:
// v0.1.0 for go install github.com/ctxlint/ctxlint/cmd/ctxlint@v0.1.0, a
// pseudo-version for a build in a git checkout, "(devel)" when the build
// recorded none (-buildvcs=false).
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

func printVersion(w io.Writer, full bool) error {
	if !full {
		_, err := fmt.Fprintf(w, "ctxlint version %s %s\n", moduleVersion(), runtime.Version())
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "ctxlint version %s %s buildID=%x\n", moduleVersion(), runtime.Version(), h.Sum(nil))
	return err
}
