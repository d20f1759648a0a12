package rootctx

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
	"github.com/ctxlint/ctxlint/internal/directive"
)

// Options are the options the three root-context checks share.
type Options struct {
	// ReportDetached reports root contexts in go statements and deferred
	// calls too, suggesting context.WithoutCancel(ctx).
	ReportDetached bool

	// IncludeTests reports, in _test.go files, the root contexts of
	// ctx-less helpers and those whose only context is a test's t; see
	// InTests.
	IncludeTests bool

	// Waits reports time.Sleep and bare timer receives that ignore the
	// context in scope (RuleWaits); Ctxless reports calls of ctx-less
	// forms where one that takes a context exists (RuleCtxless). Both
	// are on by default.
	Waits, Ctxless bool
	// StopChan and InnerCtx switch the rules on stop channels that never
	// close and on inner contexts (an errgroup's, a func literal's own).
	StopChan bool
	InnerCtx bool
}

// The headings of the rules every root-context check documents in its
// doc.go; each diagnostic's URL points at one of them.
const (
	RuleRoot     = "Root contexts"
	RuleHelper   = "Helpers that make a root context"
	RuleDetached = "Goroutines and deferred calls"
)

// Spec describes a root-context check.
type Spec struct {
	Name string
	Doc  string // the content of its doc.go

	// Owns lists the kinds of function whose findings the check reports:
	// the kind of the innermost Reconcile or handler around a site (Plain
	// when there is none). Every kind is owned by exactly one check.
	Owns []ctxinfo.Kind

	// DetachedUsage is the usage of the -report-detached flag; empty for
	// the usual one.
	DetachedUsage string

	// WaitsOff turns the waits rule (RuleWaits) off by default: on
	// plain functions, sleeps are too often deliberate (a pause in a
	// command, throttling a loop) to report them all.
	WaitsOff bool

	// CtxlessRule is the heading of the rule on ctx-less calls in the
	// check's doc.go; empty for RuleCtxless.
	CtxlessRule string

	// More, if not nil, reports the check's own rules after the shared
	// ones.
	More func(*analysis.Pass, Options)
}

// Owner reports whether the check owns sites whose owner is of kind k.
func (s *Spec) Owner(k ctxinfo.Kind) bool { return slices.Contains(s.Owns, k) }

// Report reports the findings that belong to the check, as the
// diagnostics of pass.
func (s *Spec) Report(pass *analysis.Pass, opts Options) {
	res := Of(pass)
	if res == nil {
		return
	}
	for _, f := range res.Findings {
		if !s.Owner(f.Scope.Owner) || f.Scope.Detached != nil && !opts.ReportDetached || !opts.IncludeTests && InTests(pass, f) {
			continue
		}
		pass.Report(res.diagnostic(pass, s.Name, f))
	}
	for _, o := range res.Others {
		if o.Rule == RuleStopChan && !opts.StopChan || o.Rule == RuleInnerCtx && !opts.InnerCtx {
			continue
		}
		if !s.Owner(o.Scope.Owner) || o.Scope.Detached != nil && !opts.ReportDetached || !opts.IncludeTests && analysisutil.InTestFile(pass.Fset, o.Pos) {
			continue
		}
		pass.Report(o.diagnostic(s.Name))
	}
}

// InTests reports whether a finding is one that test suites make by
// design and that is left alone without -include-tests: one where the
// only context in scope is a test's t (in any file: t.Context() is
// cancelled before the test's Cleanup functions run, so it is no
// mechanical replacement in test support code either), and, in a
// _test.go file, a root context made by a ctx-less helper (a Site whose
// root is in that file: Ginkgo suite helpers on a fake or envtest
// client). A root context made where a ctx is in scope (a SpecContext, a
// func(ctx context.Context)) is reported in tests too, and so is every
// helper root in other files, test support packages included. So is, in
// a _test.go file, a root context in a method that leaves its ctx
// parameter blank or unnamed: a test fake of an interface, which says by
// its signature that it ignores the context it is given. And so is a
// root context of a ctx-less helper of the package, in any file, that
// only the package's _test.go files reach from a function with a ctx (a
// test calling a constructor that production code calls without one).
func InTests(pass *analysis.Pass, f *Finding) bool {
	if f.Test {
		return true
	}
	if f.Site != nil && f.Site.Root.Local() && len(f.Site.Callers) > 0 && !slices.ContainsFunc(f.Site.Callers, func(c *Caller) bool {
		return !analysisutil.InTestFile(pass.Fset, c.Call.Pos())
	}) {
		return true // only the package's own tests reach it with a ctx
	}
	if !analysisutil.InTestFile(pass.Fset, f.Call.Pos()) {
		return false
	}
	if p := f.Scope.Provider; p != nil && p.Ctx != nil && !p.Ctx.Named() && p.Obj != nil && p.Sig.Recv() != nil {
		return true
	}
	return f.Site != nil && f.Site.Root.Local()
}

