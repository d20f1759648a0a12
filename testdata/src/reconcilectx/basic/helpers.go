package basic

import (
	"context"
	"time"
)

// ensureChild is a helper that a Reconcile calls with its ctx.
func (r *FooReconciler) ensureChild(ctx context.Context, obj *Object) error {
	if err := r.Create(context.TODO(), obj); err != nil { // want `^context.TODO\(\) replaces ctx, the context ensureChild receives from Reconcile; use ctx$`
		return err
	}
	return r.ensureGrandchild(ctx, obj)
}

// ensureGrandchild is reached through ensureChild.
func (r *FooReconciler) ensureGrandchild(ctx context.Context, obj *Object) error {
	return r.Update(context.Background(), obj) // want `context.Background\(\) replaces ctx, the context ensureGrandchild receives from Reconcile`
}

// refresh takes no ctx and makes a root context for its caller.
func (r *FooReconciler) refresh() {
	var obj Object
	_ = r.Get(context.TODO(), obj.key(), &obj) // want `^context.TODO\(\) in FooReconciler.refresh, which FooReconciler.Reconcile calls without its ctx; thread a context.Context parameter down and pass ctx$`
}

func (o *Object) key() (k struct{ Namespace, Name string }) { return }

func loadConfig() { newClient() }

func newClient() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `^context.Background\(\) in newClient, which FooReconciler.Reconcile calls without its ctx \(via loadConfig\); thread`
	defer cancel()
	_ = ctx
}
