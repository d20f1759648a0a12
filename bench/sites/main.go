// Command sites prints the sites a ctxlint binary reports, one line each,
// sorted: "file:line:col check fix=HASH", where file is relative to the
// directory linted and HASH identifies the suggested fixes' edits (or "-"
// when there are none). Two ctxlint builds report the same sites and the
// same fixes exactly when their outputs are identical, whatever their
// messages say. Usage:
//
//	go run ./bench/sites -ctxlint BIN [-env K=V] DIR [patterns]
//
// It runs BIN -json in DIR (patterns default to ./...).
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

type diag struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
	Fixes   []struct {
		Edits []struct {
			Filename string `json:"filename"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
			New      string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
}

type envList []string

func (e *envList) String() string     { return strings.Join(*e, ",") }
func (e *envList) Set(s string) error { *e = append(*e, s); return nil }

func main() {
	bin := flag.String("ctxlint", "ctxlint", "the ctxlint `binary` to run")
	var env envList
	flag.Var(&env, "env", "an environment variable `K=V` for the run (repeatable)")
	flag.Parse()
	if flag.NArg() < 1 {
		fmt.Fprintln(os.Stderr, "usage: sites -ctxlint BIN DIR [patterns]")
		os.Exit(2)
	}
	dir, _ := filepath.Abs(flag.Arg(0))
	pats := flag.Args()[1:]
	if len(pats) == 0 {
		pats = []string{"./..."}
	}
	abs, _ := filepath.Abs(*bin)
	cmd := exec.Command(abs, append([]string{"-json"}, pats...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	_ = cmd.Run() // -json exits 0 with findings; load errors show on stderr

	// The output is one JSON object per root package.
	seen := map[string]bool{}
	dec := json.NewDecoder(&out)
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			fmt.Fprintln(os.Stderr, "sites:", err)
			os.Exit(1)
		}
		for _, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var diags []diag
				if err := json.Unmarshal(raw, &diags); err != nil {
					continue // {"error": ...}
				}
				for _, d := range diags {
					check, _, _ := strings.Cut(d.Message, ": ")
					if check == "" {
						check = name
					}
					posn := d.Posn
					if rel, err := filepath.Rel(dir, posn); err == nil && !strings.HasPrefix(rel, "..") {
						posn = rel
					}
					fix := "-"
					if len(d.Fixes) > 0 {
						h := sha256.New()
						for _, f := range d.Fixes {
							for _, e := range f.Edits {
								fmt.Fprintf(h, "%s:%d:%d:%q;", filepath.Base(e.Filename), e.Start, e.End, e.New)
							}
							h.Write([]byte{'|'})
						}
						fix = fmt.Sprintf("%x", h.Sum(nil))[:12]
					}
					seen[fmt.Sprintf("%s %s fix=%s", posn, check, fix)] = true
				}
			}
		}
	}
	lines := make([]string, 0, len(seen))
	for l := range seen {
		lines = append(lines, l)
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}
