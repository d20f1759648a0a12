// Package router declares an interface that packages of their own
// implement.
package router

// Router routes traffic; its methods take no context.
type Router interface {
	SetWeight(w int) error
}
