package allow

import "context"

// Run with -allow=storedctx/allow.Session,allow.Pool,storedctx/allow.Outer,other.Leak,elsewhere/allow.Leak2

type Session struct {
	ctx context.Context // ok: allowed by import path (storedctx/allow.Session)
}

type Pool struct {
	ctx context.Context // ok: allowed by package name (allow.Pool)
}

type Outer struct {
	inner struct {
		ctx context.Context // ok: an anonymous struct inside an allowed type
	}
}

type Leak struct {
	ctx context.Context // want `field ctx of Leak stores a context`
}

type Leak2 struct {
	ctx context.Context // want `field ctx of Leak2 stores a context`
}

type Other struct {
	session struct {
		ctx context.Context // want `field ctx of an anonymous struct in Other stores a context`
	}
}
