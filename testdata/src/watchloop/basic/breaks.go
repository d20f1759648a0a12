package basic

import (
	"context"

	"k8s.io/apimachinery/pkg/watch"
)

// Rule 4: a bare break in a select case meant to leave the loop.

func breakOnDone(ctx context.Context, w watch.Interface) {
	defer w.Stop()
	for { // want `loop receiving from w.ResultChan\(\) ignores ctx: w is a parameter`
		select {
		case <-ctx.Done():
			break // want `^break leaves the select, not the loop, in case <-ctx.Done\(\); use a labelled break or return$`
		case ev, ok := <-w.ResultChan():
			if !ok {
				return
			}
			handle(ev)
		}
	}
}

func breakOnClosed(ctx context.Context, w watch.Interface) {
	defer w.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.ResultChan():
			if !ok {
				break // want `^break leaves the select, not the loop, when w.ResultChan\(\) is closed; use a labelled break or return$`
			}
			handle(ev)
		}
	}
	println("stopped watching")
}

func breakAtTail(ctx context.Context, w watch.Interface, stop <-chan struct{}) error {
	defer w.Stop()
	for ev := range w.ResultChan() { // want `loop over w.ResultChan\(\) ignores ctx`
		select {
		case <-stop:
			println("stopping")
			break // want `^break leaves the select, not the loop, at the end of case <-stop; use a labelled break or return$`
		default:
			handle(ev)
		}
	}
	return nil
}

func breakLabelled(ctx context.Context, w watch.Interface) int {
	n := 0
events:
	for { // want `loop receiving from w.ResultChan\(\) ignores ctx`
		select {
		case <-ctx.Done():
			break // want `break leaves the select, not the loop`
		case _, ok := <-w.ResultChan():
			if !ok {
				break events
			}
			n++
		}
	}
	return n
}

// No fix: the loop ends a function with results.
func breakMustReturn(ctx context.Context, w watch.Interface) error {
	for { // want `loop receiving from w.ResultChan\(\) ignores ctx`
		select {
		case <-ctx.Done():
			break // want `break leaves the select, not the loop`
		case _, ok := <-w.ResultChan():
			if !ok {
				return nil
			}
		}
	}
}

// ok: the case ends the loop through its condition; the break is harmless.
func breakWithCond(ctx context.Context, w watch.Interface) {
	defer w.Stop()
	done := false
	for !done {
		select {
		case <-ctx.Done():
			done = true
			break
		case ev, ok := <-w.ResultChan():
			if !ok {
				return
			}
			handle(ev)
		}
	}
}
