package fixleft

import (
	"context"
	"net/http"
)

func use(ctx context.Context) {}

// Server keeps a context in a field: storedctx, which has no fix.
type Server struct {
	ctx context.Context
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	use(context.Background())
}

func f(ctx context.Context) {
	use(context.TODO())
}
