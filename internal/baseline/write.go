package baseline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// SplitWriteArgs finds -write-baseline FILE (or =FILE) among the
// flags. It returns the file and the other arguments, without any
// -baseline flag (a new baseline records every finding).
func SplitWriteArgs(args []string) (path string, rest []string, ok bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") {
			rest = append(rest, args[i:]...)
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch name {
		case "write-baseline", "baseline":
			if !hasValue && i+1 < len(args) {
				i++
				value = args[i]
			}
			if name == "write-baseline" {
				path, ok = value, true
			}
			continue
		}
		rest = append(rest, a)
	}
	return path, rest, ok
}

// WriteFromCommand runs this executable (the ctxlint command) with -json
// on the packages and records every finding in path; it returns the
// command's exit status. It fails if a package could not be analysed, since the
// baseline would be incomplete.
func WriteFromCommand(path string, args []string) int {
	if path == "" {
		fmt.Fprintln(os.Stderr, "ctxlint: -write-baseline needs a file name")
		return 2
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "ctxlint:", err)
		return 1
	}
	var out bytes.Buffer
	cmd := exec.Command(self, append([]string{"-json"}, args...)...)
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "ctxlint: not writing %s: analysis failed: %v\n", path, err)
		return 1
	}
	entries, err := entriesFromJSON(out.Bytes())
	if err != nil {
		fmt.Fprintf(os.Stderr, "ctxlint: not writing %s: %v\n", path, err)
		return 1
	}
	if err := Write(path, entries); err != nil {
		fmt.Fprintln(os.Stderr, "ctxlint:", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "ctxlint: wrote %d findings to %s\n", len(entries), path)
	return 0
}

type jsonDiag struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
}

// entriesFromJSON reads the driver's -json output:
// {"pkg": {"ctxlint": [diagnostics] or {"error": "..."}}}.
func entriesFromJSON(data []byte) ([]Entry, error) {
	var roots Roots
	var entries []Entry
	contents := map[string][]byte{}
	seen := map[jsonDiag]bool{} // a file in a package and its test variant is reported twice
	dec := json.NewDecoder(bytes.NewReader(data))
	for dec.More() { // the driver may print one object per package set
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			return nil, fmt.Errorf("reading ctxlint -json output: %v", err)
		}
		for pkg, byAnalyzer := range tree {
			for _, raw := range byAnalyzer {
				var failed struct{ Error string }
				if json.Unmarshal(raw, &failed) == nil && failed.Error != "" {
					return nil, fmt.Errorf("package %s: %s", pkg, failed.Error)
				}
				var diags []jsonDiag
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, fmt.Errorf("package %s: %v", pkg, err)
				}
				for _, d := range diags {
					if seen[d] {
						continue
					}
					seen[d] = true
					file, line, err := splitPosn(d.Posn)
					if err != nil {
						return nil, err
					}
					content, ok := contents[file]
					if !ok {
						content, _ = os.ReadFile(file)
						contents[file] = content
					}
					entries = append(entries, NewEntry(&roots, d.Category, file, d.Message, Line(content, line)))
				}
			}
		}
	}
	return entries, nil
}

// splitPosn splits "file:line:col".
func splitPosn(posn string) (string, int, error) {
	i := strings.LastIndex(posn, ":")
	if i < 0 {
		return "", 0, fmt.Errorf("bad position %q", posn)
	}
	j := strings.LastIndex(posn[:i], ":")
	if j < 0 {
		return "", 0, fmt.Errorf("bad position %q", posn)
	}
	line, err := strconv.Atoi(posn[j+1 : i])
	if err != nil {
		return "", 0, fmt.Errorf("bad position %q", posn)
	}
	return posn[:j], line, nil
}
