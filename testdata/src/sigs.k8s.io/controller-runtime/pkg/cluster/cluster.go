// Package cluster is a stub of sigs.k8s.io/controller-runtime/pkg/cluster
// for ctxlint tests: a subset of the methods.
package cluster

import "sigs.k8s.io/controller-runtime/pkg/client"

// Cluster provides the clients of a cluster.
type Cluster interface {
	GetClient() client.Client
}
