package included

import (
	"context"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	g "github.com/onsi/ginkgo/v2"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/client/fake"
)

var k8sClient client.Client = fake.NewClientBuilder().Build()

func TestSuite(t *testing.T) {
	RunSpecs(t, "Suite")
}

func getWidget(name string) error {
	return k8sClient.Get(context.Background(), client.ObjectKey{Name: name}, &Widget{}) // want `context.Background\(\) in getWidget, which the func literal passed to It calls without its ctx; thread a context.Context parameter down and pass ctx`
}

var _ = Describe("Widget", func() {
	It("reconciles", func(ctx SpecContext) {
		_ = getWidget("a")
	})
})

// The spec body is named by the function it is given to, however that
// is imported.
func listWidgets() error {
	return k8sClient.List(context.TODO(), nil) // want `^context.TODO\(\) in listWidgets, which the func literal passed to BeforeEach calls without its ctx;`
}

var _ = g.Describe("Widgets", func() {
	g.BeforeEach(func(ctx g.SpecContext) {
		_ = listWidgets()
	})
})

func TestDirect(t *testing.T) {
	_ = k8sClient.Get(context.Background(), client.ObjectKey{Name: "c"}, &Widget{}) // want `context.Background\(\) replaces t.Context\(\), the test's context; use t.Context\(\)`
}

// A helper that takes t is reported as well.
func newWidget(t *testing.T) *Widget {
	w := &Widget{}
	if err := k8sClient.Create(context.TODO(), w); err != nil { // want `context.TODO\(\) replaces t.Context\(\), the test's context; use t.Context\(\)`
		t.Fatal(err)
	}
	return w
}

// A test that names no t: the fix names it.
func TestUnnamed(*testing.T) {
	_ = k8sClient.Get(context.Background(), client.ObjectKey{Name: "d"}, &Widget{}) // want `context.Background\(\) replaces the test's context, which the function discards; name the parameter t and use t.Context\(\)`
}

// A test fake that leaves its ctx blank is reported with -include-tests.
type fakeScheduler struct{}

func (fakeScheduler) Schedule(_ context.Context, run func(context.Context)) {
	run(context.TODO()) // want `context.TODO\(\) replaces the context Schedule receives, which the function discards; name the parameter ctx and use it`
}
