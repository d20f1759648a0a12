package rootctx

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
	"github.com/ctxlint/ctxlint/internal/ctxinfo"
)

// RuleCtxless is the heading, in reconcilectx's and inheritctx's doc.go,
// of the rule on calls of ctx-less forms where a form that takes a
// context exists; webhookctx names it Spec.CtxlessRule.
const RuleCtxless = "Calls without the context"

// A ctxless is a call that cannot carry a context although a form that
// does exists: in the standard library (http.Get, exec.Command, db.Query)
// and in k8s.io/apimachinery's wait package (wait.Poll, wait.Until).
type ctxless struct {
	pkg  string // package path
	recv string // receiver type name for methods ("DB"), "" for functions
	name string

	// how to write the context-taking form; noFix when the rewrite is
	// not a single mechanical edit, and the message says what to do.
	rewrite rewrite
	alt     string // the context-taking form, for the message

	// For the wait package: the index of the callback argument (a
	// ConditionFunc or a func()), the immediate argument the
	// replacement takes ("true", "false"; "" for none), and the index of
	// the stop channel, -1 for none.
	fn        int
	immediate string
	stop      int

	// given is set for http.NewRequest: the request it makes can be
	// given a context before it is sent (req.WithContext(ctx)).
	given bool
}

type rewrite int

const (
	noFix        rewrite = iota
	insertCtx            // pkg.F(args) -> pkg.G(ctx, args); x.M(args) -> x.G(ctx, args)
	insertCtxNil         // x.Begin() -> x.BeginTx(ctx, nil)
	resolver             // net.LookupX(args) -> net.DefaultResolver.LookupX(ctx, args)
	dialer               // net.Dial(args) -> (&net.Dialer{}).DialContext(ctx, args)
	waitCond             // wait.Poll(i, t, cond) -> wait.PollUntilContextTimeout(ctx, i, t, false, cond with a ctx)
	waitFunc             // wait.Forever(f, p) -> wait.UntilWithContext(ctx, f with a ctx, p)
)

