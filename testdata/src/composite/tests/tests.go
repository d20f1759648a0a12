// Package tests has findings of two checks in a _test.go file that only
// -include-tests reports.
package tests
