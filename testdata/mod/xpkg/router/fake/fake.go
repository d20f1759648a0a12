// Package fake is a router.Router for tests.
package fake

import "context"

type Router struct{ Weights []int }

func (r *Router) SetWeight(w int) error {
	r.Weights = append(r.Weights, w)
	return context.TODO().Err()
}
