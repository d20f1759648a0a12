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
// admission.Defaulter[T], and so CustomValidator and CustomDefaulter); and
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
// Outbound calls that cannot carry a context although a form that can
// exists: http.Get, Head, Post and PostForm (and the same methods of
// *http.Client), http.NewRequest, exec.Command, net.Dial, net.DialTimeout,
// net.LookupHost and the other lookups, tls.Dial, (*tls.Conn).Handshake,
// and the Query, QueryRow, Exec, Prepare, Ping and Begin methods of
// *sql.DB, *sql.Tx, *sql.Conn and *sql.Stmt. The call, the process or the
// query keeps going after the request is cancelled or times out, and the
// request's trace is cut. Where the context-taking form is one mechanical
// edit (http.NewRequestWithContext, exec.CommandContext, QueryContext,
// net.DefaultResolver.LookupHost, (&net.Dialer{}).DialContext, ...) the
// fix makes it. Outbound calls are reported in handlers only: elsewhere no
// request deadline is being dropped.
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
// in the function (a validator's map of verify functions ranged over).
//
// # Goroutines and deferred calls
//
// go statements and deferred calls in handlers usually detach on purpose,
// so they are reported only with -report-detached; then the fix is
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
// from the inner one); context.WithoutCancel(ctx); code that runs once
// the inner context is done; go statements and deferred calls (unless
// -report-detached); and _test.go files (unless -include-tests).
// -innerctx=false switches the rule off.
//
// # What is left alone
//
// Contexts derived from the request's (context.WithTimeout(r.Context(), d));
// context.WithoutCancel(r.Context()); code that runs once the request's
// context is done (after <-ctx.Done(), or a select whose other cases all
// leave the function); root contexts in goroutines (go statements, funcs
// given to wait.Group.Start, variables only goroutines use), reported
// with -report-detached; and server set-up and shutdown outside handlers
// (srv.Shutdown(context.Background()) in main).
//
// In _test.go files, unless -include-tests (the ctxlint command's
// -include-tests sets it, with every other check's): root contexts made
// by ctx-less helpers whose root is in a _test.go file, and, in any file,
// those where only a test's t is in scope (fix: t.Context()), as
// inheritctx documents.
package webhookctx
