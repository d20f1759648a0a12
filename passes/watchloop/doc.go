// Package watchloop defines an Analyzer that reports Kubernetes watch
// loops that cannot stop, spin on a closed channel, or leak the watch.
//
// # Analyzer watchloop
//
// watchloop: report watch loops that cannot stop, spin, or leak
//
// A watch is any value whose type implements
// k8s.io/apimachinery/pkg/watch.Interface: what client-go's typed and
// dynamic clients, controller-runtime's WithWatch, RetryWatcher, fakes
// and custom watchers return. Its channel is what ResultChan() returns,
// used directly or kept in a local variable. The check reports four
// mistakes, one per section below; each finding links to its section.
//
// # Loops that ignore the context
//
// A loop over a watch's channel that ignores the ctx in scope (a
// parameter, a ctx captured from an enclosing function, or an HTTP
// request's context): a range over the channel, or a for loop that
// receives from it with no other select case that leaves the loop. Only
// the watch closing ends such a loop, so the loop and its goroutine leak
// when ctx is done: they outlive the reconcile or the server.
//
// A case on <-ctx.Done(), a stop channel or a timeout that returns or
// breaks out is a way out, and so is a case that calls the watch's Stop
// or a cancel function, panics, or sets the loop's condition; a ticker
// case that logs and goes round again is not. A watch created from that
// ctx, or from a context derived from it (context.WithCancel,
// WithTimeout, WithValue and the like, or any call that takes it and
// returns a context), closes its channel when ctx ends, as client-go's
// watches do, so ranging over it is fine. A watch created from
// context.Background(), context.WithoutCancel(ctx) or an unrelated
// context (a field, say), by a call that takes no context, or handed in
// as a parameter or field, does not. With -ctx-closes-watch=false no
// watch is trusted to close with ctx, and the finding says so.
//
// Left alone: a select loop with a case <-ctx.Done() that returns; loops
// in a function with no ctx in scope (main, tests, a bounded consumer
// that stops the watch itself); a range over a watch that was stopped,
// and so closed, before the loop (a fake watcher filled and then
// stopped), or over watch.NewEmptyWatch(); a watch kept in a field and
// made from ctx earlier in the same function (t.w, err =
// pods.Watch(ctx, opts) and then a range over t.w.ResultChan(), directly
// or through a variable), which closes with ctx like a local one (a
// field whose watch another method made is still handed in from
// elsewhere); the watch of a test fake (see Watches not stopped), which
// the test feeds and ends and which does not close with ctx; a watch
// stopped by another goroutine (a test goroutine that stops every watch
// once a done channel closes), or by context.AfterFunc(ctx, w.Stop),
// while the loop waits;
// and a watch whose origin the check cannot follow (a range element,
// say).
//
//	// BAD
//	w, err := pods.Watch(context.Background(), opts)
//	if err != nil {
//		return err
//	}
//	defer w.Stop()
//	for ev := range w.ResultChan() {
//		handle(ev)
//	}
//
//	// GOOD
//	w, err := pods.Watch(ctx, opts) // closes when ctx ends
//	if err != nil {
//		return err
//	}
//	defer w.Stop()
//	for ev := range w.ResultChan() {
//		handle(ev)
//	}
//
// # Receives without comma-ok
//
// A receive from the channel inside a loop without the comma-ok form, or
// whose ok is discarded. Once the watch closes, the receive returns a
// zero event at once, forever: the loop receives zero-value events and
// spins on the closed channel.
//
// The suggested fix turns ev := <-ch (or case ev := <-ch:, case <-ch:, a
// bare <-ch) into a comma-ok receive followed by if !ok { ... } that
// leaves the loop: break when nothing lies between, return when the loop
// is the last statement of a function without results, break L when the
// loop has a label, or else break with the label watchLoop added to the
// loop. No fix is offered when none of these is safe (an endless for
// that ends a function with results, an assignment to an existing
// variable, or two fixes that would label the same loop).
//
// Left alone: a comma-ok receive that leaves the loop; a single receive
// that is not in a loop (tests take one event that way); receives in
// loops that run a fixed number of times (a three-clause for, a range
// over an integer or a slice); and an event whose Object is checked right
// after, in a way that catches the zero event (obj, ok :=
// ev.Object.(*T), or a comparison of the Object with nil), where the
// branch a nil Object takes leaves the loop (return, t.Fatal, a break to
// a label outside it, the watch's Stop) or makes a new watch in place of
// the closed one. A continue, or a break that leaves only the select,
// goes back to the closed channel and is still reported.
//
//	// BAD
//	for {
//		select {
//		case <-ctx.Done():
//			return
//		case ev := <-w.ResultChan():
//			handle(ev)
//		}
//	}
//
//	// GOOD
//	for {
//		select {
//		case <-ctx.Done():
//			return
//		case ev, ok := <-w.ResultChan():
//			if !ok {
//				return
//			}
//			handle(ev)
//		}
//	}
//
// # Watches not stopped
//
// A watch started in the function and not stopped (w.Stop(), deferred or
// not) nor handed on (returned, stored in a field, map, slice or global,
// passed to a function, sent on a channel, or used by a closure: a
// deferred func, a goroutine, a callback) on some path from its creation
// to the end of the function, or before the loop that creates it creates
// it again; and a discarded watch (_, err := c.Watch(...)). The
// watch.Interface contract says Stop must always be called: an open
// watch holds a connection and a goroutine, which leak.
//
// A watch is started by a call that returns a watch and takes a context
// (Pods(ns).Watch(ctx, opts), controller-runtime's WithWatch.Watch,
// watchtools.NewRetryWatcherWithContext, or any wrapper that does the
// same), or by a function or method of client-go's tools/cache or
// tools/watch packages (a ListerWatcher's Watch, NewRetryWatcher). The
// finding is at the creation and names the return that leaves the watch
// open. When a goroutine the function starts reads the watch and does not
// stop it, the finding says so instead: the Stop belongs in that
// goroutine, and deferring it where the watch is made would cut the
// goroutine off. Paths come from the function's control-flow graph
// (golang.org/x/tools/go/cfg), as in go vet's lostcancel; panic,
// os.Exit, log.Fatal, klog's Fatal and Exit, runtime.Goexit and
// testing's Fatal, FailNow and Skip end a path.
//
// Left alone: paths on which the creation's error is not nil (until the
// error variable is set again: if err = print(ev); err != nil tells
// nothing of the watch), or the watch is nil; a path that leaves a range over the watch's channel when
// the channel closes (for ev := range w.ResultChan() run to its end: the
// watch has ended, and client-go's watchers stop themselves as they
// close it; a break out of the range still leaves it open); a deferred
// Stop; a watch handed to another function or
// goroutine that owns and stops it; the watches of test fakes, which
// hold no connection: apimachinery's in-memory watchers (watch.NewFake
// and friends), functions and methods of k8s.io/client-go/testing
// (Fake.InvokesWatch, ObjectTracker.Watch), and watches of values that
// come from a package whose import path ends in /fake (client-go's
// kubernetes/fake and dynamic/fake, controller-runtime's client/fake,
// client-gen's fake clientsets), through a method chain or a local
// variable (cs := fake.NewClientset(); cs.CoreV1().Pods(ns).Watch(ctx,
// opts)); a client handed in as an interface may be real and is not one;
// helpers whose watch need not be
// stopped (record.EventBroadcaster's StartRecordingToSink), which are
// not watches started in the function; and calls with a bool result,
// such as client-go reactors' (handled, watch, error).
//
//	// BAD: the second return leaves w open
//	w, err := pods.Watch(ctx, opts)
//	if err != nil {
//		return err
//	}
//	ev, ok := <-w.ResultChan()
//	if !ok || ev.Type == watch.Error {
//		return errors.New("watch failed")
//	}
//	w.Stop()
//
//	// GOOD
//	w, err := pods.Watch(ctx, opts)
//	if err != nil {
//		return err
//	}
//	defer w.Stop()
//
// # Break in a select
//
// A bare break in a case of a select that is the last statement of a
// loop reading a watch, where the break was meant to leave the loop: in
// the case <-ctx.Done(), under if !ok for the case's own receive, or as
// the last thing the case does. It leaves the select only, and the loop
// goes round again: it spins when ctx is done (the Done channel stays
// closed) or the watch's channel is closed, and a break that ends a case
// says the loop should end although it does not. The suggested fix is a
// labelled break (adding the label when the loop has none) or, when it
// is the same, return.
//
// Left alone: a break that skips the rest of a case or is followed by
// more of the loop body, and a case that sets a variable of the loop's
// condition, which may end the loop after the break.
//
//	// BAD
//	case <-ctx.Done():
//		break
//
//	// GOOD
//	case <-ctx.Done():
//		return
//
// # Limitations
//
// A channel handed in as a parameter of type <-chan watch.Event is not
// known to be a watch's channel; the origin of a watch is followed
// through the local variables of one declaration only, and through a
// field x.f of a local x only to what the same function (or one that
// encloses it) assigned it before the loop; and any call that
// takes a ctx and returns a context is assumed to derive from it.
//
// # Test files
//
// Watch loops in _test.go files (tests that drive a fake watcher and stop
// it themselves) are left alone unless -include-tests, as every check
// leaves alone what tests do by design. Test support packages that are
// not _test.go files are reported as any other code.
//
// # Options
//
// -check-stop=false turns off the rule "Watches not stopped".
// -ctx-closes-watch=false stops trusting that a watch created from the
// ctx in scope closes when ctx ends; use it when your watchers ignore
// their context: every loop that only the watch closing ends is then
// reported.
// -include-tests also reports watch loops in _test.go files; the ctxlint
// command's -include-tests sets it, with every other check's.
package watchloop
