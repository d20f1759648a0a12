// Package backup calls lister's constructor.
package backup

import (
	"context"
	"os"
	"os/signal"

	"example.com/ctors/lister"
)

type Reconciler struct {
	l      *lister.Lister
	byName map[string]*lister.Lister
}

// ok: built with the call's ctx and used within the call, or passed to a
// function.
func (r *Reconciler) Backup(ctx context.Context) error {
	l := lister.NewLister(ctx, "ns")
	if _, err := l.List(); err != nil {
		return err
	}
	return count(lister.NewLister(ctx, "other"))
}

func count(l *lister.Lister) error {
	_, err := l.List()
	return err
}

// Reported: kept in a field or a map beyond the call, or used by a
// goroutine that may outlive it.
func (r *Reconciler) Keep(ctx context.Context, name string) {
	r.l = lister.NewLister(ctx, "ns")                       // want `^the lister.Lister that NewLister builds keeps ctx, and it is kept here beyond this call; pass ctx to the methods that need it instead$`
	r.byName[name] = lister.NewLister(ctx, name)            // want `the lister.Lister that NewLister builds keeps ctx`
	l := lister.NewLister(context.WithoutCancel(ctx), "bg") // ok: not the call's ctx
	go count(l)
	m := lister.NewLister(ctx, "m") // want `the lister.Lister that NewLister builds keeps ctx`
	go count(m)
}

// ok: no ctx in scope, the process's signal context, a root context.
func Setup() *lister.Lister {
	return lister.NewLister(context.Background(), "x")
}

var kept *lister.Lister

func Main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	kept = lister.NewLister(ctx, "main")
}

// ok: an exported wrapper that returns the value as it is: its own
// callers are checked where they are.
func NewBackupLister(ctx context.Context) *lister.Lister { // want NewBackupLister:"PerCall"
	return lister.NewLister(ctx, "backup")
}