var ctxlessCalls = func() map[string]ctxless {
	m := map[string]ctxless{}
	add := func(o ctxless) {
		if o.pkg != ctxinfo.WaitPath {
			o.stop, o.fn = -1, -1
		}
		m[o.pkg+"."+o.recv+"."+o.name] = o
	}
	for _, f := range []string{"Get", "Head", "Post", "PostForm"} {
		alt := "http.NewRequestWithContext(CTX, ...) and http.DefaultClient.Do"
		add(ctxless{pkg: "net/http", name: f, alt: alt})
		add(ctxless{pkg: "net/http", recv: "Client", name: f, alt: "http.NewRequestWithContext(CTX, ...) and the client's Do"})
	}
	add(ctxless{pkg: "net/http", name: "NewRequest", rewrite: insertCtx, alt: "NewRequestWithContext", given: true})
	add(ctxless{pkg: "os/exec", name: "Command", rewrite: insertCtx, alt: "CommandContext"})
	add(ctxless{pkg: "net", name: "Dial", rewrite: dialer, alt: "(&net.Dialer{}).DialContext"})
	add(ctxless{pkg: "net", name: "DialTimeout", alt: "(&net.Dialer{Timeout: timeout}).DialContext"})
	for _, f := range []string{"LookupHost", "LookupAddr", "LookupCNAME", "LookupMX", "LookupNS", "LookupTXT", "LookupSRV", "LookupPort"} {
		add(ctxless{pkg: "net", name: f, rewrite: resolver, alt: "net.DefaultResolver." + f})
	}
	add(ctxless{pkg: "crypto/tls", name: "Dial", alt: "(&tls.Dialer{Config: config}).DialContext"})
	add(ctxless{pkg: "crypto/tls", recv: "Conn", name: "Handshake", rewrite: insertCtx, alt: "HandshakeContext"})
	for _, recv := range []string{"DB", "Tx", "Conn", "Stmt"} {
		for _, f := range []string{"Query", "QueryRow", "Exec", "Prepare"} {
			if recv == "Stmt" && f == "Prepare" {
				continue
			}
			add(ctxless{pkg: "database/sql", recv: recv, name: f, rewrite: insertCtx, alt: f + "Context"})
		}
	}
	add(ctxless{pkg: "database/sql", recv: "DB", name: "Ping", rewrite: insertCtx, alt: "PingContext"})
	add(ctxless{pkg: "database/sql", recv: "DB", name: "Begin", rewrite: insertCtxNil, alt: "BeginTx"})
	add(ctxless{pkg: "database/sql", recv: "Tx", name: "Stmt", rewrite: insertCtx, alt: "StmtContext"})

	// k8s.io/apimachinery/pkg/util/wait: the pollers without a context,
	// deprecated for PollUntilContextTimeout and PollUntilContextCancel,
	// and the loops that stop on a channel or never.
	w := ctxinfo.WaitPath
	add(ctxless{pkg: w, name: "Poll", rewrite: waitCond, alt: "PollUntilContextTimeout", fn: 2, immediate: "false", stop: -1})
	add(ctxless{pkg: w, name: "PollImmediate", rewrite: waitCond, alt: "PollUntilContextTimeout", fn: 2, immediate: "true", stop: -1})
	add(ctxless{pkg: w, name: "PollInfinite", rewrite: waitCond, alt: "PollUntilContextCancel", fn: 1, immediate: "false", stop: -1})
	add(ctxless{pkg: w, name: "PollImmediateInfinite", rewrite: waitCond, alt: "PollUntilContextCancel", fn: 1, immediate: "true", stop: -1})
	add(ctxless{pkg: w, name: "PollUntil", alt: "PollUntilContextCancel", fn: 1, stop: 2})
	add(ctxless{pkg: w, name: "PollImmediateUntil", alt: "PollUntilContextCancel", fn: 1, stop: 2})
	add(ctxless{pkg: w, name: "ExponentialBackoff", rewrite: waitCond, alt: "ExponentialBackoffWithContext", fn: 1, stop: -1})
	add(ctxless{pkg: w, name: "Until", alt: "UntilWithContext", fn: 0, stop: 2})
	add(ctxless{pkg: w, name: "NonSlidingUntil", alt: "NonSlidingUntilWithContext", fn: 0, stop: 2})
	add(ctxless{pkg: w, name: "JitterUntil", alt: "JitterUntilWithContext", fn: 0, stop: 4})
	add(ctxless{pkg: w, name: "Forever", rewrite: waitFunc, alt: "UntilWithContext", fn: 0, stop: -1})
	return m
}()

// ctxlessPkgs are the packages whose import enables the rule.
var ctxlessPkgs = []string{"net/http", "os/exec", "net", "crypto/tls", "database/sql", ctxinfo.WaitPath}

// lookupCtxless returns the rule for the function called, or false.
func lookupCtxless(fn *types.Func) (ctxless, bool) {
	if fn == nil || fn.Pkg() == nil {
		return ctxless{}, false
	}
	recv, ok := analysisutil.RecvName(fn)
	if !ok {
		return ctxless{}, false
	}
	o, ok := ctxlessCalls[fn.Pkg().Path()+"."+recv+"."+fn.Name()]
	return o, ok
}

// describe names the call as users write it: http.Get, (*sql.DB).Query.
func (o ctxless) describe() string {
	pkg := o.pkg[strings.LastIndex(o.pkg, "/")+1:]
	if o.recv == "" {
		return pkg + "." + o.name
	}
	return fmt.Sprintf("(*%s.%s).%s", pkg, o.recv, o.name)
}

// suggest writes the context-taking form for the message.
func (o ctxless) suggest(ctx string, nargs int) string {
	pkg := o.pkg[strings.LastIndex(o.pkg, "/")+1:]
	switch o.rewrite {
	case noFix:
		if o.pkg == ctxinfo.WaitPath {
			return pkg + "." + o.alt + "(" + ctx + ", ...)"
		}
		return strings.ReplaceAll(o.alt, "CTX", ctx)
	case insertCtxNil:
		return o.alt + "(" + ctx + ", nil)"
	case insertCtx, waitCond, waitFunc:
		call := o.alt + "(" + ctx + ", ...)"
		if nargs == 0 {
			call = o.alt + "(" + ctx + ")"
		}
		if o.recv == "" {
			return pkg + "." + call
		}
		return call
	}
	return o.alt + "(" + ctx + ", ...)"
}

