package app

import (
	"context"

	"example.com/xpkg/util"
)

func Handle(ctx context.Context) error {
	if err := util.Lookup(); err != nil { // want `^inheritctx: util.Lookup makes its own root context \(context.TODO\(\) at example.com/xpkg/util/util.go:9\) although ctx, the context Handle receives, is in scope`
		return err
	}
	if err := util.Deep(); err != nil { // want `inheritctx: util.Deep makes its own root context \(via Lookup, context.TODO\(\) at example.com/xpkg/util/util.go:9\)`
		return err
	}
	util.Detached()          // ok: the helper detaches on purpose
	return util.WithCtx(ctx) // ok: takes ctx
}
