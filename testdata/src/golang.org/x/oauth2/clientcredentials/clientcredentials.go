// Package clientcredentials is a stub of
// golang.org/x/oauth2/clientcredentials for ctxlint tests: the real type
// and method signatures, a subset of them.
package clientcredentials

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

type Config struct {
	ClientID     string
	ClientSecret string
	TokenURL     string
	Scopes       []string
}

func (c *Config) Token(ctx context.Context) (*oauth2.Token, error) { return nil, nil }

func (c *Config) Client(ctx context.Context) *http.Client { return nil }

func (c *Config) TokenSource(ctx context.Context) oauth2.TokenSource { return nil }
