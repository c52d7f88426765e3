package redact_test

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/redact"
)

// TestLeakFamilies covers the shapes real applications log secrets in that
// a plain pattern scan of the raw text misses. Every case goes through
// String, AppendBytes and (where the input is JSON) AppendJSON; the
// secret must not survive, and the named context must.
func TestLeakFamilies(t *testing.T) {
	gh := "ghp_" + strings.Repeat("a1B2", 9)
	pw := "Qz8" + "-velvet-Harbor"
	akid := "AKIA" + "Z7QK2M4XWAPL3RTB"
	aws := "q8Zr2LmV0xT5kP9sWb3N" + "c7Hf1YdJ6gR4uE2aQo8M"
	sid := "k3Jq9XvB" + "2mTz7LwP" + "4nRs8YdQ"
	esc := `\u0067hp_` + strings.Repeat("a1B2", 9)
	jwt := "eyJ" + "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVlLXRlc3Q"
	for _, tc := range []struct {
		name, in, secret, keep string
	}{
		{"JSON body as a string", `{"credentials":{"value":"` + pw + `"},"creds":["` + pw + `"],"pgpassword":"` + pw + `"}`, pw, `"creds"`},
		{"escaped keys two levels deep", `{"body":"{\"inner\":\"{\\\"password\\\":\\\"` + pw + `\\\"}\"}"}`, pw, `"body"`},
		{"CRI prefix before JSON", `2026-12-02T10:00:00.1Z stdout F {"msg":"clone","token":"` + esc + `"}`, "a1B2a1B2a1B2", "stdout F"},
		{"syslog header before JSON", `<13>Dec  2 10:00:00 web1 app[42]: {"user":"bob","password":"` + pw + `"}`, pw, `"user":"bob"`},
		{"truncated JSON", `{"msg":"login","user":"bob","password":"` + pw, pw, `"user":"bob"`},
		{"percent-encoded URL", `next=https%3A%2F%2Fci%2F%3Ftoken%3D` + gh, gh, "next=https%3A%2F%2Fci"},
		{"percent-encoded bearer", "Authorization: Bearer%20" + gh, gh, "Authorization"},
		{"backslash escape hides a key", `pass\u0077ord=` + pw, pw, `pass\u0077ord=`},
		{"backslash escape hides a prefix", "clone with " + esc + " failed", "a1B2a1B2a1B2", "clone with"},
		{"token glued to a name", "GITHUB_TOKEN_" + gh, gh, "GITHUB_TOKEN_"},
		{"token glued to a version", "v1" + gh, gh, "v1"},
		{"AWS key pair", akid + ":" + aws, aws, ""},
		{"lower-case pgpassword", "pgpassword=" + pw + " host=db", pw, "host=db"},
		{"psql --password", "psql --password " + pw + " -h db", pw, "-h db"},
		{"sessionid", "sessionid=" + sid + " path=/", sid, "path=/"},
		{"password starting with a slash", "password=/" + pw + " user=bob", pw, "user=bob"},
		{"base64-wrapped JWT", "secret data token: " + base64.StdEncoding.EncodeToString([]byte(jwt)), base64.StdEncoding.EncodeToString([]byte(jwt))[:40], "secret data"},
		{"value echoed later in the record", "password=" + pw + " login as bob with " + pw + " failed", pw, "login as bob with"},
		{"token echoed in quotes", "api token = '" + gh + "' | '" + gh + "'", gh, "api token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := redact.MustNew()
			out := r.String(tc.in)
			assert.NotContains(t, out, tc.secret, "String")
			assert.Contains(t, out, tc.keep, "String keeps the context")
			assert.Equal(t, out, string(r.AppendBytes(nil, []byte(tc.in))), "AppendBytes agrees with String")
			if strings.HasPrefix(tc.in, "{") && strings.HasSuffix(tc.in, "}") {
				js, err := r.AppendJSON(nil, []byte(tc.in))
				require.NoError(t, err)
				assert.NotContains(t, string(js), tc.secret, "AppendJSON")
			}
		})
	}
}

// TestJSONInTextLeavesCleanTextAlone: text that merely contains braces or a
// clean JSON document comes back byte for byte, with no allocation.
func TestJSONInTextLeavesCleanTextAlone(t *testing.T) {
	r := redact.MustNew()
	for _, in := range []string{
		`2026-12-02T10:00:00Z stdout F {"msg":"token refreshed","expires_in":3600}`,
		`os.environ["DB_PASSWORD"] read from vault`,
		`{"session":"651b2c","user":"bob"} and {broken`,
		`map[{"a":1}] {"password":"${DB_PASSWORD}"}`,
		`rate 50% done, C:\dir\x, %s and %d`,
	} {
		assert.Equal(t, in, r.String(in))
		if !race.Enabled { // the race detector makes sync.Pool drop buffers
			assert.Zero(t, testing.AllocsPerRun(20, func() { r.String(in) }), "%q", in)
		}
	}
}

// TestRepeatsStayShort: a short secret's other occurrences are left alone
// (they would be ordinary words), and repeats cost one pass per secret.
func TestRepeatsStayShort(t *testing.T) {
	r := redact.MustNew()
	assert.Equal(t, "password=[REDACTED] and abc", r.String("password=abc and abc"))
}

// TestStrongKeyValueLookingLikeAssignment: "A=x" is a value under a strong
// key in structured data; only the text grammar reads "k: a=b" as a second
// assignment.
func TestStrongKeyValueLookingLikeAssignment(t *testing.T) {
	r := redact.MustNew()
	v := "A=" + "plainValue" + "4711"
	assert.Equal(t, "[REDACTED]", r.Field("apiKey", v))
	out, err := r.AppendJSON(nil, []byte(`{"apiKey":"`+v+`"}`))
	require.NoError(t, err)
	assert.NotContains(t, string(out), "plainValue")
	assert.Equal(t, "auth: enabled=true", r.String("auth: enabled=true"))
}

// TestOptionalTailBeyondFirstView: a token whose optional tail starts near
// the end of the first view a try is given (a Sentry org token: a base64
// body, then '_' and a signature) loses the tail too, at every length.
// The first view settles for the match without the tail unless the
// engine asks whether the view is the start of a longer match.
func TestOptionalTailBeyondFirstView(t *testing.T) {
	r := redact.MustNew()
	sig := strings.Repeat("Zq9", 14) + "x"
	for n := 60; n <= 300; n += 7 {
		body := "eyJ" + strings.Repeat("aB3+", n/4+1)[:n]
		tok := "sntrys_" + body + "_" + sig
		for _, line := range []string{tok, "deploy with " + tok + " done", `{"msg":"deploy ` + tok + `"}`} {
			out := r.String(line)
			assert.NotContains(t, out, sig, "body length %d: %q", n, out)
			assert.NotContains(t, out, body[3:40], "body length %d", n)
		}
	}
}

// TestLongTokensLoseTheirTail: tokens longer than the views a try is given
// (a 1Password service account token runs to hundreds of bytes) are masked
// to their end.
func TestLongTokensLoseTheirTail(t *testing.T) {
	r := redact.MustNew()
	for _, n := range []int{260, 507, 640, 870, 1500} {
		tok := "ops_eyJ" + strings.Repeat("Qm9+", n/4+1)[:n]
		tail := tok[len(tok)-24:]
		for _, line := range []string{tok, "token " + tok + " used", `{"msg":"` + tok + `"}`} {
			assert.NotContains(t, r.String(line), tail, "length %d", n)
		}
	}
}
