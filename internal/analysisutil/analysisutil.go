// Package analysisutil holds small helpers shared by ctxlint's passes:
// doc extraction, import tests for fast paths, and callee matching by
// package path and name.
package analysisutil

import (
	"fmt"
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"go/types"
	"iter"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// URLBase is where each pass's documentation lives.
const URLBase = "https://pkg.go.dev/github.com/ctxlint/ctxlint/passes/"

// RuleURL returns the address of the section of check's doc.go headed
// "# heading": the check's page on pkg.go.dev with the anchor that
// go/doc gives the heading. Every diagnostic's URL points at the rule it
// reports, so that the why behind a short message is one click away (and
// printed by "ctxlint help CHECK").
func RuleURL(check, heading string) string {
	return URLBase + check + "#" + HeadingID(heading)
}

// HeadingID is the anchor go/doc gives a doc-comment heading.
func HeadingID(heading string) string {
	h := &comment.Heading{Text: []comment.Text{comment.Plain(heading)}}
	return h.DefaultID()
}

// MustExtractDoc returns the documentation of the named analyzer from the
// content of a doc.go file: the text that follows the heading
// "# Analyzer NAME", up to the next "# Analyzer" heading (the check's rule
// headings, "# Loop context" say, are part of it), with comment markers
// removed.
// It panics if the section is missing, because that is a programming error
// caught by every test.
func MustExtractDoc(content, name string) string {
	doc, err := ExtractDoc(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

// ExtractDoc is MustExtractDoc that returns an error instead of panicking.
// As in golang.org/x/tools, the section must start with a line
// "NAME: summary", and the "NAME:" is removed.
func ExtractDoc(content, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("doc.go: %v", err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go has no package doc comment")
	}
	text := "\n" + f.Doc.Text()
	_, body, ok := strings.Cut(text, "\n# Analyzer "+name+"\n")
	if ok {
		body, _, _ = strings.Cut(body, "\n# Analyzer ")
		body = strings.TrimSpace(body)
		rest, ok := strings.CutPrefix(body, name+":")
		if !ok {
			return "", fmt.Errorf("doc.go: heading 'Analyzer %s' not followed by a line '%s: summary'", name, name)
		}
		return strings.TrimSpace(rest), nil
	}
	return "", fmt.Errorf("doc.go has no heading 'Analyzer %s'", name)
}

// Imports reports whether pkg imports the package with the given path
// directly.
func Imports(pkg *types.Package, path string) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return true
		}
	}
	return false
}

// FindPackage returns the package with the given path among the direct and
// indirect imports of pkg (or pkg itself), or nil.
func FindPackage(pkg *types.Package, path string) *types.Package {
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package) *types.Package
	walk = func(p *types.Package) *types.Package {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == path {
			return p
		}
		for _, imp := range p.Imports() {
			if found := walk(imp); found != nil {
				return found
			}
		}
		return nil
	}
	return walk(pkg)
}

// FindPackages is FindPackage for several paths at once, in one walk.
// The result maps each path found to its package.
func FindPackages(pkg *types.Package, paths ...string) map[string]*types.Package {
	want := map[string]bool{}
	for _, p := range paths {
		want[p] = true
	}
	found := map[string]*types.Package{}
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if seen[p] || len(found) == len(want) {
			return
		}
		seen[p] = true
		if want[p.Path()] {
			found[p.Path()] = p
		}
		for _, imp := range p.Imports() {
			walk(imp)
		}
	}
	walk(pkg)
	return found
}

// IsPkgFunc reports whether fn is a package-level function of the package
// with the given path whose name is one of names.
func IsPkgFunc(fn *types.Func, pkgPath string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// Callee returns the function or method called by call, or nil for calls
// of function values, conversions and builtins. Calls of generic
// functions resolve to the generic function, not to the instance.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn != nil {
		return fn.Origin()
	}
	return nil
}

// LookupNamed returns the named type declared at package level in pkg, or
// nil.
func LookupNamed(pkg *types.Package, name string) types.Type {
	if pkg == nil {
		return nil
	}
	tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return nil
	}
	return tn.Type()
}

