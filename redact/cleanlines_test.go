package redact_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/internal/cases"
	"github.com/logredact/logredact/redact"
)

// TestCleanLinesVouchesOnlyForUnchangedLines: a line CleanLines vouches
// for is left as it is by every entry point; lines with secrets are never
// vouched for; the prefix ends where the first such line starts.
func TestCleanLinesVouchesOnlyForUnchangedLines(t *testing.T) {
	r := redact.MustNew()
	var lines []string
	lines = append(lines, cases.NearMisses()...)
	for _, c := range cases.All() {
		lines = append(lines, c.Input)
	}
	lines = append(lines, `{"level":"info","msg":"ok"}`, "plain text line", "50% done", `path C:\temp`, "")
	vouched := 0
	for _, l := range lines {
		l = strings.ReplaceAll(l, "\n", " ")
		if r.CleanLines([]byte(l)) != len(l) {
			continue
		}
		vouched++
		assert.Equal(t, l, r.String(l), "String changed a vouched line")
		assert.Equal(t, l, string(r.AppendBytes(nil, []byte(l))), "AppendBytes changed a vouched line")
		assert.Nil(t, r.Find(l))
		if json.Valid([]byte(l)) {
			out, err := r.AppendJSON(nil, []byte(l))
			require.NoError(t, err)
			assert.Equal(t, l, string(out))
		}
	}
	assert.Greater(t, vouched, 10)
	for _, c := range cases.All() {
		assert.Less(t, r.CleanLines([]byte(c.Input)), len(c.Input)+1, c.Pattern)
		if !strings.Contains(c.Input, "\n") {
			assert.Zero(t, r.CleanLines([]byte(c.Input)), "pattern %s: a line with a secret vouched for", c.Pattern)
		}
	}
	block := "clean one\nclean two\npassword=" + "Xy7" + "-secret-value\nclean three\n"
	assert.Equal(t, len("clean one\nclean two\n"), r.CleanLines([]byte(block)))
}

func ExampleRedactor_CleanLines() {
	r := redact.MustNew()
	in := []byte("GET /healthz 200\nGET /login?password=" + "hunter2-secret" + " 302\nGET /metrics 200\n")
	n := r.CleanLines(in)
	fmt.Printf("%q can be written as it is\n", in[:n])
	// Output: "GET /healthz 200\n" can be written as it is
}