// fix builds the rewrite to the context-taking form with ctx, or nil.
func (o ctxless) fix(pass *analysis.Pass, in *ctxinfo.Info, call *ast.CallExpr, ctx string) []analysis.SuggestedFix {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || o.rewrite == noFix || call.Ellipsis.IsValid() && o.rewrite != insertCtx {
		return nil
	}
	var edits []analysis.TextEdit
	insertFirst := func(text string) {
		edits = append(edits, analysis.TextEdit{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(text)})
	}
	switch o.rewrite {
	case insertCtx, insertCtxNil:
		edits = append(edits, analysis.TextEdit{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(o.alt)})
		switch {
		case o.rewrite == insertCtxNil:
			insertFirst(ctx + ", nil")
		case len(call.Args) == 0:
			insertFirst(ctx)
		default:
			insertFirst(ctx + ", ")
		}
	case resolver, dialer:
		id, ok := sel.X.(*ast.Ident)
		if !ok {
			return nil
		}
		if _, isPkg := pass.TypesInfo.Uses[id].(*types.PkgName); !isPkg {
			return nil
		}
		fun := id.Name + ".DefaultResolver." + o.name
		if o.rewrite == dialer {
			fun = "(&" + id.Name + ".Dialer{}).DialContext"
		}
		edits = append(edits, analysis.TextEdit{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(fun)})
		insertFirst(ctx + ", ")
	case waitCond, waitFunc:
		if o.fn >= len(call.Args) || o.rewrite == waitCond && mentionsErrWaitTimeout(pass, in, call) {
			return nil
		}
		// The replacement must exist in the version of the package in
		// use (PollUntilContextTimeout is new in apimachinery 0.27) and
		// take a callback with a context where the call has one without.
		at := o.fn + 1 // the callback's index in the replacement
		if o.immediate != "" {
			at++
		}
		if !hasCtxCallback(in, analysisutil.Callee(pass.TypesInfo, call).Pkg(), o.alt, at) {
			return nil
		}
		before := "" // the immediate argument, before the callback
		if o.immediate != "" {
			before = o.immediate + ", "
		}
		conv := withCtxParam(pass, in, sel, call.Args[o.fn], o.rewrite == waitCond, before)
		if conv == nil {
			return nil
		}
		edits = append(edits, analysis.TextEdit{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte(o.alt)})
		insertFirst(ctx + ", ")
		edits = append(edits, conv...)
	}
	return []analysis.SuggestedFix{{Message: "Use " + o.alt + " with " + ctx, TextEdits: edits}}
}

// withCtxParam returns the edits that turn a callback without a context
// (a wait.ConditionFunc, or the func() of wait.Forever) into one that
// takes it: a func literal without parameters gets an unnamed
// context.Context one; another condition is wrapped as
// wait.ConditionFunc(cond).WithContext(). It returns nil when neither is
// possible (no name for the context or wait package at the site). The
// edits insert before in front of the callback.
func withCtxParam(pass *analysis.Pass, in *ctxinfo.Info, sel *ast.SelectorExpr, arg ast.Expr, cond bool, before string) []analysis.TextEdit {
	if lit, ok := ast.Unparen(arg).(*ast.FuncLit); ok && lit.Type.Params.NumFields() == 0 {
		if q := pkgQualifier(pass, in, ctxinfo.ContextPath, arg.Pos()); q != "" {
			p := lit.Type.Params.Opening + 1
			edits := []analysis.TextEdit{{Pos: p, End: p, NewText: []byte(q + ".Context")}}
			if before != "" {
				edits = append(edits, analysis.TextEdit{Pos: arg.Pos(), End: arg.Pos(), NewText: []byte(before)})
			}
			return edits
		}
	}
	if !cond {
		return nil
	}
	waitQual, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	if _, isPkg := pass.TypesInfo.Uses[waitQual].(*types.PkgName); !isPkg {
		return nil
	}
	pre, post := waitQual.Name+".ConditionFunc(", ")"
	if n, ok := types.Unalias(pass.TypesInfo.TypeOf(arg)).(*types.Named); ok && n.Obj().Name() == "ConditionFunc" && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == ctxinfo.WaitPath {
		// Already a ConditionFunc: cond.WithContext().
		switch ast.Unparen(arg).(type) {
		case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr:
			pre, post = "", ""
		default:
			pre = "("
		}
	}
	return []analysis.TextEdit{
		{Pos: arg.Pos(), End: arg.Pos(), NewText: []byte(before + pre)},
		{Pos: arg.End(), End: arg.End(), NewText: []byte(post + ".WithContext()")},
	}
}

