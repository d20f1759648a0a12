package findings

import "context"

func use(ctx context.Context) {}

func f(ctx context.Context) {
	use(context.TODO())
}

func g(ctx context.Context) {
	use(context.Background())
}
