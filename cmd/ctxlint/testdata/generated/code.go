package generated

import "context"

func f(ctx context.Context) {
	use(context.Background())
}
