package redact_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/patterns"
	"github.com/logredact/logredact/redact"
)

// Rule files in these tests hold regexes only. Secrets are built at run time
// by configSecret, so no file of the repository holds one.

const (
	configLower = "abcdefghijklmnopqrstuvwxyz0123456789"
	configHex   = "0123456789abcdef"
	configUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
)

// configSecret returns n characters of alphabet in a scrambled order, which
// gives the high entropy of a real credential.
func configSecret(alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[(i*11+i/3+5)%len(alphabet)]
	}
	return string(b)
}

// configParse parses src and returns the options, the warnings and the error.
func configParse(t testing.TB, src string, strict bool) ([]redact.Option, []string, error) {
	t.Helper()
	return configParseWith(t, src, redact.ConfigOptions{Strict: strict})
}

// configParseWith is configParse with any options; Warn is set here.
func configParseWith(t testing.TB, src string, o redact.ConfigOptions) ([]redact.Option, []string, error) {
	t.Helper()
	var warns []string
	o.Warn = func(msg string) { warns = append(warns, msg) }
	opts, err := redact.ParseConfig(strings.NewReader(src), "rules.toml", &o)
	return opts, warns, err
}

// configRedactor builds a Redactor from src, which must load.
func configRedactor(t testing.TB, src string, extra ...redact.Option) (*redact.Redactor, []string) {
	t.Helper()
	opts, warns, err := configParse(t, src, false)
	require.NoError(t, err)
	r, err := redact.New(append(opts, extra...)...)
	require.NoError(t, err)
	return r, warns
}

// configOnly ends a rules file with settings that make outputs exact: no
// built-in patterns, and labels naming the rule.
const configOnly = "\n[logredact]\nbuiltins = false\nmode = \"label\"\n"

func builtinIDs() []string {
	var ids []string
	for _, p := range patterns.Builtin() {
		ids = append(ids, p.ID)
	}
	return ids
}

func patternIDs(r *redact.Redactor) []string {
	var ids []string
	for _, p := range r.Patterns() {
		ids = append(ids, p.ID)
	}
	return ids
}

func TestConfigRules(t *testing.T) {
	acme := "acme_" + configSecret(configLower, 32)
	partner := configSecret(configHex, 24)
	low := strings.Repeat("ab", 12)
	allowed := "acme_" + strings.Repeat("0", 32)
	sess := "sess-" + configSecret(configLower+"XYZ", 40)

	tests := []struct {
		name  string
		toml  string
		in    []string
		want  []string
		warns []string // substrings, one per warning expected
	}{
		{
			name: "keywords",
			toml: `
[[rules]]
id = "acme-token"
regex = '''\bacme_[0-9a-z]{32}\b'''
keywords = ["acme_"]`,
			in:   []string{"token=" + acme + " ok", "no token here"},
			want: []string{"token=[REDACTED:acme-token] ok", "no token here"},
		},
		{
			name: "secretGroup",
			toml: `
[[rules]]
id = "partner-key"
regex = '''(?i)(partner[_-]?key)\s*[:=]\s*([0-9a-f]{24})'''
secretGroup = 2
keywords = ["partner"]`,
			in:   []string{"partner_key=" + partner},
			want: []string{"partner_key=[REDACTED:partner-key]"},
		},
		{
			name: "one mandatory group without secretGroup is the secret, as in gitleaks",
			toml: `
[[rules]]
id = "partner-key"
regex = '''(?i)partner[_-]?key\s*[:=]\s*([0-9a-f]{24})'''
keywords = ["partner"]`,
			in:   []string{"partner_key=" + partner},
			want: []string{"partner_key=[REDACTED:partner-key]"},
		},
		{
			name: "an optional group without secretGroup: the whole match",
			toml: `
[[rules]]
id = "partner-key"
regex = '''(?i)partner[_-]?key\s*[:=]\s*(?:v1:)?([0-9a-f]{24})?'''
keywords = ["partner"]`,
			in:   []string{"partner_key=" + partner},
			want: []string{"[REDACTED:partner-key]"},
		},
		{
			name: "a group in one branch of an alternation: the whole match",
			toml: `
[[rules]]
id = "partner-key"
regex = '''(?i)partner[_-]?key=(?:([0-9a-f]{24})|v2:[0-9a-f]{24})'''
keywords = ["partner"]`,
			in:   []string{"partner_key=" + partner},
			want: []string{"[REDACTED:partner-key]"},
		},
		{
			name: "entropy floor",
			toml: `
[[rules]]
id = "partner-key"
regex = '''partner_key=([a-z0-9]{24})'''
secretGroup = 1
entropy = 3.5
keywords = ["partner_key="]`,
			in:   []string{"partner_key=" + low, "partner_key=" + configSecret(configLower, 24)},
			want: []string{"partner_key=" + low, "partner_key=[REDACTED:partner-key]"},
		},
		{
			name: "allowlists regexes and stopwords",
			toml: `
[[rules]]
id = "acme-token"
regex = '''\bacme_[0-9a-z]{32}\b'''
keywords = ["acme_"]
[[rules.allowlists]]
regexes = ['''^acme_0+$''']
[[rules.allowlists]]
stopwords = ["EXAMPLE"]`,
			in:   []string{allowed, "acme_example" + configSecret(configLower, 25), acme},
			want: []string{allowed, "acme_example" + configSecret(configLower, 25), "[REDACTED:acme-token]"},
		},
		{
			name: "old single allowlist table",
			toml: `
[[rules]]
id = "acme-token"
regex = '''\bacme_[0-9a-z]{32}\b'''
keywords = ["acme_"]
[rules.allowlist]
description = "test tokens"
regexes = ['''^acme_0+$''']
stopwords = ["example"]`,
			in:   []string{allowed, "acme_example" + configSecret(configLower, 25), acme},
			want: []string{allowed, "acme_example" + configSecret(configLower, 25), "[REDACTED:acme-token]"},
		},
		{
			name: "global allowlist applies to every rule",
			toml: `
[allowlist]
description = "templates"
regexes = ['''^\$\{[A-Z_]+\}$''']
stopwords = ["placeholder"]
paths = ['''vendor/''']

[[rules]]
id = "db-password"
regex = '''db_password=(\S+)'''
secretGroup = 1
keywords = ["db_password="]

[[rules]]
id = "api-secret"
regex = '''api_secret=(\S+)'''
secretGroup = 1
keywords = ["api_secret="]`,
			in: []string{
				"db_password=${DB_PASSWORD}", "api_secret=${API_SECRET}",
				"api_secret=my-PlaceHolder-1", "db_password=" + partner,
			},
			want: []string{
				"db_password=${DB_PASSWORD}", "api_secret=${API_SECRET}",
				"api_secret=my-PlaceHolder-1", "db_password=[REDACTED:db-password]",
			},
		},
		{
			name: "global allowlists array with targetRules",
			toml: `
[[allowlists]]
targetRules = ["api-secret", "not-in-this-file"]
stopwords = ["placeholder"]

[[allowlists]]
regexes = ['''^\$\{[A-Z_]+\}$''']

[[rules]]
id = "db-password"
regex = '''db_password=(\S+)'''
secretGroup = 1
keywords = ["db_password="]

[[rules]]
id = "api-secret"
regex = '''api_secret=(\S+)'''
secretGroup = 1
keywords = ["api_secret="]`,
			in:    []string{"db_password=placeholder1", "api_secret=placeholder1", "db_password=${X}"},
			want:  []string{"db_password=[REDACTED:db-password]", "api_secret=placeholder1", "db_password=${X}"},
			warns: []string{`rules.toml:3: [[allowlists]] #1 targetRules: "not-in-this-file" is not a rule of this file`},
		},
		{
			name: "condition AND of one kind of check",
			toml: `
[[rules]]
id = "acme-token"
regex = '''\bacme_[0-9a-z]{32}\b'''
keywords = ["acme_"]
[[rules.allowlists]]
condition = "AND"
regexes = ['''^acme_0+$''']`,
			in:   []string{allowed, acme},
			want: []string{allowed, "[REDACTED:acme-token]"},
		},
		{
			name: "condition AND with paths never holds",
			toml: `
[[rules]]
id = "acme-token"
regex = '''\bacme_[0-9a-z]{32}\b'''
keywords = ["acme_"]
[[rules.allowlists]]
condition = "&&"
paths = ['''_test\.go$''']
regexes = ['''^acme_0+$''']`,
			in:    []string{allowed},
			want:  []string{"[REDACTED:acme-token]"},
			warns: []string{`rules.toml:6: rule "acme-token": allowlist #1: condition AND with paths or commits never holds for a log line; allowlist ignored`},
		},
		{
			name: "condition AND of regexes and stopwords",
			toml: `
[[rules]]
id = "acme-token"
regex = '''\bacme_[0-9a-z]{32}\b'''
keywords = ["acme_"]
[[rules.allowlists]]
condition = "and"
regexes = ['''^acme_0+$''']
stopwords = ["000"]`,
			in:    []string{allowed},
			want:  []string{"[REDACTED:acme-token]"},
			warns: []string{`rules.toml:7: rule "acme-token": allowlist #1: condition AND of regexes and stopwords is not supported; allowlist ignored`},
		},
		{
			name: "regexTarget match tests the whole match, stopwords the secret",
			toml: `
[[rules]]
id = "acme-token"
regex = '''\bacme_[0-9a-z]{32}\b'''
keywords = ["acme_"]
[[rules.allowlists]]
regexTarget = "match"
regexes = ['''^acme_0+$''']
stopwords = ["example"]`,
			in:   []string{allowed, "acme_example" + configSecret(configLower, 25)},
			want: []string{allowed, "acme_example" + configSecret(configLower, 25)},
		},
		{
			name: "regexTarget secret is the default",
			toml: `
[[rules]]
id = "acme-token"
regex = '''\bacme_[0-9a-z]{32}\b'''
keywords = ["acme_"]
[[rules.allowlists]]
regexTarget = "secret"
regexes = ['''^acme_0+$''']`,
			in:   []string{allowed},
			want: []string{allowed},
		},
		{
			name: "rule without keywords runs on every string",
			toml: `
[[rules]]
id = "acme-session"
regex = '''\bsess-[0-9A-Za-z]{40}\b'''`,
			in:   []string{"user logged in, session " + sess},
			want: []string{"user logged in, session [REDACTED:acme-session]"},
		},
		{
			name: "path-only rule skipped, path of a regex rule ignored, tags ignored",
			toml: `
title = "t"
description = "d"

[[rules]]
id = "pkcs12-file"
description = "key stores"
path = '''(?i)\.p12$'''

[[rules]]
id = "acme-token"
path = '''\.env$'''
tags = ["acme"]
regex = '''\bacme_[0-9a-z]{32}\b'''
keywords = ["acme_"]
skipReport = false
[[rules.required]]
id = "pkcs12-file"
withinLines = 2`,
			in:    []string{acme},
			want:  []string{"[REDACTED:acme-token]"},
			warns: []string{`rules.toml:5: rule "pkcs12-file" has only a path, which does not apply to log lines; skipped`},
		},
		{
			name: "keys match case-insensitively as in gitleaks",
			toml: `
[[rules]]
ID = "acme-token"
Regex = '''\b(acme_[0-9a-z]{32})\b'''
secretgroup = 1
Keywords = ["ACME_"]`,
			in:   []string{acme},
			want: []string{"[REDACTED:acme-token]"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, warns := configRedactor(t, tt.toml+configOnly)
			var got []string
			for _, in := range tt.in {
				got = append(got, r.String(in))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("redacted lines (-want +got):\n%s", diff)
			}
			require.Len(t, warns, len(tt.warns), "warnings: %q", warns)
			for i, w := range tt.warns {
				assert.Contains(t, warns[i], w)
			}
		})
	}
}