// hasCtxCallback reports whether pkg has a function name whose first
// parameter is a context and whose parameter i is a func taking one.
func hasCtxCallback(in *ctxinfo.Info, pkg *types.Package, name string, i int) bool {
	fn, ok := pkg.Scope().Lookup(name).(*types.Func)
	if !ok {
		return false
	}
	params := fn.Signature().Params()
	if params.Len() <= i || params.Len() == 0 || !in.IsContext(params.At(0).Type()) {
		return false
	}
	cb, ok := params.At(i).Type().Underlying().(*types.Signature)
	return ok && cb.Params().Len() == 1 && in.IsContext(cb.Params().At(0).Type())
}

// pkgQualifier returns the name under which the file at pos imports the
// package path, when that name denotes it at pos; "" otherwise.
func pkgQualifier(pass *analysis.Pass, in *ctxinfo.Info, path string, pos token.Pos) string {
	f := analysisutil.FileOf(pass, pos)
	if f == nil {
		return ""
	}
	for _, imp := range f.Imports {
		var pn *types.PkgName
		if imp.Name != nil {
			pn, _ = pass.TypesInfo.Defs[imp.Name].(*types.PkgName)
		} else {
			pn, _ = pass.TypesInfo.Implicits[imp].(*types.PkgName)
		}
		if pn == nil || pn.Imported().Path() != path || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		if in.Resolves(pos, pn.Name(), pn) {
			return pn.Name()
		}
	}
	return ""
}

// mentionsErrWaitTimeout reports whether the declaration around call refers
// to wait.ErrWaitTimeout, which the PollUntilContext forms no longer
// return: rewriting the call would change what the code tests for.
func mentionsErrWaitTimeout(pass *analysis.Pass, in *ctxinfo.Info, call *ast.CallExpr) bool {
	fn := analysisutil.Callee(pass.TypesInfo, call)
	obj := fn.Pkg().Scope().Lookup("ErrWaitTimeout")
	if obj == nil {
		return false
	}
	f := analysisutil.FileOf(pass, call.Pos())
	if f == nil {
		return true
	}
	var decl ast.Node = f
	for _, d := range f.Decls {
		if d.Pos() <= call.Pos() && call.End() <= d.End() {
			decl = d
		}
	}
	return analysisutil.Refers(pass.TypesInfo, decl, obj)
}

