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

		DeferCleanup(func() {
			_ = k8sClient.Delete(context.Background(), w) // ok: runs once the spec is over and its ctx is done
		})

		// The spec's own ctx is in scope: reported in tests too.
		_ = k8sClient.Get(context.Background(), client.ObjectKey{Name: "b"}, w) // want `context.Background\(\) replaces ctx, the context It passes to the func literal; use ctx`
	})

	_ = ctx
})

// ok by default: only t is in scope.
func TestDirect(t *testing.T) {
	_ = k8sClient.Get(context.Background(), client.ObjectKey{Name: "c"}, &Widget{})
}

// ok by default: a test fake that leaves the ctx its interface passes
// blank runs the func it is given with a root context of its own.
type fakeScheduler struct{}

func (fakeScheduler) Schedule(_ context.Context, run func(context.Context)) { run(context.TODO()) }

// Reported in tests too: a fake that names its ctx and does not pass it,
// and a test helper that discards a ctx.
type namedFake struct{}

func (namedFake) Schedule(ctx context.Context, run func(context.Context)) {
	run(context.TODO()) // want `context.TODO\(\) replaces ctx, the context Schedule receives; use ctx`
}

func scheduleNow(_ context.Context, run func(context.Context)) {
	run(context.Background()) // want `context.Background\(\) replaces the context scheduleNow receives, which the function discards; name the parameter ctx and use it`
}

var _ = Describe("Open", func() {
	It("opens and connects", func(ctx SpecContext) {
		_ = Open("a")
		_ = Connect("b")
	})
})
