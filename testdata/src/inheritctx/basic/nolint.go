package basic

import "context"

// Calls that golangci-lint's contextcheck, the peer linter, reports for
// the same reason and was told to leave alone.

func flushLogs() { _ = (&Client{}).push(context.Background()) }

// ok: the call's line says so.
func (c *Client) Flush(ctx context.Context) {
	flushLogs() //nolint:contextcheck // logs are flushed even when ctx is done
}

// ok: so does a directive alone on the line above it.
func (c *Client) FlushAbove(ctx context.Context) {
	//nolint: contextcheck
	flushLogs()
}

func rotateLogs() { _ = (&Client{}).push(context.TODO()) } // want `^context.TODO\(\) in rotateLogs, which Client.Rotate calls without its ctx`

// Reported: a directive for another linter.
func (c *Client) Rotate(ctx context.Context) {
	rotateLogs() //nolint:errcheck
}
