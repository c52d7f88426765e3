package redact_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/redact"
)

// TestJSONRepeatsAcrossFields: a value a sensitive key masked is masked in
// every other string of the same event too, and nothing else changes.
func TestJSONRepeatsAcrossFields(t *testing.T) {
	pw := "Qz" + strings.Repeat("7x", 5)
	r := redact.MustNew()
	tests := []struct{ name, in, want string }{
		{"echo in msg",
			`{"password":"` + pw + `","msg":"login with ` + pw + ` ok","n":1}`,
			`{"password":"[REDACTED]","msg":"login with [REDACTED] ok","n":1}`},
		{"nested field",
			`{"db":{"secret":"` + pw + `"},"detail":["` + pw + `"]}`,
			`{"db":{"secret":"[REDACTED]"},"detail":["[REDACTED]"]}`},
		{"as key",
			`{"password":"` + pw + `","` + pw + `":true}`,
			`{"password":"[REDACTED]","[REDACTED]":true}`},
		{"short values are not chased",
			`{"password":"abc12","msg":"abc12 is short"}`,
			`{"password":"[REDACTED]","msg":"abc12 is short"}`},
		{"number that equals the value stays a number",
			`{"password":"12345678","port":12345678}`,
			`{"password":"[REDACTED]","port":12345678}`},
		{"escaped quote inside",
			`{"password":"a\"` + pw + `","msg":"say a\"` + pw + `"}`,
			`{"password":"[REDACTED]","msg":"say [REDACTED]"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := r.AppendJSON(nil, []byte(tc.in))
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(out))
		})
	}
}
