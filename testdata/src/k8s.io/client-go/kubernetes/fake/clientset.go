// Package fake is a stub of k8s.io/client-go/kubernetes/fake for ctxlint
// tests.
package fake

import (
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/kubernetes"
	corev1 "k8s.io/client-go/kubernetes/typed/core/v1"
	"k8s.io/client-go/testing"
)

type Clientset struct {
	testing.Fake
	real kubernetes.Clientset
}

func NewSimpleClientset(objects ...runtime.Object) *Clientset { return &Clientset{} }

func NewClientset(objects ...runtime.Object) *Clientset { return &Clientset{} }

func (c *Clientset) CoreV1() corev1.CoreV1Interface { return c.real.CoreV1() }

var _ kubernetes.Interface = &Clientset{}