// Position formats pos as "file.go:12" (base name only), for messages that
// point at another place in the same package.
func Position(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	name := p.Filename
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return fmt.Sprintf("%s:%d", name, p.Line)
}

// IsLocalModule reports whether a package of module m belongs to code
// under development (the main module, a workspace module, or a local
// replacement) rather than a versioned dependency or the standard library.
// Cross-package facts are computed only for such packages. Drivers
// describe a standard-library package by a nil Module (unitchecker) or by
// an empty one (the checker package used by singlechecker and
// analysistest); either way it has no module path.
func IsLocalModule(m *analysis.Module) bool {
	if m == nil || m.Path == "" {
		return false
	}
	if m.Main {
		return true
	}
	if m.Replace != nil {
		return m.Replace.Version == ""
	}
	return m.Version == ""
}

// Recover wraps an analyzer's Run so that a panic on odd code becomes an
// error for that package (which the driver prints, exiting 1) instead of
// crashing the whole run.
func Recover(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (res any, err error) {
		defer func() {
			if r := recover(); r != nil {
				stack := ""
				if os.Getenv("CTXLINT_DEBUG") != "" {
					stack = "\n" + string(debug.Stack())
				}
				res, err = nil, fmt.Errorf("internal error in %s on package %s: %v (please report this to ctxlint with the code that caused it; set CTXLINT_DEBUG=1 for a stack trace)%s", name, pass.Pkg.Path(), r, stack)
			}
		}()
		return run(pass)
	}
}

// AssignedValue returns the expression that gives the i-th of n names its
// value in an assignment or declaration whose right-hand side is rhs. When
// one multi-valued expression (a call, a comma-ok form) feeds all n names,
// it returns that expression and i, the index of the result; otherwise the
// index is -1. It returns nil when the i-th name gets no value of its own
// (a var declaration without values).
func AssignedValue(rhs []ast.Expr, n, i int) (ast.Expr, int) {
	switch {
	case len(rhs) == n:
		return rhs[i], -1
	case len(rhs) == 1:
		return rhs[0], i
	}
	return nil, -1
}

// RecvName returns the name of the named type of fn's receiver, through a
// pointer and aliases: "Config" for (*oauth2.Config).Client. It returns
// "", true for a function without a receiver, and false for a receiver
// of no named type.
func RecvName(fn *types.Func) (string, bool) {
	recv := fn.Signature().Recv()
	if recv == nil {
		return "", true
	}
	t := types.Unalias(recv.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return "", false
	}
	return n.Obj().Name(), true
}

// QualName names fn as messages do: "Type.Method" for a method of a named
// type, the bare name otherwise.
func QualName(fn *types.Func) string {
	if recv, _ := RecvName(fn); recv != "" {
		return recv + "." + fn.Name()
	}
	return fn.Name()
}

// Unparen climbs from the expression at cur out of any parentheses around
// it, to the cursor whose parent edge says how the value is used.
func Unparen(cur inspector.Cursor) inspector.Cursor {
	return Climb(cur, edge.ParenExpr_X)
}

// Climb returns the outermost ancestor of cur reached through edges of
// the given kinds (cur itself when its parent edge is of none of them).
func Climb(cur inspector.Cursor, kinds ...edge.Kind) inspector.Cursor {
	for slices.Contains(kinds, cur.ParentEdgeKind()) {
		cur = cur.Parent()
	}
	return cur
}

// IsNil reports whether e is the predeclared nil (not a variable or
// constant that shadows the name).
func IsNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == types.Universe.Lookup("nil")
}

// ComparedWithNil returns x, unparenthesised, and the operator when cond
// is x == nil, x != nil, or either with nil first.
func ComparedWithNil(info *types.Info, cond ast.Expr) (ast.Expr, token.Token, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL && b.Op != token.NEQ {
		return nil, 0, false
	}
	switch {
	case IsNil(info, b.Y):
		return ast.Unparen(b.X), b.Op, true
	case IsNil(info, b.X):
		return ast.Unparen(b.Y), b.Op, true
	}
	return nil, 0, false
}

// ResultOf returns the result of type T among pass's requirements,
// whichever instance of the analyzer computed it (ctxlint's composite
// makes its own instances of the internal analyzers), or T's zero value.
func ResultOf[T any](pass *analysis.Pass) T {
	for _, r := range pass.ResultOf {
		if v, ok := r.(T); ok {
			return v
		}
	}
	var zero T
	return zero
}

