// Package google is a stub of golang.org/x/oauth2/google for ctxlint
// tests: the real type and function signatures, a subset of them.
package google

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

type Credentials struct {
	ProjectID              string
	TokenSource            oauth2.TokenSource
	JSON                   []byte
	UniverseDomainProvider func() (string, error)
}

type CredentialsType string

const (
	ServiceAccount  CredentialsType = "service_account"
	AuthorizedUser  CredentialsType = "authorized_user"
	ExternalAccount CredentialsType = "external_account"
)

func DefaultClient(ctx context.Context, scope ...string) (*http.Client, error) { return nil, nil }

func DefaultTokenSource(ctx context.Context, scope ...string) (oauth2.TokenSource, error) {
	return nil, nil
}

func FindDefaultCredentials(ctx context.Context, scopes ...string) (*Credentials, error) {
	return nil, nil
}

func CredentialsFromJSON(ctx context.Context, jsonData []byte, scopes ...string) (*Credentials, error) {
	return nil, nil
}

func CredentialsFromJSONWithType(ctx context.Context, jsonData []byte, credType CredentialsType, scopes ...string) (*Credentials, error) {
	return nil, nil
}
