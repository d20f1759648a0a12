package app

import (
	"context"
	"time"

	"example.com/xpkg/timeouts"
)

// A context factory of another package: Apply keeps what it returns for
// its own work, in place of the ctx it could derive it from.
func Apply(ctx context.Context) error {
	tctx, cancel := timeouts.Op(time.Second) // want `^inheritctx: context.Background\(\) in timeouts.Op \(example.com/xpkg/timeouts/timeouts.go:11\), which Apply calls without its ctx; thread a context.Context parameter down and pass ctx$`
	defer cancel()
	return apply(tctx)
}

// ok: the lifetime is handed on to the caller.
func Lease(ctx context.Context) (context.Context, context.CancelFunc) {
	return timeouts.Op(time.Second)
}

// ok: no ctx in scope.
func applyAll() error {
	tctx, cancel := timeouts.Op(time.Second)
	defer cancel()
	return apply(tctx)
}

var _ = applyAll

func apply(ctx context.Context) error { return nil }

// Through a ctx-less helper of this package that keeps the context of
// another package's factory for its own work.
func Ready(ctx context.Context) error {
	return probe() // want `^inheritctx: context.TODO\(\) in timeouts.Probe \(example.com/xpkg/timeouts/timeouts.go:22\), which Ready calls without its ctx \(via probe\); thread a context.Context parameter down and pass ctx$`
}

func probe() error {
	pctx, cancel := timeouts.Probe(time.Second)
	defer cancel()
	return apply(pctx)
}
