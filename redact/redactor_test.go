package redact_test

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/patterns"
	"github.com/logredact/logredact/redact"
)

// Test secrets are assembled at run time so that this file never holds
// anything a secret scanner would flag.
var (
	testGitHub = "ghp_" + strings.Repeat("a1B2", 9)
	testPass   = "hunter2" + "-Xy9"
)

// customOnly returns a Redactor with only test patterns, so tests can assert
// exact rule IDs whatever the built-in catalog calls its patterns.
func customOnly(t testing.TB, opts ...redact.Option) *redact.Redactor {
	t.Helper()
	base := []redact.Option{
		redact.WithoutBuiltins(),
		redact.WithPatterns(
			patterns.Pattern{ID: "test-token", Keywords: []string{"tok_"}, Regex: `\btok_[a-z0-9]{8,}\b`},
			patterns.Pattern{ID: "test-pass", Keywords: []string{"pw="}, Regex: `pw=(\S+)`, SecretGroup: 1},
		),
	}
	r, err := redact.New(append(base, opts...)...)
	require.NoError(t, err)
	return r
}

func TestNewDefaults(t *testing.T) {
	r, err := redact.New()
	require.NoError(t, err)
	assert.Equal(t, len(patterns.Builtin()), len(r.Patterns()))
	assert.Equal(t, "[REDACTED]", r.Marker())
	assert.Equal(t, "token [REDACTED] end", r.String("token "+testGitHub+" end"))
	assert.True(t, r.IsSensitiveKey("password"))
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name string
		opts []redact.Option
		want []string // every fragment must appear in the error
	}{
		{"invalid regex", []redact.Option{redact.WithPatterns(patterns.Pattern{ID: "bad-re", Keywords: []string{"x"}, Regex: `(unclosed`})}, []string{`"bad-re"`, "invalid regex"}},
		{"empty regex", []redact.Option{redact.WithPatterns(patterns.Pattern{ID: "no-re", Keywords: []string{"x"}})}, []string{`"no-re"`, "empty regex"}},
		{"duplicate custom", []redact.Option{redact.WithPatterns(
			patterns.Pattern{ID: "dup", Keywords: []string{"x"}, Regex: `x`},
			patterns.Pattern{ID: "dup", Keywords: []string{"y"}, Regex: `y`})}, []string{`"dup"`, "duplicate ID"}},
		{"duplicate of built-in", []redact.Option{redact.WithPatterns(patterns.Pattern{ID: patterns.Builtin()[0].ID, Keywords: []string{"x"}, Regex: `x`})}, []string{patterns.Builtin()[0].ID, "duplicate ID"}},
		{"secret group out of range", []redact.Option{redact.WithPatterns(patterns.Pattern{ID: "grp", Keywords: []string{"x"}, Regex: `x(y)`, SecretGroup: 2})}, []string{`"grp"`, "SecretGroup 2 out of range"}},
		{"negative secret group", []redact.Option{redact.WithPatterns(patterns.Pattern{ID: "neg", Keywords: []string{"x"}, Regex: `x`, SecretGroup: -1})}, []string{`"neg"`, "SecretGroup -1"}},
		{"empty keyword", []redact.Option{redact.WithPatterns(patterns.Pattern{ID: "kw", Keywords: []string{"a", ""}, Regex: `a`})}, []string{`"kw"`, "keyword 1 is empty"}},
		{"not kebab-case", []redact.Option{redact.WithPatterns(patterns.Pattern{ID: "Not_Kebab", Keywords: []string{"a"}, Regex: `a`})}, []string{"kebab-case"}},
		{"entropy out of range", []redact.Option{redact.WithPatterns(patterns.Pattern{ID: "ent", Keywords: []string{"a"}, Regex: `a`, Entropy: 9})}, []string{`"ent"`, "Entropy"}},
		{"bad allow regex", []redact.Option{redact.WithPatterns(patterns.Pattern{ID: "allow", Keywords: []string{"a"}, Regex: `a`, Allow: []string{`[`}})}, []string{`"allow"`, "allow regex"}},
		{"unknown built-in dropped", []redact.Option{redact.WithoutPatterns("no-such-pattern")}, []string{"argument 1", "not a built-in"}},
		{"empty mask", []redact.Option{redact.WithMask("")}, []string{"mask must not be empty"}},
		{"bad label format", []redact.Option{redact.WithLabelFormat("[%s:%s]")}, []string{"label format"}},
		{"hmac without key", []redact.Option{redact.WithMode(redact.HMAC)}, []string{"hmac mode needs a key"}},
		{"short hmac key", []redact.Option{redact.WithHMACKey([]byte("short"))}, []string{"16 bytes"}},
		{"unknown mode", []redact.Option{redact.WithMode(redact.Mode(42))}, []string{"unknown replacement mode 42"}},
		{"bad global allow", []redact.Option{redact.WithAllow(`(`)}, []string{"WithAllow"}},
		{"empty sensitive key", []redact.Option{redact.WithSensitiveKeys("--")}, []string{"empty key name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := redact.New(tt.opts...)
			require.Error(t, err)
			assert.Nil(t, r)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.Panics(t, func() { redact.MustNew(tt.opts...) })
		})
	}
}