func TestConfigBuiltins(t *testing.T) {
	all := len(patterns.Builtin())
	rule := `
[[rules]]
id = "acme-token-test"
regex = '''\bacme_[0-9a-z]{32}\b'''
keywords = ["acme_"]
`
	tests := []struct {
		name     string
		toml     string
		builtins bool
	}{
		{"plain gitleaks file replaces the built-ins", rule, false},
		{"useDefault true extends them", "[extend]\nuseDefault = true\n" + rule, true},
		{"useDefault false replaces them", "[extend]\nuseDefault = false\n" + rule, false},
		{"a [logredact] table keeps them", "[logredact]\nmode = \"mask\"\n" + rule, true},
		{"builtins false wins over useDefault true", "[extend]\nuseDefault = true\n[logredact]\nbuiltins = false\n" + rule, false},
		{"builtins true wins over useDefault false", "[extend]\nuseDefault = false\n[logredact]\nbuiltins = true\n" + rule, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := configRedactor(t, tt.toml)
			ids := patternIDs(r)
			assert.Contains(t, ids, "acme-token-test")
			want := 1
			if tt.builtins {
				want += all
			}
			assert.Len(t, ids, want)

			// A GitHub token is a built-in family whatever its pattern is called.
			line := "cloning with " + "ghp_" + configSecret(configLower+"ABCXYZ", 36)
			if tt.builtins {
				assert.NotEqual(t, line, r.String(line))
			} else {
				assert.Equal(t, line, r.String(line))
			}
		})
	}
}

