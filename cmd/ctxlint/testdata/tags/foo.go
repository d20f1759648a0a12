//go:build foo

package tags

import "context"

func f(ctx context.Context) {
	use(context.TODO())
}
