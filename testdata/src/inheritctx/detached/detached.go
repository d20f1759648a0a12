package detached

import (
	. "context"
	ctxpkg "context"
)

func work(ctx ctxpkg.Context) {}

// With -report-detached, the fix keeps the package's own qualifier.
func qualified(ctx ctxpkg.Context) {
	go work(ctxpkg.Background()) // want `^context.Background\(\) in a goroutine drops the values and trace of ctx, the context qualified receives; use context.WithoutCancel\(ctx\)$`
	defer work(ctxpkg.TODO())    // want `context.TODO\(\) in a deferred call drops the values and trace of ctx`
}

func dotImported(ctx Context) {
	go work(Background()) // want `context.Background\(\) in a goroutine`
}