func TestConfigDisabledRules(t *testing.T) {
	ids := builtinIDs()
	require.NotEmpty(t, ids)
	known := ids[0]

	t.Run("known built-in dropped, unknown warned", func(t *testing.T) {
		src := fmt.Sprintf("[extend]\nuseDefault = true\ndisabledRules = [%q, \"gitleaks-only-rule\"]\n", known)
		r, warns := configRedactor(t, src)
		got := patternIDs(r)
		assert.NotContains(t, got, known)
		assert.Len(t, got, len(ids)-1)
		require.Len(t, warns, 1)
		assert.Contains(t, warns[0], `rules.toml:3: [extend] disabledRules: "gitleaks-only-rule" is not a logredact built-in pattern ID, ignored`)
	})
	t.Run("without the built-ins it has no effect", func(t *testing.T) {
		_, warns := configRedactor(t, fmt.Sprintf("[extend]\ndisabledRules = [%q]\n", known))
		require.Len(t, warns, 1)
		assert.Contains(t, warns[0], "rules.toml:2: [extend] disabledRules has no effect")
	})
	t.Run("logredact disable", func(t *testing.T) {
		r, warns := configRedactor(t, fmt.Sprintf("[logredact]\ndisable = [%q]\n", known))
		assert.NotContains(t, patternIDs(r), known)
		assert.Empty(t, warns)
	})
	t.Run("a rule may replace a disabled built-in", func(t *testing.T) {
		src := fmt.Sprintf("[extend]\nuseDefault = true\ndisabledRules = [%q]\n[[rules]]\nid = %q\nregex = '''acme_[0-9a-z]{32}'''\nkeywords = [\"acme_\"]\n", known, known)
		r, _ := configRedactor(t, src)
		got := r.Patterns()
		i := slices.IndexFunc(got, func(p patterns.Pattern) bool { return p.ID == known })
		require.GreaterOrEqual(t, i, 0)
		assert.Equal(t, "acme_[0-9a-z]{32}", got[i].Regex)
	})
}

func TestConfigSettings(t *testing.T) {
	acme := "acme_" + configSecret(configLower, 32)
	rule := `
[[rules]]
id = "acme-token"
regex = '''\bacme_[0-9a-z]{32}\b'''
keywords = ["acme_"]
`
	t.Run("mode, mask and label format", func(t *testing.T) {
		for _, tt := range []struct{ settings, want string }{
			{`mode = "mask"`, "t=[REDACTED]"},
			{"mode = \"mask\"\nmask = \"***\"", "t=***"},
			{`mode = "label"`, "t=[REDACTED:acme-token]"},
			{"mode = \"label\"\nlabel_format = \"<%s>\"", "t=<acme-token>"},
			{"mode = \"partial\"\nmask = \"…\"", "t=acme_…"},
		} {
			r, _ := configRedactor(t, "[logredact]\nbuiltins = false\n"+tt.settings+"\n"+rule)
			assert.Equal(t, tt.want, r.String("t="+acme), tt.settings)
		}
	})
	t.Run("sensitive keys added and removed", func(t *testing.T) {
		r, _ := configRedactor(t, "[logredact]\nsensitive_keys = [\"card_pin\", \"X-Acme-Session\"]\nremove_sensitive_keys = [\"session\"]\n")
		assert.True(t, r.IsSensitiveKey("cardPin"))
		assert.True(t, r.IsSensitiveKey("x_acme_session"))
		assert.False(t, r.IsSensitiveKey("session"))
		assert.True(t, r.IsSensitiveKey("password"))
	})
	t.Run("hmac mode takes its key from the caller", func(t *testing.T) {
		opts, _, err := configParse(t, "[logredact]\nbuiltins = false\nmode = \"hmac\"\n"+rule, false)
		require.NoError(t, err)
		_, err = redact.New(opts...)
		require.Error(t, err, "hmac mode without a key must not build")
		key := []byte(strings.Repeat("k", 32))
		r, err := redact.New(append(opts, redact.WithHMACKey(key))...)
		require.NoError(t, err)
		assert.Regexp(t, `^t=\[REDACTED:hmac:[0-9a-f]{8}\]$`, r.String("t="+acme))
	})
	t.Run("an hmac key in the file is refused without echoing it", func(t *testing.T) {
		key := configSecret(configLower, 32)
		_, _, err := configParse(t, "[logredact]\nmode = \"hmac\"\nhmac_key = \""+key+"\"\n", false)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "rules.toml:3: [logredact] hmac_key: the HMAC key must not be stored in the rules file")
		assert.NotContains(t, err.Error(), key)
	})
	t.Run("later options override the file", func(t *testing.T) {
		opts, _, err := configParse(t, "[logredact]\nbuiltins = false\nmode = \"label\"\n"+rule, false)
		require.NoError(t, err)
		r, err := redact.New(append(opts, redact.WithMode(redact.Mask))...)
		require.NoError(t, err)
		assert.Equal(t, "t=[REDACTED]", r.String("t="+acme))
	})
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		toml string
		want []string // one substring per error, in order
	}{
		{"unknown top-level key", "titel = \"x\"\n", []string{`rules.toml:1: unknown key "titel"`}},
		{"unknown table", "[logredct]\nmode = \"label\"\n", []string{`rules.toml:1: unknown key "logredct"`}},
		{"unknown key in a rule", "[[rules]]\nid = \"a-b\"\nregx = 'x'\nregex = 'x'\n", []string{`rules.toml:3: rule "a-b": unknown key "regx"`}},
		{"unknown key in an allowlist", "[[rules]]\nid = \"a-b\"\nregex = 'x'\n[[rules.allowlists]]\nregexs = ['y']\nstopwords = ['z']\n", []string{`rules.toml:5: rule "a-b": unknown key "allowlists.regexs"`}},
		{"unknown key in [logredact]", "[logredact]\nmdoe = \"label\"\n", []string{`rules.toml:2: unknown key "logredact.mdoe"`}},
		{"unknown key in [extend]", "[extend]\nuse_default = true\n", []string{`rules.toml:2: unknown key "extend.use_default"`}},
		{"targetRules in a rule allowlist", "[[rules]]\nid = \"a-b\"\nregex = 'x'\n[rules.allowlist]\ntargetRules = ['a-b']\nregexes = ['y']\n", []string{`rules.toml:5: rule "a-b": unknown key "allowlist.targetRules"`}},
		{"wrong type names the rule and line", "[[rules]]\nid = \"a-b\"\nregex = 'x'\n\n[[rules]]\nid = \"c-d\"\nregex = 'x'\nentropy = \"high\"\n", []string{`rules.toml:8: rule "c-d": key "entropy": incompatible types: TOML value has type string; destination has type float`}},
		{"wrong type at the top level", "[logredact]\nbuiltins = \"yes\"\n", []string{`rules.toml:2: key "logredact.builtins": incompatible types`}},
		{"missing id", "[[rules]]\nregex = 'x'\n", []string{`rules.toml:1: rule #1: id is missing or empty`}},
		{"duplicate id", "[[rules]]\nid = \"a-b\"\nregex = 'x'\n[[rules]]\nid = \"a-b\"\nregex = 'y'\n", []string{`rules.toml:5: rule "a-b": duplicate ID (first defined at line 2)`}},
		{"no regex and no path", "[[rules]]\nid = \"a-b\"\nkeywords = ['x']\n", []string{`rules.toml:1: rule "a-b": regex is missing or empty`}},
		{"secretGroup out of range", "[[rules]]\nid = \"a-b\"\nregex = 'x(y)'\nsecretGroup = 2\n", []string{`rules.toml:4: rule "a-b": secretGroup 2 out of range (the regex has 1 capturing groups)`}},
		{"entropy out of range", "[[rules]]\nid = \"a-b\"\nregex = 'x'\nentropy = 9.5\n", []string{`rules.toml:4: rule "a-b": entropy 9.5 out of range [0, 8]`}},
		{"empty keyword", "[[rules]]\nid = \"a-b\"\nregex = 'x'\nkeywords = ['x', '']\n", []string{`rules.toml:4: rule "a-b": empty keyword`}},
		{"bad condition", "[[rules]]\nid = \"a-b\"\nregex = 'x'\n[[rules.allowlists]]\ncondition = 'XOR'\nregexes = ['y']\n", []string{`rules.toml:5: rule "a-b": allowlist #1: condition "XOR": want "OR" or "AND"`}},
		{"bad regexTarget", "[[rules]]\nid = \"a-b\"\nregex = 'x'\n[[rules.allowlists]]\nregexTarget = 'file'\nregexes = ['y']\n", []string{`rules.toml:5: rule "a-b": allowlist #1: regexTarget "file": want "secret", "match" or "line"`}},
		{"empty allowlist", "[[rules]]\nid = \"a-b\"\nregex = 'x'\n[[rules.allowlists]]\ndescription = 'nothing'\n", []string{`rules.toml:4: rule "a-b": allowlist #1 is empty`}},
		{"empty stopword", "[allowlist]\nstopwords = ['a', '']\n", []string{`rules.toml:2: [allowlist]: stopword #2 is empty and would allow every secret`}},
		{"empty allow regex", "[[allowlists]]\nregexes = ['']\n", []string{`rules.toml:2: [[allowlists]] #1: regex #1 is empty and would allow every secret`}},
		{"both rule allowlist forms", "[[rules]]\nid = \"a-b\"\nregex = 'x'\n[rules.allowlist]\nregexes = ['y']\n[[rules.allowlists]]\nregexes = ['z']\n", []string{`rules.toml:4: rule "a-b": use either [rules.allowlist] or [[rules.allowlists]], not both`}},
		{"both global allowlist forms", "[allowlist]\nregexes = ['y']\n[[allowlists]]\nregexes = ['z']\n", []string{`rules.toml:1: use either [allowlist] or [[allowlists]], not both`}},
		{"unknown mode", "[logredact]\nmode = \"scramble\"\n", []string{`rules.toml:2: [logredact] mode "scramble": want mask, label, partial or hmac`}},
		{"empty mask", "[logredact]\nmask = \"\"\n", []string{`rules.toml:2: [logredact] mask must not be empty`}},
		{"label format without %s", "[logredact]\nlabel_format = \"[X]\"\n", []string{`rules.toml:2: [logredact] label_format must contain "%s" exactly once`}},
		{"empty sensitive key", "[logredact]\nsensitive_keys = [\"--\"]\n", []string{`rules.toml:2: [logredact] sensitive_keys: "--" is not a key name`}},
		{"unknown id in [logredact] disable", "[logredact]\ndisable = [\"no-such-builtin\"]\n", []string{`rules.toml:2: [logredact] disable: "no-such-builtin" is not a built-in pattern ID`}},
		{
			"several problems at once",
			"titel = 1\n[[rules]]\nid = \"a-b\"\nregex = 'x'\nentropy = 9\n[[rules]]\nid = \"c-d\"\nregex = '(x'\n",
			[]string{`rules.toml:1: unknown key "titel"`, `rules.toml:5: rule "a-b": entropy 9 out of range`, `rules.toml:8: rule "c-d": regex does not compile`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := configParse(t, tt.toml, false)
			require.Error(t, err)
			msgs := strings.Split(err.Error(), "\n")
			require.Len(t, msgs, len(tt.want), "errors: %q", msgs)
			for i, w := range tt.want {
				assert.Contains(t, msgs[i], w)
			}
		})
	}

	t.Run("typo protection reports every misspelt key", func(t *testing.T) {
		_, _, err := configParse(t, "titel = 1\n[[rules]]\nid = \"a-b\"\nregex = 'x'\nkeyword = ['x']\n", false)
		require.Error(t, err)
		assert.Equal(t, "rules.toml:1: unknown key \"titel\"\nrules.toml:5: rule \"a-b\": unknown key \"keyword\"", err.Error())
	})
}

