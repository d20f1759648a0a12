// Package store has a ctx-less method that callers reach through a
// method value.
package store

import "context"

type Store struct{}

func (s *Store) get(ctx context.Context) error { return nil }

// Refresh makes a root context.
func (s *Store) Refresh() error { return s.get(context.TODO()) }

// Ping takes a context: fine.
func (s *Store) Ping(ctx context.Context) error { return s.get(ctx) }
