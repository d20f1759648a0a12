// Package ginkgo is a stub of github.com/onsi/ginkgo/v2: the declarations
// ctxlint's tests use, as the real package declares them.
package ginkgo

import "github.com/onsi/ginkgo/v2/internal"

// SpecContext is the context a spec's body can receive:
// It("...", func(ctx SpecContext) { ... }).
type SpecContext = internal.SpecContext

// GinkgoTestingT is what RunSpecs needs of a *testing.T.
type GinkgoTestingT interface {
	Fail()
}

func RunSpecs(t GinkgoTestingT, args ...interface{}) bool { return true }

func Describe(text string, args ...interface{}) bool { return true }

func Context(text string, args ...interface{}) bool { return true }

func It(text string, args ...interface{}) bool { return true }

func BeforeEach(args ...interface{}) bool { return true }

func BeforeSuite(body interface{}, args ...interface{}) bool { return true }

func DeferCleanup(args ...interface{}) {}
