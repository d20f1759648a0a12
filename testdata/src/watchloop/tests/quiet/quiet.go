// Package quiet is watchloop on a package with tests, by default: loops
// in _test.go files are left alone, the others are reported.
package quiet

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