func TestConfigDuplicateOfBuiltin(t *testing.T) {
	ids := builtinIDs()
	require.NotEmpty(t, ids)
	src := fmt.Sprintf("[extend]\nuseDefault = true\n\n[[rules]]\nid = %q\nregex = '''x_[a-z]{9}'''\n", ids[0])
	var warns []string
	opts, err := redact.ParseConfig(strings.NewReader(src), "rules.toml", &redact.ConfigOptions{Warn: func(m string) { warns = append(warns, m) }})
	require.NoError(t, err, "a rule with a built-in's ID replaces it, as in gitleaks")
	assert.Equal(t, []string{fmt.Sprintf("rules.toml:5: rule %q replaces the built-in pattern with the same ID", ids[0])}, warns)
	r, err := redact.New(opts...)
	require.NoError(t, err)
	var found []string
	for _, p := range r.Patterns() {
		if p.ID == ids[0] {
			found = append(found, p.Regex)
		}
	}
	assert.Equal(t, []string{`x_[a-z]{9}`}, found, "only the file's rule is active")

	// A replacement that cannot be used leaves the built-in in place.
	skipped := strings.Replace(src, "x_[a-z]{9}", "x_(?=[a-z]{9})", 1)
	_, err = redact.ParseConfig(strings.NewReader(skipped), "rules.toml", nil)
	require.Error(t, err, "a regex Go cannot compile is an error by default")
	opts, err = redact.ParseConfig(strings.NewReader(skipped), "rules.toml", &redact.ConfigOptions{SkipUnsupported: true})
	require.NoError(t, err)
	r, err = redact.New(opts...)
	require.NoError(t, err)
	assert.Len(t, r.Patterns(), len(ids), "the built-in stays when its replacement is skipped")

	// Replacing the built-ins makes the ID free.
	_, _, err = configParse(t, strings.Replace(src, "true", "false", 1), false)
	require.NoError(t, err)
}

func TestConfigSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, toml, want string
	}{
		{"unquoted value", "[[rules]]\nid = \"a-b\"\nregex = x\n", `^rules\.toml:3:9: TOML syntax error: `},
		{"unterminated table header", "[[rules]\nid = 'a'\n", `^rules\.toml:\d+:\d+: TOML syntax error: `},
		{"redefined key", "title = 'a'\ntitle = 'b'\n", `^rules\.toml:2:\d+: TOML syntax error: `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := configParse(t, tt.toml, false)
			require.Error(t, err)
			assert.Regexp(t, tt.want, err.Error())
		})
	}
}

// A file that is not a rules file at all, say a .env passed by mistake,
// must not have its values printed, whether or not it parses as TOML.
func TestConfigErrorsDoNotEchoValues(t *testing.T) {
	pw := configSecret(configLower, 20)
	for _, src := range []string{
		"DB_PASSWORD=" + pw + "\n",
		"password = " + pw + "\n",
		"[[rules]]\nid = \"a-b\"\nregex = 'x'\nsecret = " + pw + "\n",
		"DB_PASSWORD = \"" + pw + "\"\n",
		"[[rules]]\nid = \"a-b\"\nregex = 'x'\nentropy = \"" + pw + "\"\n",
		"[[rules]]\nid = \"a-b\"\nregex = 'x'\ntoken = '" + pw + "'\n",
	} {
		_, _, err := configParse(t, src, false)
		require.Error(t, err)
		assert.NotContains(t, err.Error(), pw)
		assert.NotContains(t, err.Error(), pw[:8])
	}
}

