package basic

import "context"

// Fields that golangci-lint's containedctx, the peer linter, was told to
// leave alone: the code already says the context is kept on purpose.
type quietAbove struct {
	//nolint:containedctx
	ctx context.Context
}

type quietTrailing struct {
	ctx context.Context //nolint: containedctx // the loop's lifetime
}

type quietAll struct {
	ctx context.Context //nolint:all
}

func newQuiet(ctx context.Context) (*quietAbove, *quietTrailing, *quietAll) {
	return &quietAbove{ctx: ctx}, &quietTrailing{ctx: ctx}, &quietAll{ctx: ctx}
}

// Reported: a directive for another linter.
type otherLinter struct {
	ctx context.Context //nolint:lll // want `^field ctx of otherLinter stores a context`
}

func newOtherLinter(ctx context.Context) *otherLinter { return &otherLinter{ctx: ctx} }
