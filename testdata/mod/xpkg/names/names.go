// Package names reaches no context: linting part of the module does not
// load it again from source.
package names

// Greeting is a constant the app imports.
const Greeting = "hello"
