package quiet

import (
	"context"
	"testing"

	"k8s.io/apimachinery/pkg/watch"
)

// ok: a test's loop over a fake watcher, which the test stops.
func followInTest(ctx context.Context, w watch.Interface) {
	for ev := range w.ResultChan() {
		handle(ev)
	}
}

func TestFollow(t *testing.T) {
	w := watch.NewFake()
	go w.Stop()
	followInTest(context.Background(), w)
}
