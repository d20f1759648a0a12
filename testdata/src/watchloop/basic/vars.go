package basic

import (
	"k8s.io/apimachinery/pkg/runtime/schema"
	corev1 "k8s.io/client-go/kubernetes/typed/core/v1"
)

var (
	gvr        = schema.GroupVersionResource{Version: "v1", Resource: "pods"}
	podsClient corev1.PodInterface
)
