package controller

import (
	"context"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/client/fake"
)

// The kubebuilder test layout: a Ginkgo suite whose specs receive a
// SpecContext and call ctx-less helpers on a fake (or envtest) client.

func TestController(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "controller suite")
}

var k8sClient client.Client

// createConfigMap is a suite helper without a ctx. GOOD by default: a
// _test.go helper's root context is left alone (-include-tests reports it).
func createConfigMap(name string) error {
	return k8sClient.Create(context.Background(), &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default"}})
}

var _ = Describe("ConfigMapReconciler", func() {
	BeforeEach(func() {
		k8sClient = fake.NewClientBuilder().Build()
	})

	It("labels a ConfigMap", func(ctx SpecContext) {
		Expect(createConfigMap("a")).To(Succeed())

		var cm corev1.ConfigMap
		// BAD(inheritctx): the spec's own ctx is in scope; the Get ignores the spec's timeout.
		Expect(k8sClient.Get(context.Background(), client.ObjectKey{Namespace: "default", Name: "a"}, &cm)).To(Succeed())
		// GOOD: the spec's ctx.
		Expect(k8sClient.Get(ctx, client.ObjectKey{Namespace: "default", Name: "a"}, &cm)).To(Succeed())
	})
})
