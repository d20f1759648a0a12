// Package lister declares per-call objects that exported constructors
// build with the ctx they are given.
package lister

import "context"

// Lister is built for one listing, with the ctx of the call that lists.
type Lister struct {
	ctx context.Context // ok: left to the callers of NewLister
	ns  string
}

// NewLister builds a Lister; its calls in other packages are checked
// there.
func NewLister(ctx context.Context, ns string) *Lister { // want NewLister:"PerCall"
	return &Lister{ctx: ctx, ns: ns}
}

func (l *Lister) List() ([]string, error) { return get(l.ctx, l.ns) }

func get(ctx context.Context, ns string) ([]string, error) { return []string{ns}, ctx.Err() }

// Runner builds a Lister for each run from the context it keeps; it is
// a per-call object of its own callers' too.
type Runner struct {
	ctx  context.Context // ok: left to the callers of NewRunner
	last *cursor
}

func NewRunner(ctx context.Context) *Runner { return &Runner{ctx: ctx} } // want NewRunner:"PerCall"

// ok for Lister: a per-call Lister built from a context field, which is
// judged at that field.
func (r *Runner) Run() error {
	l := NewLister(r.ctx, "a")
	_, err := l.List()
	return err
}

// Watcher is built by an exported constructor too, but this package
// keeps the value beyond the call that builds it.
type Watcher struct {
	ctx context.Context // want `field ctx of Watcher stores a context`
}

func NewWatcher(ctx context.Context) *Watcher { return &Watcher{ctx: ctx} }

var watchers = map[string]*Watcher{}

func Watch(ctx context.Context, name string) { watchers[name] = NewWatcher(ctx) }

func (w *Watcher) Names() ([]string, error) { return get(w.ctx, "w") }

// Reported: built from a context field too, but kept beyond the call.
type cursor struct {
	ctx context.Context // want `field ctx of cursor stores a context`
}

func newCursor(ctx context.Context) *cursor { return &cursor{ctx: ctx} }

func (c *cursor) next() ([]string, error) { return get(c.ctx, "c") }

func (r *Runner) Keep() { r.last = newCursor(r.ctx) }

func (r *Runner) Next() ([]string, error) { return r.last.next() }
