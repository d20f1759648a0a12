package app

import (
	"context"
	"net"

	"example.com/xpkg/util"
)

func Handle(ctx context.Context) error {
	// A root context of another package is reported once, at the first
	// call that reaches it (util.Deep reaches the same one).
	if err := util.Lookup(); err != nil { // want `^inheritctx: context.TODO\(\) in util.Lookup \(example.com/xpkg/util/util.go:9\), which Handle calls without its ctx; thread a context.Context parameter down and pass ctx$`
		return err
	}
	if err := util.Deep(); err != nil {
		return err
	}
	// The two roots util.Both reaches are one finding at the call: passing
	// ctx into util.Both fixes both. Each root is related information.
	util.Both()              // want `^inheritctx: context.TODO\(\) in util.Both \(example.com/xpkg/util/util.go:16\) and 1 more root context, which Handle calls without its ctx; thread a context.Context parameter down and pass ctx$`
	util.Detached()          // ok: the helper detaches on purpose
	return util.WithCtx(ctx) // ok: takes ctx
}

// ok: the standard library is not code under development, so no facts are
// computed for it and net.Listen's own context.Background() is not
// followed. (net.Dial, in the table of calls without the context, would
// be reported as such.)
func Dial(ctx context.Context) error {
	c, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return err
	}
	return c.Close()
}

func HandleTheReloadRequestOfTheAdministrator(ctx context.Context) error {
	return util.ReloadTheWholeClusterCacheFromScratchNow() // want `^inheritctx: context.TODO\(\) in util.ReloadTheWholeClusterCacheFromScratchNow \(util.go:\d+\), which HandleTheReloadRequestOfTheAdministrator calls without its ctx; thread`
}
