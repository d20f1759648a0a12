// Package old is a module at go 1.20: context.WithoutCancel does not
// exist there, so detached findings come without a fix.
package old

import "context"

func work(ctx context.Context) {}

func detach(ctx context.Context) {
	go work(context.TODO()) // want `context.TODO\(\) in a goroutine drops the values and trace of ctx`
	work(context.TODO())    // want `context.TODO\(\) replaces ctx`
}