func TestConfigNonRE2(t *testing.T) {
	src := `
[[rules]]
id = "password-not-variable"
regex = '''(?i)password=(?!\$\{)(\S+)'''
keywords = ["password="]

[[rules]]
id = "acme-token"
regex = '''\bacme_[0-9a-z]{32}\b'''
keywords = ["acme_"]
[[rules.allowlists]]
regexes = ['''^acme_(?=0+$)''', '''^acme_1+$''']
`
	t.Run("error by default", func(t *testing.T) {
		_, warns, err := configParse(t, src, false)
		require.Error(t, err)
		assert.Empty(t, warns)
		assert.Equal(t, "rules.toml:4: rule \"password-not-variable\": regex uses lookahead \"(?!\", which Go's RE2 does not support (--skip-unsupported-rules, ConfigOptions.SkipUnsupported, skips such rules)\n"+
			"rules.toml:12: rule \"acme-token\": allowlist #1: regex #1 uses lookahead \"(?=\", which Go's RE2 does not support (--skip-unsupported-rules, ConfigOptions.SkipUnsupported, skips such rules)", err.Error())
	})
	t.Run("skip unsupported", func(t *testing.T) {
		opts, warns, err := configParseWith(t, src, redact.ConfigOptions{SkipUnsupported: true})
		require.NoError(t, err)
		r, err := redact.New(opts...)
		require.NoError(t, err)
		assert.Equal(t, []string{"acme-token"}, patternIDs(r))
		assert.Equal(t, []string{
			"rules.toml:4: rule \"password-not-variable\": regex uses lookahead \"(?!\", which Go's RE2 does not support; rule skipped",
			"rules.toml:12: rule \"acme-token\": allowlist #1: regex #1 uses lookahead \"(?=\", which Go's RE2 does not support; regex ignored",
		}, warns)
		// The allow regex that compiles still applies.
		ones := "acme_" + strings.Repeat("1", 32)
		assert.Equal(t, ones, r.String(ones))
	})
	t.Run("strict wins over skip", func(t *testing.T) {
		_, warns, err := configParseWith(t, src, redact.ConfigOptions{SkipUnsupported: true, Strict: true})
		require.Error(t, err)
		assert.Empty(t, warns)
		assert.Len(t, strings.Split(err.Error(), "\n"), 2)
	})
}

func TestConfigExtendPath(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
		return p
	}
	write("base.toml", `title = "base"

[[rules]]
id = "acme-token"
description = "ACME token"
regex = '''\b(acme_[0-9a-z]{32})\b'''
keywords = ["acme_"]

[[rules]]
id = "acme-old"
regex = '''\bacmeold_[0-9a-z]{20}\b'''
keywords = ["acmeold_"]

[[rules]]
id = "acme-keep"
regex = '''\bacmekeep_[0-9a-z]{20}\b'''
keywords = ["acmekeep_"]

[allowlist]
regexes = ['''^acme_0+$''']
`)
	child := write("child.toml", `[extend]
path = "base.toml"
disabledRules = ["acme-old"]

[[rules]]
id = "acme-token"
description = "ACME token, as this team writes it"
[[rules.allowlists]]
stopwords = ["example"]

[[rules]]
id = "acme-new"
regex = '''\bacmenew_[0-9a-z]{20}\b'''
keywords = ["acmenew_"]

[logredact]
mode = "label"
builtins = false
`)
	opts, err := redact.LoadConfig(child, nil)
	require.NoError(t, err)
	r, err := redact.New(opts...)
	require.NoError(t, err)
	assert.Equal(t, []string{"acme-token", "acme-keep", "acme-new"}, patternIDs(r), "the base's rules, then the file's; acme-old disabled")
	assert.Equal(t, "ACME token, as this team writes it", r.Patterns()[0].Description)
	for _, tc := range []struct{ in, want string }{
		{"t=acme_" + configSecret(configLower, 32), "t=[REDACTED:acme-token]"},
		{"t=acme_example" + configSecret(configLower, 25), ""}, // the file's allowlist
		{"t=acme_" + strings.Repeat("0", 32), ""},              // the base's global allowlist
		{"t=acmeold_" + configSecret(configLower, 20), ""},     // disabled
		{"t=acmekeep_" + configSecret(configLower, 20), "t=[REDACTED:acme-keep]"},
		{"t=acmenew_" + configSecret(configLower, 20), "t=[REDACTED:acme-new]"},
	} {
		want := tc.want
		if want == "" {
			want = tc.in
		}
		assert.Equal(t, want, r.String(tc.in))
	}

	// A path relative to the working directory, where gitleaks looks.
	t.Chdir(dir)
	_, err = redact.ParseConfig(strings.NewReader("[extend]\npath = \"base.toml\"\n"), filepath.Join("elsewhere", "rules.toml"), nil)
	require.NoError(t, err)
}

func TestConfigExtendPathErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
		return p
	}
	write("broken.toml", "[[rules]]\nid = \"a-b\"\nregex = '''(x'''\n")
	write("a.toml", "[extend]\npath = \"b.toml\"\n")
	write("b.toml", "[extend]\npath = \"a.toml\"\n")
	write("d1.toml", "[extend]\npath = \"d2.toml\"\n")
	write("d2.toml", "[extend]\npath = \"d3.toml\"\n")
	write("d3.toml", "title = \"deep\"\n")
	write("syntax.toml", "[[rules]\n")
	for _, tc := range []struct{ file, src, want string }{
		{"c1.toml", "[extend]\npath = \"broken.toml\"\n", filepath.Join(dir, "broken.toml") + `:3: rule "a-b": regex does not compile: missing closing )`},
		{"c2.toml", "[extend]\npath = \"missing.toml\"\n", `c2.toml:2: [extend] path "missing.toml": not found beside this file`},
		{"c3.toml", "[extend]\npath = \"a.toml\"\n", `[extend] path "a.toml": the files extend each other in a cycle`},
		{"c4.toml", "[extend]\npath = \"d1.toml\"\n", `d2.toml:2: [extend] path "d3.toml": files extend each other more than 2 deep`},
		{"c5.toml", "[extend]\npath = \"d3.toml\"\nuseDefault = true\n", `c5.toml:2: [extend] path and useDefault = true cannot both be set`},
		{"c6.toml", "[extend]\nurl = \"https://example.com/rules.toml\"\n", `c6.toml:2: [extend] url: logredact loads local files`},
		{"c7.toml", "[extend]\npath = \"syntax.toml\"\n", filepath.Join(dir, "syntax.toml") + `:2:8: TOML syntax error`},
	} {
		_, err := redact.LoadConfig(write(tc.file, tc.src), nil)
		require.Error(t, err, tc.file)
		assert.Contains(t, err.Error(), tc.want, tc.file)
	}
}

