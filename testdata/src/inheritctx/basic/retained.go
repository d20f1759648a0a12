package basic

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"golang.org/x/oauth2/google"
)

// Some constructors keep their context for the life of what they return:
// an oauth2 token source fetches every later token with it. The caller's
// ctx would break those fetches once the call that made the source ends,
// so a root context there is deliberate.

type tokenKey struct{}

// ok: the credentials' token source keeps its context.
func (c *Client) Credentials(ctx context.Context, data []byte) (*google.Credentials, error) {
	return google.CredentialsFromJSON(context.Background(), data)
}

// ok: also with values added on the way (oauth2.HTTPClient, typically).
func (c *Client) OAuthClient(ctx context.Context, conf *oauth2.Config, tok *oauth2.Token) *http.Client {
	return conf.Client(context.WithValue(context.Background(), tokenKey{}, "v"), tok)
}

// ok: through a local variable used only there.
func (c *Client) Source(ctx context.Context, conf *clientcredentials.Config) oauth2.TokenSource {
	bg := context.WithValue(context.TODO(), tokenKey{}, "v")
	return conf.TokenSource(bg)
}

// ok: a ctx-less helper that builds a token source is not a helper that
// makes its own root context.
func googleCreds(data []byte) *google.Credentials {
	creds, _ := google.CredentialsFromJSONWithType(context.Background(), data, google.ServiceAccount)
	return creds
}

func (c *Client) UseCreds(ctx context.Context) *google.Credentials {
	return googleCreds(nil)
}

// Calls that use the context only while they run take the caller's ctx.
func (c *Client) Exchange(ctx context.Context, conf *oauth2.Config, cc *clientcredentials.Config) {
	_, _ = conf.Exchange(context.Background(), "code") // want `context.Background\(\) replaces ctx, the context Exchange receives`
	_, _ = cc.Token(context.TODO())                    // want `context.TODO\(\) replaces ctx, the context Exchange receives`
}

// The local variable is also used elsewhere: the root context is not kept
// for the token source alone.
func (c *Client) Shared(ctx context.Context, conf *clientcredentials.Config) oauth2.TokenSource {
	bg := context.Background() // want `context.Background\(\) replaces ctx, the context Shared receives`
	_ = c.push(bg)
	return conf.TokenSource(bg)
}
