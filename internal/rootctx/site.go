package rootctx

import (
	"fmt"
	"go/types"
	"path"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// maxVia is how many helpers between the caller and the function that
// makes the root context a message names; the rest are counted.
const maxVia = 2

// maxCallers is how many of the calls that reach a root context its
// finding lists as related information; the rest are counted.
const maxCallers = 3

// RootMadeHere is the related information at each root context of
// another package that a finding's call reaches; the command merges the
// findings of several packages by it.
const RootMadeHere = "root context made here"

// AnotherRoot starts the related information at each other root context
// of a helper of the package that a finding reports with its first
// ("another root context of sync, made here"); the command folds the
// findings of other packages that reach it into that finding.
const AnotherRoot = "another root context of "

// siteDiagnostic reports a root context made in ctx-less code, once: "
// context.TODO() in refresh, which FooReconciler.Reconcile calls without
// its ctx (via sync); thread a context.Context parameter down and pass
// ctx". A message that would be longer than 200 characters counts the
// helpers between instead of naming them. Threading a parameter is not
// mechanical: no fix.
func (res *Result) siteDiagnostic(pass *analysis.Pass, check string, f *Finding) analysis.Diagnostic {
	site := f.Site
	c := site.Callers[site.Chosen]
	x := newFixer(pass, res, &Finding{Call: c.Call, Cur: c.Cur, Scope: c.Scope})
	use := x.use
	r := site.Root
	wheres := []string{""}
	if !r.Local() {
		// The root's place, then its file's base name, then nothing (it
		// is among the related information when the file set has it).
		wheres = []string{" (" + r.At + ")", " (" + path.Base(r.At) + ")", ""}
	}
	advice := "thread a context.Context parameter down and pass " + use
	if site.Fixed != nil {
		advice = fmt.Sprintf("%s fixes the signature of %s: add a variant that takes a context.Context and pass %s", site.FixedBy, site.Fixed.Name(), use)
	}
	if x.blank != nil {
		advice = "name the caller's parameter " + x.name + ", " + advice // an unnamed or blank ctx has no name to pass
	}
	lead := fmt.Sprintf("context.%s()", r.Name)
	if n := len(site.More); n > 0 && r.Local() {
		lead += fmt.Sprintf(" and %d more root context%s", n, plural(n))
	} else if n > 0 {
		for i := range wheres {
			wheres[i] += fmt.Sprintf(" and %d more root context%s", n, plural(n))
		}
	}
	d := analysis.Diagnostic{
		Pos: f.Call.Pos(), End: f.Call.End(),
		URL:     analysisutil.RuleURL(check, RuleHelper),
		Message: siteMessage(pass, lead, r, wheres, []string{res.callerName(c, false), res.callerName(c, true)}, c.Via, advice),
	}

	callers := site.Callers
	if r.Local() {
		for _, root := range site.More {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: root.Pos, End: root.Pos, Message: AnotherRoot + hopName(pass, root.In) + ", made here"})
		}
	} else {
		for _, root := range append([]*Root{r}, site.More...) {
			if root.Pos.IsValid() {
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: root.Pos, End: root.Pos, Message: RootMadeHere})
			}
		}
		callers = append(callers[:site.Chosen:site.Chosen], callers[site.Chosen+1:]...)
	}
	for i, other := range callers {
		if i == maxCallers {
			d.Related = append(d.Related, analysis.RelatedInformation{
				Pos: other.Call.Pos(), End: other.Call.End(),
				Message: fmt.Sprintf("and %d more", len(callers)-maxCallers),
			})
			break
		}
		d.Related = append(d.Related, analysis.RelatedInformation{
			Pos: other.Call.Pos(), End: other.Call.End(),
			Message: fmt.Sprintf("%s reaches it here%s", res.callerName(other, false), viaText(pass, other.Via, maxVia)),
		})
	}
	return d
}