func TestNewReportsEveryProblem(t *testing.T) {
	_, err := redact.New(
		redact.WithPatterns(patterns.Pattern{ID: "one", Keywords: []string{"x"}, Regex: `(`}),
		redact.WithPatterns(patterns.Pattern{ID: "two", Keywords: []string{"x"}, Regex: `)`}),
		redact.WithMask(""),
	)
	require.Error(t, err)
	for _, w := range []string{`"one"`, `"two"`, "mask"} {
		assert.Contains(t, err.Error(), w)
	}
}

func TestErrorsNeverEchoSecrets(t *testing.T) {
	// A user who pastes a real secret into an allow regex by mistake must
	// not see it in the error: messages name the rule, not its inputs.
	_, err := redact.New(redact.WithPatterns(patterns.Pattern{
		ID: "leaky", Keywords: []string{testGitHub}, Regex: `x`, SecretGroup: 3,
	}))
	require.Error(t, err)
	assert.NotContains(t, err.Error(), testGitHub)
}

func TestNilOptionIgnored(t *testing.T) {
	r, err := redact.New(nil, redact.WithMask("***"), nil)
	require.NoError(t, err)
	assert.Equal(t, "***", r.Marker())
}

func TestStringClean(t *testing.T) {
	r := redact.MustNew()
	for _, s := range []string{"", "GET /healthz 200 1.2ms", "user logged in", strings.Repeat("plain words ", 100)} {
		out := r.String(s)
		assert.Equal(t, s, out)
		if s != "" {
			assert.Equal(t, unsafe.StringData(s), unsafe.StringData(out), "clean input must be returned as is")
		}
	}
	s := "GET /api/v1/users?page=2 200 15ms bytes=5120"
	allocs := testing.AllocsPerRun(100, func() { _ = r.String(s) })
	assert.Zero(t, allocs)
}

func TestStringRedacts(t *testing.T) {
	r := customOnly(t)
	tok := "tok_" + "abc12345"
	tok2 := "tok_" + "zz998877"
	tests := []struct{ in, want string }{
		{tok, "[REDACTED]"},
		{"start " + tok, "start [REDACTED]"},
		{tok + " end", "[REDACTED] end"},
		{"two " + tok + " and " + tok2 + ".", "two [REDACTED] and [REDACTED]."},
		{"line one " + tok + "\nline two pw=" + testPass + "\n", "line one [REDACTED]\nline two pw=[REDACTED]\n"},
		{"pw=" + tok, "pw=[REDACTED]"}, // overlapping findings merge into one
		{"xtok_abc12345", "xtok_abc12345"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, r.String(tt.in), "input %q", tt.in)
	}
}

