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
// Reported inside a handler:
//
//   - context.Background() and context.TODO(), also as the parent of
//     WithTimeout, WithDeadline, WithCancel or WithValue. The message names
//     the context to use and the fix replaces the call with it (r.Context()
//     or the handler's ctx).
//   - Outbound calls that cannot carry a context although a form that can
//     exists: http.Get, Head, Post and PostForm (and the same methods of
//     *http.Client), http.NewRequest, exec.Command, net.Dial, net.DialTimeout,
//     net.LookupHost and the other lookups, tls.Dial, (*tls.Conn).Handshake,
//     and the Query, QueryRow, Exec, Prepare, Ping and Begin methods of
//     *sql.DB, *sql.Tx, *sql.Conn and *sql.Stmt. Where the context-taking
//     form is one mechanical edit (http.NewRequestWithContext,
//     exec.CommandContext, QueryContext, net.DefaultResolver.LookupHost,
//     (&net.Dialer{}).DialContext, ...) the fix makes it.
//   - Calls to functions of the same package that take no context and make
//     a root context themselves, at any depth (admission validators often
//     reach the API through such helpers); the message points at the root
//     context.
//
// Not reported: contexts derived from the request's
// (context.WithTimeout(r.Context(), d)); context.WithoutCancel(r.Context());
// code that runs once the request's context is done; server set-up and
// shutdown outside handlers (srv.Shutdown(context.Background()) in main);
// and, unless -report-detached is set, go statements and deferred calls
// in handlers, which usually detach on purpose (with the option, the fix
// is context.WithoutCancel(r.Context())). Outbound calls are reported in
// handlers only: elsewhere no request deadline is being dropped.
//
// A site that both reconcilectx and webhookctx could claim belongs to the
// innermost Reconcile or handler around it, so each site is reported once.
package webhookctx
