// Package app is hand-written code that calls a generated helper.
package app

import (
	"context"

	"example.com/gen/clients"
)

// Run has a ctx and calls a generated function that makes its own. By
// default generated files are not analysed, so this is silent; with
// -include-generated the generated helper is followed like any other.
func Run(ctx context.Context) error {
	return clients.Sync() // want `^inheritctx: context.Background\(\) in clients.Sync .*which Run calls without its ctx`
}
