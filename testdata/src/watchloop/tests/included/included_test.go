package included

import (
	"context"
	"testing"

	"k8s.io/apimachinery/pkg/watch"
)

func followInTest(ctx context.Context, w watch.Interface) {
	for ev := range w.ResultChan() { // want `^loop over w.ResultChan\(\) ignores ctx`
		handle(ev)
	}
}

func TestFollow(t *testing.T) {
	w := watch.NewFake()
	go w.Stop()
	followInTest(context.Background(), w)
}
