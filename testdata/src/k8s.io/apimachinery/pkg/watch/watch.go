// Package watch is a stub of k8s.io/apimachinery/pkg/watch for ctxlint
// tests.
package watch

import "k8s.io/apimachinery/pkg/runtime"

type Interface interface {
	Stop()
	ResultChan() <-chan Event
}

type EventType string

const (
	Added    EventType = "ADDED"
	Modified EventType = "MODIFIED"
	Deleted  EventType = "DELETED"
	Bookmark EventType = "BOOKMARK"
	Error    EventType = "ERROR"
)

type Event struct {
	Type   EventType
	Object runtime.Object
}

type FakeWatcher struct {
	result  chan Event
	stopped bool
}

func NewFake() *FakeWatcher { return &FakeWatcher{result: make(chan Event)} }

func NewFakeWithChanSize(size int, blocking bool) *FakeWatcher {
	return &FakeWatcher{result: make(chan Event, size)}
}

func (f *FakeWatcher) Stop()                     { f.stopped = true }
func (f *FakeWatcher) IsStopped() bool           { return f.stopped }
func (f *FakeWatcher) Reset()                    {}
func (f *FakeWatcher) ResultChan() <-chan Event  { return f.result }
func (f *FakeWatcher) Add(obj runtime.Object)    { f.result <- Event{Added, obj} }
func (f *FakeWatcher) Modify(obj runtime.Object) { f.result <- Event{Modified, obj} }
func (f *FakeWatcher) Delete(lastValue runtime.Object) {
	f.result <- Event{Deleted, lastValue}
}
func (f *FakeWatcher) Action(action EventType, obj runtime.Object) { f.result <- Event{action, obj} }

func NewEmptyWatch() Interface { return NewFake() }

type FilterFunc func(in Event) (out Event, keep bool)

func Filter(w Interface, f FilterFunc) Interface { return w }
