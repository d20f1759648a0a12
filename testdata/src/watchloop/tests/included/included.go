// Package included is watchloop with -include-tests: loops in _test.go
// files are reported too.
package included

import (
	"context"

	"k8s.io/apimachinery/pkg/watch"
)

func handle(ev watch.Event) {}

func follow(ctx context.Context, w watch.Interface) {
	for ev := range w.ResultChan() { // want `^loop over w.ResultChan\(\) ignores ctx`
		handle(ev)
	}
}
