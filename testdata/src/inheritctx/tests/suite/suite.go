// Package suite is a controller package with a kubebuilder-style Ginkgo
// suite: by default, its test helpers' root contexts are left alone.
package suite

import (
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// Widget is the object the suite creates.
type Widget struct{ client.Object }