// whose describes the context in scope: "ctx, the Reconcile's context".
func whose(s ctxinfo.Scope) string {
	p := s.Provider
	switch {
	case p.Ctx == nil && p.Req == nil:
		return "the test's context"
	case p.Kind == ctxinfo.Reconcile:
		return "the Reconcile's context"
	case p.Kind == ctxinfo.HTTP:
		return "the request's context"
	case p.Kind == ctxinfo.Admission:
		return "the admission request's context"
	case s.Owner == ctxinfo.Reconcile && s.OwnerFunc == p && p.ReachedFrom != nil:
		return fmt.Sprintf("the context %s receives from %s", p.Name(), p.ReachedFrom.Name())
	case p.Obj != nil:
		return fmt.Sprintf("the context %s receives", p.Name())
	case p.PassedTo != nil:
		return fmt.Sprintf("the context %s passes to the func literal", p.PassedTo.Name())
	case s.OwnerFunc != nil && s.OwnerFunc != p:
		return fmt.Sprintf("the context of the func literal in %s", s.OwnerFunc.Name())
	}
	return "the func literal's context"
}

func (res *Result) diagnostic(pass *analysis.Pass, check string, f *Finding) analysis.Diagnostic {
	if f.Site != nil {
		return res.siteDiagnostic(pass, check, f)
	}
	s := f.Scope
	fix := newFixer(pass, res, f)
	use := fix.use // what to write: "ctx", "r.Context()"
	ctxDesc := use + ", " + whose(s)
	if fix.group {
		ctxDesc = use + ", " + groupWhose
	}
	advice := "use " + use
	if fix.blank != nil {
		ctxDesc = whose(s) + ", which the function discards"
		advice = "name the parameter " + fix.name + " and use " + use
		if use == fix.name {
			advice = "name the parameter " + use + " and use it"
		}
	}
	d := analysis.Diagnostic{Pos: f.Call.Pos(), End: f.Call.End()}

	call := fmt.Sprintf("context.%s()", f.Root)
	if s.Detached != nil {
		where := "a goroutine"
		switch s.How {
		case ctxinfo.Deferred:
			where = "a deferred call"
		case ctxinfo.Later:
			where = "a callback run later"
		case ctxinfo.CleanUp:
			where = "a clean-up"
		}
		d.URL = analysisutil.RuleURL(check, RuleDetached)
		d.Message = fmt.Sprintf("%s in %s drops the values and trace of %s; use context.WithoutCancel(%s)",
			call, where, ctxDesc, use)
		d.SuggestedFixes = fix.withoutCancel()
		return d
	}
	d.URL = analysisutil.RuleURL(check, RuleRoot)
	d.Message = fmt.Sprintf("%s replaces %s; %s", call, ctxDesc, advice)
	d.SuggestedFixes = fix.replace()
	return d
}

// fixer builds the suggested fixes of a finding.
type fixer struct {
	blank      *ctxinfo.Param // the provider's unnamed or blank ctx or request parameter
	name       string         // the name the fix gives it
	pass       *analysis.Pass
	f          *Finding
	use        string              // expression to use
	ok         bool                // use resolves to the provider's context at the site
	edits      []analysis.TextEdit // parameter naming edits, when the ctx is unnamed
	deleteStmt ast.Stmt            // a statement to delete instead of editing the call
	group      bool                // use is the context of the errgroup that runs the code
	ctxVar     *types.Var          // the variable use names, when it is not the provider's ctx parameter
}

// Names given to an unnamed or blank ctx or request parameter.
const (
	ctxName  = "ctx"
	reqName  = "r"
	testName = "t"
)

