// Package percall tests per-call state objects: a struct that a function
// builds with its own ctx, uses while it runs and drops when it returns
// (the shape of crypto/tls's handshake states).
package percall

import (
	"context"
	"io"
	"net/http"
	"time"

	"github.com/spf13/cobra"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type link struct{ peer string }

func exchange(ctx context.Context, msg string) error { return ctx.Err() }

func retry(attempt func() error) error { return attempt() }

// A negotiation state built by dial with its ctx, driven by its methods.
type dialState struct {
	l     *link
	ctx   context.Context // ok: per-call state, built by dial with its own ctx and dropped when it returns
	tries int
}

func (l *link) dial(ctx context.Context) error {
	ds := &dialState{l: l, ctx: ctx}
	return ds.run()
}

func (ds *dialState) run() error {
	if err := ds.greet(); err != nil {
		return err
	}
	return ds.confirm()
}

func (ds *dialState) greet() error {
	ds.tries++
	return exchange(ds.ctx, "hello")
}

func (ds *dialState) confirm() error { return exchange(ds.ctx, ds.l.peer) }

// A positional literal of a value, with a deadline derived from the ctx,
// handed to a helper function by address.
type acceptState struct {
	ctx  context.Context // ok: per-call state, built by accept with a WithTimeout of its own ctx, passed to a helper only
	name string
}

func (l *link) accept(ctx context.Context, name string) error {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	st := acceptState{tctx, name}
	return verify(&st)
}

func verify(st *acceptState) error { return exchange(st.ctx, st.name) }

// Copied to another local, used by a deferred method call and by a
// closure that a helper calls, and its fields read for the result.
type resumeState struct {
	ctx    context.Context // ok: per-call state, followed through a local, a defer and a closure passed to retry
	ticket string
}

func (l *link) resume(ctx context.Context, ticket string) (string, error) {
	rs := &resumeState{ctx: ctx, ticket: ticket}
	cur := rs
	defer cur.forget()
	err := retry(func() error { return exchange(cur.ctx, cur.ticket) })
	return rs.ticket, err
}

func (rs *resumeState) forget() { rs.ticket = "" }

// Passed to a helper whose results cannot hold it (an int and an
// error), then returned from.
type countState struct {
	ctx   context.Context // ok: per-call state, passed to a helper that returns an int and an error
	items []string
}

func (l *link) count(ctx context.Context, items []string) (int, error) {
	cs := &countState{ctx: ctx, items: items}
	n, err := tally(cs)
	return n, err
}

func tally(cs *countState) (int, error) { return len(cs.items), exchange(cs.ctx, "tally") }

// Wrapped by a helper as an interface it implements and assigned to a
// parameter of the function, used only within the call.
type labeler interface{ label() string }

func wrap(l labeler) labeler { return l }

func show(l labeler) error { return nil }

type relayState struct {
	ctx  context.Context // ok: per-call state, wrapped into a parameter of relay that is used within the call
	name string
}

func (rs *relayState) label() string { return rs.name }

func (l *link) relay(ctx context.Context, out labeler) error {
	out = wrap(&relayState{ctx: ctx, name: "relay"})
	return show(out)
}

// Built by a Reconcile with its own ctx: the state is that reconcile's
// own, and ends with it.
type SweepReconciler struct{}

type sweepState struct {
	ctx  context.Context // ok: per-call state, built by Reconcile with its own ctx
	name string
}

func (r *SweepReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	ss := &sweepState{ctx: ctx, name: req.Name}
	return reconcile.Result{}, ss.sweep()
}

func (ss *sweepState) sweep() error { return exchange(ss.ctx, ss.name) }

// Returned: the state outlives the call that built it.
type sessionState struct {
	ctx context.Context // want `^field ctx of sessionState stores a context: a stored context outlives the call it belongs to`
}

func (l *link) open(ctx context.Context) *sessionState {
	ss := &sessionState{ctx: ctx}
	ss.prepare()
	return ss
}

func (ss *sessionState) prepare() { _ = exchange(ss.ctx, "prepare") }

// Returned directly by a constructor: a client built with the first
// caller's ctx.
type client struct {
	ctx context.Context // want `^field ctx of client stores a context: a stored context outlives the call it belongs to`
}

func newClient(ctx context.Context) *client { return &client{ctx: ctx} }

func (c *client) send(msg string) error { return exchange(c.ctx, msg) }

// Wrapped by a helper whose result, an interface it implements, is
// returned: the wrapper carries the state out of the call.
type traceState struct {
	ctx  context.Context // want `^field ctx of traceState stores a context: a stored context outlives the call it belongs to`
	name string
}

func (ts *traceState) label() string { return ts.name }

func (ts *traceState) emit() error { return exchange(ts.ctx, ts.name) }

func (l *link) trace(ctx context.Context, name string) labeler {
	ts := &traceState{ctx: ctx, name: name}
	if err := ts.emit(); err != nil {
		return nil
	}
	return wrap(ts)
}

// Stored into a field of the receiver.
type probeState struct {
	ctx context.Context // want `^field ctx of probeState stores a context: a stored context outlives the call it belongs to`
}

type monitor struct{ last *probeState }

func (m *monitor) probe(ctx context.Context) error {
	ps := &probeState{ctx: ctx}
	m.last = ps
	return ps.check()
}

func (ps *probeState) check() error { return exchange(ps.ctx, "probe") }

// Sent on a channel.
type jobState struct {
	ctx context.Context // want `^field ctx of jobState stores a context: a stored context outlives the call it belongs to`
}

func submit(ctx context.Context, queue chan<- *jobState) {
	js := &jobState{ctx: ctx}
	js.validate()
	queue <- js
}

func (js *jobState) validate() { _ = exchange(js.ctx, "validate") }

// Appended to a slice.
type batchState struct {
	ctx context.Context // want `^field ctx of batchState stores a context: a stored context outlives the call it belongs to`
}

func collect(ctx context.Context, all []*batchState) []*batchState {
	bs := &batchState{ctx: ctx}
	return append(all, bs)
}

func (bs *batchState) flush() { _ = exchange(bs.ctx, "flush") }

// Captured by a goroutine, or started as one.
type keepaliveState struct {
	ctx context.Context // want `^field ctx of keepaliveState stores a context: a stored context outlives the call it belongs to`
}

func (l *link) keepalive(ctx context.Context) {
	ks := &keepaliveState{ctx: ctx}
	go func() { ks.loop() }()
}

func (ks *keepaliveState) loop() { _ = exchange(ks.ctx, "keepalive") }

type pingState struct {
	ctx context.Context // want `^field ctx of pingState stores a context: a stored context outlives the call it belongs to`
}

func (l *link) ping(ctx context.Context) {
	ps := &pingState{ctx: ctx}
	go ps.loop()
}

func (ps *pingState) loop() { _ = exchange(ps.ctx, "ping") }

// Used as a method value: the value it is bound to may be called after
// the call, with the state and its ctx.
type closeState struct {
	ctx context.Context // want `^field ctx of closeState stores a context: a stored context outlives the call it belongs to`
}

func (l *link) onClose(ctx context.Context, register func(func() string)) error {
	cs := &closeState{ctx: ctx}
	register(cs.label)
	return cs.notify()
}

func (cs *closeState) label() string { return "close" }

func (cs *closeState) notify() error { return exchange(cs.ctx, "closed") }

// Built from context.Background(): the call's own ctx is not used.
type scanState struct {
	ctx context.Context // want `^field ctx of scanState stores a context, set to context.Background\(\) in scan, which is never cancelled`
}

func scan(paths []string) error {
	ss := &scanState{ctx: context.Background()}
	return ss.run()
}

func (ss *scanState) run() error { return exchange(ss.ctx, "scan") }

// Built with another function's ctx, read from a field of a type that
// does not own it.
type journal struct {
	ctx context.Context // want `^field ctx of journal stores a context: a stored context outlives the call it belongs to`
}

func newJournal(ctx context.Context) *journal { return &journal{ctx: ctx} }

type replayState struct {
	ctx context.Context // want `^field ctx of replayState stores a context: a stored context outlives the call it belongs to`
}

func (j *journal) replay() error {
	rs := &replayState{ctx: j.ctx}
	return rs.run()
}

func (rs *replayState) run() error { return exchange(rs.ctx, "replay") }

// Built in a function literal with the enclosing function's ctx: the
// literal may run after that call.
type hookState struct {
	ctx context.Context // want `^field ctx of hookState stores a context: a stored context outlives the call it belongs to`
}

func (l *link) hook(ctx context.Context, register func(func() error)) {
	register(func() error {
		hs := &hookState{ctx: ctx}
		return hs.fire()
	})
}

func (hs *hookState) fire() error { return exchange(hs.ctx, "hook") }

// Built empty, then filled field by field: the same per-call state.
type tuneState struct {
	ctx context.Context // ok: tune fills the value it has just built
}

func (l *link) tune(ctx context.Context) error {
	ts := &tuneState{}
	ts.ctx = ctx
	return ts.apply()
}

// A test double's builder, with no ctx to give, fills the same state
// with a root context: the state is still per call.
type auditState struct {
	ctx  context.Context // ok: built per call; the double's root is inheritctx's to judge
	name string
}

func newAuditState(ctx context.Context, name string) *auditState {
	ps := &auditState{name: name}
	ps.ctx = ctx
	return ps
}

func fakeAuditState() *auditState {
	ps := &auditState{name: "fake"}
	ps.ctx = context.Background()
	return ps
}

func (l *link) audit(ctx context.Context) error {
	return newAuditState(ctx, "audit").send()
}

func (ps *auditState) send() error { return exchange(ps.ctx, ps.name) }

// Its neighbour: only ever built with a root context, by a function with
// no ctx: nothing makes it a call's state.
type rootedState struct {
	ctx context.Context // want `^field ctx of rootedState stores a context, set to context.Background\(\) in newRootedState, which is never cancelled`
}

func newRootedState() *rootedState {
	rs := &rootedState{}
	rs.ctx = context.Background()
	return rs
}

func (rs *rootedState) send() error { return exchange(rs.ctx, "rooted") }

// Its neighbour: assigned to a value that already exists, not built here.
type retuneState struct {
	ctx context.Context // want `^field ctx of retuneState stores a context: a stored context outlives the call it belongs to`
}

func (l *link) retune(ctx context.Context, rs *retuneState) error {
	rs.ctx = ctx
	return exchange(rs.ctx, "retune")
}

func (ts *tuneState) apply() error { return exchange(ts.ctx, "tune") }

// A method of the state that receives another ctx and uses the field
// instead.
type uploadState struct {
	ctx context.Context // want `^field ctx of uploadState stores a context: finish uses it in place of its own ctx \(at percall.go:\d+\)`
}

func upload(ctx context.Context) error {
	us := &uploadState{ctx: ctx}
	return us.finish(ctx)
}

func (us *uploadState) finish(ctx context.Context) error { return exchange(us.ctx, "upload") }

// A long-lived type built per call keeps its ctx for every later
// reconcile.
type SyncReconciler struct {
	ctx context.Context // want `^field ctx of reconciler SyncReconciler stores a context: one reconciler serves every reconcile`
}

func (r *SyncReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

func syncOnce(ctx context.Context, req reconcile.Request) error {
	r := &SyncReconciler{ctx: ctx}
	_, err := r.Reconcile(ctx, req)
	return err
}

// Built by a constructor that a call gives its own ctx, and kept within
// that call: the constructor's result is the caller's per-call state.
type terminalSession struct {
	ctx  context.Context // ok: built by newTerminalSession from serveTerminal's own ctx, used within that call
	conn string
}

func newTerminalSession(ctx context.Context, conn string) (*terminalSession, error) {
	s := &terminalSession{ctx: ctx, conn: conn}
	return s, nil
}

func (t *terminalSession) read() error { return exchange(t.ctx, t.conn) }

func (t *terminalSession) done() {}

func serveTerminal(w http.ResponseWriter, r *http.Request) {
	s, err := newTerminalSession(r.Context(), "tty")
	if err != nil {
		return
	}
	defer s.done()
	_ = s.read()
}

// Its neighbour: a long-lived handler that a Reconcile builds with its
// ctx and keeps, using that ctx for every later send.
type sender struct {
	ctx context.Context // want `^field ctx of sender stores a context: the ctx of a NotifyReconciler.Reconcile call, handed on to newSender, outlives it`
	to  string
}

func newSender(ctx context.Context, to string) *sender { return &sender{ctx: ctx, to: to} }

func (s *sender) send(msg string) error { return exchange(s.ctx, msg) }

type NotifyReconciler struct {
	senders map[string]*sender
}

func (r *NotifyReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	s, ok := r.senders[req.Name]
	if !ok {
		s = newSender(ctx, req.Name)
		r.senders[req.Name] = s
	}
	return reconcile.Result{}, s.send("reconciled")
}

// An exported constructor: callers in other packages may keep what it
// returns.
type Conn struct {
	ctx context.Context // want `^field ctx of Conn stores a context: a stored context outlives the call it belongs to`
}

func NewConn(ctx context.Context) *Conn { return &Conn{ctx: ctx} }

func (c *Conn) Release() error { return exchange(c.ctx, "release") }

func useConn(ctx context.Context) error { return NewConn(ctx).Release() }

// A constructor one of whose callers passes context.Background().
type cursor struct {
	ctx context.Context // want `^field ctx of cursor stores a context: a stored context outlives the call it belongs to`
}

func newCursor(ctx context.Context) *cursor { return &cursor{ctx: ctx} }

func (c *cursor) next() error { return exchange(c.ctx, "next") }

func scanAll(ctx context.Context) error { return newCursor(ctx).next() }

func scanDefault() error { return newCursor(context.Background()).next() }

// A command's context, from a *cobra.Command parameter's getter.
type runOptions struct {
	ctx  context.Context // ok: built by RunE from cmd.Context(), used within the call
	name string
}

func (o *runOptions) run() error { return exchange(o.ctx, o.name) }

var rootCmd = &cobra.Command{
	Use: "run",
	RunE: func(cmd *cobra.Command, args []string) error {
		o := &runOptions{ctx: cmd.Context(), name: args[0]}
		return o.run()
	},
}

// Its neighbour: the options are kept in a package variable.
type lastOptions struct {
	ctx context.Context // want `^field ctx of lastOptions stores a context: a stored context outlives the call it belongs to`
}

var last *lastOptions

func runLast(cmd *cobra.Command, args []string) error {
	last = &lastOptions{ctx: cmd.Context()}
	return exchange(last.ctx, "last")
}

// The options a command's builder makes and its RunE fills: the command
// runs once, and its context is the command's lifetime.
type logsOptions struct {
	ctx    context.Context // ok: set by the command's RunE from cmd.Context(), on options its builder made
	follow bool
}

func streamLogs(o logsOptions) error { return exchange(o.ctx, "logs") }

func (o *logsOptions) tail() error { return exchange(o.ctx, "tail") }

func newLogsCmd() *cobra.Command {
	o := logsOptions{}
	cmd := &cobra.Command{
		Use: "logs",
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ctx = cmd.Context()
			if o.follow {
				return o.tail()
			}
			return streamLogs(o)
		},
	}
	cmd.Use += " [--follow]"
	return cmd
}

// Its neighbour: a handler literal filling a captured value with its
// request's context keeps it beyond the request.
type probeOptions struct {
	ctx context.Context // want `^field ctx of probeOptions stores a context`
}

func (p *probeOptions) check() error { return exchange(p.ctx, "probe") }

func newProbe() http.HandlerFunc {
	p := &probeOptions{}
	return func(w http.ResponseWriter, r *http.Request) {
		p.ctx = r.Context()
		_ = p.check()
	}
}

// A state built per call, whose method fills in a default where no ctx
// was given: the default is no choice of a root.
type pollState struct {
	ctx context.Context // ok: built by pollOnce with its ctx; the nil default in poll chooses nothing
}

func (p *pollState) poll() error {
	if p.ctx == nil {
		p.ctx = context.Background()
	}
	return exchange(p.ctx, "poll")
}

func pollOnce(ctx context.Context) error {
	return (&pollState{ctx: ctx}).poll()
}

// Its neighbour: the method replaces the ctx it was built with.
type resetState struct {
	ctx context.Context // want `^field ctx of resetState stores a context`
}

func (r *resetState) reset() error {
	r.ctx = context.Background()
	return exchange(r.ctx, "reset")
}

func resetOnce(ctx context.Context) error {
	return (&resetState{ctx: ctx}).reset()
}

// A request's context, from r.Context() in a handler.
type reqState struct {
	ctx context.Context // ok: built by handle from r.Context(), used within the call
}

func handle(w http.ResponseWriter, r *http.Request) {
	rs := &reqState{ctx: r.Context()}
	_ = exchange(rs.ctx, "handle")
}

// A ctx-less function that bounds its own work with a timeout, and
// cancels it when it returns: the state is that call's.
type fetchState struct {
	ctx context.Context // ok: fetchAll's own WithTimeout(Background()), cancelled by its defer, used within the call
	url string
}

func fetchAll(urls []string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	fs := &fetchState{ctx: ctx, url: urls[0]}
	return fs.run()
}

func (fs *fetchState) run() error { return exchange(fs.ctx, fs.url) }

// Its neighbour: the same context kept in a shared singleton, whose
// Close has no ctx of its own (an io.Closer): it is cancelled as soon as
// connect returns.
type apiClient struct {
	ctx context.Context // want `^field ctx of apiClient stores a context: connect cancels it when it returns \(at percall.go:\d+\), but it is kept beyond that call; pass ctx as a parameter instead$`
}

func (c *apiClient) Close() error { return exchange(c.ctx, "close") }

var shared io.Closer

func connect() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	shared = &apiClient{ctx: ctx}
}

