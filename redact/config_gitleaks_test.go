package redact_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/redact"
)

// gitleaksModule is the gitleaks release whose default configuration the
// loader is tested against, and gitleaksOldest the oldest one it must load.
// The tests read the files from the module cache (they are not copied into
// this repository): `go mod download` fetches the module through the
// configured proxy.
const (
	gitleaksModule = "github.com/zricethezav/gitleaks/v8@v8.30.1"
	gitleaksOldest = "github.com/zricethezav/gitleaks/v8@v8.18.0"
)

// gitleaksDefaultConfig returns the path of gitleaks' config/gitleaks.toml
// in the module gitleaksModule names. It skips the test when the module
// cannot be downloaded, except under CI, where the download must work.
func gitleaksDefaultConfig(t *testing.T) string {
	t.Helper()
	return gitleaksConfigOf(t, gitleaksModule)
}

func gitleaksConfigOf(t *testing.T, module string) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		skipOrFail(t, "no go command to download %s: %v", module, err)
	}
	cmd := exec.Command("go", "mod", "download", "-json", module)
	cmd.Dir = t.TempDir() // outside any module: go.mod and go.sum stay as they are
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.Output()
	var info struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &info); err != nil || jerr != nil || info.Dir == "" {
		skipOrFail(t, "go mod download %s: %v %s", module, err, info.Error)
	}
	path := filepath.Join(info.Dir, "config", "gitleaks.toml")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the gitleaks module has no default config: %v", err)
	}
	return path
}

func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
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
	path := gitleaksConfigOf(t, gitleaksOldest)
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
