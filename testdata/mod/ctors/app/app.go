// Package app calls backup's wrapper of lister's constructor.
package app

import (
	"context"

	"example.com/ctors/backup"
	"example.com/ctors/lister"
)

type Server struct{ l *lister.Lister }

// Reported: the wrapper's value kept beyond the call.
func (s *Server) Handle(ctx context.Context) {
	s.l = backup.NewBackupLister(ctx) // want `the lister.Lister that NewBackupLister builds keeps ctx`
}

// ok: used within the call.
func (s *Server) Once(ctx context.Context) error {
	_, err := backup.NewBackupLister(ctx).List()
	return err
}
