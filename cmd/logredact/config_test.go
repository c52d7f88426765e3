package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/internal/gitleaksconf"
)

func TestBinaryConfigEveryProblem(t *testing.T) {
	cfg := writeFile(t, "rules.toml", `[[rules]]
id = "acme-token"
regex = '''(acme_[0-9a-z]{32}'''
entropy = 12

[[rules]]
id = "acme-other"
regex = '''acme_(?!test)\w+'''

[[rules]]
id = "acme-third"
regex = '''acme3_\w+'''
keywords = [""]
`)
	res := runBinary(t, "", noHMAC, "--config", cfg)
	assert.Equal(t, exitUsage, res.code)
	lines := strings.Split(strings.TrimSpace(res.stderr), "\n")
	require.Len(t, lines, 4, res.stderr)
	for i, want := range []string{
		cfg + `:3: rule "acme-token": regex does not compile: missing closing )`,
		cfg + `:4: rule "acme-token": entropy 12 out of range`,
		cfg + `:8: rule "acme-other": regex uses lookahead "(?!"`,
		cfg + `:13: rule "acme-third": empty keyword`,
	} {
		assert.Contains(t, lines[i], want)
	}
	assert.True(t, strings.HasPrefix(lines[0], "logredact: config: "), lines[0])

	// Skipping what RE2 lacks leaves the plain mistakes.
	res = runBinary(t, "", noHMAC, "--config", cfg, "--skip-unsupported-rules")
	assert.Equal(t, exitUsage, res.code)
	assert.Contains(t, res.stderr, "warning: "+cfg+`:8: rule "acme-other"`)
	assert.NotContains(t, res.stderr, "config: "+cfg+":8")
}

// gitleaks' own default configuration, read from the module cache (never
// copied into this repository), through the built command.
func TestBinaryGitleaksDefault(t *testing.T) {
	cfg := gitleaksconf.Path(t, gitleaksconf.Current)
	glpat := "glpat-" + spread(20)
	aws := "AKIA" + strings.ToUpper(spread(16))
	aws = strings.Map(func(r rune) rune { // the key alphabet is A-Z and 2-7
		if r >= '0' && r <= '9' {
			return '2' + (r-'0')%6
		}
		return r
	}, aws)
	in := "push with " + glpat + "\nassume role " + aws + " ok\n"
	res := runBinary(t, in, noHMAC, "--no-builtins", "--config", cfg, "--replace", "label")
	require.Equal(t, exitOK, res.code, res.stderr)
	assert.Equal(t, "push with [REDACTED:gitlab-pat]\nassume role [REDACTED:aws-access-token] ok\n", res.stdout)
	assert.NotContains(t, res.stderr, "error")
}
