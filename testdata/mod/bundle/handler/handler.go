// Package handler declares structs with exported context fields that
// other packages of the module fill in.
package handler

import "context"

func use(ctx context.Context) error { return ctx.Err() }

// Handler is a per-call bundle: this package never sets Ctx, so the
// packages that build a Handler decide, and report their own stores.
type Handler struct {
	Ctx  context.Context // ok: left to the packages that build it
	Name string
}

func (h *Handler) Update() error { return use(h.Ctx) }

func Process(h Handler) error { return use(h.Ctx) }

// Set by this package's exported constructor: left to its callers, which
// are checked where they are (see package scaling).
type Session struct {
	Ctx context.Context
}

func NewSession(ctx context.Context) *Session { return &Session{Ctx: ctx} } // want NewSession:"PerCall"

func (s *Session) Do() error { return use(s.Ctx) }

// Read in place of a ctx in scope: reported here, whoever sets it.
type Job struct {
	Ctx context.Context // want `^field Ctx of Job stores a context: Run uses it in place of its own ctx`
}

func (j *Job) Run(ctx context.Context) error { return use(j.Ctx) }