// reportCtxless reports calls, where a context is in scope, that cannot
// carry it although a form that can exists (http.Get, exec.Command,
// db.Query, wait.Poll, wait.Until, ...). Calls in go statements and
// deferred calls (unless -report-detached), where the context is done,
// in _test.go files (unless -include-tests), and wait loops stopped by a
// context's Done channel are left alone.
func (s *Spec) reportCtxless(pass *analysis.Pass, opts Options) {
	res := Of(pass)
	if res == nil || res.Info.Context == nil {
		return
	}
	in := res.Info
	imports := false
	for _, p := range ctxlessPkgs {
		imports = imports || analysisutil.Imports(pass.Pkg, p)
	}
	if !imports {
		return
	}
	rule := s.CtxlessRule
	if rule == "" {
		rule = RuleCtxless
	}
	res.ctxlessOnce.Do(func() {
		for cur := range in.Inspector.Root().Preorder((*ast.CallExpr)(nil)) {
			if o, ok := lookupCtxless(analysisutil.Callee(pass.TypesInfo, cur.Node().(*ast.CallExpr))); ok {
				res.ctxless = append(res.ctxless, ctxlessSite{cur, o})
			}
		}
	})
	for _, site := range res.ctxless {
		cur, o := site.cur, site.o
		call := cur.Node().(*ast.CallExpr)
		sc := in.ScopeAt(cur)
		if sc.Provider == nil || !s.Owner(sc.Owner) {
			continue
		}
		if sc.Detached != nil && !opts.ReportDetached || in.IsDone(cur, sc.Provider.Node) {
			continue
		}
		if !opts.IncludeTests && analysisutil.InTestFile(pass.Fset, call.Pos()) {
			continue
		}
		if o.stop >= 0 && o.stop < len(call.Args) && in.IsDoneCall(call.Args[o.stop]) {
			continue // stops with a context: its cancellation is kept
		}
		if o.stop >= 0 && o.stop < len(call.Args) && opts.StopChan && res.stopChanAt(call.Args[o.stop]) {
			continue // one finding a site: the stop channel's, whose fix passes ctx.Done()
		}
		if nolintNoctx(pass, call) {
			continue // the author said so to noctx, the linter of these calls
		}
		if o.pkg == "os/exec" && in.EndsProcessItself(cur) {
			continue // the code stops the process itself, gracefully, where CommandContext would kill it
		}
		if o.given && in.RequestGivenContext(cur) {
			continue // client.Do(req.WithContext(ctx)): the request carries a context after all
		}
		ctx, safe := in.CtxAt(sc.Provider, call.Pos())
		advice := "use " + o.suggest(ctxOr(ctx, sc), len(call.Args))
		if _, name, use := unnamedSourceAdvice(sc.Provider); ctx == "" && name != "" {
			advice = "name the parameter " + name + " and use " + o.suggest(use, len(call.Args))
		} else if ctx == "" && sc.Owner != ctxinfo.HTTP && sc.Owner != ctxinfo.Admission {
			advice = "name the parameter ctx and " + advice
		}
		d := analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(),
			URL:     analysisutil.RuleURL(s.Name, rule),
			Message: fmt.Sprintf("%s cannot carry %s; %s", o.describe(), describeCtx(ctx, sc), advice),
		}
		if safe {
			d.SuggestedFixes = o.fix(pass, in, call, ctx)
		}
		pass.Report(d)
	}
}

// ctxlessSite is a call of a ctx-less form, whatever the context in scope.
type ctxlessSite struct {
	cur inspector.Cursor
	o   ctxless
}

// stopChanAt reports whether the stop channels rule has a finding on
// arg (wait.NeverStop, a channel never closed).
func (res *Result) stopChanAt(arg ast.Expr) bool {
	return slices.ContainsFunc(res.Others, func(o *Other) bool {
		return o.Rule == RuleStopChan && o.Pos == arg.Pos()
	})
}

// describeCtx names the context to use: "r.Context(), the request's
// context", "ctx, the Reconcile's context".
func describeCtx(ctx string, s ctxinfo.Scope) string {
	var w string
	switch s.Owner {
	case ctxinfo.HTTP:
		w = "the request's context"
	case ctxinfo.Admission:
		w = "the admission request's context"
	default:
		w = whose(s)
	}
	if ctx == "" {
		return w
	}
	return ctx + ", " + w
}

// ctxOr is the context to write in a message: ctx, or, when the
// parameter has no name, a description.
func ctxOr(ctx string, s ctxinfo.Scope) string {
	if ctx != "" {
		return ctx
	}
	if s.Owner == ctxinfo.HTTP || s.Owner == ctxinfo.Admission {
		return "the request's context"
	}
	return ctxName
}

// nolintNoctx reports whether the line of call carries a golangci-lint
// directive that silences noctx (//nolint:noctx, //nolint:gosec,noctx,
// or a bare //nolint): a ctx-less call its author keeps on purpose.
func nolintNoctx(pass *analysis.Pass, call *ast.CallExpr) bool {
	return analysisutil.Nolinted(pass.Fset, analysisutil.FileOf(pass, call.Pos()), call.Pos(), "noctx")
}
