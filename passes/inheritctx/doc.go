// Package inheritctx defines an Analyzer that reports functions that make
// a new root context although a context is in scope.
//
// # Analyzer inheritctx
//
// inheritctx: report context.Background/TODO where a ctx is in scope
//
// A function that receives a context.Context (as a parameter, even one
// named _, or captured from an enclosing function), or an *http.Request
// whose Context() it can use, should pass it on.
// context.Background() and context.TODO() start a new tree: the caller's
// cancellation, deadline and trace values no longer reach the work. The
// check covers every function that is not a controller-runtime Reconcile
// (reconcilectx) or an HTTP or admission handler (webhookctx): helpers,
// poll callbacks such as func(ctx context.Context) (bool, error), runnables
// and clients.
//
// # Root contexts
//
// context.Background() or context.TODO() where a ctx is in scope: the
// caller's cancellation, deadline and trace values are lost. The message
// names the context to use. In a function that receives no ctx but a
// test's *testing.T, *testing.B, *testing.F or testing.TB (Go 1.24 and
// later), that context is t.Context(), which ends with the test; in
// _test.go files such roots are reported only with -include-tests (see
// What is left alone), in other files (test support packages) always.
//
//	// BAD
//	func (c *Client) Sync(ctx context.Context) error {
//		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
//		defer cancel()
//		return c.push(ctx)
//	}
//
//	// GOOD
//	func (c *Client) Sync(ctx context.Context) error {
//		ctx, cancel := context.WithTimeout(ctx, time.Minute)
//		defer cancel()
//		return c.push(ctx)
//	}
//
// The suggested fix replaces the call with the context in scope, naming
// the parameter ctx first when it is unnamed or _ (a request parameter
// is named r, and r.Context() used, as in a health check's func(_
// *http.Request) error; a *testing.T, t). A statement that only
// reassigns the ctx in scope (ctx = context.Background()) is deleted
// instead, never left as ctx = ctx, which go vet rejects; when the call is
// one pair of several (ctx, n = context.Background(), 1) there is no fix.
//
// # Helpers that make a root context
//
// A root context made in a function or method of the same package that
// takes no context, and reached, through such helpers only, from a
// function with a ctx in scope. Each root context is reported once, at
// the context.Background() or context.TODO() call itself, however many
// calls reach it: the message names the first caller in source order and
// the helpers between, and the related information lists the first few
// calls that reach it and counts the rest. The roots that one helper
// makes are one finding, at the first of them, with the others as related
// information ("context.TODO() and 2 more root contexts in sync"):
// threading the ctx into that helper fixes them all. Every helper a call
// reaches counts, each with its own finding.
// A call of a local function variable counts as a call of each function
// or method value it may hold when all of them are visible in the
// function (f := verifyA; f(obj), or for _, f := range verify { f(obj) }
// over a map or slice literal of such values that nothing else changes,
// or over what a method of the package returns when it returns only such
// literals, appended or chosen in a switch: for _, f := range r.finders()).
// A call of a method of an interface of the module counts as a call of
// that method of each type that implements the interface, in the
// package and in the packages it imports (an unexported builder
// interface with its implementation next to it; a router interface whose
// implementations live in packages of their own); interfaces of other
// modules (fmt.Stringer, client.Client) are not followed. For an
// interface of another package, the package's own implementations are
// not followed: a package implements such an interface to provide it to
// others (the client half of a plugin protocol, whose server half calls
// the plugin's implementation through the same interface).
// Thread a context.Context parameter down the path and pass the caller's
// ctx. When a helper on the path implements a method of an interface of
// another package (an accessor such as GetClient() that the interface
// requires), its signature cannot change: add a variant that takes a ctx
// and call that. A helper's root context that is the context argument
// of a call that only records telemetry with it is left alone: an
// OpenTelemetry instrument's Add or Record
// (counter.Add(context.Background(), 1)), which uses it to link
// exemplars to a trace, and a log/slog Handler's Enabled or Handle or a
// slog.Logger's Log, LogAttrs or *Context method (a logger wrapper
// without Context variants, as slog.Logger.Info itself uses
// context.Background()), or OpenCensus's stats.Record and its variants,
// which read only its tags; also through local variables whose every
// use is such an argument, and through OpenCensus's tag.New, which adds
// those tags (ctx, _ := tag.New(context.Background(), ...);
// stats.Record(ctx, m)). Such helpers often sit behind a recorder
// interface whose other implementations need no context; with a ctx in
// scope, the same call is reported, as any root context. A call that carries //nolint:contextcheck (at its end or
// alone on the line above), the directive of golangci-lint's
// contextcheck, which reports such calls too, is left alone as a caller.
// There is no suggested fix. Silence a finding with one
// //ctxlint:ignore on the root's line.
//
// A context factory of the package, a ctx-less helper that returns
// context.WithTimeout(context.Background(), d) (or another With* of a
// root context) with its cancel, hands that lifetime to its caller and
// is left alone where the caller keeps it as a lifetime; a caller that
// defers the cancel and does its own work with the context (ctx, cancel
// := timeoutCtx(d); defer cancel(); return c.call(ctx)) reaches its root
// as a helper's, directly or through ctx-less helpers that do the same.
// An exported factory of another package of the module counts the same
// way, its root reported at the first call that reaches it.
//
// Helpers in other packages of the module being linted are followed too,
// through analysis facts (see the documentation of the ctxlint command);
// such a root is reported at the first call that reaches it, with the
// root as related information: once for the whole run by the ctxlint
// command, once per calling package under go vet and golangci-lint.
//
//	// BAD
//	func (c *Client) Sync(ctx context.Context) error { return c.push() }
//	func (c *Client) push() error { return c.api.Put(context.TODO(), c.obj) }
//
//	// GOOD
//	func (c *Client) Sync(ctx context.Context) error { return c.push(ctx) }
//	func (c *Client) push(ctx context.Context) error { return c.api.Put(ctx, c.obj) }
//
// # Goroutines and deferred calls
//
// go statements and deferred calls usually mean to outlive the call, so
// their root contexts are reported only with -report-detached, but for
// goroutines the function waits for: a go statement whose func literal
// calls Done on a sync.WaitGroup, or a func given to a WaitGroup's Go,
// followed in the function by Wait on that group. Their work is part of
// the call, while ctx is live, and is reported as any other. With
// -report-detached, the
// fix is context.WithoutCancel(ctx), which keeps the caller's values and
// trace and drops only its cancellation. The same holds for a func
// literal given to a function that runs it on a new goroutine
// (wait.Group's Start, StartWithChannel and StartWithContext,
// sync.WaitGroup's Go) or keeps it as a callback that runs after the call
// returns (controller-runtime's predicate.NewPredicateFuncs and
// NewTypedPredicateFuncs, whose filter runs for each later event and has
// no ctx; client.FieldIndexer's IndexField, whose extractor runs for each
// object the cache indexes; time.AfterFunc; robfig/cron's AddFunc, whose
// job runs on the scheduler's goroutine at each time its schedule names,
// long after the Reconcile that adds it has returned; a test's t.Cleanup
// and Ginkgo's DeferCleanup with a ctx-less func, run once the test or
// spec is over and its ctx is done), for a func literal given as a field of a struct that keeps
// its funcs as such callbacks (client-go's cache.ResourceEventHandlerFuncs,
// ResourceEventHandlerDetailedFuncs and FilteringResourceEventHandler,
// controller-runtime's predicate.Funcs; reported as "in a callback run
// later"), and for a
// root context held in a variable whose every use is in such places
// (bg := context.Background(); go worker(bg)). So does a clean-up: a
// func literal bound to a local variable whose every use is a call
// that runs where the function fails or after it returns (in an if
// that ends by returning an error, in a deferred call, or in a func
// literal returned or assigned to a named result, a cancel function for
// the caller); it must still work when the failure is ctx's own
// cancellation (reported as "in a clean-up"). errgroup.Group.Go is not
// one of them: Wait joins its work to the caller, so its root contexts are
// reported.
//
// # Waits that ignore the context
//
// time.Sleep(d), and a receive from time.After(d) or from the C channel of
// a *time.Timer or *time.Ticker outside a select that also waits on
// something else (ctx.Done(), a stop channel, a default case), where a ctx
// is in scope (a select of timers only is one wait, reported at its first
// case): the wait goes on after ctx is cancelled, and shutdown waits
// for it. Wait in a select on ctx.Done() and a timer, or use a
// wait.*WithContext helper (wait.PollUntilContextCancel,
// wait.UntilWithContext). When the wait is a statement of its own in a
// function whose last result is an error, the fix is a select that
// returns ctx.Err() (with the zero values of the other results) once ctx
// is done. A wait in a loop that checks ctx itself on every turn
// (ctx.Err(), ctx.Done()), or a stop channel of its own (a select case on
// a channel that returns), is left alone: it delays the loop's end by one
// pause at most.
//
// In plain functions this rule is off by default (-waits turns it on):
// measured on five operator code bases (argo-cd, cluster-api, crossplane,
// keda, prometheus-operator), fewer than half of the sleeps were bugs; the
// rest were deliberate (a pause before opening a browser in a command, a
// throttle every few items of a migration loop, a test step that sleeps
// on purpose, a short back-off between conflict retries). Reconciles
// (reconcilectx) and handlers (webhookctx) report it by default.
//
//	// BAD
//	func waitForPort(ctx context.Context, addr string) error {
//		for {
//			time.Sleep(time.Second)
//			if c, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr); err == nil {
//				return c.Close()
//			}
//		}
//	}
//
//	// GOOD
//	func waitForPort(ctx context.Context, addr string) error {
//		for {
//			select {
//			case <-ctx.Done():
//				return ctx.Err()
//			case <-time.After(time.Second):
//			}
//			if c, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr); err == nil {
//				return c.Close()
//			}
//		}
//	}
//
// # Calls without the context
//
// Calls that cannot carry the ctx in scope although a form that can
// exists: the request, the process, the query or the poll goes on after
// ctx is cancelled. The message names the form to use and passes ctx;
// where it is one mechanical edit, the fix makes it. The calls and their
// replacements:
//
//	http.Get, Head, Post, PostForm         http.NewRequestWithContext(ctx, ...) and Do
//	(*http.Client).Get, Head, Post, ...    http.NewRequestWithContext(ctx, ...) and the client's Do
//	http.NewRequest                        http.NewRequestWithContext(ctx, ...)       (fix)
//	exec.Command                           exec.CommandContext(ctx, ...)              (fix)
//	net.Dial                               (&net.Dialer{}).DialContext(ctx, ...)      (fix)
//	net.DialTimeout                        (&net.Dialer{Timeout: d}).DialContext(ctx, ...)
//	net.LookupHost, LookupAddr, ...        net.DefaultResolver.LookupHost(ctx, ...)   (fix)
//	tls.Dial                               (&tls.Dialer{Config: c}).DialContext(ctx, ...)
//	(*tls.Conn).Handshake                  HandshakeContext(ctx)                      (fix)
//	(*sql.DB|Tx|Conn|Stmt).Query, QueryRow, Exec, Prepare
//	                                       QueryContext(ctx, ...), ...                (fix)
//	(*sql.DB).Ping, Begin; (*sql.Tx).Stmt  PingContext(ctx), BeginTx(ctx, nil), StmtContext(ctx, ...) (fix)
//	wait.Poll, wait.PollImmediate          wait.PollUntilContextTimeout(ctx, interval, timeout, immediate, cond) (fix)
//	wait.PollInfinite, PollImmediateInfinite
//	                                       wait.PollUntilContextCancel(ctx, interval, immediate, cond) (fix)
//	wait.PollUntil, PollImmediateUntil     wait.PollUntilContextCancel(ctx, interval, immediate, cond)
//	wait.ExponentialBackoff                wait.ExponentialBackoffWithContext(ctx, backoff, cond) (fix)
//	wait.Until, NonSlidingUntil            wait.UntilWithContext, NonSlidingUntilWithContext(ctx, f, period)
//	wait.JitterUntil                       wait.JitterUntilWithContext(ctx, f, period, jitter, sliding)
//	wait.Forever                           wait.UntilWithContext(ctx, f, period)      (fix)
//
// An exec.Command whose *exec.Cmd the function signals or kills itself
// (cmd.Process.Signal), or hands with a context to another function (a
// handler that stops the process gracefully when that context ends), is
// left alone: exec.CommandContext would kill the process at once.
//
// Calls are matched by the function called (its types.Func), whatever the
// package is imported as. The fixes of the wait functions give the
// condition a context: a func literal without parameters gets an unnamed
// context.Context one, another condition becomes
// wait.ConditionFunc(cond).WithContext(). The PollUntilContext forms
// return the context's error, not wait.ErrWaitTimeout, on timeout: there
// is no fix in a function that mentions wait.ErrWaitTimeout (test with
// wait.Interrupted(err) instead), nor when the package in use predates the
// replacement (apimachinery before 0.27). The loops that take a stop
// channel (Until, NonSlidingUntil, JitterUntil, PollUntil,
// PollImmediateUntil) have no fix, since the ctx's end is not the
// channel's, and are left alone when that channel is a context's Done().
// A call whose line carries //nolint:noctx (or a bare //nolint, or
// //nolint:all), the directive of golangci-lint's noctx, at its end or
// alone on the line above, is kept on purpose and left alone. So is an
// http.NewRequest whose request, held in a local variable, is given a
// context before it is sent: its function calls req.WithContext(...) or
// req.Clone(...) (client.Do(req.WithContext(ctx))).
//
//	// BAD
//	func (c *Client) WaitReady(ctx context.Context) error {
//		return wait.PollImmediate(time.Second, time.Minute, func() (bool, error) {
//			return c.ready(ctx)
//		})
//	}
//
//	// GOOD
//	func (c *Client) WaitReady(ctx context.Context) error {
//		return wait.PollUntilContextTimeout(ctx, time.Second, time.Minute, true, func(ctx context.Context) (bool, error) {
//			return c.ready(ctx)
//		})
//	}
//
// Both rules follow the rest of the check: go statements and deferred
// calls only with -report-detached, nothing once ctx is done, nothing in
// _test.go files without -include-tests, //ctxlint:ignore inheritctx.
//
// # Stop channels that never close
//
// wait.NeverStop, or a make(chan struct{}) that the function never closes
// and hands nowhere it could be closed (no close, no return, no field, no
// other call: its only uses are stop arguments and receives), given as the
// stop channel of an informer or a cache (SharedInformerFactory.Start and
// WaitForCacheSync, of the dynamic and metadata factories too,
// SharedInformer.Run, Controller.Run, cache.WaitForCacheSync,
// WaitForNamedCacheSync) or of a wait loop (wait.Until, NonSlidingUntil,
// JitterUntil, BackoffUntil, PollUntil, PollImmediateUntil) where a ctx
// is in scope: the informer or loop outlives the ctx and leaks when it
// ends. Pass ctx.Done(). Functions are matched by their types.Func and
// wait.NeverStop by its object, never by name.
//
//	// BAD
//	func (c *Client) Run(ctx context.Context) {
//		factory.Start(wait.NeverStop)
//	}
//
//	// GOOD
//	func (c *Client) Run(ctx context.Context) {
//		factory.Start(ctx.Done())
//	}
//
// The suggested fix replaces the channel with ctx.Done() (the group's
// context inside a func an errgroup runs); for a channel made in the
// function, only when that is its one use, and its declaration goes too.
// Code with no ctx (main, constructors) has nothing better than
// wait.NeverStop and is left alone, and so is code that runs once the ctx
// is done, go statements and deferred calls (unless -report-detached),
// and _test.go files (unless -include-tests). -stopchan=false switches
// the rule off.
//
// # The group's context and other inner contexts
//
// Inside a func literal that (*errgroup.Group).Go or TryGo runs, for a
// group made by g, gctx := errgroup.WithContext(ctx), the context in
// scope is gctx, which the group cancels when one of its funcs fails: a
// call passed the outer ctx (the context the group was made from, or the
// context parameter of an enclosing function) keeps working after a
// sibling failed. The same holds in any func literal that receives a
// context parameter of its own (a poll condition, an UntilWithContext
// func) and passes the captured ctx of an enclosing function instead: the
// innermost context is the one to use. A root context made there names
// gctx too.
//
//	// BAD
//	g, gctx := errgroup.WithContext(ctx)
//	g.Go(func() error { return c.fetch(ctx, name) })
//
//	// GOOD
//	g, gctx := errgroup.WithContext(ctx)
//	g.Go(func() error { return c.fetch(gctx, name) })
//
// The suggested fix passes the inner context. Left alone: the usual
// g, ctx := errgroup.WithContext(ctx), whose gctx shadows ctx; a group
// variable assigned more than once or whose context is blank; a literal
// whose context parameter is unnamed or _ (it discards it on purpose);
// other captured contexts (derived outside the literal, they may come
// from the inner one); a literal with a context parameter that is not
// handed, directly or inside composite literals, to a call that is also
// passed a context (kept in a variable, or given to a builder that hands
// back the context it was made with: nothing says its context differs); context.WithoutCancel(ctx); code that runs once
// the inner context is done; a literal that calls a cancel function it
// captures (it ends the lifetime its own context derives from, as a
// leader-election callback that starts servers and then cancels the
// election, so what it starts needs the outer ctx); go statements and
// deferred calls (unless -report-detached); and _test.go files (unless
// -include-tests). -innerctx=false switches the rule off.
//
// # What is left alone
//
// Test suites, in _test.go files, unless -include-tests: the root
// contexts of ctx-less helpers (a Ginkgo suite's helpers on a fake or
// envtest client, called from specs that receive a SpecContext: the
// kubebuilder layout), reported at the root, so left alone when the root
// is in a _test.go file and reported when it is in another file, which is
// production code or a test support package (an e2e framework) that talks
// to real clusters. Also left alone unless -include-tests, in every file:
// root contexts where only a test's t is in scope (func TestX(t
// *testing.T) { ctx := context.Background() ... }, or an e2e framework's
// func Setup(t testing.TB)), whose fix would be t.Context(); t.Context()
// is cancelled before the test's Cleanup functions run, so it is not a
// mechanical replacement in helpers that cleanups call. Root contexts made where a ctx is in scope in a
// test (a spec's ctx SpecContext, a func(ctx context.Context) given to
// Eventually) are reported, with the fix naming that ctx, except in a
// method that leaves its ctx parameter blank or unnamed (func (f
// fakeScheduler) Schedule(_ context.Context, run func(context.Context)) {
// run(context.TODO()) }): a test fake of an interface, whose signature
// says it ignores the context it is given. Left alone too: the root
// context of a ctx-less helper of the package, in any file, that only
// the package's own _test.go files reach from a function with a ctx (a
// test calling a constructor that production code calls without one); a
// production caller with a ctx makes it a finding. A test's t is
// not a ctx its callees should have been given: helpers reached only from
// a t are not followed.
//
// Functions with no context in scope (main, init, constructors,
// SetupWithManager, informer event handlers, predicates, methods of
// interfaces without a ctx, tests before Go 1.24 that start from
// context.Background());
// code that runs once the context is done (a case <-ctx.Done() branch,
// after <-ctx.Done(), under if ctx.Err() != nil, in a local closure
// called only there, in the interrupt function of an oklog/run Group's
// actor, g.Add(execute, interrupt), run to stop it when the group ends),
// where a shutdown needs a
// fresh bounded context because ctx can no longer carry it: also after a
// select whose every other case, default included, leaves (returns,
// continues, panics, or calls os.Exit, log.Fatal or klog.Fatal), and after
// a guard that leaves while ctx is live (if ctx.Err() == nil { return }),
// and after a call of ctx's own cancel function (ctx, cancel :=
// context.WithCancel(ctx), then stop := func() { cancel(); cleanup() }:
// the clean-up that follows, and the helpers it calls, run with ctx
// done; the cancel of a child context leaves ctx live); so does the
// branch of a select case on a stop channel (a channel of struct{},
// case <-c.stopChan:) that leaves the function: a component told to stop
// releases what it holds with a context of its own, since ctx most often
// ends with the stop; a branch that goes on looping is still reported;
// a select with a case that falls through (a ticker, a case that only
// logs) may end with ctx live and is still reported; or where it is nil
// (if ctx == nil { ctx = context.Background() });
// context.WithCancel(context.Background()) whose cancel function is
// stored, returned or handed on (also inside a closure that is), or
// deferred while the derived context serves only deferred calls or code
// that runs once ctx is done (sctx, cancel := context.WithTimeout(
// context.Background(), d); defer cancel(); defer srv.Shutdown(sctx)), a
// lifetime the function owns so that its shutdown has a live context,
// also when goroutines the function starts use it besides a deferred
// call (log readers that must drain until the deferred shutdown has run;
// goroutines alone are still reported); a
// WithTimeout of context.Background() that does the call's own work is
// still reported, deferred cancel or not, and so is a WithCancel whose
// cancel is deferred, even when a closure handed to another function
// calls it too (a worker that stops the others once it finds a match):
// the lifetime ends with the call whose work it does, unless a goroutine
// ends it sooner (a server's base context, cancelled once its shutdown
// has drained); a helper that stops or drains
// work and is reached from code that runs once a context is done
// (directly, or in a closure such as giveUp := func() { go
// f.stopAndDrain() } called only in case <-ctx.Done() branches), whose
// root context has a deadline (WithTimeout or WithDeadline of
// context.Background() with its cancel deferred): on that path the
// caller's ctx is already cancelled, so the helper cannot take it, and
// its other callers share the same bounded detachment; the same helper
// reached only while ctx is live, or making an unbounded root, is still
// reported; a root context that is only the
// default for a missing value, which the next statement replaces with it
// (ctx := context.Background(); if r != nil { ctx = r.Context() });
// a root context that is only the empty base into which an OpenTelemetry
// propagator extracts a remote trace context (remote :=
// prop.Extract(context.Background(), carrier)) that is then only read for
// its span, by trace.SpanFromContext, SpanContextFromContext or
// LinkFromContext, to link to it: extracting into ctx would return the
// function's own span when the carrier holds none, and link the span to
// itself; a remote context that becomes a span's parent or runs work is
// still reported;
// the root contexts of functions whose only context is a request that is
// over when they run: every call of them in the package (outside
// _test.go files) is on a goroutine that a handler starts and does not
// wait for (tekton's event sink answers 202 Accepted and processes the
// event with go s.process(r.Clone(r.Context()))), or hands on the
// request of such a function; r.Context() is cancelled as soon as the
// handler returns, so it would cut that work short (a handler that
// waits for the goroutine with a sync.WaitGroup or an errgroup.Group,
// or a call made within the handler's call, keeps it reported);
// root contexts in a func that sync.Once's Do, sync.OnceFunc, OnceValue
// or OnceValues runs (directly or through helpers it calls), whether that
// func is in the function with the ctx or in a ctx-less helper it calls
// (an EKS signer detected once for every caller): it builds,
// on the first call, state that every later call shares (a worker
// started on the first webhook request), which the first caller's ctx
// must not end, nor its cancellation poison for the others; the same for
// root contexts in a lazy getter of the package, a ctx-less function that
// begins by returning a value it keeps (if r.cache != nil { return
// r.cache }, on a field of its receiver or a package-level variable) and
// assigns that value itself, and in the helpers it calls;
// context.Background() given to an http.Server's Shutdown in a func
// that an errgroup runs, as the server does (the group's context is
// cancelled once the server's func returns http.ErrServerClosed, which
// Shutdown makes it do at once);
// context.Background() given to an oauth2 client or token source
// (oauth2.NewClient, Config.Client, Config.TokenSource, the
// golang.org/x/oauth2/google credential finders), which keeps it for
// every later token fetch, or to a controller-runtime source's Start
// (source.Source, SyncingSource, Kind, Informer, Channel), which watches
// until it ends (a Reconcile starting a watch on a kind it meets), also
// through functions of the package whose ctx parameter only goes to
// those (t.start(ctx) over t.src.Start(ctx, queue)); context.Background() as the parent of a
// context type of the package's own (a values-only context built to
// detach); comparisons such as ctx != context.Background();
// context.WithoutCancel(ctx); and helpers that return the context they
// make (a getter with a fallback, such as (*http.Request).Context, or a
// factory), whose caller sees it, unless the caller keeps a factory's
// context for its own work (see Helpers that make a root context); and, in a helper, a func literal that
// it returns, sends or stores in a composite literal, directly or through
// a local variable used only so (listFunc := func(...) {...};
// &cache.ListWatch{ListFunc: listFunc}, which a reflector calls later):
// its root contexts are not made while the helper is called.
//
// # Options
//
//	-report-detached
//	    also report root contexts in go statements and deferred calls,
//	    suggesting context.WithoutCancel(ctx), and the waits, calls
//	    without the context, stop channels and outer contexts there.
//	-include-tests
//	    also report, in _test.go files, the root contexts of ctx-less
//	    helpers, and, in any file, those where only a test's t is in
//	    scope. The ctxlint
//	    command's -include-tests sets it, with every other check's.
//	-waits
//	    report waits that ignore the context (time.Sleep, <-time.After,
//	    <-timer.C) in plain functions; off by default.
//	-ctxless=false
//	    do not report calls without the context (http.Get, exec.Command,
//	    db.Query, wait.Poll, wait.Until, ... in the table above).
//	-stopchan=false
//	    do not report wait.NeverStop and never-closed channels given as
//	    stop channels where a ctx is in scope.
//	-innerctx=false
//	    do not report outer contexts passed where a func literal brings
//	    its own (an errgroup's context, its context parameter).
package inheritctx
