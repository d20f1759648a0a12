package suppress

import (
	"context"
	"net/http"
)

func use(ctx context.Context) {}

func reported(ctx context.Context) {
	use(context.TODO()) // reported
}

func nolint(ctx context.Context) {
	use(context.TODO()) //nolint:ctxlint // golangci-lint's own directive silences the linter
}

func ignored(ctx context.Context) {
	//ctxlint:ignore inheritctx ctxlint's directive works through golangci-lint too
	use(context.TODO())
}

func handler(w http.ResponseWriter, r *http.Request) {
	use(context.TODO()) // excluded by the config's exclusions rule on "^webhookctx:"
}
