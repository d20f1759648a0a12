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

// One entry silences a root context that many calls reach.
func minted() { use(context.TODO()) }

func callsA(ctx context.Context) { minted() }
func callsB(ctx context.Context) { minted() }
func callsC(ctx context.Context) { minted() }

// A root context added to a helper that the baseline records (with one
// root) changes the helper's one finding, which is then new.
func mintedTwice() {
	use(context.TODO()) // want `^inheritctx: context.TODO\(\) and 1 more root context in mintedTwice, which callsTwice calls without its ctx`
	use(context.Background())
}

func callsTwice(ctx context.Context) { mintedTwice() }
