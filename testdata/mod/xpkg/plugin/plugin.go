// Package plugin declares the interface that plugins implement; its
// methods take no context.
package plugin

// Action is what a plugin does.
type Action interface {
	AppliesTo() ([]string, error)
}