// unnamedSource returns the parameter of p that its context comes from
// (its ctx, else its request, else its *testing.T) when that parameter
// has no usable name; or nil.
func unnamedSource(p *ctxinfo.Func) *ctxinfo.Param {
	switch {
	case p.Ctx != nil:
		if !p.Ctx.Named() {
			return p.Ctx
		}
	case p.Req != nil:
		if !p.Req.Named() {
			return p.Req
		}
	case p.T != nil && !p.T.Named():
		return p.T
	}
	return nil
}

// unnamedSourceAdvice returns p's unnamed source parameter
// (unnamedSource), the name to give it and the context expression to
// write once it has that name: ctx; r.Context(); t.Context().
func unnamedSourceAdvice(p *ctxinfo.Func) (param *ctxinfo.Param, name, use string) {
	param = unnamedSource(p)
	switch {
	case param == nil:
		return nil, "", ""
	case param == p.Ctx:
		return param, ctxName, ctxName
	case param == p.Req && p.Restful:
		return param, reqName, reqName + ".Request.Context()"
	case param == p.Req:
		return param, reqName, reqName + ".Context()"
	}
	return param, testName, testName + ".Context()"
}

func newFixer(pass *analysis.Pass, res *Result, f *Finding) *fixer {
	x := &fixer{pass: pass, f: f}
	p := f.Scope.Provider
	info := pass.TypesInfo
	scopeAt := pass.Pkg.Scope().Innermost(f.Call.Pos())
	fnScope := info.Scopes[p.Type]

	inner, inGroup := res.Info.InnerAt(f.Cur, res.groups)
	inGroup = inGroup && inner.Group != nil
	switch {
	case inGroup:
		x.use, x.group, x.ctxVar = inner.Name(), true, inner.Var
		x.ok = res.Info.Resolves(f.Call.Pos(), x.use, inner.Var)
	case unnamedSource(p) != nil:
		x.blank, x.name, x.use = unnamedSourceAdvice(p)
	default:
		x.use, x.ok = res.Info.CtxAt(p, f.Call.Pos())
	}
	if x.blank != nil {
		x.ok = x.nameParam(fnScope, scopeAt)
	}
	if x.ok && f.Scope.Detached == nil && isIdent(x.use) {
		x.deleteStmt = x.defineOf(x.use)
		if as := x.selfAssign(); as != nil && len(as.Lhs) == 1 {
			x.deleteStmt = as // "ctx = context.Background()": without it ctx stays as it is
		} else if as != nil {
			x.ok = false // "ctx, n = ctx, 1" would be a self-assignment too: no fix
		}
	}
	return x
}

// selfAssign returns the assignment "ctx = <this call>" around the
// finding's call (one of its pairs, when it assigns several) whose left
// side is the very variable the fix would write, the provider's ctx
// parameter; or nil. Replacing the call would leave "ctx = ctx", which go
// vet rejects.
func (x *fixer) selfAssign() *ast.AssignStmt {
	cur := analysisutil.Unparen(x.f.Cur)
	k, idx := cur.ParentEdge()
	if k != edge.AssignStmt_Rhs {
		return nil
	}
	as := cur.Parent().Node().(*ast.AssignStmt)
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return nil
	}
	id, ok := ast.Unparen(as.Lhs[idx]).(*ast.Ident)
	v := x.ctxVar
	if p := x.f.Scope.Provider.Ctx; v == nil && p != nil {
		v = p.Var
	}
	if !ok || v == nil || x.pass.TypesInfo.Uses[id] != v {
		return nil
	}
	return as
}

// nameParam plans the edits that give the blank or unnamed parameter
// x.blank the name x.name, and reports whether that is safe: the name must
// be free in the function and at the site. A statement
// "ctx := context.Background()" at the top of the body, the usual
// companion of a blank ctx, is deleted.
func (x *fixer) nameParam(fnScope, scopeAt *types.Scope) bool {
	if fnScope == nil || scopeAt == nil {
		return false
	}
	if obj := fnScope.Lookup(x.name); obj != nil {
		// Only "ctx := context.Background()" itself may hold the name.
		stmt := x.defineOf(x.name)
		if stmt == nil || x.pass.TypesInfo.Defs[declIdent(stmt)] != obj {
			return false
		}
	} else if _, obj := scopeAt.LookupParent(x.name, x.f.Call.Pos()); obj != nil {
		return false // the name means something else here
	}
	if x.usesOuter(fnScope) {
		return false
	}
	if x.blank.Ident != nil {
		x.edits = append(x.edits, analysis.TextEdit{Pos: x.blank.Ident.Pos(), End: x.blank.Ident.End(), NewText: []byte(x.name)})
		return true
	}
	// Unnamed parameters: name them all (Go requires all or none).
	for _, field := range x.f.Scope.Provider.Type.Params.List {
		name := "_ "
		if field == x.blank.Field {
			name = x.name + " "
		}
		x.edits = append(x.edits, analysis.TextEdit{Pos: field.Type.Pos(), End: field.Type.Pos(), NewText: []byte(name)})
	}
	return true
}

