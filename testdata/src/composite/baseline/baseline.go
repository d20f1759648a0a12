package baseline

import "context"

func use(ctx context.Context) {}

func recorded(ctx context.Context) {
	use(context.TODO())
	use(context.TODO())
}

func fresh(ctx context.Context) {
	use(context.Background()) // want `^inheritctx: context.Background`
}

func grown(ctx context.Context) {
	use(context.TODO())
	use(context.TODO()) // want `^inheritctx: context.TODO`
}
