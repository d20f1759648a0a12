// Package baseline reads and writes ctxlint baseline files: the findings
// a codebase already has, recorded so that a CI gate fails only on new
// ones.
//
// A finding is keyed by its check, its file (relative to the root of the
// module that holds it), its message with line numbers removed, and the
// text of its source line with blanks collapsed. Line numbers are not part
// of the key, so edits elsewhere in the file leave a recorded finding
// recorded; editing the line itself makes it new.
package baseline

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Version is written in every file and checked on reading.
const Version = 1

// File is the on-disk form.
type File struct {
	Version  int     `json:"ctxlint_baseline"`
	Findings []Entry `json:"findings"`
}

// Entry is one recorded finding (Count identical ones).
type Entry struct {
	Check   string `json:"check"`
	File    string `json:"file"`
	Message string `json:"message"`
	Code    string `json:"code"`
	Count   int    `json:"count"`
}

// Key identifies an entry.
type Key struct{ Check, File, Message, Code string }

func (e Entry) Key() Key { return Key{e.Check, e.File, e.Message, e.Code} }

var lineRef = regexp.MustCompile(`\.go:[0-9]+(:[0-9]+)?`)

// NewEntry builds the entry of a finding from its check, absolute file
// name, message and the text of its line. Roots maps directories to
// module roots, to share the lookups.
func NewEntry(roots *Roots, check, filename, message, line string) Entry {
	return Entry{
		Check:   check,
		File:    roots.Rel(filename),
		Message: lineRef.ReplaceAllString(message, ".go"),
		Code:    strings.Join(strings.Fields(line), " "),
		Count:   1,
	}
}

// Read loads a baseline file.
func Read(path string) (map[Key]int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %v", err)
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("reading baseline %s: %v", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("reading baseline %s: not a ctxlint baseline (version %d, want %d)", path, f.Version, Version)
	}
	m := map[Key]int{}
	for _, e := range f.Findings {
		m[e.Key()] += max(e.Count, 1)
	}
	return m, nil
}

// Write merges identical entries, sorts them and writes the file.
func Write(path string, entries []Entry) error {
	count := map[Key]int{}
	for _, e := range entries {
		count[e.Key()] += e.Count
	}
	f := File{Version: Version, Findings: []Entry{}}
	for k, n := range count {
		f.Findings = append(f.Findings, Entry{Check: k.Check, File: k.File, Message: k.Message, Code: k.Code, Count: n})
	}
	sort.Slice(f.Findings, func(i, j int) bool {
		a, b := f.Findings[i], f.Findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Check != b.Check {
			return a.Check < b.Check
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Message < b.Message
	})
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// Roots finds module roots, caching by directory. It is safe for
// concurrent use.
type Roots struct {
	mu    sync.Mutex
	cache map[string]string
}

// Rel returns filename relative to the root of its module (the nearest
// directory above it holding a go.mod), with forward slashes; or the
// cleaned name when there is none.
func (r *Roots) Rel(filename string) string {
	dir := filepath.Dir(filename)
	root := r.root(dir)
	if root == "" {
		return filepath.ToSlash(filepath.Clean(filename))
	}
	rel, err := filepath.Rel(root, filename)
	if err != nil {
		return filepath.ToSlash(filename)
	}
	return filepath.ToSlash(rel)
}

func (r *Roots) root(dir string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cache == nil {
		r.cache = map[string]string{}
	}
	var visited []string
	root := ""
	for d := dir; ; d = filepath.Dir(d) {
		if c, ok := r.cache[d]; ok {
			root = c
			break
		}
		visited = append(visited, d)
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			root = d
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	for _, d := range visited {
		r.cache[d] = root
	}
	return root
}

// Line returns line n (1-based) of content, or "".
func Line(content []byte, n int) string {
	for i := 1; i < n; i++ {
		j := strings.IndexByte(string(content), '\n')
		if j < 0 {
			return ""
		}
		content = content[j+1:]
	}
	if j := strings.IndexByte(string(content), '\n'); j >= 0 {
		content = content[:j]
	}
	return string(content)
}
