package filter

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/redact"
)

// prefixedCases are lines that are not entirely a JSON object but carry
// one: after a container runtime's or syslog's header, or cut short. The
// key-aware view of the JSON must survive: a value under a sensitive key
// goes even when no pattern would know it, and a \u escape does not hide a
// token. Secrets are built at run time.
func prefixedCases() (cases []struct{ name, line string }, secrets []string) {
	tokBody := spread(36)
	escTok := `\u0067hp_` + tokBody // "ghp_…" with its g escaped
	keyVal := "k" + strings.Repeat("v", 6) + "42"
	secrets = []string{tokBody, keyVal}
	obj := `{"level":"info","msg":"clone with ` + escTok + ` failed","x-internal-auth":"` + keyVal + `","n":1}`
	cases = []struct{ name, line string }{
		{"cri full", "2026-11-27T13:00:00.123456789Z stdout F " + obj},
		{"cri partial", "2026-11-27T13:00:00.123456789Z stderr P " + obj[:len(obj)-8]},
		{"docker json-file", `{"log":"` + strings.ReplaceAll(obj, `"`, `\"`) + `\n","stream":"stdout","time":"2026-11-27T13:00:00Z"}`},
		{"syslog rfc5424", "<134>1 2026-11-27T13:00:00Z web-1 api 4242 - - " + obj},
		{"syslog bsd", "Nov 27 13:00:00 web-1 api[4242]: " + obj},
		{"truncated", obj[:len(obj)-8]},
		{"json then text", obj + " (truncated by the shipper)"},
	}
	return cases, secrets
}

// TestJSONAfterPrefix hands such lines to the core, which redacts JSON
// after a prefix key-aware (see package redact): whatever the format
// selected, and whatever the worker count, none of the secrets survives.
func TestJSONAfterPrefix(t *testing.T) {
	cases, secrets := prefixedCases()
	r := redact.MustNew(redact.WithSensitiveKeys("x-internal-auth"))
	for _, format := range []Format{Auto, JSON, Logfmt, Text} {
		for _, workers := range []int{1, 2} {
			f, err := New(r, &Options{Format: format, Workers: workers})
			require.NoError(t, err)
			for _, tc := range cases {
				t.Run(fmt.Sprintf("%s/workers=%d/%s", format, workers, tc.name), func(t *testing.T) {
					got := runString(t, f, tc.line+"\n")
					for _, s := range secrets {
						assert.NotContains(t, got, s)
					}
					assert.Equal(t, 1, strings.Count(got, "\n"))
					// The prefix is kept as it is.
					if i := strings.IndexByte(tc.line, '{'); i > 0 {
						assert.True(t, strings.HasPrefix(got, tc.line[:i]), "prefix changed: %q", got)
					}
				})
			}
		}
	}
}

// TestPrefixedLineUsesCore checks the dispatch itself: a line that is not
// entirely JSON gets exactly what the core's text path gives it, so the
// filter never takes a weaker path than r.AppendBytes.
func TestPrefixedLineUsesCore(t *testing.T) {
	cases, _ := prefixedCases()
	r := redact.MustNew(redact.WithSensitiveKeys("x-internal-auth"))
	for _, format := range []Format{Auto, Text} {
		f, err := New(r, &Options{Format: format, Workers: 1})
		require.NoError(t, err)
		for _, tc := range cases {
			if looksJSON([]byte(tc.line)) {
				continue
			}
			assert.Equal(t, string(r.AppendBytes(nil, []byte(tc.line))), string(f.AppendLine(nil, []byte(tc.line))), "%s %s", format, tc.name)
		}
	}
}
