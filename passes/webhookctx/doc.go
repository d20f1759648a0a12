// Package webhookctx defines an Analyzer that reports HTTP and admission
// webhook handlers that drop the request's context.
//
// # Analyzer webhookctx
//
// webhookctx: report handlers that drop the request's context and deadline
//
// The API server gives every admission webhook call a deadline (at most 30
// seconds), and an HTTP server gives each request a context that ends when
// the client goes away. A handler that starts from context.Background() or
// context.TODO(), or "adds a timeout" with
// context.WithTimeout(context.Background(), d), throws that away: the work
// outlives the request, goroutines pile up under load, and the request's
// trace is cut.
//
// Handlers are recognised by type, whatever their names: ServeHTTP methods
// and any function or literal with an http.ResponseWriter and an
// *http.Request parameter (HandlerFunc literals, functions passed to
// HandleFunc, helpers that serve a request); health checkers
// func(*http.Request) error (controller-runtime's healthz.Checker); go-restful
// routes and filters, whose context is req.Request.Context();
// controller-runtime admission handlers (admission.Handler's Handle,
// admission.HandlerFunc literals, the methods of admission.Validator[T] and
// admission.Defaulter[T], and so CustomValidator and CustomDefaulter, which
// before controller-runtime v0.23 were plain interfaces and count the same
// way); and
// k8s.io/apiserver admission plugins' Admit and Validate. Nested closures
// are inside the handler.
//
// A site that both reconcilectx and webhookctx could claim belongs to the
// innermost Reconcile or handler around it, so each site is reported once.
//
// # Root contexts
//
// context.Background() and context.TODO() inside a handler, also as the
// parent of WithTimeout, WithDeadline, WithCancel or WithValue: the work
// outlives the request, piling up when clients go away; in an admission
// webhook it ignores the API server's deadline. The message names the
// context to use and the fix replaces the call with it (r.Context() or the
// handler's ctx).
//
//	// BAD
//	func (v *PodValidator) ValidateCreate(ctx context.Context, obj *corev1.Pod) (admission.Warnings, error) {
//		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
//		defer cancel()
//		return nil, v.checkQuota(ctx, obj)
//	}
//
//	// GOOD
//	func (v *PodValidator) ValidateCreate(ctx context.Context, obj *corev1.Pod) (admission.Warnings, error) {
//		ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
//		defer cancel()
//		return nil, v.checkQuota(ctx, obj)
//	}
//
// # Outbound calls without the context
//
// Calls that cannot carry the request's context although a form that can
// exists: the call, the process, the query or the poll keeps going after
// the request is cancelled or times out, and the request's trace is cut.
// The message names the form to use and passes the request's context;
// where it is one mechanical edit, the fix makes it. The same calls are
// reported in Reconciles by reconcilectx and in every other function with
// a ctx by inheritctx, with the same table:
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
//	func (h *hook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
//		resp, err := http.Get(h.upstream)
//
//	// GOOD
//	func (h *hook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
//		req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, h.upstream, nil)
//		...
//		resp, err := http.DefaultClient.Do(req)
//
// # Waits that ignore the context
//
// time.Sleep(d), and a receive from time.After(d) or from the C channel of
// a *time.Timer or *time.Ticker outside a select that also waits on
// something else, in a handler (a select of timers only is one wait,
// reported at its first case): the handler holds the connection after the
// client went away, and an admission webhook overruns the API server's
// deadline. Wait in a select on the request's Done() and a timer, or use a
// wait.*WithContext helper. When the wait is a statement of its own in a
// function whose last result is an error, the fix is a select that
// returns the context's Err() once it is done. A wait in a loop that
// checks the context on every turn (Err(), Done()), or a stop channel of
// its own (a streaming handler's select case on a channel that returns),
// is left alone: it delays the loop's end by one pause at most.
//
//	// BAD
//	func (h *hook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
//		time.Sleep(h.settle)
//
//	// GOOD
//	func (h *hook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
//		select {
//		case <-r.Context().Done():
//			return
//		case <-time.After(h.settle):
//		}
//
// # Helpers that make a root context
//
// Root contexts made by functions of the same package that take no
// context, called from a handler directly or through other such helpers,
// at any depth (admission validators often reach the API through them).
// Each root context is one finding, at the root call itself, naming the
// handler and the helpers between; the related information lists the
// first few calls that reach it. Thread a context.Context parameter down
// and pass the request's; where a helper implements a method of another
// package's interface, add a variant that takes a ctx instead. Helpers
// called through function values are followed when every value is visible
// in the function (a validator's map of verify functions ranged over, or
// the literal that a method of the package returns, r.finders()).
// A context factory (a ctx-less helper returning
// context.WithTimeout(context.Background(), d) and its cancel) counts
// where the caller defers the cancel and does its own work with the
// context (see inheritctx). A helper's root context used only to
// record telemetry (stats.Record, an instrument's Add) is left alone,
// as in inheritctx.
//
// # Goroutines and deferred calls
//
// go statements and deferred calls in handlers, and clean-up closures run
// only where the handler fails (see inheritctx), usually detach on purpose,
// so they are reported only with -report-detached (goroutines the handler
// waits for with a sync.WaitGroup are part of the request and reported as
// any other code, see inheritctx); then the fix is
// context.WithoutCancel(r.Context()), which keeps the request's values and
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
// is in scope (here: in an HTTP or admission handler): the informer or loop outlives the ctx and leaks when it
// ends. Pass ctx.Done(). Functions are matched by their types.Func and
// wait.NeverStop by its object, never by name.
//
//	// BAD
//	func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
//		factory.Start(wait.NeverStop)
//	}
//
//	// GOOD
//	func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
//		factory.Start(r.Context().Done())
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
// Contexts derived from the request's (context.WithTimeout(r.Context(),
// d)); context.WithoutCancel(r.Context()); root contexts in a func that
// sync.Once's Do (or OnceFunc, OnceValue, OnceValues) runs, which builds
// on the first request what every later one shares (a worker the
// request's context would stop when that request ends), and in a lazy
// getter that keeps what it builds (if r.cache != nil { return r.cache });
// the work a
// handler hands to a goroutine it does not wait for, in functions whose
// only context is the request, which is over by then; code that runs once the
// request's context is done (after <-ctx.Done(), or a select whose other
// cases all leave the function, or in a local closure called only there),
// and a ctx-less helper reached from there whose root context has a
// deadline and a deferred cancel (a bounded stop or drain); root contexts
// in goroutines (go statements, funcs given to wait.Group.Start or
// sync.WaitGroup.Go, a predicate filter or an informer's event handler,
// variables only goroutines use), reported with -report-detached; and
// server set-up and shutdown outside handlers
// (srv.Shutdown(context.Background()) in main).
//
// In _test.go files, unless -include-tests (the ctxlint command's
// -include-tests sets it, with every other check's): root contexts made
// by ctx-less helpers whose root is in a _test.go file, and, in any file,
// those where only a test's t is in scope (fix: t.Context()), as
// inheritctx documents; and, without -include-tests, waits and outbound
// calls in _test.go files.
//
// # Options
//
//	-report-detached
//	    also report root contexts, waits, outbound calls, stop channels
//	    and outer contexts in go statements and deferred calls of handlers.
//	-include-tests
//	    also report in _test.go files what tests do by design.
//	-waits=false
//	    do not report waits that ignore the context.
//	-ctxless=false
//	    do not report outbound calls without the context.
//	-stopchan=false
//	    do not report stop channels that never close.
//	-innerctx=false
//	    do not report outer contexts passed where a func literal brings
//	    its own (an errgroup's context, its context parameter).
package webhookctx
