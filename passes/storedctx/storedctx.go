package storedctx

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
	"github.com/ctxlint/ctxlint/internal/directive"
)

//go:embed doc.go
var doc string

// Name is the check's name.
const Name = "storedctx"

// Analyzer reports contexts kept in struct fields. It has its own flags;
// New returns a fresh instance with fresh flags.
var Analyzer = New()

// New returns a new instance of the analyzer.
func New() *analysis.Analyzer {
	c := &checker{}
	a := &analysis.Analyzer{
		Name:     Name,
		Doc:      analysisutil.MustExtractDoc(doc, Name),
		URL:      analysisutil.URLBase + Name,
		Requires: []*analysis.Analyzer{ctxinfo.Analyzer, directive.Analyzer},
		Run:      analysisutil.Recover(Name, c.run),

		FactTypes: []analysis.Fact{new(PerCall)},
	}
	a.Flags.BoolVar(&c.includeTests, "include-tests", false,
		"also report structs declared in _test.go files (test tables, suite fixtures)")
	a.Flags.Var(&c.allow, "allow",
		"comma-separated `types` whose context fields are not reported, each as import/path.Type or, matching every package of that name, pkgname.Type")
	return a
}

// checker holds the options of one analyzer instance.
type checker struct {
	includeTests bool
	allow        allowList
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	in := ctxinfo.Of(pass)
	if in == nil || in.Context == nil {
		return nil, nil // the package cannot refer to context.Context
	}
	s := &state{
		pass:     directive.Filter(pass, Name),
		facts:    len(pass.Analyzer.FactTypes) > 0,
		in:       in,
		cfg:      c,
		info:     pass.TypesInfo,
		named:    map[*types.TypeName]*owner{},
		fields:   map[*types.Var]*field{},
		funcFlds: map[*types.Var]bool{},
	}
	local := s.collectFields()
	foreign := s.collectForeign()
	ctorCalls := s.collectCtorCalls()
	if !local && len(foreign) == 0 && len(ctorCalls) == 0 {
		return nil, nil
	}
	s.collectUses()
	s.propagate()
	s.report()
	s.reportForeign(foreign)
	s.reportCtorCalls(ctorCalls)
	return nil, nil
}

// state is what one run of the analyzer learns about a package.
type state struct {
	pass  *analysis.Pass
	facts bool // PerCall facts reach the packages that import this one (see ctors.go)
	in    *ctxinfo.Info
	cfg   *checker
	info  *types.Info

	owners []*owner                     // in source order
	named  map[*types.TypeName]*owner   // owners that are defined struct types
	fields map[*types.Var]*field        // fields holding contexts, by declared var
	params map[*types.Var]*ctxinfo.Func // ctx and request parameters

	funcFlds     map[*types.Var]bool               // func() and func(error) fields of owners
	cancelStores map[*types.Var][]def              // values stored in those
	locals       map[*types.Var][]def              // values assigned to variables
	methodValues map[*types.Func]bool              // methods used as values
	callers      map[*ctxinfo.Func][]*ctxinfo.Func // ctx-less methods of owners → the functions that call them
	convs        map[*owner][]conv                 // owner values used as interfaces
	calls        []call
	origins      []origin                           // of the context each call passes (see propagate)
	perRequest   map[*ctxinfo.Func]*ctxinfo.Func    // function → the Reconcile or handler whose ctx it receives
	lent         map[*ctxinfo.Func]bool             // functions whose ctx is, at every call, a lifetime lent by its owner
	lifeFns      map[*ctxinfo.Func]bool             // functions whose ctx is a process or manager lifetime
	byField      map[*field]*finding                // what examine found, by field (see carriers)
	callGraph    map[*types.Func][]inspector.Cursor // calls of package functions, nil for those used as values (see processRoot)

	ifaces     []*types.Interface       // non-empty interfaces of the package and its imports
	referred   map[*types.TypeName]bool // owners' type names referred to in the package (computed on demand)
	ifacesDone bool
}

func (s *state) isTestFile(pos token.Pos) bool {
	return analysisutil.InTestFile(s.pass.Fset, pos)
}

// files returns the cursors of the files to analyse.
func (s *state) files() []inspector.Cursor {
	var out []inspector.Cursor
	for f := range s.in.Inspector.Root().Children() {
		if s.cfg.includeTests || !s.isTestFile(f.Node().Pos()) {
			out = append(out, f)
		}
	}
	return out
}

// outermost returns the outermost function enclosing cur (the
// declaration a store belongs to), or nil.
func (s *state) outermost(cur inspector.Cursor) *ctxinfo.Func {
	if fns := s.in.Enclosing(cur); len(fns) > 0 {
		return fns[len(fns)-1]
	}
	return nil
}

