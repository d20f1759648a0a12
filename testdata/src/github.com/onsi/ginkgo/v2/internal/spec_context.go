// Package internal is a stub of github.com/onsi/ginkgo/v2/internal.
package internal

import (
	"context"

	"github.com/onsi/ginkgo/v2/types"
)

// SpecContext is the context Ginkgo gives a spec's body.
type SpecContext interface {
	context.Context

	SpecReport() types.SpecReport
	AttachProgressReporter(func() string) func()
}
