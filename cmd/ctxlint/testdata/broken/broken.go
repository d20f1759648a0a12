package broken

import "context"

func f(ctx context.Context) {
	return 1
}
