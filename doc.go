// Package ctxlint finds context.Context misuse in Go code, and in
// Kubernetes operators built on controller-runtime and client-go above
// all: contexts thrown away, kept in structs, ignored by watch loops, and
// dropped by HTTP and admission handlers.
//
// Each check is an analysis.Analyzer of its own in passes/NAME. The
// composite Analyzer runs them all on one pass; the ctxlint command
// (cmd/ctxlint) and the golangci-lint plugin (plugin) are built on it.
//
// # Analyzer ctxlint
//
// ctxlint: find context.Context misuse (Reconcile, handlers, watches, structs)
//
// ctxlint runs these checks, each named at the start of its messages:
//
//	reconcilectx  context.Background/TODO in a controller-runtime Reconcile
//	inheritctx    context.Background/TODO where any other ctx is in scope
//	storedctx     contexts kept in struct fields
//	watchloop     watch loops that cannot stop, spin on a closed channel, or leak
//	webhookctx    HTTP and admission handlers that drop the request's context
//
// Selecting checks: every check runs by default. -NAME=false switches
// check NAME off; -NAME (or -NAME=true) runs only the checks so named.
// A misspelled name is an error. Options of a check are set with
// -NAME.OPTION, for example -inheritctx.report-detached.
//
// Suppressing a finding: a comment
//
//	//ctxlint:ignore CHECK[,CHECK] REASON
//
// at the end of the reported line, or alone on the line above it (above
// a statement of several lines: all of them), silences that finding. The
// reason is required; a directive without one, naming an unknown check,
// silencing nothing, or written "// ctxlint:ignore" is itself reported.
//
// Generated files ("// Code generated ... DO NOT EDIT.") are not
// analysed, so neither reported nor followed from the code that calls
// them, unless -include-generated.
//
// Test suites: in _test.go files, what tests do by design is left alone
// unless -include-tests: structs that keep a context (storedctx), root
// contexts made by ctx-less helpers (a Ginkgo suite's, on a fake or
// envtest client), watch loops (watchloop); and, in any file, root contexts where only a test's t
// is in scope (fix: t.Context()). -include-tests sets the include-tests option of
// every check that has one (-storedctx.include-tests,
// -inheritctx.include-tests, ...), which can also be set one by one. Test
// support packages that are not _test.go files are always reported.
//
// Adopting on an old codebase: -write-baseline FILE records the current
// findings (standalone command only); -baseline FILE then reports only
// the findings not recorded there. Findings are matched by check, file,
// message and the text of their line, not by line number.
//
// Ctx-less helpers are followed into the other packages of the module
// being linted (an analysis fact that the command computes for the
// module's packages only, at no measurable cost); -cross-package is
// accepted and has no effect. Through golangci-lint the plugin's
// cross-package setting turns this on (see the README's "Front ends").
//
// Exit status: 0 no findings; 1 a package failed to load or analyse, and
// there are no findings; 2 bad flags or arguments; 3 findings, even when
// some package also failed to load (its errors are printed too). With
// -json the status is 0 even with findings (as for go vet); -fix applies
// the fixes it can, prints the findings left, and exits 3 if there are any.
package ctxlint
