// Package attribute is a stub of go.opentelemetry.io/otel/attribute for
// ctxlint tests: the types the trace stub's signatures name.
package attribute

type Key string

type KeyValue struct {
	Key   Key
	Value Value
}

type Value struct {
	stringly string
}