func TestModes(t *testing.T) {
	tok := "tok_" + "abc12345"
	key := []byte("0123456789abcdef-test-key")
	tests := []struct {
		name string
		opts []redact.Option
		in   string
		want string
	}{
		{"mask", nil, "a " + tok + " pw=" + testPass, "a [REDACTED] pw=[REDACTED]"},
		{"custom mask", []redact.Option{redact.WithMask("***")}, "a " + tok, "a ***"},
		{"label", []redact.Option{redact.WithMode(redact.Label)}, "a " + tok + " pw=" + testPass, "a [REDACTED:test-token] pw=[REDACTED:test-pass]"},
		{"label format", []redact.Option{redact.WithMode(redact.Label), redact.WithLabelFormat("<%s>")}, "a " + tok, "a <test-token>"},
		{"partial keeps public prefix", []redact.Option{redact.WithMode(redact.Partial)}, "a " + tok, "a tok_[REDACTED]"},
		{"partial without prefix", []redact.Option{redact.WithMode(redact.Partial)}, "pw=" + testPass, "pw=[REDACTED]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, customOnly(t, tt.opts...).String(tt.in))
		})
	}

	t.Run("hmac", func(t *testing.T) {
		r := customOnly(t, redact.WithHMACKey(key))
		a := r.String("a " + tok)
		assert.Regexp(t, `^a \[REDACTED:hmac:[0-9a-f]{8}\]$`, a)
		assert.Equal(t, a, r.String("a "+tok), "stable for the same key and secret")
		assert.NotEqual(t, a, r.String("a tok_"+"abc12346"), "differs for another secret")
		other := customOnly(t, redact.WithHMACKey(append([]byte("x"), key...)))
		assert.NotEqual(t, a, other.String("a "+tok), "differs for another key")
		assert.NotContains(t, a, tok)
	})
}

func TestParseMode(t *testing.T) {
	for _, m := range []redact.Mode{redact.Mask, redact.Label, redact.Partial, redact.HMAC} {
		got, err := redact.ParseMode(m.String())
		require.NoError(t, err)
		assert.Equal(t, m, got)
	}
	_, err := redact.ParseMode("shred")
	assert.ErrorContains(t, err, `"shred"`)
	assert.Equal(t, "Mode(9)", redact.Mode(9).String())
}

func TestIsSensitiveKey(t *testing.T) {
	r := redact.MustNew()
	sensitive := []string{
		"password", "Password", "PASSWORD", "passwd", "pwd", "db.password", "DB_PASSWORD",
		"userPassword", "user-password", "apiKey", "ApiKey", "APIKey", "api_key", "API_KEY",
		"X-Api-Key", "x-api-key", "apikey", "APIKEY", "token", "accessToken", "access_token",
		"refresh_token", "X-Auth-Token", "id_token", "secret", "client_secret", "clientSecret",
		"aws_secret_access_key", "Authorization", "Proxy-Authorization", "cookie", "Set-Cookie",
		"private_key", "privateKey", "credentials", "session", "github.token", "smtp.auth",
	}
	notSensitive := []string{
		"", "user", "api_key_id", "apiKeyId", "max_tokens", "prompt_tokens", "completion_tokens",
		"keyboard", "secret_name", "secretName", "passwordless", "password_policy", "token_type",
		"token_count", "session_id", "cache_key", "key", "author", "passage", "compass",
		"tokenizer", "secretary", "private_key_id", "auth_method", "cookie_name",
	}
	for _, k := range sensitive {
		assert.True(t, r.IsSensitiveKey(k), "%q should be sensitive", k)
	}
	for _, k := range notSensitive {
		assert.False(t, r.IsSensitiveKey(k), "%q should not be sensitive", k)
	}
	long := strings.Repeat("very_long_prefix_", 20) + "password"
	assert.True(t, r.IsSensitiveKey(long), "keys longer than the stack buffer still work")
	allocs := testing.AllocsPerRun(100, func() {
		_ = r.IsSensitiveKey("X-Api-Key")
		_ = r.IsSensitiveKey("request_id")
	})
	assert.Zero(t, allocs)
}

func TestSensitiveKeyOptions(t *testing.T) {
	r := redact.MustNew(redact.WithSensitiveKeys("X-Internal-Sig", "pin"), redact.WithoutSensitiveKeys("session"))
	assert.True(t, r.IsSensitiveKey("x_internal_sig"))
	assert.True(t, r.IsSensitiveKey("xInternalSig"))
	assert.True(t, r.IsSensitiveKey("card.pin"))
	assert.False(t, r.IsSensitiveKey("session"))
	assert.True(t, r.IsSensitiveKey("password"), "defaults stay")
}

