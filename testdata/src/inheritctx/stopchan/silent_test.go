package stopchan

import (
	"context"
	"testing"

	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/informers"
)

// ok by default: tests are quiet.
func TestStart(t *testing.T) {
	run := func(ctx context.Context, f informers.SharedInformerFactory) { f.Start(wait.NeverStop) }
	run(context.Background(), nil)
}
