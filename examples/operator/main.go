// Command operator is a small controller-runtime operator that shows each
// ctxlint check: every line marked BAD is a finding, and the GOOD line
// beside it is the way to write it. Run ctxlint in this directory:
//
//	go run github.com/ctxlint/ctxlint/cmd/ctxlint ./...
package main

import (
	"os"

	ctrl "sigs.k8s.io/controller-runtime"

	"example.com/operator/internal/controller"
	"example.com/operator/internal/webhook"
)

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	if err != nil {
		os.Exit(1)
	}
	if err := (&controller.ConfigMapReconciler{Client: mgr.GetClient()}).SetupWithManager(mgr); err != nil {
		os.Exit(1)
	}
	if err := (&webhook.ConfigMapValidator{Client: mgr.GetClient()}).Setup(mgr); err != nil {
		os.Exit(1)
	}
	// GOOD: main has no context to inherit; SetupSignalHandler makes the root.
	if err := mgr.Start(ctrl.SetupSignalHandler()); err != nil {
		os.Exit(1)
	}
}
