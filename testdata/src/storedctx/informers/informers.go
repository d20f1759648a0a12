// Package informers hands out a shared informer, so that a package can
// register event handlers without importing k8s.io/client-go/tools/cache
// itself.
package informers

import "k8s.io/client-go/tools/cache"

func ConfigMaps() cache.SharedInformer { return nil }
