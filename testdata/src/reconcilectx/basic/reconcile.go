package basic

import (
	"context"
	stdctx "context"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Object struct{ client.Object }

// FooReconciler implements reconcile.Reconciler through the ctrl aliases.
type FooReconciler struct {
	client.Client
}

func (r *FooReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	var obj Object
	if err := r.Get(context.TODO(), req.NamespacedName, &obj); err != nil { // want `^context.TODO\(\) replaces ctx, the Reconcile's context; use ctx$`
		return ctrl.Result{}, err
	}
	tctx, cancel := context.WithTimeout(context.Background(), time.Minute) // want `context.Background\(\) replaces ctx, the Reconcile's context`
	defer cancel()
	_ = r.Update(tctx, &obj)
	_ = r.Update(stdctx.Background(), &obj) // want `context.Background\(\) replaces ctx`

	// Nested closures see the Reconcile's ctx.
	update := func() error {
		return r.Update(context.TODO(), &obj) // want `context.TODO\(\) replaces ctx, the Reconcile's context`
	}
	_ = update()

	// A poll callback has a ctx of its own: use that one.
	_ = wait.PollUntilContextTimeout(ctx, time.Second, time.Minute, true, func(pctx context.Context) (bool, error) {
		return true, r.Get(context.TODO(), req.NamespacedName, &obj) // want `context.TODO\(\) replaces pctx, the context PollUntilContextTimeout passes to the func literal`
	})

	if err := r.ensureChild(ctx, &obj); err != nil {
		return ctrl.Result{}, err
	}
	r.refresh()
	loadConfig()

	// ok: the ctx is passed on.
	return ctrl.Result{}, r.Update(ctx, &obj)
}

// BarReconciler discards its ctx.
type BarReconciler struct{ client.Client }

func (r *BarReconciler) Reconcile(_ context.Context, req reconcile.Request) (reconcile.Result, error) {
	ctx := context.Background() // want `context.Background\(\) replaces the Reconcile's context, which the function discards; name the parameter ctx and use it`
	var obj Object
	return reconcile.Result{}, r.Get(ctx, req.NamespacedName, &obj)
}

// BazReconciler does not name its parameters at all.
type BazReconciler struct{ client.Client }

func (r BazReconciler) Reconcile(context.Context, reconcile.Request) (reconcile.Result, error) {
	var obj Object
	return reconcile.Result{}, r.Update(context.TODO(), &obj) // want `context.TODO\(\) replaces the Reconcile's context, which the function discards`
}

// Shadowed: an inner ctx := context.Background() hides the Reconcile's.
type ShadowReconciler struct{ client.Client }

func (r *ShadowReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var obj Object
	if req.Name != "" {
		ctx := context.Background() // want `context.Background\(\) replaces ctx`
		_ = r.Get(ctx, req.NamespacedName, &obj)
	}
	return reconcile.Result{}, nil
}

// An ObjectReconciler's Reconcile receives the object itself.
type PodReconciler struct{ client.Client }

func (r *PodReconciler) Reconcile(ctx context.Context, obj *Object) (reconcile.Result, error) {
	return reconcile.Result{}, r.Update(context.TODO(), obj) // want `context.TODO\(\) replaces ctx, the Reconcile's context`
}

var _ reconcile.ObjectReconciler[*Object] = &PodReconciler{}

// Typed reconcilers with a custom request type, and generic receivers.
type ClusterRequest struct{ Cluster, Name string }

type MultiReconciler[T any] struct{ c client.Client }

func (r *MultiReconciler[T]) Reconcile(ctx context.Context, req ClusterRequest) (reconcile.Result, error) {
	var obj Object
	return reconcile.Result{}, r.c.Get(context.TODO(), client.ObjectKey{Name: req.Name}, &obj) // want `context.TODO\(\) replaces ctx, the Reconcile's context`
}

var _ reconcile.TypedReconciler[ClusterRequest] = &MultiReconciler[int]{}

// reconcile.Func literals.
func funcs(c client.Client) []any {
	return []any{
		reconcile.Func(func(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
			var obj Object
			return reconcile.Result{}, c.Get(context.TODO(), req.NamespacedName, &obj) // want `context.TODO\(\) replaces ctx, the Reconcile's context`
		}),
		reconcile.TypedFunc[ClusterRequest](func(ctx context.Context, req ClusterRequest) (reconcile.Result, error) {
			var obj Object
			return reconcile.Result{}, c.Update(context.TODO(), &obj) // want `context.TODO\(\) replaces ctx, the Reconcile's context`
		}),
	}
}

// Range over a function inside a Reconcile.
type IterReconciler struct{ client.Client }

func (r *IterReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	for obj := range r.objects {
		_ = r.Update(context.TODO(), obj) // want `context.TODO\(\) replaces ctx, the Reconcile's context`
	}
	return reconcile.Result{}, nil
}

func (r *IterReconciler) objects(yield func(*Object) bool) {}

// Reassigning the Reconcile's ctx: the fix deletes the statement, never
// leaving ctx = ctx.
type ResetReconciler struct{ client.Client }

func (r *ResetReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var obj Object
	ctx = context.TODO() // want `context.TODO\(\) replaces ctx, the Reconcile's context`
	return reconcile.Result{}, r.Get(ctx, req.NamespacedName, &obj)
}
