package basic

import "context"

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