// The cancel deferred, the value stored in an existing one.
type registry struct {
	ctx context.Context // want `^field ctx of registry stores a context: refresh cancels it when it returns`
}

var defaultRegistry = &registry{}

func refresh() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	defaultRegistry.ctx = ctx
}

func (r *registry) lookup() error { return exchange(r.ctx, "lookup") }

// The context and its cancel stored by one assignment, straight into
// the field of a long-lived value, the cancel deferred: cancelled, not
// "never cancelled".
type restorer struct {
	volumeCtx context.Context // want `^field volumeCtx of restorer stores a context: restore cancels it when it returns \(at percall.go:\d+\), but it is kept beyond that call; pass ctx as a parameter instead$`
}

var defaultRestorer = &restorer{}

func (r *restorer) restore() error {
	var cancel context.CancelFunc
	r.volumeCtx, cancel = context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return r.wait()
}

func (r *restorer) wait() error { return exchange(r.volumeCtx, "wait") }

// The command through an alias, the options through a generic type.
type command = cobra.Command

type genericOptions[T any] struct {
	ctx context.Context // ok: built from cmd.Context() of an aliased *cobra.Command, used within the call
	v   T
}

func (o *genericOptions[T]) run() error { return exchange(o.ctx, "generic") }

func runGeneric(cmd *command, args []string) error {
	o := &genericOptions[string]{ctx: cmd.Context(), v: args[0]}
	return o.run()
}