func TestConfigGitleaksStyleFixture(t *testing.T) {
	path := filepath.Join("testdata", "config", "gitleaks-style.toml")
	src, err := os.ReadFile(path)
	require.NoError(t, err)

	// The fixture extends the built-ins. If the catalog gains an ID the
	// fixture also defines, disabling the built-in is the documented
	// remedy: apply it here so the test does not depend on catalog names.
	fileIDs := regexp.MustCompile(`(?m)^id = "([^"]+)"`).FindAllStringSubmatch(string(src), -1)
	var clash []string
	builtin := builtinIDs()
	for _, m := range fileIDs {
		if slices.Contains(builtin, m[1]) {
			clash = append(clash, fmt.Sprintf("%q, ", m[1]))
		}
	}
	text := strings.Replace(string(src), "disabledRules = [", "disabledRules = ["+strings.Join(clash, ""), 1)
	require.Len(t, fileIDs, 41)

	var warns []string
	_, err = redact.ParseConfig(strings.NewReader(text), path, nil)
	require.Error(t, err, "lookaround and backreferences are errors by default")
	opts, err := redact.ParseConfig(strings.NewReader(text), path, &redact.ConfigOptions{SkipUnsupported: true, Warn: func(m string) { warns = append(warns, m) }})
	require.NoError(t, err)
	r, err := redact.New(opts...)
	require.NoError(t, err)

	skipped := []string{"azure-storage-account-key", "telegram-bot-api-token", "password-in-url-no-env", "quoted-repeat-secret", "pkcs12-file", "htpasswd-file"}
	var custom []string
	for _, id := range patternIDs(r) {
		if !slices.Contains(builtin, id) || slices.Contains(clash, fmt.Sprintf("%q, ", id)) {
			custom = append(custom, id)
		}
	}
	assert.Len(t, custom, 41-len(skipped))
	// The fixture also disables two gitleaks IDs; one of them may have
	// become a built-in, which is then dropped instead of warned about.
	disabledBuiltins := 0
	expectWarn := []string{
		`rule "stripe-access-token": allowlist #1: condition AND of regexes and stopwords is not supported`,
	}
	for _, id := range []string{"generic-api-key-default", "jwt-base64"} {
		if slices.Contains(builtin, id) {
			disabledBuiltins++
		} else {
			expectWarn = append(expectWarn, fmt.Sprintf("[extend] disabledRules: %q is not a logredact built-in pattern ID", id))
		}
	}
	assert.Len(t, r.Patterns(), len(builtin)+len(custom)-len(clash)-disabledBuiltins)
	for _, id := range skipped {
		assert.NotContains(t, custom, id)
		assert.True(t, slices.ContainsFunc(warns, func(w string) bool { return strings.Contains(w, fmt.Sprintf("rule %q", id)) }), "no warning names %s", id)
	}
	for _, w := range expectWarn {
		assert.True(t, slices.ContainsFunc(warns, func(m string) bool { return strings.Contains(m, w) }), "missing warning %q in %q", w, warns)
	}
	assert.Len(t, warns, len(skipped)+len(expectWarn))
	for _, w := range warns {
		assert.True(t, strings.HasPrefix(w, path+":"), "warning without a line: %q", w)
	}

	// The file's own rules, without the built-ins, so that what must stay
	// does not depend on the catalog.
	own, err := redact.New(append(opts, redact.WithoutBuiltins())...)
	require.NoError(t, err)
	assert.Len(t, own.Patterns(), 41-len(skipped))

	// Secrets of a few families, and what must stay.
	aws := "AKIA" + configSecret(configUpper, 16)
	acme := "acme_svc_" + configSecret(configLower, 32)
	do := "dop_v1_" + configSecret(configHex, 64)
	sess := "sess-" + configSecret(configLower+"XYZ", 40)
	for _, tc := range []struct{ in, secret string }{
		{"assuming role with key " + aws, aws},
		{"calling billing with " + acme, acme},
		{"doctl auth init -t " + do, do},
		{"request done session=" + sess, sess},
		{"api_key=" + configSecret(configLower, 24), ""},
	} {
		for _, r := range []*redact.Redactor{r, own} {
			out := r.String(tc.in)
			assert.NotEqual(t, tc.in, out)
			if tc.secret != "" {
				assert.NotContains(t, out, tc.secret)
			}
		}
	}
	for _, keep := range []string{
		"AKIA" + configSecret(configUpper, 9) + "EXAMPLE", // allowlisted documentation key
		"acme_svc_" + strings.Repeat("0", 32),             // rule allowlist
		"api_key=${API_KEY}",                              // global allowlist
		"api_key=an_example_value_1234567",                // rule stopword
		"api_key=my_placeholder_value_123",                // global stopword
		"GET /healthz 200 1.2ms",
	} {
		assert.Equal(t, keep, own.String(keep))
	}
}

func TestConfigFixtures(t *testing.T) {
	dir := filepath.Join("testdata", "config")
	t.Run("syntax error", func(t *testing.T) {
		_, err := redact.LoadConfig(filepath.Join(dir, "syntax-error.toml"), nil)
		require.Error(t, err)
		assert.True(t, strings.HasPrefix(err.Error(), filepath.Join(dir, "syntax-error.toml")+":5:10: TOML syntax error: "), err.Error())
		assert.NotContains(t, err.Error(), "notquotedvalue")
	})
	t.Run("unknown keys", func(t *testing.T) {
		_, err := redact.LoadConfig(filepath.Join(dir, "unknown-keys.toml"), nil)
		require.Error(t, err)
		p := filepath.Join(dir, "unknown-keys.toml")
		want := []string{
			p + `:3: unknown key "titel"`,
			p + `:19: rule "second-rule": unknown key "regx"`,
			p + `:22: rule "second-rule": unknown key "allowlists.regexs"`,
			p + `:26: unknown key "logredact.mdoe"`,
		}
		if diff := cmp.Diff(want, strings.Split(err.Error(), "\n")); diff != "" {
			t.Errorf("errors (-want +got):\n%s", diff)
		}
	})
	t.Run("duplicate ids", func(t *testing.T) {
		_, err := redact.LoadConfig(filepath.Join(dir, "duplicate-ids.toml"), nil)
		require.Error(t, err)
		assert.Equal(t, filepath.Join(dir, "duplicate-ids.toml")+`:10: rule "acme-token": duplicate ID (first defined at line 5)`, err.Error())
	})
	t.Run("non-RE2", func(t *testing.T) {
		_, err := redact.LoadConfig(filepath.Join(dir, "non-re2.toml"), nil)
		require.Error(t, err)
		assert.Len(t, strings.Split(err.Error(), "\n"), 2)

		var warns []string
		opts, err := redact.LoadConfig(filepath.Join(dir, "non-re2.toml"), &redact.ConfigOptions{SkipUnsupported: true, Warn: func(m string) { warns = append(warns, m) }})
		require.NoError(t, err)
		assert.Len(t, warns, 2)
		r, err := redact.New(opts...)
		require.NoError(t, err)
		assert.Equal(t, []string{"acme-token"}, patternIDs(r))

		_, err = redact.LoadConfig(filepath.Join(dir, "non-re2.toml"), &redact.ConfigOptions{SkipUnsupported: true, Strict: true})
		require.Error(t, err)
		assert.Len(t, strings.Split(err.Error(), "\n"), 2)
	})
	t.Run("missing file", func(t *testing.T) {
		_, err := redact.LoadConfig(filepath.Join(dir, "no-such-file.toml"), nil)
		require.Error(t, err)
		assert.True(t, errors.Is(err, os.ErrNotExist))
	})
}