// siteMessage says where the root context is made, which function does
// not pass its ctx and through which helpers, and what to do; lead is
// the root call ("context.TODO()", and how many more the helper makes). When that
// is longer than 200 characters, it names fewer helpers, then the caller
// by a shorter name, then the root's place more briefly (wheres and
// callers list the forms, longest first), and last counts the helpers.
func siteMessage(pass *analysis.Pass, lead string, r *Root, wheres, callers []string, via []Hop, advice string) string {
	msg := func(where, caller, via string) string {
		return fmt.Sprintf("%s in %s%s, which %s calls without its ctx%s; %s", lead, hopName(pass, r.In), where, caller, via, advice)
	}
	var s string
	for _, where := range wheres {
		for _, caller := range callers {
			for n := maxVia; n >= min(1, len(via)); n-- {
				if s = msg(where, caller, viaText(pass, via, n)); len(s) <= 200 {
					return s
				}
			}
		}
	}
	if len(via) > 1 {
		s = msg(wheres[len(wheres)-1], callers[len(callers)-1], fmt.Sprintf(" (via %d helpers)", len(via)))
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// viaText is " (via a, b and 3 more)", or "" for no helpers.
func viaText(pass *analysis.Pass, via []Hop, n int) string {
	if len(via) == 0 {
		return ""
	}
	var names []string
	for _, h := range via[:min(len(via), n)] {
		names = append(names, hopName(pass, h))
	}
	s := " (via " + strings.Join(names, ", ")
	if more := len(via) - n; more > 0 {
		s += fmt.Sprintf(" and %d more", more)
	}
	return s + ")"
}

// hopName names a function on the way to a root context, qualified by
// its package when that is not the one being analysed.
func hopName(pass *analysis.Pass, h Hop) string {
	if h.Fn == nil {
		return h.Name
	}
	if h.Fn.Pkg() != nil && h.Fn.Pkg() != pass.Pkg {
		return h.Fn.Pkg().Name() + "." + calleeName(h.Fn)
	}
	return calleeName(h.Fn)
}

// callerName names the function whose ctx a caller does not pass:
// "FooReconciler.Reconcile", "the func literal in Run", or, for a func
// literal given to a call (a Ginkgo spec body, an Eventually poll), the
// function it is given to, by its declared name: "the func literal passed
// to It". short leaves the receiver type out ("Reconcile") and, for a
// literal, the enclosing function.
func (res *Result) callerName(c *Caller, short bool) string {
	p := c.Scope.Provider
	if p.Obj != nil {
		if short {
			return p.Obj.Name()
		}
		return calleeName(p.Obj)
	}
	name := p.Name()
	if p.PassedTo != nil && p.Kind == ctxinfo.Plain {
		name = "the func literal passed to " + calleeName(p.PassedTo)
	}
	if short {
		return name
	}
	encl := res.Info.Enclosing(c.Cur)
	for i := len(encl) - 1; i >= 0; i-- {
		if encl[i].Obj != nil {
			return name + " in " + calleeName(encl[i].Obj)
		}
	}
	return name
}

// fixSignature sets the site's Fixed and FixedBy: the first function on
// the way from its chosen caller to the root context that implements a
// method of an interface of another package, whose signature therefore
// cannot take a context.
func (m *minters) fixSignature(site *Site) {
	c := site.Callers[site.Chosen]
	for _, h := range append(append([]Hop(nil), c.Via...), site.Root.In) {
		if h.Fn == nil || h.Fn.Pkg() != m.pass.Pkg {
			continue
		}
		if by, ok := m.fixed[h.Fn]; ok {
			if by != "" {
				site.Fixed, site.FixedBy = h.Fn, by
				return
			}
			continue
		}
		by := m.fixedBy(h.Fn)
		m.fixed[h.Fn] = by
		if by != "" {
			site.Fixed, site.FixedBy = h.Fn, by
			return
		}
	}
}

// fixedBy returns the interface, declared in a package that fn's package
// imports, of which fn implements a method ("cache.Getter"), or "".
func (m *minters) fixedBy(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil || !fn.Exported() {
		return ""
	}
	t := recv.Type()
	base := t
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		base = p.Elem()
	} else {
		t = types.NewPointer(t) // its method set has the value methods too
	}
	if named, ok := types.Unalias(base).(*types.Named); ok && named.TypeParams().Len() > 0 {
		return ""
	}
	for _, imp := range m.pass.Pkg.Imports() {
		scope := imp.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || !tn.Exported() {
				continue
			}
			named, ok := types.Unalias(tn.Type()).(*types.Named)
			if !ok || named.TypeParams().Len() > 0 {
				continue
			}
			iface, ok := named.Underlying().(*types.Interface)
			if !ok || !hasMethod(iface, fn.Name()) {
				continue
			}
			if types.Implements(t, iface) {
				return imp.Name() + "." + tn.Name()
			}
		}
	}
	return ""
}

func hasMethod(iface *types.Interface, name string) bool {
	for i := range iface.NumMethods() {
		if iface.Method(i).Name() == name {
			return true
		}
	}
	return false
}
