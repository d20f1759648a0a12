package tags

import "context"

func use(ctx context.Context) {}
