// Package nowatch cannot see k8s.io/apimachinery/pkg/watch: watchloop
// returns at once.
package nowatch

import "context"

type Event struct{}

type fakeWatch struct{ ch chan Event }

func (f fakeWatch) Stop()                    {}
func (f fakeWatch) ResultChan() <-chan Event { return f.ch }

// ok: not a k8s watch.
func loop(ctx context.Context, w fakeWatch) {
	for {
		ev := <-w.ResultChan()
		_ = ev
	}
}
