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

// A ctx-less helper called only in a go statement: with -report-detached
// its root context is reported, at the root.
func background() { work(ctxpkg.TODO()) } // want `^context.TODO\(\) in background, which spawner calls without its ctx; thread a context.Context parameter down and pass ctx$`

func spawner(ctx ctxpkg.Context) { go background() }

// With -report-detached, a clean-up closure run where the function fails
// is reported, and the fix keeps ctx's values without its cancel.
func cleansUp(ctx ctxpkg.Context, fail bool) error {
	undo := func() {
		work(ctxpkg.Background()) // want `^context.Background\(\) in a clean-up drops the values and trace of ctx, the context cleansUp receives; use context.WithoutCancel\(ctx\)$`
	}
	if fail {
		undo()
		return ctxpkg.Canceled
	}
	return nil
}
