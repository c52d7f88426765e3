package patterns

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

// The breadth families (issue 14) must stay large, bounded and anchored at
// their keyword; these tests state those rules for the families' own
// builders. The example lines live in internal/cases.

// minBuiltin is the size the catalog grew to for issue 14: shrinking below
// it means a family was dropped.
const minBuiltin = 400

func TestBuiltinBreadth(t *testing.T) {
	if n := len(Builtin()); n < minBuiltin {
		t.Errorf("Builtin() has %d patterns, want at least %d", n, minBuiltin)
	}
}

// unbounded reports whether re can match arbitrarily long text.
func unbounded(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpStar, syntax.OpPlus:
		return true
	case syntax.OpRepeat:
		if re.Max < 0 {
			return true
		}
	}
	for _, sub := range re.Sub {
		if unbounded(sub) {
			return true
		}
	}
	return false
}

func TestBreadthFamiliesAreBounded(t *testing.T) {
	// A service account key file holds a whole PEM block, several KiB
	// that RE2 cannot count (repeats stop at 1000); the engine widens its
	// window for private keys instead.
	exempt := map[string]bool{"gcp-service-account-private-key": true}
	families := map[string]func() []Pattern{
		"cloud": cloudPatterns, "vcs": vcsPatterns, "chat": chatPatterns,
		"ai": aiPatterns, "package": packagePatterns, "saas": saasPatterns,
		"more": morePatterns, "provider": providerPatterns,
		"provider-keyed": providerKeyedPatterns, "keyed": keyedPatterns,
	}
	for name, f := range families {
		for _, p := range f() {
			if exempt[p.ID] {
				continue
			}
			re, err := syntax.Parse(p.Regex, syntax.Perl)
			if err != nil {
				t.Errorf("%s/%s: %v", name, p.ID, err)
				continue
			}
			if unbounded(re.Simplify()) {
				t.Errorf("%s/%s: regex has an unbounded repeat: %s", name, p.ID, p.Regex)
			}
		}
	}
}

func TestKeyedStartsAtKeyword(t *testing.T) {
	for _, p := range append(keyedPatterns(), providerKeyedPatterns()...) {
		if !strings.HasPrefix(p.Regex, `(?i:`) && !strings.HasPrefix(p.Regex, `(?:^|[^A-Za-z])(?i:`) {
			t.Errorf("%s: keyed regex does not open with its keyword: %s", p.ID, p.Regex)
		}
		for _, k := range p.Keywords {
			if k != strings.ToLower(k) || k == "" {
				t.Errorf("%s: keyword %q is not lower case", p.ID, k)
			}
		}
	}
}

// TestKeyedRules checks the rules documented on keyed with one synthetic
// provider, so a change to the builder shows up here rather than as a
// scatter of case failures.
func TestKeyedRules(t *testing.T) {
	hex32 := "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
	p := near("acme-api-key", "Acme", "acmecorp", hx, 32, 32).pattern()
	w := nearWord("hive-api-key", "Hive", "hive", an, 20, 20).pattern()
	tests := []struct {
		name string
		p    Pattern
		in   string
		want string // "" for no secret
	}{
		{"name then key", p, `acmecorp api_key=` + hex32, hex32},
		{"upper-case name", p, `export ACMECORP_TOKEN=` + hex32, hex32},
		{"next line of a config block", p, "acmecorp:\n  key: " + hex32, hex32},
		{"too far from the name", p, `acmecorp ` + strings.Repeat("x", 45) + ` ` + hex32, ""},
		{"window of a longer digest", p, `acmecorp sha ` + hex32 + hex32, ""},
		{"no name", p, `api_key=` + hex32, ""},
		{"only digits", p, `acmecorp order ` + strings.Repeat("0123456789", 3) + "12", ""},
		{"word name with a credential word", w, `hive api token a1B2c3D4e5F6g7H8i9J0`, "a1B2c3D4e5F6g7H8i9J0"},
		{"word name without a credential word", w, `hive node a1B2c3D4e5F6g7H8i9J0`, ""},
		{"word name inside a word", w, `archive token a1B2c3D4e5F6g7H8i9J0`, ""},
		{"a lone word is not a key", near("x-key", "X", "xservice", an, 11, 11).pattern(), `xservice Myintervals`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := firstSecret(t, tt.p, tt.in)
			if got != tt.want {
				t.Errorf("in %q: got secret %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// firstSecret applies p's regex, entropy floor and Allow rules to s the way
// the Pattern doc describes and returns the first secret, or "".
func firstSecret(t *testing.T, p Pattern, s string) string {
	t.Helper()
	re := regexp.MustCompile(p.Regex)
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		v := m[p.SecretGroup]
		if v == "" || Shannon(v) < p.Entropy {
			continue
		}
		allowed := false
		for _, a := range p.Allow {
			if regexp.MustCompile(a).MatchString(v) {
				allowed = true
			}
		}
		if !allowed {
			return v
		}
	}
	return ""
}
