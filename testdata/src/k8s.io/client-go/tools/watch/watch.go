// Package watch is a stub of k8s.io/client-go/tools/watch for ctxlint
// tests: the real signatures, a subset of the functions.
package watch

import (
	"context"

	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/tools/cache"
)

type ConditionFunc func(event watch.Event) (bool, error)

func UntilWithoutRetry(ctx context.Context, watcher watch.Interface, conditions ...ConditionFunc) (*watch.Event, error) {
	return nil, nil
}

type RetryWatcher struct {
	resultChan chan watch.Event
	doneChan   chan struct{}
}

func NewRetryWatcher(initialResourceVersion string, watcherClient cache.Watcher) (*RetryWatcher, error) {
	return &RetryWatcher{}, nil
}

func NewRetryWatcherWithContext(ctx context.Context, initialResourceVersion string, watcherClient cache.WatcherWithContext) (*RetryWatcher, error) {
	return &RetryWatcher{}, nil
}

func (rw *RetryWatcher) ResultChan() <-chan watch.Event { return rw.resultChan }

func (rw *RetryWatcher) Stop() {}

func (rw *RetryWatcher) Done() <-chan struct{} { return rw.doneChan }
