// Package gomega is a stub of github.com/onsi/gomega: the declarations
// ctxlint's tests use, as the real package declares them.
package gomega

import (
	"context"

	"github.com/onsi/gomega/types"
)

// AsyncAssertion is what Eventually returns.
type AsyncAssertion interface {
	Should(matcher types.GomegaMatcher, optionalDescription ...interface{}) bool
	WithContext(ctx context.Context) AsyncAssertion
}

func Eventually(actualOrCtx interface{}, args ...interface{}) AsyncAssertion { return nil }

func Succeed() types.GomegaMatcher { return nil }

func RegisterFailHandler(fail func(message string, callerSkip ...int)) {}
