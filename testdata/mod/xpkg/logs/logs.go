// Package logs has a helper whose root context a function of its own
// reaches, so this package reports it at the root; client reaches it
// too, from another package (TestFoldIntoRoots).
package logs

import "context"

type Logger struct{}

func emit(ctx context.Context, l *Logger) {}

// New makes a root context to flush what was logged before it.
func New() *Logger {
	l := &Logger{}
	emit(context.Background(), l) // want `^inheritctx: context.Background\(\) in New, which Init calls without its ctx; thread a context.Context parameter down and pass ctx$`
	return l
}

// Init has a ctx and does not pass it.
func Init(ctx context.Context) *Logger { return New() }
