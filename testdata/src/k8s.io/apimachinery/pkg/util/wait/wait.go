// Package wait is a stub of k8s.io/apimachinery/pkg/util/wait for ctxlint
// tests.
package wait

import (
	"context"
	"time"
)

type ConditionFunc func() (done bool, err error)

type ConditionWithContextFunc func(context.Context) (done bool, err error)

func PollUntilContextCancel(ctx context.Context, interval time.Duration, immediate bool, condition ConditionWithContextFunc) error {
	return nil
}

func PollUntilContextTimeout(ctx context.Context, interval, timeout time.Duration, immediate bool, condition ConditionWithContextFunc) error {
	return nil
}

func UntilWithContext(ctx context.Context, f func(context.Context), period time.Duration) {}

func Until(f func(), period time.Duration, stopCh <-chan struct{}) {}
