package suite

import (
	"context"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/client/fake"
)

var k8sClient client.Client = fake.NewClientBuilder().Build()

func TestSuite(t *testing.T) {
	RegisterFailHandler(func(string, ...int) {})
	RunSpecs(t, "Suite")
}

// ok by default: a ctx-less suite helper on the fake client.
func getWidget(name string) error {
	return k8sClient.Get(context.Background(), client.ObjectKey{Name: name}, &Widget{})
}

func deleteWidget(w *Widget) error {
	return k8sClient.Delete(context.TODO(), w)
}

var _ = Describe("Widget", func() {
	ctx := context.Background() // ok: no ctx in scope in a container

	BeforeEach(func(ctx SpecContext) {
		_ = getWidget("a") // ok by default
	})

	It("reconciles", func(ctx SpecContext) {
		w := &Widget{}
		DeferCleanup(func(ctx SpecContext) {
			_ = deleteWidget(w) // ok by default
		})
		Eventually(func(ctx context.Context) error {
			return getWidget("a") // ok by default
		}).WithContext(ctx).Should(Succeed())

		// The spec's own ctx is in scope: reported in tests too.
		_ = k8sClient.Get(context.Background(), client.ObjectKey{Name: "b"}, w) // want `context.Background\(\) replaces ctx, the context It passes to the func literal; use ctx`
	})

	_ = ctx
})

// ok by default: only t is in scope.
func TestDirect(t *testing.T) {
	_ = k8sClient.Get(context.Background(), client.ObjectKey{Name: "c"}, &Widget{})
}
