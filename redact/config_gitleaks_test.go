package redact_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/internal/gitleaksconf"
	"github.com/logredact/logredact/redact"
)

func gitleaksDefaultConfig(t *testing.T) string {
	t.Helper()
	return gitleaksconf.Path(t, gitleaksconf.Current)
}

// gitleaksSamples are token shapes of rules in gitleaks' default
// configuration, built at run time, with the ID of the rule that finds
// each. Each is written where gitleaks would find it, after a word.
func gitleaksSamples() map[string]string {
	return map[string]string{
		"gitlab-pat":          "glpat-" + configSecret(configLower+"ABCDEF", 20),
		"aws-access-token":    "AKIA" + configSecret(configUpper, 16),
		"github-pat":          "ghp_" + configSecret(configLower+"XYZ", 36),
		"npm-access-token":    "npm_" + configSecret(configLower, 36),
		"slack-bot-token":     "xoxb-" + "1234567890123-9876543210987-" + configSecret(configLower, 24),
		"stripe-access-token": "sk_live_" + configSecret(configLower+"QRST", 24),
	}
}

func TestConfigGitleaksDefault(t *testing.T) {
	path := gitleaksDefaultConfig(t)
	var warns []string
	opts, err := redact.LoadConfig(path, &redact.ConfigOptions{Warn: func(m string) { warns = append(warns, m) }})
	require.NoError(t, err, "gitleaks' own default configuration loads as it is")
	for _, w := range warns {
		assert.True(t, strings.HasPrefix(w, path+":"), "warning without a line: %q", w)
	}
	r, err := redact.New(append(opts, redact.WithoutBuiltins(), redact.WithMode(redact.Label))...)
	require.NoError(t, err)
	assert.Greater(t, len(r.Patterns()), 200, "the rules of the file are active")

	for id, secret := range gitleaksSamples() {
		t.Run(id, func(t *testing.T) {
			line := "deploy: using credential " + secret + " for upload"
			out := r.String(line)
			assert.NotContains(t, out, secret)
			assert.Contains(t, out, "[REDACTED:"+id+"]")
		})
	}
	// The documentation key AWS publishes is allowlisted by the file.
	doc := "key AKIA" + configSecret(configUpper, 9) + "EXAMPLE done"
	assert.Equal(t, doc, r.String(doc))
	assert.Equal(t, "GET /healthz 200 1.2ms", r.String("GET /healthz 200 1.2ms"))
}

// gitleaks v8.18's default configuration loads too: one of its rule IDs
// ("age secret key") is renamed to kebab-case with a warning.
func TestConfigGitleaksOldest(t *testing.T) {
	path := gitleaksconf.Path(t, gitleaksconf.Oldest)
	var warns []string
	opts, err := redact.LoadConfig(path, &redact.ConfigOptions{Warn: func(m string) { warns = append(warns, m) }})
	require.NoError(t, err)
	r, err := redact.New(append(opts, redact.WithoutBuiltins(), redact.WithMode(redact.Label))...)
	require.NoError(t, err)
	for _, id := range []string{"gitlab-pat", "aws-access-token"} {
		secret := gitleaksSamples()[id]
		out := r.String("deploy: using credential " + secret + " for upload")
		assert.NotContains(t, out, secret, id)
	}
	assert.True(t, slices.ContainsFunc(warns, func(w string) bool { return strings.Contains(w, `"age secret key"`) }), "%q", warns)
}
