package basic

import (
	"context"
	"io"

	"sigs.k8s.io/controller-runtime/pkg/client"
)

// An interface of the package's own imposes nothing: the package can
// give its methods a ctx, so a type that keeps a context for them is no
// adapter.
type zoneAPI interface {
	ListZones() ([]string, error)
}

type zoneClient struct {
	ctx context.Context // want `^field ctx of zoneClient stores a context, set to context.Background\(\) in newZoneProvider`
	c   client.Client
}

func (z *zoneClient) ListZones() ([]string, error) {
	return nil, z.c.Get(z.ctx, client.ObjectKey{}, nil)
}

type zoneProvider struct{ api zoneAPI }

func newZoneProvider(c client.Client) *zoneProvider {
	return &zoneProvider{api: &zoneClient{ctx: context.Background(), c: c}}
}

// ok: an interface of the package's own that embeds one of another
// package: Close's signature is io.Closer's.
type closingAPI interface {
	io.Closer
	Name() string
}

type closer struct {
	ctx context.Context // ok: adapter for io.Closer, whose Close takes no ctx
	c   client.Client
}

func (k *closer) Close() error { return k.c.Delete(k.ctx, nil) }
func (k *closer) Name() string { return "" }

func newClosing(c client.Client) closingAPI {
	return &closer{ctx: context.Background(), c: c}
}
