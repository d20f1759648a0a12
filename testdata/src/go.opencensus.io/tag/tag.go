// Package tag is a stub of go.opencensus.io/tag for ctxlint tests: a
// subset of the real functions and types.
package tag

import "context"

type Key struct{ name string }

func NewKey(name string) (Key, error) { return Key{name: name}, nil }

func MustNewKey(name string) Key { return Key{name: name} }

type Map struct{ m map[Key]string }

type Mutator interface {
	Mutate(t *Map) (*Map, error)
}

type metadatas struct{}

type Metadata func(*metadatas)

func Insert(k Key, v string, mds ...Metadata) Mutator { return nil }

func Upsert(k Key, v string, mds ...Metadata) Mutator { return nil }

func New(ctx context.Context, mutator ...Mutator) (context.Context, error) { return ctx, nil }

func FromContext(ctx context.Context) *Map { return nil }
