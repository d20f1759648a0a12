// Package included is a Ginkgo suite checked with -include-tests: its
// helpers' root contexts, and those where only a test's t is in scope,
// are reported.
package included

import "sigs.k8s.io/controller-runtime/pkg/client"

// Widget is the object the suite creates.
type Widget struct{ client.Object }
