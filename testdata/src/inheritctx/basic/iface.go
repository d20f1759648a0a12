package basic

import "context"

// A call through an interface declared in this package may reach each
// of the package's types that implement it.

type stepper interface {
	step(name string) error
}

type pushStep struct{ c *Client }

func (s *pushStep) step(name string) error { return s.c.push(context.TODO()) } // want `^context.TODO\(\) in pushStep.step, which Pipeline.Run calls without its ctx; thread a context.Context parameter down and pass ctx$`

type Pipeline struct{ s stepper }

func (p *Pipeline) Run(ctx context.Context) error { return p.s.step("a") }

// ok: an implementation whose method takes a ctx uses it.
type fetcher interface {
	fetch(ctx context.Context, name string) error
}

type pushFetch struct{ c *Client }

func (f pushFetch) fetch(ctx context.Context, name string) error { return f.c.push(ctx) }

func fetchAll(ctx context.Context, f fetcher) error { return f.fetch(ctx, "a") }

// ok: an implementation with no root context of its own.
type namer interface{ name() string }

type fixedName struct{}

func (fixedName) name() string { return "fixed" }

func named(ctx context.Context, n namer) string { return n.name() }
