package outbound

import (
	"context"
	"crypto/tls"
	"database/sql"
	"net"
	"net/http"
	"os/exec"

	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"
)

type server struct {
	db     *sql.DB
	client *http.Client
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest(http.MethodGet, "http://backend/", nil) // want `^http.NewRequest cannot carry r.Context\(\), the request's context; use http.NewRequestWithContext\(r.Context\(\), ...\)$`
	_, _ = s.client.Do(req)
	_, _ = http.Get("http://backend/")                         // want `^http.Get cannot carry r.Context\(\), the request's context; use http.NewRequestWithContext\(r.Context\(\), ...\) and http.DefaultClient.Do$`
	_, _ = s.client.Post("http://backend/", "text/plain", nil) // want `\(\*http.Client\).Post cannot carry r.Context\(\)`
	_ = exec.Command("git", "fetch").Run()                     // want `^exec.Command cannot carry r.Context\(\), the request's context; use exec.CommandContext\(r.Context\(\), ...\)$`
	rows, _ := s.db.Query("SELECT 1")                          // want `^\(\*sql.DB\).Query cannot carry r.Context\(\), the request's context; use QueryContext\(r.Context\(\), ...\)$`
	_ = rows
	_ = s.db.Ping()                          // want `\(\*sql.DB\).Ping cannot carry r.Context\(\).*; use PingContext\(r.Context\(\)\)$`
	tx, _ := s.db.Begin()                    // want `\(\*sql.DB\).Begin cannot carry r.Context\(\).*; use BeginTx\(r.Context\(\), nil\)$`
	_, _ = tx.Exec("DELETE FROM t")          // want `\(\*sql.Tx\).Exec cannot carry`
	conn, _ := net.Dial("tcp", "backend:80") // want `net.Dial cannot carry r.Context\(\).*; use \(&net.Dialer\{\}\).DialContext\(r.Context\(\), ...\)$`
	_ = conn
	_, _ = net.LookupHost("backend")               // want `net.LookupHost cannot carry r.Context\(\).*; use net.DefaultResolver.LookupHost\(r.Context\(\), ...\)$`
	_, _ = net.DialTimeout("tcp", "backend:80", 0) // want `net.DialTimeout cannot carry r.Context\(\)`
	tc, _ := tls.Dial("tcp", "backend:443", nil)   // want `tls.Dial cannot carry r.Context\(\)`
	_ = tc.Handshake()                             // want `\(\*tls.Conn\).Handshake cannot carry r.Context\(\).*; use HandshakeContext\(r.Context\(\)\)$`
	args := []string{"log"}
	_ = exec.Command("git", args...).Run() // want `exec.Command cannot carry`

	// ok: the context-taking forms.
	req, _ = http.NewRequestWithContext(r.Context(), http.MethodGet, "http://backend/", nil)
	_, _ = s.db.QueryContext(r.Context(), "SELECT 1")
	_ = exec.CommandContext(r.Context(), "git", "fetch").Run()
	go func() {
		_, _ = http.Get("http://backend/async") // ok: detached by default
	}()
}

type hook struct{ db *sql.DB }

func (h *hook) Handle(ctx context.Context, req admission.Request) admission.Response {
	_, _ = h.db.Exec("INSERT INTO audit VALUES (1)") // want `\(\*sql.DB\).Exec cannot carry ctx, the admission request's context.*; use ExecContext\(ctx, ...\)$`
	return admission.Allowed("")
}

// ok: outbound calls outside handlers are noctx's business, not ours.
func sync(ctx context.Context, db *sql.DB) {
	_, _ = http.Get("http://backend/")
	_, _ = db.Query("SELECT 1")
}

func main() {
	_, _ = http.Get("http://backend/")
}
