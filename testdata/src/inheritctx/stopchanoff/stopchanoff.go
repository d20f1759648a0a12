// Package stopchanoff: a wait loop on wait.NeverStop is one finding. By
// default it is the stop channel's (whose fix passes ctx.Done()); with
// -stopchan=false, the ctx-less call's.
package stopchanoff

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
)

func Loop(ctx context.Context, f func()) {
	wait.Until(f, time.Second, wait.NeverStop) // want `^wait.Until cannot carry ctx, the context Loop receives; use wait.UntilWithContext\(ctx, \.\.\.\)$`
}
