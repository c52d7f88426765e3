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

// TestCleanLinesFromAgreesWithCleanLines: a text that repeats the start of
// a clean line gets the same answer from CleanLinesFrom, told how much it
// repeats, as from CleanLines, whatever follows (secrets of every family,
// escapes, more lines).
func TestCleanLinesFromAgreesWithCleanLines(t *testing.T) {
	r := redact.MustNew()
	clean := []string{
		`{"level":"info","service":"users","request_id":"7f3a9c","time":"2026-12-02T10:00:00Z","message":"ok"}`,
		"2026-12-02 10:00:00 INFO worker started job 42",
		`level=info service=users msg="request handled"`,
	}
	var tails []string
	for _, c := range cases.All() {
		tails = append(tails, c.Input)
	}
	tails = append(tails, cases.NearMisses()...)
	tails = append(tails, "", "\n", "50% done\n", `path C:\temp`, "\nnext line\n", "ok\"}\n{\"password\":\"x"+"y7-value\"}")
	for _, l := range clean {
		require.Equal(t, len(l), r.CleanLines([]byte(l)), "%q must be clean", l)
		for k := 0; k <= len(l); k += 1 + k/8 {
			for _, tail := range tails {
				s := []byte(l[:k] + tail)
				if got, want := r.CleanLinesFrom(s, k), r.CleanLines(s); got != want {
					t.Fatalf("CleanLinesFrom(%q, %d) = %d, CleanLines = %d", s, k, got, want)
				}
			}
		}
	}
	assert.Equal(t, 2, r.CleanLinesFrom([]byte("ab"), -3))
	assert.Equal(t, 2, r.CleanLinesFrom([]byte("ab"), 9))
}

func ExampleRedactor_CleanLinesFrom() {
	r := redact.MustNew()
	prev := []byte(`{"level":"info","service":"users","msg":"started"}`)
	next := []byte(`{"level":"info","service":"users","msg":"login","password":"` + "hunter2-secret" + `"}`)
	same := 0
	for same < len(prev) && same < len(next) && prev[same] == next[same] {
		same++
	}
	// prev is clean; next repeats its first 41 bytes, which are not read again.
	fmt.Println(r.CleanLines(prev) == len(prev), same, r.CleanLinesFrom(next, same))
	// Output: true 41 0
}
