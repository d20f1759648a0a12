// Package oauth2 is a stub of golang.org/x/oauth2 for ctxlint tests: the
// real type and method signatures, a subset of them.
package oauth2

import "time"

// A TokenSource is anything that can return a token.
type TokenSource interface {
	Token() (*Token, error)
}

type Token struct {
	AccessToken  string    `json:"access_token"`
	TokenType    string    `json:"token_type,omitempty"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	Expiry       time.Time `json:"expiry,omitempty"`
}
