package stopchan

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/tools/cache"
)

// ok: no ctx in scope: wait.NeverStop is what there is.
func main() {
	var f informers.SharedInformerFactory
	f.Start(wait.NeverStop)
	stop := make(chan struct{})
	f.Start(stop)
}

// ok: the ctx's own channel, and a stop channel the caller gave.
func Good(ctx context.Context, f informers.SharedInformerFactory, stopCh <-chan struct{}) {
	f.Start(ctx.Done())
	f.Start(stopCh)
}

// ok: the channel is closed, returned, passed on or stored: something
// can close it.
func Closed(ctx context.Context, f informers.SharedInformerFactory) {
	stop := make(chan struct{})
	defer close(stop)
	f.Start(stop)
}

func Returned(ctx context.Context, f informers.SharedInformerFactory) chan struct{} {
	stop := make(chan struct{})
	f.Start(stop)
	return stop
}

func PassedOn(ctx context.Context, f informers.SharedInformerFactory) {
	stop := make(chan struct{})
	go closeOnDone(ctx, stop)
	f.Start(stop)
}

func closeOnDone(ctx context.Context, stop chan struct{}) { <-ctx.Done(); close(stop) }

type runner struct{ stop chan struct{} }

func (r *runner) Stored(ctx context.Context, f informers.SharedInformerFactory) {
	stop := make(chan struct{})
	r.stop = stop
	f.Start(stop)
}

func Captured(ctx context.Context, f informers.SharedInformerFactory) {
	stop := make(chan struct{})
	go func() {
		<-ctx.Done()
		close(stop)
	}()
	f.Start(stop)
}

// ok: a channel of another element type, or one that is not made here.
func OtherChans(ctx context.Context, f informers.SharedInformerFactory, stop chan struct{}) {
	f.Start(stop)
}

// ok: the ctx is done here; a fresh stop channel is right.
func Done(ctx context.Context, f informers.SharedInformerFactory) {
	<-ctx.Done()
	f.Start(wait.NeverStop)
}

// ok by default: in a goroutine (reported with -report-detached).
func Detached(ctx context.Context, inf cache.SharedIndexInformer) {
	go inf.Run(wait.NeverStop)
	defer wait.Until(func() {}, time.Second, wait.NeverStop)
}

// ok: another function of the same name, and a method Run of another
// type.
func Until(f func(), period time.Duration, stopCh <-chan struct{}) {}

type other struct{}

func (other) Run(stopCh <-chan struct{}) {}

func NotTheAPI(ctx context.Context) {
	Until(func() {}, time.Second, wait.NeverStop)
	other{}.Run(wait.NeverStop)
}

// ok: a variable of the same name that is not wait.NeverStop.
var NeverStop <-chan struct{} = make(chan struct{})

func SameName(ctx context.Context, f informers.SharedInformerFactory) {
	f.Start(NeverStop)
}
