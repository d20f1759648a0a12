// Package run is a stub of github.com/oklog/run: the signatures the
// checks match, without their behaviour.
package run

// Group collects actors (functions) and runs them concurrently.
type Group struct {
	actors []actor
}

type actor struct {
	execute   func() error
	interrupt func(error)
}

// Add an actor (function) to the group.
func (g *Group) Add(execute func() error, interrupt func(error)) {
	g.actors = append(g.actors, actor{execute, interrupt})
}

// Run all actors (functions) concurrently.
func (g *Group) Run() error { return nil }
