package app

import (
	"context"

	"example.com/xpkg/left"
	"example.com/xpkg/mid"
	"example.com/xpkg/names"
	"example.com/xpkg/right"
	"example.com/xpkg/store"
)

// A chain across three packages: app -> mid -> util.
func Chain(ctx context.Context) error {
	return mid.Fetch() // want `^inheritctx: context.TODO\(\) in deep.Query \(example.com/xpkg/deep/deep.go:10\), which Chain calls without its ctx \(via mid.Fetch\); thread a context.Context parameter down and pass ctx$`
}

// A diamond: both sides reach the one root context of base, which is one
// finding, at the first call.
func Diamond(ctx context.Context) error {
	if err := left.Left(); err != nil { // want `^inheritctx: context.Background\(\) in base.Load \(example.com/xpkg/base/base.go:10\), which Diamond calls without its ctx \(via left.Left\); thread`
		return err
	}
	return right.Right()
}

// A generic helper of another package, instantiated here.
func Generic(ctx context.Context) int {
	return mid.Get(1) // want `^inheritctx: context.Background\(\) in deep.Pick \(example.com/xpkg/deep/deep.go:13\), which Generic calls without its ctx \(via mid.Get\); thread`
}

// A method of another package reached through a method value.
func MethodValue(ctx context.Context, s *store.Store) error {
	refresh := s.Refresh
	return refresh() // want `^inheritctx: context.TODO\(\) in store.Store.Refresh \(example.com/xpkg/store/store.go:12\), which MethodValue calls without its ctx; thread`
}

// ok: the ctx-taking method, through a method value.
func MethodValueCtx(ctx context.Context, s *store.Store) error {
	ping := s.Ping
	return ping(ctx)
}

// Hello uses a package that reaches no context.
func Hello() string { return names.Greeting }
