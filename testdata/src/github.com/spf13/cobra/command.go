// Package cobra is a stub of github.com/spf13/cobra for ctxlint tests.
package cobra

import "context"

type Command struct {
	Use  string
	RunE func(cmd *Command, args []string) error
	ctx  context.Context
}

// Context returns the command's context, set by ExecuteContext.
func (c *Command) Context() context.Context { return c.ctx }

func (c *Command) SetContext(ctx context.Context) { c.ctx = ctx }

func (c *Command) ExecuteContext(ctx context.Context) error { return nil }
