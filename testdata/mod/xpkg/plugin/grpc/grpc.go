// Package grpc holds both halves of a plugin protocol: the client that
// the host uses as a plugin.Action, and the server that runs in the
// plugin's process and calls the plugin's own implementation through
// that interface. The server's call never reaches the client.
package grpc

import (
	"context"

	"example.com/xpkg/plugin"
)

func call(ctx context.Context, method string) ([]string, error) { return nil, ctx.Err() }

// Client implements plugin.Action over the wire; the interface gives it
// no ctx to pass.
type Client struct{}

func (c *Client) AppliesTo() ([]string, error) { return call(context.Background(), "AppliesTo") }

// Server serves a plugin's implementation, whichever it is.
type Server struct {
	impl plugin.Action
}

// ok: impl is the plugin's implementation, not this package's Client.
func (s *Server) AppliesTo(ctx context.Context) ([]string, error) {
	return s.impl.AppliesTo()
}

// An interface of this package, with its implementation next to it, is
// still followed.
type lister interface {
	list() ([]string, error)
}

type remoteLister struct{}

func (remoteLister) list() ([]string, error) {
	return call(context.Background(), "List") // want `^inheritctx: context.Background\(\) in remoteLister.list, which Server.List calls without its ctx; thread a context.Context parameter down and pass ctx$`
}

// List has a ctx and does not pass it.
func (s *Server) List(ctx context.Context, l lister) ([]string, error) {
	return l.list()
}

var _ lister = remoteLister{}
