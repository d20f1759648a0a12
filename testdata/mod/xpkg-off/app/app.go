package app

import (
	"context"

	"example.com/xpkgoff/util"
)

func Handle(ctx context.Context) error {
	if err := util.Lookup(); err != nil {
		return err
	}
	if err := util.Deep(); err != nil {
		return err
	}
	util.Detached()          // ok: the helper detaches on purpose
	return util.WithCtx(ctx) // ok: takes ctx
}
