package redact_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/redact"
)

func TestCtxAllow(t *testing.T) {
	src := `
[[rules]]
id = "acme-token"
regex = '''(?i)(?:acme|acme_id)\s*=\s*([0-9a-z]{20})'''
keywords = ["acme"]
[[rules.allowlists]]
regexTarget = "match"
regexes = ['''(?i)acme_id''']
[[rules.allowlists]]
regexTarget = "line"
regexes = ['''--mount=type=secret,''']
`
	opts, err := redact.ParseConfig(strings.NewReader(src), "r.toml", &redact.ConfigOptions{Warn: func(m string) { t.Log(m) }})
	require.NoError(t, err)
	r := redact.MustNew(append(opts, redact.WithMode(redact.Label))...)
	v := "k3j5h7g9f1d3s5a7q9w2"
	assert.Equal(t, "acme = [REDACTED:acme-token]", r.String("acme = "+v))
	assert.Equal(t, "acme_id = "+v, r.String("acme_id = "+v))
	assert.Equal(t, "RUN --mount=type=secret,id=x acme = "+v, r.String("RUN --mount=type=secret,id=x acme = "+v))
	assert.Equal(t, "RUN --mount=type=secret,id=x\nacme = [REDACTED:acme-token]", r.String("RUN --mount=type=secret,id=x\nacme = "+v))
	assert.Equal(t, `{"msg":"acme = [REDACTED:acme-token]"}`, string(must(r.AppendJSON(nil, []byte(`{"msg":"acme = `+v+`"}`)))))
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
