package redact_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/redact"
)

func TestSecretRenderings(t *testing.T) {
	pw := "hunter" + "2-" + strings.Repeat("x", 8)
	s := redact.NewSecret(pw)
	assert.Equal(t, pw, s.Value())
	type holder struct {
		Name string
		Pass redact.Secret[string]
	}
	h := holder{Name: "ada", Pass: s}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		out := fmt.Sprintf(verb, s)
		assert.NotContains(t, out, pw, verb)
		assert.Contains(t, out, redact.SecretMask, verb)
		assert.NotContains(t, fmt.Sprintf(verb, h), pw, verb)
		assert.NotContains(t, fmt.Sprintf(verb, &h), pw, verb)
	}
	b, err := json.Marshal(h)
	require.NoError(t, err)
	assert.JSONEq(t, `{"Name":"ada","Pass":"[REDACTED]"}`, string(b))
	txt, err := s.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, redact.SecretMask, string(txt))
	assert.Equal(t, slog.StringValue(redact.SecretMask), s.LogValue())
	assert.Equal(t, redact.SecretMask, s.GoString())
	var zero redact.Secret[int]
	assert.Equal(t, redact.SecretMask, zero.String())
}
