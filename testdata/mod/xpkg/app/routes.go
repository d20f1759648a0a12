package app

import (
	"context"
	"fmt"

	"example.com/xpkg/router"
	"example.com/xpkg/router/static"
)

// A call through an interface of another package of the module reaches
// its implementations in the packages this one imports. The interface
// is the module's own: its signature can take a ctx.
func Shift(ctx context.Context) error {
	var r router.Router = static.New()
	return r.SetWeight(10) // want `^inheritctx: context.TODO\(\) in static.Static.SetWeight \(example.com/xpkg/router/static/static.go:14\), which Shift calls without its ctx; thread a context.Context parameter down and pass ctx$`
}

// ok: fmt.Stringer is not an interface of the module, so its
// implementations are not followed.
func Describe(ctx context.Context) string {
	var s fmt.Stringer = &static.Static{}
	return s.String()
}