// Refers reports whether n contains an identifier that refers to obj.
func Refers(info *types.Info, n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}

// IsFalse reports whether e is the predeclared false.
func IsFalse(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == types.Universe.Lookup("false")
}

// IsMethod reports whether fn is the method named method of the named
// type typeName (or a pointer to it) declared in the package with path
// pkgPath. Methods of generic types match through their origin.
func IsMethod(fn *types.Func, pkgPath, typeName, method string) bool {
	if fn == nil || fn.Name() != method {
		return false
	}
	sig, ok := fn.Origin().Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	t := sig.Recv().Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Origin().Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == pkgPath && obj.Name() == typeName
}

// NoReturn reports whether call never returns: panic, os.Exit,
// log.Fatal and friends, runtime.Goexit, klog's Fatal and Exit functions,
// and testing's Fatal, FailNow and Skip methods. Functions are matched by
// their package path, never by the name they are called by.
func NoReturn(info *types.Info, call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && info.Uses[id] == types.Universe.Lookup("panic") {
		return true
	}
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	if IsPkgFunc(fn, "os", "Exit") ||
		IsPkgFunc(fn, "runtime", "Goexit") ||
		IsPkgFunc(fn, "log", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln") ||
		IsPkgFunc(fn, "k8s.io/klog/v2", "Fatal", "Fatalf", "Fatalln", "FatalDepth", "Exit", "Exitf", "Exitln", "ExitDepth") {
		return true
	}
	if fn.Signature().Recv() != nil && fn.Pkg().Path() == "testing" {
		switch fn.Name() {
		case "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow":
			return true
		}
	}
	return false
}

// InTestFile reports whether pos is in a _test.go file.
func InTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// FieldNames yields each name a field list declares, in order, with its
// field, and (field, nil) for a field without names: the i-th pair
// yielded matches the i-th entry of the types.Tuple or types.Struct
// that the list declares.
func FieldNames(list *ast.FieldList) iter.Seq2[*ast.Field, *ast.Ident] {
	return func(yield func(*ast.Field, *ast.Ident) bool) {
		if list == nil {
			return
		}
		for _, f := range list.List {
			if len(f.Names) == 0 {
				if !yield(f, nil) {
					return
				}
				continue
			}
			for _, id := range f.Names {
				if !yield(f, id) {
					return
				}
			}
		}
	}
}

// Nolinted reports whether a golangci-lint //nolint directive names one
// of linters (or is bare, or names all) for the node at pos in file f:
// at the end of the node's line, or alone on the line above it (where
// golangci-lint applies it to the next line). ctxlint honours the
// directives of the peer linters that report the same mistake (noctx,
// contextcheck, containedctx), so that code which already silenced them
// is not reported again.
func Nolinted(fset *token.FileSet, f *ast.File, pos token.Pos, linters ...string) bool {
	if f == nil {
		return false
	}
	at := fset.Position(pos)
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			cp := fset.Position(c.Slash)
			if cp.Line != at.Line && (cp.Line != at.Line-1 || cp.Column > at.Column) {
				continue
			}
			if nolintNames(c.Text, linters) {
				return true
			}
		}
	}
	return false
}

// nolintNames reports whether the comment text is a //nolint directive
// that is bare, names all, or names one of linters ("//nolint:a,b",
// "//nolint: a // why").
func nolintNames(text string, linters []string) bool {
	rest, ok := strings.CutPrefix(text, "//nolint")
	if !ok {
		return false
	}
	list, ok := strings.CutPrefix(rest, ":")
	if !ok {
		return rest == "" || rest[0] == ' ' || rest[0] == '\t' // bare //nolint
	}
	if i := strings.Index(list, "//"); i >= 0 {
		list = list[:i] // the reason
	}
	for _, part := range strings.Split(list, ",") {
		if names := strings.Fields(part); len(names) > 0 && (names[0] == "all" || slices.Contains(linters, names[0])) {
			return true
		}
	}
	return false
}

// FileOf returns the file of pass that holds pos, or nil.
func FileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
