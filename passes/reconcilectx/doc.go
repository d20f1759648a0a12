// Package reconcilectx defines an Analyzer that reports controller-runtime
// Reconciles that make a new root context instead of using the one they
// were given.
//
// # Analyzer reconcilectx
//
// reconcilectx: report context.Background/TODO in a Reconcile instead of its ctx
//
// controller-runtime cancels a Reconcile's ctx when the manager shuts down
// and carries the reconcile's logger and trace in it. A Reconcile that
// calls context.Background() or context.TODO() instead throws all of that
// away: API calls made with it keep running after shutdown starts, and
// traces are cut at the Reconcile.
//
// A Reconcile is a method whose receiver implements
// reconcile.TypedReconciler[T] (reconcile.Reconciler is an alias of it) or
// reconcile.ObjectReconciler[T], or a function literal of type
// reconcile.TypedFunc[T] (reconcile.Func), recognised by type whatever the
// names. Before controller-runtime v0.19, Reconciler and Func were plain
// types of their own; they count the same way. The check also covers the functions of the same package that a
// Reconcile calls and that receive a ctx, nested function literals
// included.
//
// A site that both reconcilectx and webhookctx could claim belongs to the
// innermost Reconcile or handler around it; root contexts in other
// functions belong to inheritctx. A site is reported once.
//
// # Root contexts
//
// context.Background() or context.TODO() in a Reconcile, or in a function
// it reaches, where the Reconcile's ctx is in scope: the work no longer
// stops when the reconcile is cancelled or the manager shuts down, and its
// trace is cut. The message names the context to use.
//
//	// BAD
//	func (r *FooReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
//		var foo v1.Foo
//		if err := r.Get(context.TODO(), req.NamespacedName, &foo); err != nil {
//
//	// GOOD
//	func (r *FooReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
//		var foo v1.Foo
//		if err := r.Get(ctx, req.NamespacedName, &foo); err != nil {
//
// The suggested fix replaces the call with the Reconcile's ctx, naming the
// parameter ctx first when it is unnamed or _ (and deleting a
// "ctx := context.Background()" that stood in for it, or a
// "ctx = context.Background()" that reassigns it, rather than leave the
// self-assignment ctx = ctx).
//
// # Helpers that make a root context
//
// A root context made by a ctx-less function of the same package that a
// Reconcile (or a function it reaches) calls, directly or through other
// ctx-less helpers, at any depth: the same mistake some calls away. It is
// reported once, at the context.Background() or context.TODO() call,
// however many calls reach it; every root on the way counts. The message
// names the Reconcile (the first caller in source order) and the helpers
// between; the related information lists the first few calls that reach
// the root. Thread a context.Context parameter down and pass the
// Reconcile's ctx; where a helper implements a method of another
// package's interface (a GetClient() accessor), add a variant that takes a
// ctx instead. When callers of several kinds reach the same root, the
// first caller's check reports it. A context factory (a ctx-less helper
// returning context.WithTimeout(context.Background(), d) and its cancel)
// counts where the caller defers the cancel and does its own work with
// the context (see inheritctx). A helper's root context used only to
// record telemetry (stats.Record, an instrument's Add) is left alone,
// as in inheritctx. With -cross-package, helpers in other
// packages of the module are followed too, and their roots are reported at
// the first call that reaches them.
//
//	// BAD
//	func (r *FooReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
//		return ctrl.Result{}, r.refresh()
//	}
//	func (r *FooReconciler) refresh() error { return r.Update(context.TODO(), r.obj) }
//
//	// GOOD
//	func (r *FooReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
//		return ctrl.Result{}, r.refresh(ctx)
//	}
//	func (r *FooReconciler) refresh(ctx context.Context) error { return r.Update(ctx, r.obj) }
//
// # Waits that ignore the context
//
// time.Sleep(d), and a receive from time.After(d) or from the C channel of
// a *time.Timer or *time.Ticker outside a select that also waits on
// something else, in a Reconcile or a function it reaches (a select of
// timers only, a timeout and a ticker, is one wait, reported at its first
// case): the worker is blocked for d, other objects wait in the queue, and shutdown waits too.
// Return ctrl.Result{RequeueAfter: d} and let the queue call back; the
// message names d. When the wait is a statement of its own in a function
// whose last result is an error, the fix, which keeps the flow as it is,
// is a select that returns ctx.Err() (and ctrl.Result{}) once ctx is done;
// a requeue is still the better change. A wait is reported even in a
// loop that checks ctx on every turn: it still blocks the worker. A
// function the Reconcile starts on a goroutine it does not wait for (go
// r.watch(wctx), a watcher with a lifetime of its own) does not run on
// the worker, and is not one it reaches; a goroutine joined by a
// sync.WaitGroup before the Reconcile returns is.
//
//	// BAD
//	func (r *JobReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
//		if !ready(job) {
//			time.Sleep(30 * time.Second)
//		}
//		...
//
//	// GOOD
//	func (r *JobReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
//		if !ready(job) {
//			return ctrl.Result{RequeueAfter: 30 * time.Second}, nil
//		}
//		...
//
// # Calls without the context
//
// Calls, in a Reconcile or a function it reaches, that cannot carry its
// ctx although a form that can exists: the request, the process, the
// query or the poll goes on after the manager shuts down. The message
// names the form to use and passes ctx; where it is one mechanical edit,
// the fix makes it. The calls and their replacements:
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
// context before it is sent (client.Do(req.WithContext(ctx))).
//
//	// BAD
//	err := wait.PollImmediate(time.Second, time.Minute, func() (bool, error) { return r.ready(ctx, obj) })
//
//	// GOOD
//	err := wait.PollUntilContextTimeout(ctx, time.Second, time.Minute, true, func(ctx context.Context) (bool, error) { return r.ready(ctx, obj) })
//
// # Goroutines and deferred calls
//
// Root contexts in go statements and deferred calls, and in clean-up
// closures run only where the function fails (see inheritctx), usually
// detach on purpose, so they are reported only with -report-detached
// (goroutines the function waits for with a sync.WaitGroup are part of
// the call and reported as any other code, see inheritctx). Then the fix
// is context.WithoutCancel(ctx), which keeps the reconcile's values and
// trace and drops only its cancellation.
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
// is in scope (here: in a Reconcile and the helpers it calls): the informer or loop outlives the ctx and leaks when it
// ends. Pass ctx.Done(). Functions are matched by their types.Func and
// wait.NeverStop by its object, never by name.
//
//	// BAD
//	func (r *FooReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
//		factory.Start(wait.NeverStop)
//	}
//
//	// GOOD
//	func (r *FooReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
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
// Code that runs once ctx is done (in a case <-ctx.Done() branch, after
// <-ctx.Done(), under if ctx.Err() != nil, after a select whose other cases
// all leave, or after if ctx.Err() == nil { return }, after a call of
// ctx's own cancel function, or in a local closure
// called only there; also a select case on a stop channel, a channel of
// struct{}, whose branch leaves the function), where a fresh context for
// cleanup is right, and a
// ctx-less helper reached from there whose root context has a deadline and
// a deferred cancel (a bounded stop or drain), whoever else calls it;
// context.WithCancel(context.Background()) whose cancel function is stored,
// returned or handed on, which starts a lifetime that something else ends,
// or deferred while only deferred calls use the derived context; root
// contexts that only goroutines use (a go statement, a func given to
// wait.Group.Start or sync.WaitGroup.Go, a predicate filter or an
// informer's event handler, a variable only those use), reported with
// -report-detached; context.Background() given to an oauth2 client or
// token source, which keeps it for later token fetches, or to a
// source's Start, which watches until it ends (directly or through a
// wrapper of the package); a root context that an OpenTelemetry
// propagator extracts a remote trace context into, read only for the
// span to link to; and the other silent cases of inheritctx.
//
// In _test.go files, unless -include-tests (the ctxlint command's
// -include-tests sets it, with every other check's): root contexts made
// by ctx-less helpers whose root is in a _test.go file, and, in any file,
// those where only a test's t is in scope (fix: t.Context()), as
// inheritctx documents; and, without -include-tests, waits and calls
// without the context in _test.go files.
//
// # Options
//
//	-report-detached
//	    also report root contexts, waits, calls without the context, stop
//	    channels and outer contexts in go statements and deferred calls.
//	-include-tests
//	    also report in _test.go files what tests do by design.
//	-waits=false
//	    do not report waits that ignore the context.
//	-ctxless=false
//	    do not report calls without the context.
//	-stopchan=false
//	    do not report stop channels that never close.
//	-innerctx=false
//	    do not report outer contexts passed where a func literal brings
//	    its own (an errgroup's context, its context parameter).
package reconcilectx
