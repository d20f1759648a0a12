// Package timeouts has context factories: ctx-less helpers that hand
// their caller a lifetime made from a root context.
package timeouts

import (
	"context"
	"time"
)

func Op(d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), d)
}

// opaque is not exported: no other package calls it.
func opaque(d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), d)
}

var _, _ = opaque(0)

func Probe(d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.TODO(), d)
}
