package webhookctx

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ctxlint/ctxlint/internal/analysisutil"
)

// An outbound is a standard-library call that cannot carry a context
// although a form that does exists.
type outbound struct {
	pkg  string // package path
	recv string // receiver type name for methods ("DB"), "" for functions
	name string

	// how to write the context-taking form; "" when the rewrite is not a
	// single mechanical edit, and the message says what to do.
	rewrite rewrite
	alt     string // the context-taking form, for the message
}

type rewrite int

const (
	noFix        rewrite = iota
	insertCtx            // pkg.F(args) -> pkg.G(ctx, args); x.M(args) -> x.G(ctx, args)
	insertCtxNil         // x.Begin() -> x.BeginTx(ctx, nil)
	resolver             // net.LookupX(args) -> net.DefaultResolver.LookupX(ctx, args)
	dialer               // net.Dial(args) -> (&net.Dialer{}).DialContext(ctx, args)
)

var outbounds = func() map[string]outbound {
	m := map[string]outbound{}
	add := func(o outbound) { m[o.pkg+"."+o.recv+"."+o.name] = o }
	for _, f := range []string{"Get", "Head", "Post", "PostForm"} {
		alt := "http.NewRequestWithContext(CTX, ...) and http.DefaultClient.Do"
		add(outbound{pkg: "net/http", name: f, alt: alt})
		add(outbound{pkg: "net/http", recv: "Client", name: f, alt: "http.NewRequestWithContext(CTX, ...) and the client's Do"})
	}
	add(outbound{pkg: "net/http", name: "NewRequest", rewrite: insertCtx, alt: "NewRequestWithContext"})
	add(outbound{pkg: "os/exec", name: "Command", rewrite: insertCtx, alt: "CommandContext"})
	add(outbound{pkg: "net", name: "Dial", rewrite: dialer, alt: "(&net.Dialer{}).DialContext"})
	add(outbound{pkg: "net", name: "DialTimeout", alt: "(&net.Dialer{Timeout: timeout}).DialContext"})
	for _, f := range []string{"LookupHost", "LookupAddr", "LookupCNAME", "LookupMX", "LookupNS", "LookupTXT", "LookupSRV", "LookupPort"} {
		add(outbound{pkg: "net", name: f, rewrite: resolver, alt: "net.DefaultResolver." + f})
	}
	add(outbound{pkg: "crypto/tls", name: "Dial", alt: "(&tls.Dialer{Config: config}).DialContext"})
	add(outbound{pkg: "crypto/tls", recv: "Conn", name: "Handshake", rewrite: insertCtx, alt: "HandshakeContext"})
	for _, recv := range []string{"DB", "Tx", "Conn", "Stmt"} {
		for _, f := range []string{"Query", "QueryRow", "Exec", "Prepare"} {
			if recv == "Stmt" && f == "Prepare" {
				continue
			}
			add(outbound{pkg: "database/sql", recv: recv, name: f, rewrite: insertCtx, alt: f + "Context"})
		}
	}
	add(outbound{pkg: "database/sql", recv: "DB", name: "Ping", rewrite: insertCtx, alt: "PingContext"})
	add(outbound{pkg: "database/sql", recv: "DB", name: "Begin", rewrite: insertCtxNil, alt: "BeginTx"})
	add(outbound{pkg: "database/sql", recv: "Tx", name: "Stmt", rewrite: insertCtx, alt: "StmtContext"})
	return m
}()

// outboundPkgs are the packages whose import enables the outbound rule.
var outboundPkgs = []string{"net/http", "os/exec", "net", "crypto/tls", "database/sql"}

// lookupOutbound returns the rule for the function called, or false.
func lookupOutbound(fn *types.Func) (outbound, bool) {
	if fn == nil || fn.Pkg() == nil {
		return outbound{}, false
	}
	recv, ok := analysisutil.RecvName(fn)
	if !ok {
		return outbound{}, false
	}
	o, ok := outbounds[fn.Pkg().Path()+"."+recv+"."+fn.Name()]
	return o, ok
}

// describe names the call as users write it: http.Get, (*sql.DB).Query.
func (o outbound) describe() string {
	pkg := o.pkg[strings.LastIndex(o.pkg, "/")+1:]
	if o.recv == "" {
		return pkg + "." + o.name
	}
	return fmt.Sprintf("(*%s.%s).%s", pkg, o.recv, o.name)
}

// suggest writes the context-taking form for the message.
func (o outbound) suggest(ctx string, nargs int) string {
	pkg := o.pkg[strings.LastIndex(o.pkg, "/")+1:]
	switch o.rewrite {
	case noFix:
		return strings.ReplaceAll(o.alt, "CTX", ctx)
	case insertCtxNil:
		return o.alt + "(" + ctx + ", nil)"
	case insertCtx:
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
func (o outbound) fix(pass *analysis.Pass, call *ast.CallExpr, ctx string) []analysis.SuggestedFix {
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
	}
	return []analysis.SuggestedFix{{Message: "Use " + o.alt + " with " + ctx, TextEdits: edits}}
}
