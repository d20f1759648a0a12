package storedctx

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"
)

// allowList is the value of the -allow flag.
type allowList struct {
	raw     string
	entries []allowEntry
}

type allowEntry struct {
	pkg  string // import path, or package name when it has no slash
	name string
}

func (l *allowList) String() string { return l.raw }

// Set parses a comma-separated list of pkg.Type entries, replacing the
// previous list.
func (l *allowList) Set(s string) error {
	var entries []allowEntry
	for e := range strings.SplitSeq(s, ",") {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		i := strings.LastIndex(e, ".")
		if i <= 0 || !token.IsIdentifier(e[i+1:]) || strings.HasSuffix(e[:i], "/") {
			return fmt.Errorf("allow entry %q is not of the form import/path.Type or pkgname.Type", e)
		}
		entries = append(entries, allowEntry{pkg: e[:i], name: e[i+1:]})
	}
	l.raw, l.entries = s, entries
	return nil
}

func (l *allowList) allows(tn *types.TypeName) bool {
	if tn == nil || tn.Pkg() == nil {
		return false
	}
	for _, e := range l.entries {
		if e.name != tn.Name() {
			continue
		}
		if e.pkg == tn.Pkg().Path() || !strings.Contains(e.pkg, "/") && e.pkg == tn.Pkg().Name() {
			return true
		}
	}
	return false
}
