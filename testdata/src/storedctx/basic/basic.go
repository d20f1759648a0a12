package basic

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/jackc/puddle/v2"
)

func push(ctx context.Context) error { return nil }

// A per-call carrier: the general message.
type job struct {
	ctx  context.Context // want `^field ctx of job stores a context: a stored context outlives the call it belongs to; pass ctx to the functions that need it instead$`
	name string
}

func runJob(j job) error { return push(j.ctx) }

// Several names in one field declaration: one finding each.
type pair struct {
	a, b context.Context // want `field a of pair stores a context` `field b of pair stores a context`
}

// Containers of contexts.
type containers struct {
	p     *context.Context                // want `field p of containers stores a pointer to a context \(\*context.Context\)`
	s     []context.Context               // want `field s of containers stores contexts \(\[\]context.Context\)`
	a     [2]context.Context              // want `field a of containers stores contexts \(\[2\]context.Context\)`
	m     map[string]context.Context      // want `field m of containers stores contexts \(map\[string\]context.Context\)`
	k     map[context.Context]bool        // want `field k of containers stores contexts \(map\[context.Context\]bool\)`
	ch    chan context.Context            // want `field ch of containers stores contexts \(chan context.Context\)`
	nest  map[string][]*context.Context   // want `field nest of containers stores contexts`
	at    atomic.Pointer[context.Context] // want `field at of containers stores a context inside atomic.Pointer\[context.Context\]`
	named ctxList                         // want `field named of containers stores contexts \(ctxList\)`

	fn    func() context.Context              // ok: a function provides contexts, it keeps none
	done  interface{ Done() <-chan struct{} } // ok: not a context
	x     any                                 // ok: not seen (documented limitation)
	inner carrier                             // ok: reported at carrier's own field
}

type ctxList []context.Context

type carrier struct {
	ctx context.Context // want `field ctx of carrier stores a context`
}

// Aliases and named interfaces that embed context.Context.
type Ctx = context.Context

type LoggingContext interface {
	context.Context
	Log(string)
}

type aliases struct {
	a Ctx            // want `field a of aliases stores a context \(Ctx\)`
	l LoggingContext // want `field l of aliases stores a context \(LoggingContext\)`
}

type aliasOfStruct = struct {
	ctx context.Context // want `field ctx of aliasOfStruct stores a context`
}

// Generics.
type Box[T any] struct {
	v T // ok: T is any type, not a context
}

type holder struct {
	b Box[context.Context] // want `field b of holder stores a context inside Box\[context.Context\]`
	n Box[int]             // ok: no context
}

// A type parameter constrained by context.Context is a context in every
// instantiation.
type scoped[C context.Context] struct {
	ctx C // want `field ctx of scoped stores a context \(C\)`
}

type ring[T any] struct {
	next *ring[T] // ok: the generic declaration keeps no context
	v    T
}

type holdsRing struct {
	r ring[context.Context] // want `field r of holdsRing stores a context inside ring\[context.Context\]`
}

// Embedded: a type whose methods receive a ctx is not a context wrapper.
type worker struct {
	context.Context // want `^embedded field Context of worker stores a context, though Do receives a ctx of its own; use Do's ctx parameter and remove the field$`
	n               int
}

func (w *worker) Do(ctx context.Context) error { return push(ctx) }

// Anonymous structs.
var table = []struct {
	ctx  context.Context // want `field ctx of the anonymous struct in table stores a context`
	name string
}{}

func channels() {
	msgs := make(chan struct { // the struct is anonymous
		ctx context.Context // want `field ctx of the anonymous struct in msgs stores a context`
		v   int
	})
	_ = msgs
}

type outer struct {
	inner struct {
		ctx context.Context // want `field ctx of an anonymous struct in outer stores a context`
	}
}

func local() {
	type step struct {
		ctx context.Context // want `field ctx of step stores a context`
	}
	_ = step{}
}

// A func() field that is not a cancel function does not own a lifetime.
type ticker struct {
	ctx  context.Context // want `field ctx of ticker stores a context, set to context.Background\(\) in newTicker, which is never cancelled`
	tick func()
}

func newTicker() *ticker {
	return &ticker{ctx: context.Background(), tick: func() {}}
}

// A func() field that holds the cancel function of a context.WithTimeout
// owns the lifetime: see silent.go. Here the timeout's cancel is dropped.
type timed struct {
	ctx context.Context // want `field ctx of timed stores a context`
}

func newTimed(parent context.Context) *timed {
	ctx, _ := context.WithTimeout(parent, time.Second)
	return &timed{ctx: ctx}
}

// A per-call stream that a function fills with its own ctx and then
// reads back: not a conflict, the general message.
type stream struct {
	ctx  context.Context // want `^field ctx of stream stores a context: a stored context outlives the call it belongs to`
	name string
}

func handleStream(ctx context.Context, name string) error {
	s := &stream{ctx: ctx, name: name}
	s.ctx = context.WithValue(s.ctx, streamKey{}, name)
	return push(s.ctx)
}

type streamKey struct{}

// A generic struct of this package with a context field of its own: the
// field is reported where it is declared, not in every struct that
// holds an instance.
type fixedBox[T any] struct {
	ctx context.Context // want `field ctx of fixedBox stores a context`
	v   T
}

type holdsFixed struct {
	b fixedBox[int] // ok: fixedBox's own field is reported at fixedBox
}

// A pool from another module that keeps its own context: not this
// struct storing one.
type conns[T any] struct {
	pools map[string]*puddle.Pool[T] // ok: puddle.Pool's own baseAcquireCtx, not a type argument
	byID  puddle.Pool[int]           // ok: likewise
}

// The same pool over a type argument that is a context keeps contexts
// this struct chose.
type ctxPools struct {
	res *puddle.Resource[context.Context] // want `field res of ctxPools stores a pointer to a context`
}

// The types above are used, so that their fields count.
var _ = []any{pair{}, containers{}, aliases{}, holder{}, scoped[context.Context]{}, holdsRing{}, ctxPools{}}

// Dead code: an unexported type that nothing in the package refers to
// keeps no context, whatever its fields are.
type leftover struct {
	ctx  context.Context // ok: the type is never used
	name string
}

// Its nearest neighbours are reported: an exported type may be used by
// other packages, and a used one by this package.
type Leftover struct {
	ctx context.Context // want `field ctx of Leftover stores a context`
}

type used struct {
	ctx context.Context // want `field ctx of used stores a context`
}

func makeUsed() *used { return new(used) }