// defineOf returns the statement "NAME := <this call>" or
// "var NAME = <this call>" around the finding's call, when the variable it
// declares is never assigned again; or nil. Such a statement only stands
// in for the context in scope, so the fix deletes it.
func (x *fixer) defineOf(name string) ast.Stmt {
	parent := x.f.Cur.Parent()
	for parent.Valid() {
		if _, ok := parent.Node().(*ast.ParenExpr); !ok {
			break
		}
		parent = parent.Parent()
	}
	var stmt ast.Stmt
	var id *ast.Ident
	switch n := parent.Node().(type) {
	case *ast.AssignStmt:
		if n.Tok == token.DEFINE && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
			id, _ = n.Lhs[0].(*ast.Ident)
			stmt = n
		}
	case *ast.ValueSpec:
		if len(n.Names) == 1 && len(n.Values) == 1 {
			if decl, ok := parent.Parent().Parent().Node().(*ast.DeclStmt); ok && len(decl.Decl.(*ast.GenDecl).Specs) == 1 {
				id, stmt = n.Names[0], decl
			}
		}
	}
	if id == nil || id.Name != name {
		return nil
	}
	v := x.pass.TypesInfo.Defs[id]
	if v == nil {
		return nil
	}
	reassigned := false
	ast.Inspect(x.f.Scope.Provider.Body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && as.Tok != token.DEFINE {
			for _, lhs := range as.Lhs {
				if lid, ok := ast.Unparen(lhs).(*ast.Ident); ok && x.pass.TypesInfo.Uses[lid] == v {
					reassigned = true
				}
			}
		}
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if lid, ok := ast.Unparen(u.X).(*ast.Ident); ok && x.pass.TypesInfo.Uses[lid] == v {
				reassigned = true // its address is taken
			}
		}
		return !reassigned
	})
	if reassigned {
		return nil
	}
	return stmt
}

// usesOuter reports whether the function body refers to an x.name
// declared outside it, which naming the parameter would capture.
func (x *fixer) usesOuter(fnScope *types.Scope) bool {
	found := false
	ast.Inspect(x.f.Scope.Provider.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == x.name {
			if obj := x.pass.TypesInfo.Uses[id]; obj != nil && !fnScope.Contains(obj.Pos()) {
				found = true
			}
		}
		return !found
	})
	return found
}

func isIdent(s string) bool { return token.IsIdentifier(s) }

// declIdent returns the name a defineOf statement declares.
func declIdent(stmt ast.Stmt) *ast.Ident {
	switch s := stmt.(type) {
	case *ast.AssignStmt:
		return s.Lhs[0].(*ast.Ident)
	case *ast.DeclStmt:
		return s.Decl.(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Names[0]
	}
	return nil
}

func (x *fixer) replace() []analysis.SuggestedFix {
	if !x.ok {
		return nil
	}
	edits := append([]analysis.TextEdit(nil), x.edits...)
	msg := "Use " + x.use
	if len(x.edits) > 0 {
		msg = "Name the parameter " + x.name + " and use " + x.use
	}
	if x.deleteStmt != nil {
		msg = "Remove the stand-in context and use " + x.use
		if len(x.edits) > 0 {
			msg = "Name the parameter " + x.name + " and remove the stand-in context"
		}
		edits = append(edits, deleteLine(x.pass, x.deleteStmt))
	} else {
		edits = append(edits, analysis.TextEdit{Pos: x.f.Call.Pos(), End: x.f.Call.End(), NewText: []byte(x.use)})
	}
	return []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}
}