func TestField(t *testing.T) {
	r := redact.MustNew()
	assert.Equal(t, "[REDACTED]", r.Field("password", testPass))
	assert.Equal(t, "[REDACTED]", r.Field("X-Api-Key", "anything at all"))
	assert.Equal(t, "", r.Field("password", ""), "an empty value reveals nothing")
	assert.Equal(t, "bob", r.Field("user", "bob"))
	assert.Equal(t, "using [REDACTED]", r.Field("note", "using "+testGitHub))
	assert.Equal(t, "4096", r.Field("max_tokens", "4096"))

	l := redact.MustNew(redact.WithMode(redact.Label))
	assert.Equal(t, "[REDACTED:"+redact.KeyRule+"]", l.Field("password", testPass))
}

func TestFind(t *testing.T) {
	r := customOnly(t)
	assert.Nil(t, r.Find("nothing here"))
	s := "a tok_abc12345 b pw=" + testPass
	got := r.Find(s)
	want := []redact.Match{
		{Rule: "test-token", Start: 2, End: 14},
		{Rule: "test-pass", Start: 20, End: 20 + len(testPass)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("Find mismatch (-want +got):\n%s", diff)
	}
	for _, m := range got {
		assert.NotContains(t, m.Rule, testPass)
	}
	allocs := testing.AllocsPerRun(100, func() { _ = r.Find("clean text without keywords") })
	assert.Zero(t, allocs)
}

func TestAppendBytes(t *testing.T) {
	r := customOnly(t)
	dst := []byte("prefix:")
	out := r.AppendBytes(dst, []byte("x tok_abc12345 y"))
	assert.Equal(t, "prefix:x [REDACTED] y", string(out))
	out = r.AppendBytes(out[:0], []byte("clean"))
	assert.Equal(t, "clean", string(out))
	src := []byte("invalid \xff utf8 pw=" + testPass + "\xfe tail")
	assert.Equal(t, "invalid \xff utf8 pw=[REDACTED] tail", string(r.AppendBytes(nil, src)),
		"`\\S` stops at the space: the invalid byte is part of the secret and goes too")
}

func TestEntropyAndAllow(t *testing.T) {
	r, err := redact.New(redact.WithoutBuiltins(), redact.WithPatterns(
		patterns.Pattern{ID: "hexkey", Keywords: []string{"hexkey="}, Regex: `hexkey=([0-9a-f]{16})`, SecretGroup: 1, Entropy: 3, Allow: []string{`^0123456789abcdef$`}},
	), redact.WithAllow(`^deadbeef`))
	require.NoError(t, err)
	assert.Equal(t, "hexkey=aaaaaaaaaaaaaaaa", r.String("hexkey=aaaaaaaaaaaaaaaa"), "below the entropy floor")
	assert.Equal(t, "hexkey=0123456789abcdef", r.String("hexkey=0123456789abcdef"), "pattern allowlist")
	assert.Equal(t, "hexkey=deadbeef01234567", r.String("hexkey=deadbeef01234567"), "global allowlist")
	assert.Equal(t, "hexkey=[REDACTED]", r.String("hexkey=9f3a17c0b2e4d685"))
}

func TestKeywordlessPattern(t *testing.T) {
	r, err := redact.New(redact.WithoutBuiltins(), redact.WithPatterns(
		patterns.Pattern{ID: "emp-number", Regex: `\bEMP\d{6}\b`},
	))
	require.NoError(t, err)
	assert.Equal(t, "id [REDACTED] ok", r.String("id EMP123456 ok"))
}

func TestObserver(t *testing.T) {
	var mu sync.Mutex
	counts := map[string]int{}
	r := customOnly(t, redact.WithObserver(func(rule string) {
		mu.Lock()
		counts[rule]++
		mu.Unlock()
	}))
	r.String("tok_abc12345 tok_abc99999 pw=" + testPass)
	r.Field("password", testPass)
	r.String("clean")
	assert.Equal(t, map[string]int{"test-token": 2, "test-pass": 1, redact.KeyRule: 1}, counts)
}

func TestFailsClosed(t *testing.T) {
	// A panic while a secret is being replaced must neither reach the caller
	// nor let the value through.
	r := customOnly(t, redact.WithObserver(func(string) { panic("observer bug") }))
	var out string
	require.NotPanics(t, func() { out = r.String("x tok_abc12345 y") })
	assert.Equal(t, "[REDACTED]", out)
	require.NotPanics(t, func() { out = string(r.AppendBytes(nil, []byte("pre tok_abc12345"))) })
	assert.Equal(t, "[REDACTED]", out)
}

func TestPatternsIsACopy(t *testing.T) {
	r := customOnly(t)
	ps := r.Patterns()
	require.Len(t, ps, 2)
	ps[0].Keywords[0] = "changed"
	ps[0].ID = "changed"
	assert.Equal(t, "test-token", r.Patterns()[0].ID)
	assert.Equal(t, "tok_", r.Patterns()[0].Keywords[0])
}

func TestWithoutPatterns(t *testing.T) {
	all := patterns.Builtin()
	id := all[0].ID
	r := redact.MustNew(redact.WithoutPatterns(id))
	for _, p := range r.Patterns() {
		assert.NotEqual(t, id, p.ID)
	}
	assert.Len(t, r.Patterns(), len(all)-1)
	assert.Empty(t, redact.MustNew(redact.WithoutBuiltins()).Patterns())
}

func TestConcurrentUse(t *testing.T) {
	var n atomic.Int64
	r := customOnly(t, redact.WithObserver(func(string) { n.Add(1) }))
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				assert.Equal(t, "k [REDACTED]", r.String("k tok_abc12345"))
				assert.Equal(t, "[REDACTED]", r.Field("apiKey", "v"))
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, int64(8*200*2), n.Load())
}

