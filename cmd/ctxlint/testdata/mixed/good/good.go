package good

import "context"

func use(ctx context.Context) {}

func f(ctx context.Context) {
	use(context.TODO())
}
