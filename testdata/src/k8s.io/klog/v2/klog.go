// Package klog is a stub of k8s.io/klog/v2 for ctxlint tests.
package klog

func Info(args ...interface{})                  {}
func Infof(format string, args ...interface{})  {}
func Error(args ...interface{})                 {}
func Errorf(format string, args ...interface{}) {}
func Fatal(args ...interface{})                 {}
func Fatalf(format string, args ...interface{}) {}
func Fatalln(args ...interface{})               {}
func Exit(args ...interface{})                  {}
func Exitf(format string, args ...interface{})  {}