// innermost returns the innermost function enclosing cur, or nil.
func (s *state) innermost(cur inspector.Cursor) *ctxinfo.Func {
	if fns := s.in.Enclosing(cur); len(fns) > 0 {
		return fns[0]
	}
	return nil
}

// finding gathers what is known about one field.
type finding struct {
	fd          *field
	lt          *lifetime
	perRequest  []*store // stores of a per-request context
	setters     []*store // stores of a method's own ctx argument by a setter
	own         []*store // other stores of a method's own ctx argument (Start keeping its ctx)
	roots       []*store // stores of context.Background() or TODO() (whose cancel is not deferred there)
	expired     []*store // stores of a context that ends when the storing call returns, into a value that outlives it
	conflicts   []inspector.Cursor
	conflictFn  []*ctxinfo.Func
	readers     []*ctxinfo.Func // methods of the type that read the field, without a ctx of their own or only to watch it
	watchedOnly bool            // the field is read, and only to watch the context's end
	borrowed    bool            // every store stores a lifetime lent by the type that owns it
	keepsLife   bool            // it keeps a process or manager lifetime for the work started with it
	lifeReader  *ctxinfo.Func   // else, when every store is such a lifetime: a function that uses it later

	owns     bool   // its type owns the context's lifetime with a cancel function
	carrier  bool   // quiet only because it carries its context down to quiet fields
	handedOn []read // reads, by a function with a ctx of its own, stored as they are in another field

	ctors []*ctxinfo.Func // exported constructors that isPerCall leaves to their callers in other packages
}

// report reports the fields that hold contexts, in source order, except
// those of allowed types, of contexts and of per-call state objects;
// and, unless the context is known to be per-request, those of types
// that own its lifetime with a cancel function, those that borrow such a
// lifetime, and, unless a WithContext-style setter stores it, contexts
// that are only watched, those of adapters and those that only carry a
// context down to fields left alone (see carriers).
func (s *state) report() {
	handed := s.handedOn()
	var all []*finding
	quiet := map[*field]bool{}
	for _, o := range s.owners {
		if o.tn != nil && s.cfg.allow.allows(o.tn) || s.isWrapper(o) {
			for _, fd := range o.fields {
				quiet[fd] = true
			}
			continue
		}
		if s.unused(o) {
			continue
		}
		owns := s.ownsLifetime(o)
		for _, fd := range o.fields {
			if s.nolinted(fd) || !s.cfg.includeTests && s.testFixture(fd) {
				quiet[fd] = true // left alone whatever it stores, as an allowed type's
				continue
			}
			f := s.examine(fd, owns, func(e ast.Expr) bool { return handed[e] != nil })
			all = append(all, f)
			quiet[fd] = s.quietAlone(f)
		}
	}
	s.carriers(all, handed, quiet)
	s.settle(all, handed, quiet)
	for _, f := range all {
		if !quiet[f.fd] {
			s.pass.Report(s.diagnostic(f))
		} else if s.isPerCall(f) {
			for _, fn := range f.ctors {
				s.exportPerCall(fn)
			}
		}
	}
}

// nolinted reports whether the field carries golangci-lint's
// //nolint:containedctx, the peer linter's directive for this very
// finding: the code already says the context is kept on purpose.
func (s *state) nolinted(fd *field) bool {
	return analysisutil.Nolinted(s.pass.Fset, analysisutil.FileOf(s.pass, fd.pos), fd.pos, "containedctx")
}

// quietAlone reports whether f's field is left alone by what its own
// stores and reads show (before carriers and settle).
func (s *state) quietAlone(f *finding) bool {
	return len(f.perRequest) == 0 && len(f.expired) == 0 && (f.owns || f.borrowed || f.keepsLife || len(f.setters) == 0 && (f.watchedOnly || s.isAdapter(f))) || s.isPerCall(f) || s.storedElsewhere(f) || s.processRoot(f)
}

