package tests

import "context"

type Client struct {
	ctx context.Context // want `field ctx of Client stores a context`
}