// A context whose cancel is deferred, kept with that cancel function by
// a type that owns it for the length of the call (crypto/tls's QUIC
// handshake state): the type owns that lifetime.
type handshake struct {
	ctx    context.Context // ok: kept together with its cancel, for the length of run
	cancel context.CancelFunc
}

type quicConn struct{ hs *handshake }

func (c *quicConn) run(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	c.hs.ctx = ctx
	c.hs.cancel = cancel
	return c.hs.ctx.Err()
}

// Passed to a function whose result is returned, when that result's
// type nests deeply (as API objects do) but only down to strings: the
// result cannot hold the state.
type planState struct {
	ctx  context.Context
	name string
}

type (
	level1  struct{ next *level2 }
	level2  struct{ next []level3 }
	level3  struct{ next map[string]level4 }
	level4  struct{ next *level5 }
	level5  struct{ next level6 }
	level6  struct{ next []*level7 }
	level7  struct{ next level8 }
	level8  struct{ next *level9 }
	level9  struct{ next [2]level10 }
	level10 struct{ next level11 }
	level11 struct{ next *level12 }
	level12 struct{ next level13 }
	level13 struct{ next []level14 }
	level14 struct{ next level15 }
	level15 struct{ next *level16 }
	level16 struct{ next level17 }
	level17 struct{ next level18 }
	level18 struct{ name string }
)

