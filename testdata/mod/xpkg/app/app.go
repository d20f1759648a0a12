package app

import (
	"context"
	"net"

	"example.com/xpkg/util"
)

func Handle(ctx context.Context) error {
	if err := util.Lookup(); err != nil { // want `^inheritctx: util.Lookup makes a root context \(context.TODO\(\) at example.com/xpkg/util/util.go:9\); make it take a context.Context and pass ctx, the context Handle receives`
		return err
	}
	if err := util.Deep(); err != nil { // want `inheritctx: util.Deep makes a root context \(context.TODO\(\) at example.com/xpkg/util/util.go:9, via Lookup\)`
		return err
	}
	util.Detached()          // ok: the helper detaches on purpose
	return util.WithCtx(ctx) // ok: takes ctx
}

// ok: the standard library is not code under development, so no facts are
// computed for it and net.Dial's own context.Background() is not followed.
func Dial(ctx context.Context) error {
	c, err := net.Dial("tcp", "localhost:0")
	if err != nil {
		return err
	}
	return c.Close()
}