func TestPartialKeepsOnlyLiteralPrefixes(t *testing.T) {
	r := redact.MustNew(redact.WithMode(redact.Partial))
	// The generic password pattern's keyword is the key name; a value that
	// starts with the same letters must not keep them.
	assert.Equal(t, "password=[REDACTED]", r.String("password="+"passwordXy9-Zq"))
	assert.Equal(t, "gh token ghp_[REDACTED]", r.String("gh token "+testGitHub))
}

func TestRejectedMatchDoesNotHideASecret(t *testing.T) {
	// "pAss: password=…" first matches with the value "password=…", which
	// the allowlist rejects as another assignment; the real assignment
	// inside it must still be found.
	r := redact.MustNew()
	pw := "Pw9-" + "quartz-Lamp"
	for _, in := range []string{
		"pAss: password=" + pw,
		"pass=password=" + pw,
		"auth: token=" + pw + "x7Q",
	} {
		assert.NotContains(t, r.String(in), pw, "input %q", in)
	}
}

// TestErrorsNeverQuoteInput: a secret pasted into the wrong option must
// not reach a log of the error.
func TestErrorsNeverQuoteInput(t *testing.T) {
	tok := "ghp_" + strings.Repeat("Zx9Q", 9)
	for _, tc := range []struct {
		name string
		opt  redact.Option
	}{
		{"WithAllow", redact.WithAllow("(" + tok)},
		{"WithoutPatterns", redact.WithoutPatterns(tok)},
		{"pattern ID", redact.WithPatterns(patterns.Pattern{ID: tok, Keywords: []string{"a"}, Regex: `a`})},
		{"pattern regex", redact.WithPatterns(patterns.Pattern{ID: "p", Keywords: []string{"a"}, Regex: `a(` + tok})},
		{"allow regex", redact.WithPatterns(patterns.Pattern{ID: "p", Keywords: []string{"a"}, Regex: `a`, Allow: []string{"[" + tok}})},
	} {
		_, err := redact.New(tc.opt)
		require.Error(t, err, tc.name)
		assert.NotContains(t, err.Error(), tok[4:12], tc.name)
	}
}