// settle takes back the quiet of the fields that a function with a ctx
// of its own hands on to another field which is reported after all:
// that read uses the field in place of the function's ctx. A read handed
// on to a field left alone (an informer handler that keeps the manager's
// lifetime, say) is no such use: the function's own ctx, often a
// request's, would be the wrong one to keep there. A reported field's
// message names every such read.
func (s *state) settle(all []*finding, handed map[ast.Expr]*field, quiet map[*field]bool) {
	toQuiet := func(e ast.Expr) bool { return handed[e] != nil && quiet[handed[e]] }
	for changed := true; changed; {
		changed = false
		for _, f := range all {
			if !quiet[f.fd] {
				continue
			}
			if f.carrier && !s.carries(f, handed, quiet) ||
				!f.carrier && slices.ContainsFunc(f.handedOn, func(r read) bool { return !toQuiet(r.cur.Node().(ast.Expr)) }) && !s.quietAlone(s.reexamine(f, toQuiet)) {
				quiet[f.fd] = false
				changed = true
			}
		}
	}
	for _, f := range all {
		if !quiet[f.fd] && len(f.handedOn) > 0 {
			s.reexamine(f, toQuiet)
		}
	}
}

// examine gathers what the stores and the reads of fd show; handed
// tells the reads, by a function with a ctx of its own, that are stored
// as they are in another field and are taken, for now, to hand the
// context on rather than use it in place of that ctx.
func (s *state) examine(fd *field, owns bool, handed func(ast.Expr) bool) *finding {
	f := &finding{fd: fd, lt: s.lifetime(fd.owner), owns: owns}
	s.examineStores(f)
	if owns {
		f.expired = nil // it keeps the cancel too: the ctx lives as long as the type wants
	}
	return s.reexamine(f, handed)
}

// reexamine gathers again what the reads of f's field show, with handed
// telling the reads stored in another field that hand the context on.
func (s *state) reexamine(f *finding, handed func(ast.Expr) bool) *finding {
	f.conflicts, f.conflictFn, f.readers, f.handedOn = nil, nil, nil, nil
	s.examineReads(f, handed)
	f.keepsLife, f.lifeReader = s.keepsLifetime(f)
	if !f.keepsLife && s.startsWorkers(f) {
		f.keepsLife, f.lifeReader = true, nil
	}
	return f
}

// examineStores sorts the stores of the field by the rule they fall
// under: a per-request context, a method's own ctx kept by a WithContext
// setter or otherwise (a runnable keeping Start's ctx), a root context;
// and notes whether every store is a lent lifetime. Other stores (a
// value not followed) fall under no rule of their own.
func (s *state) examineStores(f *finding) {
	fd, o := f.fd, f.fd.owner
	f.borrowed = len(fd.stores) > 0
	for _, st := range fd.stores {
		f.borrowed = f.borrowed && s.isLent(st.orig)
		if s.expires(st) {
			f.expired = append(f.expired, st)
		}
		switch {
		case s.isPerRequest(st):
			f.perRequest = append(f.perRequest, st)
		case st.orig.kind == param:
			if m := st.orig.fn; m == st.fn && s.isMethodOf(m, o) {
				if s.isSetter(m, o) {
					f.setters = append(f.setters, st)
				} else {
					f.own = append(f.own, st)
				}
			}
		case st.orig.kind == root && st.cancel == nil && !s.in.NilDefault(st.cur): // a default for a missing ctx is no choice of a root
			f.roots = append(f.roots, st)
		}
	}
}

// examineReads finds the reads that use the field in place of the ctx of
// the function that reads it, and the methods of the type that read it
// otherwise. Reads that only watch the context's end, that are passed
// alongside that function's ctx, or by a function that stored its own
// ctx in the field, are no such conflict.
func (s *state) examineReads(f *finding, handed func(ast.Expr) bool) {
	fd, o := f.fd, f.fd.owner
	// Functions that store their own ctx in the field: their reads of it
	// use their own ctx.
	storesOwn := map[*ctxinfo.Func]bool{}
	for _, st := range fd.stores {
		if st.orig.kind == param {
			storesOwn[st.orig.fn] = true
		}
	}
	seenConflict, seenReader := map[*ctxinfo.Func]bool{}, map[*ctxinfo.Func]bool{}
	f.watchedOnly = len(fd.reads) > 0
	for _, r := range fd.reads {
		if !r.watch {
			f.watchedOnly = false
		}
		if !r.watch {
			if p := s.in.ScopeAt(r.cur).Provider; p != nil && !storesOwn[p] && !s.passedAlongside(r.cur, p) {
				if e, ok := r.cur.Node().(ast.Expr); ok && handed(e) {
					f.handedOn = append(f.handedOn, r)
					continue
				}
				f.conflicts = append(f.conflicts, r.cur)
				if !seenConflict[p] {
					seenConflict[p] = true
					f.conflictFn = append(f.conflictFn, p)
				}
				continue
			}
		}
		if m := s.outermost(r.cur); s.isMethodOf(m, o) && !seenReader[m] {
			seenReader[m] = true
			f.readers = append(f.readers, m)
		}
	}
}
