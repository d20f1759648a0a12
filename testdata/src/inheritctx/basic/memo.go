package basic

import (
	"context"
	"sync"
)

type secretStore struct{}

func (secretStore) read(ctx context.Context, name string) (string, error) { return name, ctx.Err() }

type resolver struct {
	secrets secretStore
	cache   *string
}

// ok: a lazy getter builds its value once, for every later caller: the
// first caller's ctx would not bound its making for the others.
func (r *resolver) resultCache() *string {
	if r.cache != nil {
		return r.cache
	}
	v, _ := r.secrets.read(context.Background(), "redis")
	r.cache = &v
	return r.cache
}

func (r *resolver) onStartedLeading(ctx context.Context) { _ = r.resultCache() }

// ok: the same with a package-level variable.
var sharedSecret *string

func sharedSecretValue() *string {
	if sharedSecret != nil {
		return sharedSecret
	}
	v, _ := secretStore{}.read(context.TODO(), "shared")
	sharedSecret = &v
	return sharedSecret
}

func useSharedSecret(ctx context.Context) { _ = sharedSecretValue() }

// Its neighbour: a getter that checks the field but never keeps what it
// builds makes it again on every call: reported.
func (r *resolver) lookup() *string {
	if r.cache != nil {
		return r.cache
	}
	v, _ := r.secrets.read(context.Background(), "lookup") // want `^context.Background\(\) in resolver.lookup, which resolver.onLookup calls without its ctx; thread a context.Context parameter down and pass ctx$`
	return &v
}

func (r *resolver) onLookup(ctx context.Context) *string { return r.lookup() }

// ok: a helper whose root context is made in a func that sync.Once runs:
// the first caller's ctx, cancelled, would leave the value unset for
// every later caller, since the func does not run again.
var (
	signerOnce sync.Once
	signerName string
)

func detectSigner() string {
	signerOnce.Do(func() {
		signerName, _ = secretStore{}.read(context.Background(), "signer")
	})
	return signerName
}

func requestCertificate(ctx context.Context) string { return detectSigner() }

// Its neighbour: the helper's other root, outside the func sync.Once
// runs: reported.
func detectSignerAndCheck() string {
	signerOnce.Do(func() {
		signerName, _ = secretStore{}.read(context.Background(), "signer")
	})
	_, _ = secretStore{}.read(context.TODO(), signerName) // want `^context.TODO\(\) in detectSignerAndCheck, which requestChecked calls without its ctx; thread a context.Context parameter down and pass ctx$`
	return signerName
}

func requestChecked(ctx context.Context) string { return detectSignerAndCheck() }