func (x *fixer) withoutCancel() []analysis.SuggestedFix {
	if !x.ok || x.deleteStmt != nil {
		return nil
	}
	// context.WithoutCancel is new in Go 1.21.
	if v := x.pass.TypesInfo.FileVersions[analysisutil.FileOf(x.pass, x.f.Call.Pos())]; v != "" && version.Compare(v, "go1.21") < 0 {
		return nil
	}
	qual := ""
	if sel, ok := ast.Unparen(x.f.Call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			if _, isPkg := x.pass.TypesInfo.Uses[id].(*types.PkgName); isPkg {
				qual = id.Name + "."
			}
		}
	}
	text := fmt.Sprintf("%sWithoutCancel(%s)", qual, x.use)
	edits := append(append([]analysis.TextEdit(nil), x.edits...),
		analysis.TextEdit{Pos: x.f.Call.Pos(), End: x.f.Call.End(), NewText: []byte(text)})
	return []analysis.SuggestedFix{{Message: "Use " + text, TextEdits: edits}}
}

// deleteLine deletes stmt together with its line's indentation and
// newline, when it is alone on its line.
func deleteLine(pass *analysis.Pass, stmt ast.Stmt) analysis.TextEdit {
	tf := pass.Fset.File(stmt.Pos())
	start, end := stmt.Pos(), stmt.End()
	if content, err := pass.ReadFile(tf.Name()); err == nil {
		s, e := tf.Offset(start), tf.Offset(end)
		ls := s
		for ls > 0 && (content[ls-1] == ' ' || content[ls-1] == '\t') {
			ls--
		}
		le := e
		for le < len(content) && (content[le] == ' ' || content[le] == '\t') {
			le++
		}
		if (ls == 0 || content[ls-1] == '\n') && le < len(content) && content[le] == '\n' {
			start, end = tf.Pos(ls), tf.Pos(le+1)
		}
	}
	return analysis.TextEdit{Pos: start, End: end}
}

// IncludeTestsFlag is the name of the option, shared by every check and
// the composite, that reports in _test.go files what tests do by design.
const IncludeTestsFlag = "include-tests"

// IncludeTestsUsage is the usage of a root-context check's -include-tests.
const IncludeTestsUsage = "also report, in _test.go files, root contexts made by ctx-less helpers and those where only a test's t is in scope (use t.Context())"

// NewCheck returns the analyzer of a root-context check: reconcilectx,
// inheritctx or webhookctx. It has the report-detached option and honours
// //ctxlint:ignore.
func NewCheck(spec Spec) *analysis.Analyzer {
	var opts Options
	a := &analysis.Analyzer{
		Name:     spec.Name,
		Doc:      analysisutil.MustExtractDoc(spec.Doc, spec.Name),
		URL:      analysisutil.URLBase + spec.Name,
		Requires: []*analysis.Analyzer{Analyzer, directive.Analyzer},
		Run: analysisutil.Recover(spec.Name, func(pass *analysis.Pass) (any, error) {
			pass = directive.Filter(pass, spec.Name)
			spec.Report(pass, opts)
			if opts.Waits {
				spec.reportWaits(pass, opts)
			}
			if opts.Ctxless {
				spec.reportCtxless(pass, opts)
			}
			if spec.More != nil {
				spec.More(pass, opts)
			}
			return nil, nil
		}),
	}
	usage := spec.DetachedUsage
	if usage == "" {
		usage = "also report root contexts (suggesting context.WithoutCancel(ctx)), waits, ctx-less calls, stop channels and outer contexts in go statements and deferred calls"
	}
	a.Flags.BoolVar(&opts.ReportDetached, "report-detached", false, usage)
	a.Flags.BoolVar(&opts.IncludeTests, IncludeTestsFlag, false, IncludeTestsUsage)
	waitsUsage := "report time.Sleep, <-time.After(d) and <-timer.C that ignore the context in scope"
	if spec.WaitsOff {
		waitsUsage += " (off by default: in plain functions most sleeps are deliberate)"
	}
	a.Flags.BoolVar(&opts.Waits, "waits", !spec.WaitsOff, waitsUsage)
	a.Flags.BoolVar(&opts.Ctxless, "ctxless", true, "report ctx-less calls (http.Get, exec.Command, db.Query, wait.Poll, wait.Until, ...) where a form that takes the context in scope exists")
	a.Flags.BoolVar(&opts.StopChan, StopChanFlag, true, "report wait.NeverStop and never-closed channels given as the stop channel of informers, cache syncs and wait.*Until where a context is in scope")
	a.Flags.BoolVar(&opts.InnerCtx, InnerCtxFlag, true, "report an outer context passed where a func literal brings its own (an errgroup's context, its context parameter)")
	return a
}
