// Package cron is a stub of github.com/robfig/cron/v3: the signatures the
// checks match, as the real package declares them.
package cron

import "context"

// Cron keeps the jobs it is given and runs them on its own goroutine, on
// their schedules.
type Cron struct{}

// EntryID identifies an entry of a Cron.
type EntryID int

// Option configures a Cron.
type Option func(*Cron)

// Job is work a Cron runs.
type Job interface{ Run() }

// FuncJob is a func that is a Job.
type FuncJob func()

func (f FuncJob) Run() { f() }

func New(opts ...Option) *Cron { return &Cron{} }

func (c *Cron) AddFunc(spec string, cmd func()) (EntryID, error) { return 0, nil }

func (c *Cron) AddJob(spec string, cmd Job) (EntryID, error) { return 0, nil }

func (c *Cron) Remove(id EntryID) {}

func (c *Cron) Start() {}

func (c *Cron) Stop() context.Context { return context.Background() }