func TestConfigReader(t *testing.T) {
	t.Run("nil options and an empty file", func(t *testing.T) {
		opts, err := redact.ParseConfig(strings.NewReader(""), "", nil)
		require.NoError(t, err)
		r, err := redact.New(opts...)
		require.NoError(t, err)
		assert.Empty(t, r.Patterns(), "an empty gitleaks file is an empty rule set")
	})
	t.Run("read error", func(t *testing.T) {
		_, err := redact.ParseConfig(iotest.ErrReader(errors.New("disk on fire")), "rules.toml", nil)
		require.ErrorContains(t, err, "rules.toml: disk on fire")
	})
	t.Run("too large", func(t *testing.T) {
		big := strings.NewReader(strings.Repeat("#", 16<<20+1))
		_, err := redact.ParseConfig(big, "rules.toml", nil)
		require.ErrorContains(t, err, "rules.toml: larger than 16 MiB")
	})
}

// The loader must give lines right whatever the layout of the file.
func TestConfigLineNumbers(t *testing.T) {
	src := `# comment [[rules]]
"title" = """
line one
[[rules]] inside a string
"""

[[ rules ]]   # spaces in the header
id = 'x-one'
keywords = [
  "a", # [b]
  'c',
]
regex = '''a\'''
description = "with \" and [[rules]]"
allowlist = { regexes = ['z'], typo = 1 }

[[rules]]
id = "x-two"
regex = "b"
'weird' = 2
`
	want := "rules.toml:13: rule \"x-one\": regex does not compile: trailing backslash at end of expression\n" +
		"rules.toml:15: rule \"x-one\": unknown key \"allowlist.typo\"\nrules.toml:20: rule \"x-two\": unknown key \"weird\""
	_, _, err := configParse(t, src, false)
	require.Error(t, err)
	assert.Equal(t, want, err.Error())

	_, _, err = configParse(t, strings.ReplaceAll(src, "\n", "\r\n"), false)
	require.Error(t, err)
	assert.Equal(t, want, err.Error(), "CRLF line ends")
}

func TestConfigConcurrentUse(t *testing.T) {
	src := "[[rules]]\nid = \"acme-token\"\nregex = '''\\bacme_[0-9a-z]{32}\\b'''\nkeywords = [\"acme_\"]\n" + configOnly
	done := make(chan error)
	for range 4 {
		go func() {
			_, err := redact.ParseConfig(strings.NewReader(src), "rules.toml", nil)
			done <- err
		}()
	}
	for range 4 {
		require.NoError(t, <-done)
	}
}

func ExampleParseConfig() {
	rules := `
[[rules]]
id = "acme-token"
description = "ACME API token"
regex = '''\b(acme_[0-9a-z]{32})\b'''
keywords = ["acme_"]

[logredact]
mode = "label"
`
	opts, err := redact.ParseConfig(strings.NewReader(rules), "rules.toml", nil)
	if err != nil {
		panic(err)
	}
	r, err := redact.New(opts...)
	if err != nil {
		panic(err)
	}
	token := "acme_" + strings.Repeat("k3y", 10) + "z9" // built at run time
	fmt.Println(r.String("billing call with " + token + " took 31ms"))
	// Output:
	// billing call with [REDACTED:acme-token] took 31ms
}

func ExampleLoadConfig() {
	warn := func(msg string) { fmt.Println("warning:", msg) }
	opts, err := redact.LoadConfig("testdata/config/example.toml", &redact.ConfigOptions{Warn: warn})
	if err != nil {
		panic(err)
	}
	// Options given after the file's override it.
	r := redact.MustNew(append(opts, redact.WithLabelFormat("<%s>"))...)
	token := "acme_" + strings.Repeat("k3y", 10) + "z9"
	fmt.Println(r.String("token=" + token))
	// Output:
	// token=<acme-token>
}

func ExampleWithPatterns() {
	r, err := redact.New(
		// Only the patterns below, none of the built-in catalog.
		redact.WithoutBuiltins(),
		redact.WithPatterns(patterns.Pattern{
			ID:          "partner-key",
			Description: "Partner API key next to its name",
			// The regex runs only where a keyword occurs (case-insensitively).
			Keywords: []string{"partner"},
			Regex:    `(?i)partner[_-]?key\s*[:=]\s*([0-9a-f]{24})`,
			// Only group 1 is replaced; the key name stays readable.
			SecretGroup: 1,
		}),
		redact.WithSensitiveKeys("x-partner-session"),
		redact.WithMode(redact.Label),
	)
	if err != nil {
		panic(err)
	}
	key := strings.Repeat("0a1b2c", 4) // built at run time
	fmt.Println(r.String("partner_key=" + key + " region=eu"))
	fmt.Println(r.Field("X-Partner-Session", "abc"))
	// Output:
	// partner_key=[REDACTED:partner-key] region=eu
	// [REDACTED:sensitive-key]
}

// FuzzParseConfig checks that no file makes the loader panic or hang, and
// that whatever it accepts, New accepts too: errors surface at load time.
func FuzzParseConfig(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "config", "*.toml"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("[[rules]]\nid = \"a-b\"\nregex = '''(x)'''\n[rules.allowlist]\nstopwords = ['y']\n[logredact]\nmode = \"hmac\"\n")
	f.Add("a = { b = [ { c = 1 } ], 'd.e' = \"\"\"\n\"\"\" }\n[[x.y]]\n[x.y.z]\n")
	key := []byte(strings.Repeat("k", 32))
	f.Fuzz(func(t *testing.T, src string) {
		opts, err := redact.ParseConfig(strings.NewReader(src), "fuzz.toml", &redact.ConfigOptions{Warn: func(string) {}})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.toml") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		if _, err := redact.New(append(opts, redact.WithHMACKey(key))...); err != nil {
			t.Fatalf("ParseConfig accepted what New rejects: %v", err)
		}
	})
}

