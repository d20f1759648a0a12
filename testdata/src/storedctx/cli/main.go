// Package main is a command: every caller of its functions is in view.
package main

import (
	"context"
	"os"

	"sigs.k8s.io/controller-runtime/pkg/client"
)

// The command's configuration keeps the process's root context: no code
// above newConfig has a ctx to give.
type config struct {
	ctx context.Context // ok: the process's root, made where no ctx is in scope
	c   client.Client
}

func newConfig(c client.Client) *config {
	return &config{ctx: context.Background(), c: c}
}

func main() {
	cfg := newConfig(nil)
	if err := run(cfg); err != nil {
		os.Exit(1)
	}
	serve(context.Background(), nil)
	_ = later(nil)
}

func run(cfg *config) error { return cfg.c.Get(cfg.ctx, client.ObjectKey{}, nil) }

// Neighbours that are still reported.

// Built below a function that has a ctx, which it should have passed.
type session struct {
	ctx context.Context // want `^field ctx of session stores a context, set to context.Background\(\) in newSession, which is never cancelled`
	c   client.Client
}

func newSession(c client.Client) *session {
	return &session{ctx: context.Background(), c: c}
}

func serve(ctx context.Context, c client.Client) {
	s := newSession(c)
	_ = s.sync()
}

func (s *session) sync() error { return s.c.Get(s.ctx, client.ObjectKey{}, nil) }

// Built by a function used as a value: who calls it is not known.
type job struct {
	ctx context.Context // want `^field ctx of job stores a context, set to context.Background\(\) in newJob, which is never cancelled`
	c   client.Client
}

func newJob(c client.Client) *job { return &job{ctx: context.Background(), c: c} }

func later(c client.Client) error {
	build := newJob
	j := build(c)
	return j.c.Get(j.ctx, client.ObjectKey{}, nil)
}