func (l *link) plan(ctx context.Context, name string) []*level1 {
	return pick(&planState{ctx: ctx, name: name})
}

func pick(ps *planState) []*level1 {
	if exchange(ps.ctx, ps.name) != nil {
		return nil
	}
	return []*level1{{}}
}

// Its neighbour: at the bottom of the same depth, an interface the
// state implements, so the result may hold it.
type routeState struct {
	ctx context.Context // want `^field ctx of routeState stores a context: a stored context outlives the call it belongs to`
}

func (rs *routeState) label() string { return "route" }

type (
	hop1  struct{ next *hop2 }
	hop2  struct{ next []hop3 }
	hop3  struct{ next map[string]hop4 }
	hop4  struct{ next *hop5 }
	hop5  struct{ next hop6 }
	hop6  struct{ next []*hop7 }
	hop7  struct{ next hop8 }
	hop8  struct{ next *hop9 }
	hop9  struct{ next [2]hop10 }
	hop10 struct{ next hop11 }
	hop11 struct{ next *hop12 }
	hop12 struct{ next hop13 }
	hop13 struct{ next []hop14 }
	hop14 struct{ next hop15 }
	hop15 struct{ next *hop16 }
	hop16 struct{ next hop17 }
	hop17 struct{ next hop18 }
	hop18 struct{ by labeler }
)

