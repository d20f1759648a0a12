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
// or an instance of a generic struct that keeps one (such as
// atomic.Pointer[context.Context]). Anonymous structs and embedded fields
// count; types are matched by type, never by name.
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
// The message names the struct and the field, says why the stored context
// goes wrong at run time and what to do instead: pass ctx to the
// functions that need it, and keep a context.CancelFunc or a done channel
// to own a lifetime. It is sharper, in this order, when:
//
//   - the context is known to be per-request: it is stored from the ctx
//     of a Reconcile, an HTTP handler or an admission handler, or from a
//     ctx that one of them hands to a function of the package (a
//     constructor, a helper) at any depth; the message names that
//     Reconcile or handler and where the ctx is stored, and adds that
//     concurrent calls overwrite it when a Reconcile or handler stores its
//     ctx on its own receiver;
//   - a function that has a ctx of its own reads the field and uses it
//     (not only watching its end, not only passing it to a call that
//     receives that function's ctx too, as in startCache(ctx,
//     c.lifeCtx), where the two have distinct roles, and not after
//     storing its own ctx there): the stored context is used in place of
//     the caller's (and, when it was set to context.Background(), it is
//     never cancelled);
//   - a WithContext-style method stores its ctx argument in the field: a
//     method of the type that stores its own ctx parameter and returns a
//     value of the type (or an interface the type implements), or does
//     nothing but assign;
//   - the type is a runnable (it has Start(context.Context) error, as
//     manager.Runnable) and one of its methods keeps the ctx it receives
//     for work started later;
//   - the type is long-lived: a controller-runtime reconciler (it
//     implements reconcile.TypedReconciler or ObjectReconciler), an HTTP or
//     admission handler, or a runnable;
//   - methods of the type receive a ctx of their own, so the stored one is
//     dead or used in place of theirs;
//   - the field is set to context.Background() or context.TODO().
//
// The assignment that stores the context (c.ctx = ctx in a WithContext
// method, the composite literal in a constructor, the store of a
// per-request ctx) and the reads that conflict with a function's own ctx
// are attached to the finding as related information, and their
// positions are in the message: the field is the one thing to change, so
// it is one finding, silenced by one //ctxlint:ignore storedctx directive
// on the field's line.
//
// Keeping a context is sometimes the right design; these are not
// reported:
//
//   - an adapter: a type whose methods that read the field have no ctx of
//     their own because their signatures are imposed, by an interface
//     whose methods take no ctx (cache.ListerWatcher, informer event
//     handlers with OnAdd, OnUpdate and OnDelete, token sources, io
//     interfaces) or because they are passed as callbacks
//     (filepath.WalkDir(root, w.visit)). The interface counts when the
//     type is used as it in the package (passed, assigned, returned, put
//     in a composite literal) or when it is declared in the package or in
//     a package it imports. The context is then the adapter's own
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
//   - a per-call state object (crypto/tls's handshake states): every store
//     of the field is a composite literal (&dialState{conn: c, ctx: ctx},
//     positional too) that a function builds with its own ctx or a context
//     derived from it (context.WithTimeout(ctx, d)), and the value built
//     does not outlive that call: neither it nor a local variable or
//     parameter of the function that is ever assigned it is returned,
//     stored in a field, map, slice element, other composite literal or
//     package-level variable, sent on a channel, passed to append, used as
//     a method value, or used in a go statement or in a function literal
//     that outlives the call; calling its methods, reading its fields and
//     passing it to a function are fine, unless a result of that call may
//     hold it (an interface it implements, a pointer to it) and is itself
//     returned or stored. The type is not long-lived as above, and no
//     function with a ctx of its own reads the field in place of that ctx.
//     A store of another context (context.Background(), a context field,
//     the ctx of an enclosing function in a function literal, a value not
//     followed), an assignment to an existing value (x.ctx = ctx) or a
//     value that may outlive the call (a constructor that returns it)
//     makes it a finding again;
//   - a type that is itself a context: it declares context methods of its
//     own, or it embeds a context and is neither a long-lived type as
//     above nor has methods that receive a ctx (a reconciler that embeds
//     context.Context is a stored context, not a context);
//   - context.CancelFunc fields, and fields of function or non-context
//     interface type (a func() context.Context provides contexts, it does
//     not keep one);
//   - structs declared in _test.go files (test tables, suite fixtures),
//     unless -include-tests is set. Without it, test files are not looked
//     at for stores and reads of other fields either, so the findings in a
//     package's other files do not depend on its tests;
//   - types named by -allow.
//
// Yet a context known to be per-request is reported even in an adapter,
// next to a cancel function or when it is only watched, and a type that
// keeps one with a cancel function lends no lifetime: an adapter,
// lifetime or stop signal built on one ends with that request. A
// per-call state object that a Reconcile or handler builds with its own
// ctx is not reported: it ends with that request too.
//
// Options:
//
//	-include-tests
//	    also report structs declared in _test.go files.
//	-allow=TYPES
//	    a comma-separated list of types whose context fields are not
//	    reported, each the import path of its package, a dot and the
//	    type's name (example.com/op/internal/cache.Session), or, when it
//	    contains no slash, a package name, a dot and the type's name
//	    (cache.Session), which matches a type of that name in every
//	    package of that name. Anonymous structs inside the declaration of
//	    an allowed type are allowed too.
//
// Limitations: fields of struct types declared in other packages are
// reported in their own package, not where they are used; contexts kept
// in fields of type any or interface{} (including sync.Map and
// atomic.Value) are not seen; stores and reads are followed within the
// package only, and a context's origin through local variables, the
// first context parameter of the package's functions, the context.With*
// functions and other functions that return a context made from their
// first argument. A per-call state object is followed within the
// function that builds it: a function it is passed to, or a method
// called on it, is taken to work within the call.
package storedctx
