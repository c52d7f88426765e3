package redact_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/logredact/logredact/internal/cases"
	"github.com/logredact/logredact/redact"
)

// TestCatalogThroughEngine runs every example of the built-in catalog
// through the real engine (prefilter, windows, merging), not just the
// regular expressions: each planted secret must be gone, each near-miss
// must come back byte for byte, and redacting twice changes nothing more.
func TestCatalogThroughEngine(t *testing.T) {
	modes := map[string]*redact.Redactor{
		"mask":    redact.MustNew(),
		"label":   redact.MustNew(redact.WithMode(redact.Label)),
		"partial": redact.MustNew(redact.WithMode(redact.Partial)),
		"hmac":    redact.MustNew(redact.WithHMACKey([]byte("catalog-test-hmac-key-0123456789"))),
	}
	for name, r := range modes {
		t.Run(name, func(t *testing.T) {
			for _, c := range cases.All() {
				out := r.String(c.Input)
				assert.NotContains(t, out, c.Secret, "pattern %s leaked in %q", c.Pattern, c.Input)
				assert.Equal(t, out, r.String(out), "pattern %s: redacting twice must be stable", c.Pattern)
				assert.Equal(t, out, string(r.AppendBytes(nil, []byte(c.Input))), "pattern %s: AppendBytes differs", c.Pattern)
				assert.NotEmpty(t, r.Find(c.Input), "pattern %s: Find saw nothing", c.Pattern)
			}
			for _, s := range cases.NearMisses() {
				assert.Equal(t, s, r.String(s), "near-miss changed")
			}
		})
	}
}

// TestCatalogSecretsInOneLine packs many secrets into one line, with and
// without separators, to exercise merging of overlapping and adjacent spans.
func TestCatalogSecretsInOneLine(t *testing.T) {
	r := redact.MustNew()
	all := cases.All()
	var b strings.Builder
	for _, c := range all {
		b.WriteString(c.Input)
		b.WriteString(" | ")
	}
	out := r.String(b.String())
	for _, c := range all {
		assert.NotContains(t, out, c.Secret, "pattern %s leaked when packed with others", c.Pattern)
	}
}