// A file with mistakes everywhere: every one is reported, several per rule,
// in the order of the file, and the secret-free messages name the line,
// the rule and the cause.
func TestConfigEveryProblemInFileOrder(t *testing.T) {
	src := `title = "broken"
minVersion = "eight"

[[rules]]
id = "acme-token"
regex = '''\b(acme_[0-9a-z]{32}\b'''
entropy = 9
keywords = ["acme_", ""]

[[rules]]
id = "acme-lookahead"
regex = '''acme_(?=[0-9]{4})'''
keywords = ["acme_"]
[[rules.allowlists]]
regexes = ['''[z-a]''', '''(?<!x)y''']
condition = "XOR"

[[rules]]
id = "Acme Key"
regex = '''acme(\w+)'''
secretGroup = 3

[allowlist]
stopwords = [""]
`
	_, warns, err := configParse(t, src, false)
	require.Error(t, err)
	assert.Equal(t, []string{`rules.toml:19: rule "Acme Key": logredact needs kebab-case IDs (a-z, 0-9 and single '-'), so it is named "acme-key"`}, warns)
	want := []string{
		`rules.toml:2: minVersion "eight": want a version such as "v8.25.0"`,
		`rules.toml:6: rule "acme-token": regex does not compile: missing closing ) "\\b(acme_[0-9a-z]{32}\\b"`,
		`rules.toml:7: rule "acme-token": entropy 9 out of range [0, 8]`,
		`rules.toml:8: rule "acme-token": empty keyword`,
		`rules.toml:12: rule "acme-lookahead": regex uses lookahead "(?=", which Go's RE2 does not support (--skip-unsupported-rules, ConfigOptions.SkipUnsupported, skips such rules)`,
		`rules.toml:15: rule "acme-lookahead": allowlist #1: regex #1 does not compile: invalid character class range "z-a"`,
		`rules.toml:15: rule "acme-lookahead": allowlist #1: regex #2 uses lookbehind "(?<!", which Go's RE2 does not support (--skip-unsupported-rules, ConfigOptions.SkipUnsupported, skips such rules)`,
		`rules.toml:16: rule "acme-lookahead": allowlist #1: condition "XOR": want "OR" or "AND"`,
		`rules.toml:21: rule "acme-key": secretGroup 3 out of range (the regex has 1 capturing groups)`,
		`rules.toml:24: [allowlist]: stopword #1 is empty and would allow every secret`,
	}
	if diff := cmp.Diff(want, strings.Split(err.Error(), "\n")); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}

	// SkipUnsupported turns only the lookaround into warnings.
	_, warns, err = configParseWith(t, src, redact.ConfigOptions{SkipUnsupported: true})
	require.Error(t, err)
	assert.Len(t, strings.Split(err.Error(), "\n"), len(want)-2)
	assert.Len(t, warns, 3)
}

func TestConfigMinVersion(t *testing.T) {
	for _, tc := range []struct {
		v    string
		warn bool
	}{{"v8.18.0", false}, {"v8.30.1", false}, {"8.25", false}, {"v8.31.0", true}, {"v9", true}} {
		_, warns, err := configParse(t, "minVersion = \""+tc.v+"\"\n", false)
		require.NoError(t, err, tc.v)
		assert.Equal(t, tc.warn, len(warns) == 1, "%s: %q", tc.v, warns)
	}
	_, _, err := configParse(t, "minVersion = \"v9.0.0\"\n", true)
	require.Error(t, err, "under Strict a warning is an error")
}

// Every key gitleaks' default configuration uses, in a fixture written for
// this test (not a copy of that file), so that the schema stays covered
// when the real file cannot be downloaded.
func TestConfigGitleaksSchemaFixture(t *testing.T) {
	path := filepath.Join("testdata", "config", "gitleaks-schema.toml")
	var warns []string
	opts, err := redact.LoadConfig(path, &redact.ConfigOptions{Warn: func(m string) { warns = append(warns, m) }})
	require.NoError(t, err)
	r, err := redact.New(append(opts, redact.WithMode(redact.Label))...)
	require.NoError(t, err)
	assert.Equal(t, []string{"acme-api-key", "acme-generic"}, patternIDs(r))

	key := "acmk_" + configSecret(configLower, 30)
	assert.Equal(t, "use [REDACTED:acme-api-key] now", r.String("use "+key+" now"))
	assert.Equal(t, "acmk_"+strings.Repeat("0", 30), r.String("acmk_"+strings.Repeat("0", 30)), "stopword")
	assert.Equal(t, "acme_secret = [REDACTED:acme-generic]", r.String("acme_secret = "+configSecret(configLower, 20)))
	assert.Len(t, warns, 2, "%q", warns) // AND with paths, path-only rule
}

// A rules file written for an engine with lookaround fails to load; with
// SkipUnsupported its other rules load and the skipped one is a warning.
func ExampleConfigOptions_skipUnsupported() {
	rules := `
[[rules]]
id = "acme-token"
regex = '''\b(acme_[0-9a-z]{32})\b'''
keywords = ["acme_"]

[[rules]]
id = "password-not-variable"
regex = '''password=(?!\$\{)(\S+)'''
keywords = ["password="]
`
	_, err := redact.ParseConfig(strings.NewReader(rules), "rules.toml", nil)
	fmt.Println(err)

	opts, err := redact.ParseConfig(strings.NewReader(rules), "rules.toml", &redact.ConfigOptions{
		SkipUnsupported: true,
		Warn:            func(msg string) { fmt.Println("warning:", msg) },
	})
	if err != nil {
		panic(err)
	}
	r := redact.MustNew(append(opts, redact.WithMode(redact.Label))...)
	fmt.Println(len(r.Patterns()), "pattern")
	// Output:
	// rules.toml:9: rule "password-not-variable": regex uses lookahead "(?!", which Go's RE2 does not support (--skip-unsupported-rules, ConfigOptions.SkipUnsupported, skips such rules)
	// warning: rules.toml:9: rule "password-not-variable": regex uses lookahead "(?!", which Go's RE2 does not support; rule skipped
	// 1 pattern
}

// gitleaks once had rule IDs that are not kebab-case ("age secret key" in
// v8.18): such a rule loads under its kebab-case form, with a warning, and
// is known by either name in disabledRules and targetRules.
func TestConfigRuleIDNotKebab(t *testing.T) {
	src := `
[[rules]]
id = "Age Secret_Key"
regex = '''AGE-SECRET-KEY-1[0-9A-Z]{58}'''
keywords = ["age-secret-key-1"]

[[allowlists]]
targetRules = ["Age Secret_Key"]
stopwords = ["QQQQ"]
`
	opts, warns, err := configParse(t, src, false)
	require.NoError(t, err)
	assert.Equal(t, []string{`rules.toml:3: rule "Age Secret_Key": logredact needs kebab-case IDs (a-z, 0-9 and single '-'), so it is named "age-secret-key"`}, warns)
	r, err := redact.New(append(opts, redact.WithMode(redact.Label))...)
	require.NoError(t, err)
	assert.Equal(t, []string{"age-secret-key"}, patternIDs(r))
	key := "AGE-SECRET-KEY-1" + strings.ToUpper(configSecret(configUpper, 58))
	assert.Equal(t, "k=[REDACTED:age-secret-key]", r.String("k="+key))
	kept := "AGE-SECRET-KEY-1QQQQ" + strings.ToUpper(configSecret(configUpper, 54))
	assert.Equal(t, "k="+kept, r.String("k="+kept), "targetRules by the written name")

	_, _, err = configParse(t, src, true)
	require.Error(t, err, "under Strict the rename is an error")
}
