// Package funcvalues has admission validators that call their ctx-less
// helpers through function values: a map or slice of functions and method
// values ranged over, or a local variable. The helpers' root contexts are
// reported as if called directly.
package funcvalues

import (
	"context"

	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"
)

type Pod struct{ client.Object }

func check(ctx context.Context, obj *Pod) error { return nil }

func verifyA(obj *Pod) error { return check(context.Background(), obj) } // want `^context.Background\(\) in verifyA, which PodValidator.ValidateCreate calls without its ctx; thread`

func (v *PodValidator) verifyB(obj *Pod) error { return check(context.TODO(), obj) } // want `^context.TODO\(\) in PodValidator.verifyB, which PodValidator.ValidateCreate calls without its ctx; thread`

func verifyC(obj *Pod) error { return check(context.TODO(), obj) } // want `^context.TODO\(\) in verifyC, which PodValidator.ValidateUpdate calls without its ctx; thread`

func verifyD(obj *Pod) error { return check(context.TODO(), obj) } // want `^context.TODO\(\) in verifyD, which PodValidator.ValidateUpdate calls without its ctx \(via runAll\); thread`

type PodValidator struct{}

func (v *PodValidator) ValidateCreate(ctx context.Context, obj *Pod) (admission.Warnings, error) {
	verify := map[string]func(*Pod) error{"a": verifyA, "b": v.verifyB}
	for _, f := range verify {
		if err := f(obj); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

func (v *PodValidator) ValidateUpdate(ctx context.Context, oldObj, newObj *Pod) (admission.Warnings, error) {
	f := verifyC
	if err := f(newObj); err != nil {
		return nil, err
	}
	return nil, runAll(newObj)
}

// A ctx-less helper that ranges over a slice literal.
func runAll(obj *Pod) error {
	for _, f := range []func(*Pod) error{verifyD} {
		if err := f(obj); err != nil {
			return err
		}
	}
	return nil
}

func (v *PodValidator) ValidateDelete(ctx context.Context, obj *Pod) (admission.Warnings, error) {
	// ok: the container is changed elsewhere, its values are not all
	// visible here.
	verify := []func(*Pod) error{silentA}
	verify = append(verify, other(obj))
	for _, f := range verify {
		_ = f(obj)
	}
	// ok: a parameter's values are not visible here.
	return nil, apply(silentB, obj)
}

func silentA(obj *Pod) error { return check(context.TODO(), obj) }

func silentB(obj *Pod) error { return check(context.TODO(), obj) }

func other(obj *Pod) func(*Pod) error { return nil }

func apply(f func(*Pod) error, obj *Pod) error {
	f = silentA // the parameter's own value is not visible here
	return f(obj)
}

var _ admission.Validator[*Pod] = &PodValidator{}

// A validator whose helpers come from methods that return literals of
// method values, appended or not, chosen in a switch.
type NodeValidator struct {
	extra []func(*Pod) error
	fast  bool
}

func (n *NodeValidator) checkE(obj *Pod) error { return check(context.TODO(), obj) } // want `^context.TODO\(\) in NodeValidator.checkE, which NodeValidator.ValidateCreate calls without its ctx; thread`

func (n *NodeValidator) checkF(obj *Pod) error { return check(context.TODO(), obj) } // want `^context.TODO\(\) in NodeValidator.checkF, which NodeValidator.ValidateCreate calls without its ctx; thread`

func (n *NodeValidator) basic() []func(*Pod) error { return []func(*Pod) error{n.checkE} }

func (n *NodeValidator) full() []func(*Pod) error {
	return []func(*Pod) error{n.checkF}
}

func (n *NodeValidator) ValidateCreate(ctx context.Context, obj *Pod) (admission.Warnings, error) {
	var checks []func(*Pod) error
	switch {
	case n.fast:
		checks = n.basic()
	default:
		checks = append(n.basic(), n.full()...)
	}
	for _, f := range checks {
		if err := f(obj); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

// ok: what a method returns is not all visible when it returns a field.
func (n *NodeValidator) configured() []func(*Pod) error { return n.extra }

func (n *NodeValidator) ValidateUpdate(ctx context.Context, oldObj, newObj *Pod) (admission.Warnings, error) {
	for _, f := range n.configured() {
		_ = f(newObj)
	}
	return nil, nil
}

func (n *NodeValidator) ValidateDelete(ctx context.Context, obj *Pod) (admission.Warnings, error) {
	return nil, nil
}

var _ admission.Validator[*Pod] = &NodeValidator{}