func (l *link) route(ctx context.Context) []*hop1 {
	return hops(&routeState{ctx: ctx})
}

func hops(rs *routeState) []*hop1 {
	if exchange(rs.ctx, "route") != nil {
		return nil
	}
	return []*hop1{{}}
}

// ok: a request handed to a worker with the caller's ctx, while the
// caller waits for the reply: queued in a batcher's map, or sent on a
// channel; the worker serves it within the call.
type batchRequest struct {
	ctx   context.Context
	key   string
	reply chan error
}

type batcher struct {
	pending map[string][]*batchRequest
	trigger chan struct{}
}

func (b *batcher) Add(ctx context.Context, key string) error {
	req := &batchRequest{ctx: ctx, key: key, reply: make(chan error, 1)}
	b.pending[key] = append(b.pending[key], req)
	b.trigger <- struct{}{}
	return <-req.reply
}

func (b *batcher) flush() {
	for _, reqs := range b.pending {
		for _, r := range reqs {
			r.reply <- fetch(r.ctx)
		}
	}
}

type scanRequest struct {
	ctx  context.Context
	name string
}

type scanner struct {
	submit  chan scanRequest
	results chan error
}

func (s *scanner) Scan(ctx context.Context, name string) error {
	s.submit <- scanRequest{ctx: ctx, name: name}
	err := <-s.results
	return err
}

func (s *scanner) work() {
	for r := range s.submit {
		s.results <- fetch(r.ctx)
	}
}

// Reported: sent to a worker that the caller does not wait for.
type fireRequest struct {
	ctx context.Context // want `^field ctx of fireRequest stores a context`
}

type firer struct{ queue chan fireRequest }

func (f *firer) Fire(ctx context.Context) error {
	f.queue <- fireRequest{ctx: ctx}
	return nil
}

func (f *firer) work() {
	for r := range f.queue {
		_ = fetch(r.ctx)
	}
}

func fetch(ctx context.Context) error { return ctx.Err() }
