// Package storedctx defines an Analyzer that reports contexts kept in
// struct fields, where they outlive the call they belong to.
//
// # Analyzer storedctx
//
// storedctx: report contexts kept in struct fields
//
// A context belongs to one call. Kept in a struct, it outlives that call:
// a reconciler or client built once with context.Background(), or with
// the first request's ctx, then uses it for every later call, so the
// callers' cancellation and deadlines never reach that work, or the work
// fails with "context canceled" once the stored ctx ends. Such code
// compiles and passes simple tests; client-go turned down a WithContext
// method that stores the ctx on the client for this reason.
//
// The check reports, at the field, a struct field whose type is a context
// (context.Context, an alias of it, an interface that embeds it, or a type
// parameter constrained by it), a pointer to one, a slice, array, map (key
// or value) or channel of contexts, a named type defined as one of these,
// or an instance of a generic struct that keeps one because a type
// argument makes it (such as atomic.Pointer[context.Context], whose
// Store, Swap and CompareAndSwap count as stores of the field). Anonymous
// structs and embedded fields
// count; types are matched by type, never by name.
//
// The message names the struct and the field, says what is wrong and what
// to do instead, and links to the rule below that it breaks: when several
// apply, the first in the order below. The assignment that stores the
// context (c.ctx = ctx in a WithContext method, the composite literal in
// a constructor, the store of a per-request ctx) and the reads that
// conflict with a function's own ctx are attached to the finding as
// related information: the field is the one thing to change, so it is one
// finding, silenced by one //ctxlint:ignore storedctx directive on the
// field's line.
//
// # Per-request contexts kept in a field
//
// The context is known to be per-request: it is stored from the ctx of a
// Reconcile, an HTTP handler or an admission handler, or from a ctx that
// one of them hands to a function of the package (a constructor, a
// helper) at any depth. The message names that Reconcile or handler, and
// the function it hands the ctx on to; the store is related information.
//
// The ctx of one Reconcile call carries that reconcile's logger, ID and
// deadline: work done through the field later runs under the wrong
// reconcile, or fails once that call's ctx is cancelled. net/http cancels
// a request's ctx when its handler returns, and an admission request's ctx
// is cancelled when that webhook call returns: work done through the
// field later fails with context canceled. When a Reconcile or handler
// stores its ctx on its own receiver, concurrent calls overwrite each
// other's (a data race).
//
// Such a context is reported even in an adapter, next to a cancel
// function or when it is only watched (see What is left alone), and a type
// that keeps one with a cancel function lends no lifetime: an adapter,
// lifetime or stop signal built on one ends with that request. A per-call
// state object that a Reconcile or handler builds with its own ctx is not
// reported: it ends with that request too.
//
//	// BAD
//	type scope struct {
//		ctx  context.Context
//		name string
//	}
//
//	func newScope(ctx context.Context, name string) *scope {
//		return &scope{ctx: ctx, name: name}
//	}
//
//	func (r *BazReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
//		s := newScope(ctx, req.Name)
//		return ctrl.Result{}, r.Get(s.ctx, client.ObjectKey{Name: s.name}, &v1.Foo{})
//	}
//
//	// GOOD
//	type scope struct {
//		name string
//	}
//
//	func (r *BazReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
//		s := newScope(req.Name)
//		return ctrl.Result{}, r.Get(ctx, client.ObjectKey{Name: s.name}, &v1.Foo{})
//	}
//
// # Methods that use the stored context instead of their own
//
// A function that has a ctx of its own reads the field and uses it: the
// stored context is used in place of the caller's, so its caller's
// cancellation and deadline never reach that work (and, when the field
// was set to context.Background(), it is never cancelled). A read that
// only watches the context's end, an atomic pointer's Load only compared
// with nil (a "started" check), a read passed to a call that receives
// that function's ctx too, as in startCache(ctx, c.lifeCtx), where the two
// have distinct roles, a read after the function stored its own ctx
// there, and a read stored as it is in a context field of another struct
// that is itself left alone (&requeuer{ctx: m.life} for an informer's
// event handler, an adapter that keeps the manager's lifetime) are not
// such uses: the function's own ctx, often a request's, would be the
// wrong one to keep there.
//
// The same goes when methods of the type receive a ctx of their own and
// the field is not read in their place: the stored one is then either
// dead or used, by other methods, instead of the ctx their callers have.
// A ctx parameter counts, and a handler's request; a plain method's
// *http.Request does not: it is mostly an outgoing request that the
// method builds or decorates (authorize(req) setting a header).
//
//	// BAD
//	type Client struct {
//		ctx context.Context
//	}
//
//	func NewClient() *Client { return &Client{ctx: context.TODO()} }
//
//	func (c *Client) Sync(ctx context.Context) error { return push(c.ctx) }
//
//	// GOOD: use the ctx Sync receives and remove the field
//	type Client struct{}
//
//	func (c *Client) Sync(ctx context.Context) error { return push(ctx) }
//
// # WithContext setters
//
// A WithContext-style method stores its ctx argument in the field: a
// method of the type that stores its own ctx parameter and returns a
// value of the type (or an interface the type implements), or does
// nothing but assign. Every later call through the value then uses that
// one ctx: once it is cancelled or expires they all fail, and calls made
// before it is set have none. client-go turned this design down for that
// reason. A setter makes a finding even of an adapter or of a context
// that is only watched.
//
//	// BAD
//	func (c *RESTClient) WithContext(ctx context.Context) *RESTClient {
//		c2 := *c
//		c2.ctx = ctx
//		return &c2
//	}
//
//	func (c *RESTClient) Do() error { return push(c.ctx) }
//
//	// GOOD: take a ctx parameter in each method that needs one
//	func (c *RESTClient) Do(ctx context.Context) error { return push(ctx) }
//
// # Reconcilers, runnables and handlers
//
// The type is long-lived: a controller-runtime reconciler (it implements
// reconcile.TypedReconciler or ObjectReconciler, or the plain Reconciler
// of controller-runtime before v0.19), an HTTP or admission
// handler, or a runnable (it has Start(context.Context) error, as
// manager.Runnable). One reconciler serves every reconcile, so work done
// through the field ignores each Reconcile's ctx: its cancellation at
// shutdown, its deadline and its logger. One handler serves every
// request, so work done through the field ignores each request's
// cancellation and deadline. Start already receives the context that
// bounds a runnable's life, so a stored one is stale or competes with it;
// and when a method of a runnable keeps the ctx it receives for work that
// other code starts later (an exported method called after Start), that
// work runs until that ctx ends, whatever the ctx of the code that starts
// it: the message names that method. If the type owns a lifetime of its own, keep
// the ctx together with its context.CancelFunc, or keep only ctx.Done() as
// a stop channel (see What is left alone).
//
//	// BAD
//	type FooReconciler struct {
//		client.Client
//		ctx context.Context // set once in NewFooReconciler
//	}
//
//	func (r *FooReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
//		return ctrl.Result{}, r.sync(req)
//	}
//
//	func (r *FooReconciler) sync(req ctrl.Request) error {
//		return r.Get(r.ctx, req.NamespacedName, &v1.Foo{})
//	}
//
//	// GOOD
//	type FooReconciler struct {
//		client.Client
//	}
//
//	func (r *FooReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
//		return ctrl.Result{}, r.sync(ctx, req)
//	}
//
//	func (r *FooReconciler) sync(ctx context.Context, req ctrl.Request) error {
//		return r.Get(ctx, req.NamespacedName, &v1.Foo{})
//	}
//
// # Other stored contexts
//
// Any other context kept in a struct outlives the call it belongs to, so
// later work through the field runs with a context that may already be
// cancelled, or that no caller can cancel. A context put in an exported
// field of another package's struct (a bundle, see What is left alone) is
// reported where it is put, when the value may keep it beyond its call;
// so is a call of another package's exported constructor of a per-call
// object (see What is left alone) that gives it the caller's ctx and
// keeps the value beyond the call ("the lister.Lister that NewLister
// builds keeps ctx, and it is kept here beyond this call").
// A field set to
// context.Background() or context.TODO() is never cancelled, so no
// caller's cancellation or deadline reaches the work done through it.
// Pass ctx to the functions that need it, and keep a context.CancelFunc
// or a done channel to own a lifetime. A context whose cancel function
// the storing function defers (ctx, cancel :=
// context.WithTimeout(context.Background(), d); defer cancel()) ends
// when that function returns: kept in a value that outlives the call (a
// package-level singleton, a field of an existing value) it is already
// cancelled when it is next used, so it is reported even in an adapter
// (but not by a type that keeps that cancel function too, as crypto/tls's
// QUIC state keeps its handshake's), and the message never calls it
// never cancelled.
//
//	// BAD
//	type job struct {
//		ctx  context.Context
//		name string
//	}
//
//	func (j *job) run() error { return push(j.ctx) }
//
//	// GOOD
//	type job struct {
//		name string
//	}
//
//	func (j *job) run(ctx context.Context) error { return push(ctx) }
//
// # What is left alone
//
// A field that carries //nolint:containedctx (or a bare //nolint, or
// //nolint:all), the directive of golangci-lint's containedctx, at the
// end of its line or alone on the line above, is kept on purpose and
// left alone, whatever it stores.
//
// Keeping a context is sometimes the right design; unless the context is
// known to be per-request, these are not reported:
//
//   - an adapter: a type whose methods that read the field have no ctx of
//     their own because their signatures are imposed, by an interface
//     whose methods take no ctx (cache.ListerWatcher, informer event
//     handlers with OnAdd, OnUpdate and OnDelete, token sources, io
//     interfaces) or because they are passed as callbacks
//     (filepath.WalkDir(root, w.visit)). The interface counts when the
//     type is used as it in the package (passed, assigned, returned, put
//     in a composite literal) or when it is declared in the package or in
//     a package it imports; only methods declared in another package
//     count: a method of the package's own interface, which the package
//     can give a ctx parameter, imposes nothing, while one that such an
//     interface embeds from another package (io.Closer's Close) does.
//     The context is then the adapter's own
//     lifetime. A read of the field that uses it where a ctx is in scope
//     (watching its end there is fine), or a WithContext-style setter,
//     makes it a finding again; ctx-less helper methods that the imposed
//     methods call may read the field too;
//   - a context that is only watched: every read of the field is
//     x.ctx.Done(), x.ctx.Err(), x.ctx.Deadline() or context.Cause(x.ctx),
//     so it serves as a done channel and never carries work;
//   - a type that keeps the context together with a cancel function, a
//     context.CancelFunc or CancelCauseFunc field (or a func() field
//     assigned the cancel function of context.WithCancel, WithTimeout,
//     WithDeadline or their Cause forms): it owns that lifetime, like a
//     cache or runnable started once and stopped by Shutdown;
//   - a lifetime lent by such a type: every store of the field stores the
//     value of a context field of a type that owns its lifetime as above,
//     directly (a.lifeCtx = c.lifeCtx) or through the ctx parameter of
//     functions of the package, at any depth, when every call of such a
//     function in the package passes it that value (newAccessor(c.lifeCtx,
//     key) storing its lifeCtx parameter): the owner hands its lifetime
//     down to work that outlives the calls that start it, and ends it. A
//     store of any other context (context.Background(), a function's own
//     ctx, a value not followed) makes it a finding again;
//   - a process or manager lifetime kept as the parent of background
//     work: every store keeps the ctx that a runnable's Start(ctx) error
//     or a method receiving a controller-runtime manager.Manager (a
//     SetupWithManager) receives, or the ctx of a method that waits for
//     that ctx's end in its own body (a server's Run(ctx) that ends in
//     select { case err := <-errc: ...; case <-ctx.Done(): }, an event
//     listener's loop that returns on <-ctx.Done()), whether or not its
//     type has a context field,
//     even a WithCancel of it whose cancel Run defers: what Run serves
//     runs while it waits; or the process's signal context
//     (signal.NotifyContext, controller-runtime's SetupSignalHandler),
//     directly or through constructors whose every call in the package
//     passes one; or a cobra command's context (cmd.Context()) that the
//     command's Run-style func literal stores in the options value its
//     builder made and the literal captures (o.ctx = cmd.Context()): a
//     command runs once in its process (a package variable is not this);
//     and every read that uses it, beyond watching its end,
//     is in the function that receives or stores it, in a callback or a
//     method whose signature is imposed, or in a ctx-less method of the
//     type that only such functions (or functions with no ctx, as main)
//     call: the goroutines Start starts, the predicates SetupWithManager
//     registers. That lifetime is the right parent for them. A read by a
//     method that other code calls later (an exported Resync), or by a
//     function with a ctx of its own, makes it a finding again;
//   - a component's lifetime handed in when it is built (a constructor's
//     argument, options made in another package) and kept as the parent
//     of the workers it starts: a method of the type with no ctx (a
//     client-go Run(stopCh <-chan struct{})) starts a goroutine with a
//     context made from the field (go c.runWorker(ctx) after
//     ctx, cancel := context.WithCancel(c.ctx)), and every method of the
//     type that takes a ctx is unexported and, at every call in the
//     package, receives a context made from the field. Those ctx
//     parameters are the field's own lifetime: there is no other ctx to
//     use. Other ctx-less methods may read it (a logger taken from it).
//     A store of a root or a per-request context, an exported method
//     with a ctx, or no worker started, makes it a finding again;
//   - a carrier: a field whose every read, beyond watching its end, is
//     the value stored, as it is, in a context field of another struct
//     of the package (&lister{ctx: f.ctx}, or NewLister(f.ctx) where
//     NewLister keeps its ctx parameter in one field), each of them left
//     alone as in this list (an adapter, a lent lifetime, a carrier
//     itself), or reported for reads in place of the ctx that methods of
//     its type receive and handing the context on no further: the
//     context is handed down to where it is kept, and any finding
//     belongs there (once that field's methods use their own ctx, the
//     carrier has nothing left to carry). It is held to what an adapter
//     is: no per-request context or setter stores it, no function with a
//     ctx of its own reads it, and its type is not long-lived. A carrier
//     whose field goes to one reported for another reason (a job that
//     keeps its builder's ctx and has no ctx of its own) is reported too;
//   - a command's own root, in package main: every store is
//     context.Background() or TODO() made by a function that no code with
//     a ctx in scope reaches, at any depth (a CLI's config built by
//     newConfig, which only main calls). Nothing above it had a ctx to
//     give, as inheritctx leaves a root there alone, and a main package is
//     never imported, so every caller is in view. A store reached from
//     code with a ctx, a read in place of a function's own ctx, or a
//     function on the path used as a value keeps it reported;
//   - a per-call state object (crypto/tls's handshake states): every store
//     of the field fills a value that a function has just built, a
//     composite literal (&dialState{conn: c, ctx: ctx}, positional too)
//     or a local variable whose only value is one (rc := &state{};
//     rc.ctx = ctx), with its own ctx, but for a default where none was
//     given (if p.ctx == nil { p.ctx = context.Background() }, no choice
//     of a root) and for a builder with no ctx in scope that fills it with
//     a root context (a test double's; that root is inheritctx's to judge)
//     when another store is a call's own ctx; its own ctx is one it gets
//     from a parameter's getter (r.Context() of a request, cmd.Context()
//     of a *cobra.Command) or a context derived from them
//     (context.WithTimeout(ctx, d)), and the value built
//     does not outlive that call: neither it nor a local variable or
//     parameter of the function that is ever assigned it is returned,
//     stored in a field, map, slice element, other composite literal or
//     package-level variable, sent on a channel, passed to append, used as
//     a method value, or used in a go statement or in a function literal
//     that outlives the call; calling its methods, reading its fields and
//     passing it to a function are fine, unless a result of that call may
//     hold it (an interface it implements, a pointer to it) and is itself
//     returned or stored. Nor does a request handed to a worker while
//     the function waits for the reply: the value is sent on a channel
//     or queued (b.pending[k] = append(b.pending[k], req)), and a later
//     statement of the same block, with no return between, receives
//     from a channel (return <-req.reply, err := <-s.results), so the
//     worker serves it within the call. The type is not long-lived as
//     above, and no function with a ctx of its own reads the field in
//     place of that ctx.
//     An unexported constructor that builds it with its ctx and returns
//     it counts as such a function when every call of it in the package
//     passes the caller's own ctx (or the value of a context field,
//     judged at that field) and keeps the result within the caller's
//     call (newTerminalSession(r.Context(), ...) in a handler that
//     closes the session before it returns): the object is that
//     caller's. So does an exported constructor (a function, not a
//     method, of a module under development: k8up's NewPodLister(ctx,
//     ...), a lister built for one backup), whose calls in this package
//     are held to the same and whose calls in other packages are
//     checked there: it gets a PerCall fact, and every package of the
//     module that calls it reports, at the call, a value built with the
//     caller's own ctx (not a process or manager lifetime) that outlives
//     the call (r.l = lister.NewLister(ctx, ns) in a Reconcile; in a map
//     or a package variable, sent, or used by a goroutine). An exported
//     function that returns such a value as it is, built with its own
//     ctx, gets the fact too. Only where facts reach the importing
//     packages (the command; storedctx run on its own) is the field
//     left to the callers: through go vet and golangci-lint it is
//     reported where it is declared. In a function with no ctx in scope, a context the
//     function makes and whose cancel it defers (ctx, cancel :=
//     context.WithTimeout(context.Background(), d); defer cancel()) is its
//     own ctx too. A store of another context (context.Background(), a
//     context field, the ctx of an enclosing function in a function
//     literal, a value not followed), an assignment to an existing value
//     (x.ctx = ctx), a value that may outlive the call (an exported
//     method, whose callers elsewhere are not seen, or a result kept
//     in a field or map, as a reconciler keeping a sender built with one
//     reconcile's ctx for every later send) makes it a finding again;
//   - a bundle that other packages fill in: an exported context field of
//     an exported struct, in a module under development, that its own
//     package never sets, never reads in place of a ctx of its own, and
//     does not keep as a reconciler, runnable or handler
//     (fallback.ScaledObjectHandler{Ctx: ctx, ...}, built per call by the
//     scaling package). A package is analysed before those that import
//     it, so whether the context outlives its call is decided where the
//     value is built: every package of the module reports, at the store
//     (in a composite literal, or x.f = ctx), a context put in such a
//     field of another package's struct, unless it is the ctx of the
//     function that builds the value or of a function around it (a func
//     literal capturing it), or, where no ctx is in scope, a context that
//     function makes and cancels in a defer (a command's ctx, cancel :=
//     context.WithTimeout(context.Background(), timeout); defer cancel()),
//     and the value does not outlive that function,
//     as for a per-call state object above (for x.f = ctx, x is a local
//     variable of the struct type, or a pointer to a composite literal
//     of it built there), or it is the default for a context never given
//     (if x.Ctx == nil { x.Ctx = context.Background() }, which would
//     otherwise leave a nil context: such a store is not counted as a
//     root context in a field of the package's own either);
//   - nil put in a context field (Ctx: nil in a generated client's
//     parameters, c.ctx = nil once done), here or in another package's
//     struct: no context is kept, and the store counts for nothing;
//   - a type that is itself a context: it declares context methods of its
//     own, or it embeds a context and is neither a long-lived type as
//     above nor has methods that receive a ctx (a reconciler that embeds
//     context.Context is a stored context, not a context);
//   - context.CancelFunc fields, and fields of function or non-context
//     interface type (a func() context.Context provides contexts, it does
//     not keep one);
//   - instances of generic structs whose context field is the generic
//     type's own rather than filled in by a type argument (a
//     map[string]*puddle.Pool[T], whose Pool keeps a base context next to
//     its cancel function): that field is declared, and reported, in the
//     generic type's package; atomic.Pointer[context.Context] or a
//     Box[context.Context] of the package keeps the context the type
//     argument names, and is reported;
//   - structs declared in _test.go files (test tables, suite fixtures),
//     unless -include-tests is set. Without it, test files are not looked
//     at for stores and reads of other fields either, so the findings in a
//     package's other files do not depend on its tests;
//   - test fixtures in other files, under the same option: a struct that
//     holds a *testing.T, *testing.B, *testing.F or testing.TB, or whose
//     field is only ever set by functions that receive one (a parameter,
//     or a field of the receiver's struct), as NewFixture(t *testing.T)
//     or a test case's run(t). It lives for one test, and the context it
//     keeps is that test's;
//   - dead code: an unexported type of the package scope that nothing in
//     the package refers to and whose context fields are never set nor
//     read keeps no context (an exported one may be used elsewhere, and is
//     reported);
//   - types named by -allow.
//
// The last eight hold for per-request contexts too.
//
//	// GOOD: the cache owns the lifetime it keeps, and ends it
//	type cache struct {
//		lifeCtx context.Context
//		cancel  context.CancelFunc
//	}
//
// # Options
//
//	-include-tests
//	    also report structs declared in _test.go files, and test
//	    fixtures in other files. The ctxlint
//	    command's -include-tests sets it together with every other
//	    check's; -storedctx.include-tests remains, for this check alone.
//	-allow=TYPES
//	    a comma-separated list of types whose context fields are not
//	    reported, each the import path of its package, a dot and the
//	    type's name (example.com/op/internal/cache.Session), or, when it
//	    contains no slash, a package name, a dot and the type's name
//	    (cache.Session), which matches a type of that name in every
//	    package of that name. Anonymous structs inside the declaration of
//	    an allowed type are allowed too.
//
// # Limitations
//
// Fields of struct types declared in other packages are reported in their
// own package, not where they are used; contexts kept in fields of type
// any or interface{} (including sync.Map and atomic.Value) are not seen;
// stores and reads are followed within the package only, and a context's
// origin through local variables, the first context parameter of the
// package's functions, the context.With* functions and other functions
// that return a context made from their first argument. A per-call state
// object is followed within the function that builds it: a function it
// is passed to, or a method called on it, is taken to work within the
// call.
package storedctx
