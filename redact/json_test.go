package redact_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/patterns"
	"github.com/logredact/logredact/redact"
)

// JSON test secrets, assembled at run time so that no committed file holds
// anything a secret scanner would flag.
var (
	jsonGH     = "ghp_" + jsonMadeUp(36, 11)
	jsonPW     = "hunter2" + "-Qz8"
	jsonTok    = "eyJ" + jsonMadeUp(40, 5)
	jsonDSN    = "postgres://app:" + jsonPW + "@db:5432/x"
	jsonBearer = "Authorization: Bearer " + jsonTok
)

// jsonMadeUp returns n computed characters that look random: high entropy,
// as the catalog's entropy checks expect of a real token (a repeated
// "a1B2" is rejected as too regular).
func jsonMadeUp(n, seed int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[(i*37+seed)%len(alphabet)]
	}
	return string(b)
}

// jsonPatterns mirror the built-in families with fixed IDs, so that exact
// expected outputs do not depend on the catalog being written concurrently.
func jsonPatterns() []patterns.Pattern {
	return []patterns.Pattern{
		{ID: "test-gh", Keywords: []string{"ghp_"}, Regex: `\b(ghp_[0-9A-Za-z]{36})\b`, SecretGroup: 1},
		{ID: "test-pw", Keywords: []string{"password"}, Regex: `(?i)password\s*[:=]\s*([^\s"'&,;\]]{1,200})`, SecretGroup: 1},
		{ID: "test-url", Keywords: []string{"://"}, Regex: `[a-zA-Z][a-zA-Z0-9+.-]{0,20}://[^\s:/@]{1,100}:([^\s:/@]{1,200})@`, SecretGroup: 1},
		{ID: "test-bearer", Keywords: []string{"bearer"}, Regex: `(?i)\bbearer\s+([A-Za-z0-9._~+/=-]{8,500})`, SecretGroup: 1},
		// A keyword holding a quote can only be seen in a JSON string once
		// \" is decoded.
		{ID: "test-quoted", Keywords: []string{`q"x`}, Regex: `q"x([a-z]{6,})`, SecretGroup: 1},
		// A rule that knows a secret by the name before it, as the
		// catalog's generic assignment rules do.
		{ID: "test-keyed", Keywords: []string{"client_key"}, Regex: `(?i)client_key\W{1,4}([^"\s]{8,})`, SecretGroup: 1},
		// A sloppy rule whose match can run from a key into its value.
		{ID: "test-spanning", Keywords: []string{"spanme"}, Regex: `spanme(.{6,20})`, SecretGroup: 1},
	}
}

func jsonRedactor(t testing.TB, opts ...redact.Option) *redact.Redactor {
	t.Helper()
	r, err := redact.New(append([]redact.Option{redact.WithoutBuiltins(), redact.WithPatterns(jsonPatterns()...)}, opts...)...)
	require.NoError(t, err)
	return r
}

// jsonQuote returns s as a JSON string literal.
func jsonQuote(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

type jsonCase struct {
	name string
	in   string
	want string // "" means: unchanged
}

func jsonCases() []jsonCase {
	gh, pw := jsonGH, jsonPW
	deepIn := `{"token_count":1,"a":` + strings.Repeat("[", 1000) + `"x"` + strings.Repeat("]", 1000) + `}`
	deepWant := `{"token_count":1,"a":` + strings.Repeat("[", 999) + `"[REDACTED]"` + strings.Repeat("]", 999) + `}`
	okDeepIn := `{"a":` + strings.Repeat("[", 998) + `"` + gh + `"` + strings.Repeat("]", 998) + `}`
	okDeepWant := `{"a":` + strings.Repeat("[", 998) + `"[REDACTED]"` + strings.Repeat("]", 998) + `}`
	return []jsonCase{
		// Nothing to redact: the exact input, fast path or not.
		{name: "clean", in: `{"level":"info","msg":"hello world","n":1.50e3,"ok":true,"x":null}`},
		{name: "clean spacing kept", in: "{ \"a\" : [ 1 , 2 ] ,\"b\":{\"c\":\"d\"} , \"e\" : { } ,\"f\":[ ]}\n"},
		{name: "clean invalid UTF-8", in: "{\"msg\":\"caf\xe9 \xff\"}"},
		{name: "keyword but clean, invalid UTF-8", in: "{\"password_hint\":\"\xff\xfe\",\"session_id\":\"abc\"}"},
		{name: "keyword but clean, escapes kept", in: `{"msg":"line1\nline2 \u00e9 \"q\" \/ \\","token_count":3,"max_tokens":-0.5E-3}`},
		{name: "huge number and duplicate clean keys", in: `{"token_count":123456789012345678901234567890e999999,"a":1,"a":2}`},
		{name: "clean top-level array", in: ` [ "bearer", 1, {"auth_mode": "oidc"} ] `},

		// Patterns in string values, on decoded content.
		{name: "secret in value", in: `{"msg":"token ` + gh + ` used","n":1}`, want: `{"msg":"token [REDACTED] used","n":1}`},
		{name: "url credentials", in: `{"dsn":"` + jsonDSN + `"}`, want: `{"dsn":"postgres://app:[REDACTED]@db:5432/x"}`},
		{name: "bearer", in: `{"headers":"` + jsonBearer + `"}`, want: `{"headers":"Authorization: Bearer [REDACTED]"}`},
		{name: "password in text", in: `{"msg":"login password=` + pw + ` ok"}`, want: `{"msg":"login password=[REDACTED] ok"}`},
		{name: "escapes around a secret", in: `{"msg":"a\"b\n` + gh + `\tc \u00e9 \/"}`, want: "{\"msg\":\"a\\\"b\\n[REDACTED]\\tc \u00e9 /\"}"},
		{name: "secret hidden by \\u escape", in: `{"msg":"\u0067hp_` + gh[4:] + `"}`, want: `{"msg":"[REDACTED]"}`},
		{name: "keyword hidden by \\/", in: `{"dsn":"postgres:\/\/app:` + pw + `@db:5432\/x"}`, want: `{"dsn":"postgres://app:[REDACTED]@db:5432/x"}`},
		{name: "keyword hidden by \\\"", in: `{"msg":"q\"xabcdefgh"}`, want: `{"msg":"q\"x[REDACTED]"}`},
		{name: "surrogate pair", in: `{"msg":"\ud83d\ude00 ` + gh + `"}`, want: "{\"msg\":\"\U0001F600 [REDACTED]\"}"},
		{name: "lone surrogate", in: `{"msg":"\ud83d ` + gh + `"}`, want: "{\"msg\":\"\uFFFD [REDACTED]\"}"},
		{name: "control characters re-escaped", in: `{"msg":"\u0001\b\f\r ` + gh + `"}`, want: `{"msg":"\u0001\b\f\r [REDACTED]"}`},
		{name: "unicode kept", in: `{"msg":"日本語 ` + gh + ` ünï"}`, want: `{"msg":"日本語 [REDACTED] ünï"}`},
		{name: "invalid UTF-8 next to a secret", in: "{\"msg\":\"\xff " + gh + "\"}", want: "{\"msg\":\"\xff [REDACTED]\"}"},
		{name: "only the changed string differs", in: `{"a":"x\u00e9","b":"` + gh + `","c":"y\u00e9"}`, want: `{"a":"x\u00e9","b":"[REDACTED]","c":"y\u00e9"}`},
		{name: "top-level string", in: `"` + gh + `"` + "\n", want: `"[REDACTED]"` + "\n"},
		{name: "whitespace kept", in: "  {\"msg\" : \"" + gh + "\" }\r\n", want: "  {\"msg\" : \"[REDACTED]\" }\r\n"},

		// Arrays.
		{name: "array of secrets", in: `{"tokens":["` + gh + `", "ok", "` + gh + `"]}`, want: `{"tokens":["[REDACTED]", "ok", "[REDACTED]"]}`},
		{name: "top-level array", in: `["` + gh + `",1,null]`, want: `["[REDACTED]",1,null]`},

		// Sensitive keys: every JSON type.
		{
			name: "sensitive keys of every type",
			in:   `{"password":"` + pw + `","apiKey":12345,"auth_token":true,"secret":{"a":[1,{"b":"c"}]},"credentials":["x","y"],"auth":null,"pwd":"","X-Api-Key":-1.5e10,"db.password":false}`,
			want: `{"password":"[REDACTED]","apiKey":"[REDACTED]","auth_token":"[REDACTED]","secret":"[REDACTED]","credentials":"[REDACTED]","auth":null,"pwd":"","X-Api-Key":"[REDACTED]","db.password":"[REDACTED]"}`,
		},
		{name: "escaped sensitive key", in: `{"pass\u0077ord":"x","auth_to\u006ben":1}`, want: `{"pass\u0077ord":"[REDACTED]","auth_to\u006ben":"[REDACTED]"}`},
		{name: "sensitive value with escapes", in: `{"password":"a\"b\\c\u00e9"}`, want: `{"password":"[REDACTED]"}`},
		{name: "duplicate sensitive keys", in: `{"password":"a","password":"b"}`, want: `{"password":"[REDACTED]","password":"[REDACTED]"}`},
		{name: "nested sensitive keys", in: `{"a":{"b":{"password":"x"}},"c":[{"auth_token":"y"},[{"apiKey":"z"}]]}`, want: `{"a":{"b":{"password":"[REDACTED]"}},"c":[{"auth_token":"[REDACTED]"},[{"apiKey":"[REDACTED]"}]]}`},
		{name: "non-sensitive look-alikes", in: `{"api_key_id":"k1","max_tokens":5,"keyboard":"us","passwordless":true,"secret_name":"db"}`},

		// Rules keyed on a name see a member as "key":"value".
		{name: "value known by its key", in: `{"client_key":"abcdefgh12","n":1}`, want: `{"client_key":"[REDACTED]","n":1}`},
		{name: "value known by an escaped key", in: `{"client\u005fkey":"abcdefgh12"}`, want: `{"client\u005fkey":"[REDACTED]"}`},
		{name: "value known by its key and by its shape", in: `{"client_key":"abcdefgh12 and ` + gh + `"}`, want: `{"client_key":"[REDACTED] and [REDACTED]"}`},
		{name: "secret in a key with a keyword", in: `{"client_key ` + gh + `":"short"}`, want: `{"client_key [REDACTED]":"short"}`},
		{name: "secret in the key and keyed value", in: `{"x ` + gh + ` client_key":"abcdefgh12"}`, want: `{"x [REDACTED] client_key":"[REDACTED]"}`},
		{name: "match from the key into the value", in: `{"a spanme":"xy","b":"spanme123456"}`, want: `{"a spanme":"[REDACTED]","b":"spanme[REDACTED]"}`},
		{name: "keyed key before a non-string value", in: `{"client_key ` + gh + `":[1],"client_key":{"client_key":"abcdefgh12"}}`, want: `{"client_key [REDACTED]":[1],"client_key":{"client_key":"[REDACTED]"}}`},
		{name: "keyed rule not matching", in: `{"client_key":"short","client_keys":["abcdefgh12"],"client_key_n":12345678}`},

		// Keys are scanned by the patterns too.
		{name: "secret used as a key", in: `{"` + gh + `":"value"}`, want: `{"[REDACTED]":"value"}`},
		{name: "secret in key and value", in: `{"x ` + gh + `":"` + gh + `"}`, want: `{"x [REDACTED]":"[REDACTED]"}`},

		// JSON inside a string.
		{
			name: "JSON in a string",
			in:   `{"body":"{\"user\":\"bob\",\"password\":\"` + pw + `\"}"}`,
			want: `{"body":"{\"user\":\"bob\",\"password\":\"[REDACTED]\"}"}`,
		},
		{
			name: "JSON in a string, numeric secret and spacing",
			in:   `{"body":" {\"pin\": 1, \"apiKey\": 12345}\n"}`,
			want: `{"body":" {\"pin\": 1, \"apiKey\": \"[REDACTED]\"}\n"}`,
		},
		{
			name: "JSON array in a string",
			in:   `{"body":"[{\"auth_token\":\"a\"},\"` + gh + `\"]"}`,
			want: `{"body":"[{\"auth_token\":\"[REDACTED]\"},\"[REDACTED]\"]"}`,
		},
		{
			name: "JSON in JSON in a string",
			in:   `{"body":"{\"inner\":\"{\\\"password\\\":\\\"x\\\"}\"}"}`,
			want: `{"body":"{\"inner\":\"{\\\"password\\\":\\\"[REDACTED]\\\"}\"}"}`,
		},
		{name: "JSON in a string, clean", in: `{"body":"{\"token_type\":\"jwt\"}"}`},
		{name: "JSON look-alike falls back to text", in: `{"msg":"[password=` + pw + `]"}`, want: `{"msg":"[password=[REDACTED]]"}`},

		// Depth.
		{name: "deep nesting within the limit", in: okDeepIn, want: okDeepWant},
		{name: "too deep", in: deepIn, want: deepWant},
		{name: "very deep under a sensitive key", in: `{"password":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`, want: `{"password":"[REDACTED]"}`},
	}
}

func TestAppendJSON(t *testing.T) {
	r := jsonRedactor(t)
	for _, tc := range jsonCases() {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			if want == "" {
				want = tc.in
			}
			prefix := []byte("prefix:")
			out, err := r.AppendJSON(prefix, []byte(tc.in))
			require.NoError(t, err)
			require.True(t, strings.HasPrefix(string(out), "prefix:"), "dst must be extended, not replaced")
			if diff := cmp.Diff(want, string(out[len(prefix):])); diff != "" {
				t.Errorf("AppendJSON mismatch (-want +got):\n%s", diff)
			}
			if json.Valid([]byte(tc.in)) {
				assert.True(t, json.Valid(out[len(prefix):]), "output must be valid JSON when the input is")
			}
		})
	}
}

// TestAppendJSONDefaultCatalog runs the same inputs through the built-in
// catalog: whatever the catalog calls its patterns, the secrets go.
func TestAppendJSONDefaultCatalog(t *testing.T) {
	r := redact.MustNew()
	for _, in := range []string{
		`{"msg":"token ` + jsonGH + ` used"}`,
		`{"dsn":"` + jsonDSN + `"}`,
		`{"headers":"` + jsonBearer + `"}`,
		`{"password":"` + jsonPW + `"}`,
		`{"body":"{\"password\":\"` + jsonPW + `\"}"}`,
		`{"msg":"\u0067hp_` + jsonGH[4:] + `"}`,
		`{"dsn":"postgres:\/\/app:` + jsonPW + `@db:5432\/x"}`,
	} {
		out, err := r.AppendJSON(nil, []byte(in))
		require.NoError(t, err, in)
		assert.True(t, json.Valid(out))
		assert.NotContains(t, string(out), jsonGH)
		assert.NotContains(t, string(out), jsonPW)
		assert.NotContains(t, string(out), jsonTok)
	}
}

// TestAppendJSONNeverLessThanText checks, with the built-in catalog, that
// a secret a text scan removes from a JSON line is removed by AppendJSON
// too, including rules that know a secret by the key name before it.
func TestAppendJSONNeverLessThanText(t *testing.T) {
	r := redact.MustNew()
	v := jsonMadeUp(18, 29)
	keys := []string{
		"client_key", "access_key", "master_key", "license_key", "account_key", "PGPASSWORD",
		"client-key", "signature", "api_secret", "private_token", "db_pass", "github_token",
		"passcode", "jwt", "otp", "dbpassword", "connection_string", "user", "id",
	}
	for _, k := range keys {
		for _, line := range []string{
			`{"` + k + `":"` + v + `"}`,
			`{"level":"info","` + k + `":"` + v + ` tail","n":1}`,
			`{"outer":{"` + k + `" : "` + v + `"}}`,
		} {
			text := r.String(line)
			out, err := r.AppendJSON(nil, []byte(line))
			require.NoError(t, err)
			require.True(t, json.Valid(out))
			if !strings.Contains(text, v) {
				assert.NotContains(t, string(out), v, "text mode redacts it: %s", line)
			}
		}
	}
}

func TestAppendJSONModes(t *testing.T) {
	tests := []struct {
		name string
		opts []redact.Option
		in   string
		want string
	}{
		{
			name: "label",
			opts: []redact.Option{redact.WithMode(redact.Label)},
			in:   `{"password":"x","msg":"` + jsonGH + `"}`,
			want: `{"password":"[REDACTED:sensitive-key]","msg":"[REDACTED:test-gh]"}`,
		},
		{
			name: "mask needing JSON escapes",
			opts: []redact.Option{redact.WithMask("<\"*\\*\">\n")},
			in:   `{"password":"x","msg":"a ` + jsonGH + `"}`,
			want: `{"password":"<\"*\\*\">\n","msg":"a <\"*\\*\">\n"}`,
		},
		{
			name: "partial keeps the public prefix only",
			opts: []redact.Option{redact.WithMode(redact.Partial)},
			in:   `{"msg":"` + jsonGH + `","auth_token":"abc"}`,
			want: `{"msg":"ghp_[REDACTED]","auth_token":"[REDACTED]"}`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := jsonRedactor(t, tc.opts...)
			out, err := r.AppendJSON(nil, []byte(tc.in))
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, string(out)); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
			assert.True(t, json.Valid(out))
		})
	}
}

// TestAppendJSONHMACDecodedValue checks that a value under a sensitive key
// is digested on its decoded content, so the same secret gives the same
// marker however it was escaped, and as Field gives it.
func TestAppendJSONHMACDecodedValue(t *testing.T) {
	r := jsonRedactor(t, redact.WithHMACKey([]byte("0123456789abcdef-test-key")))
	a, err := r.AppendJSON(nil, []byte(`{"password":"caf\u00e9"}`))
	require.NoError(t, err)
	b, err := r.AppendJSON(nil, []byte(`{"password":"café"}`))
	require.NoError(t, err)
	assert.Equal(t, string(a), string(b))
	assert.Equal(t, `{"password":`+jsonQuote(r.Field("password", "café"))+`}`, string(a))
}

// TestAppendJSONKeywordlessPattern covers patterns without keywords, which
// run on every string, so the fast path is never taken.
func TestAppendJSONKeywordlessPattern(t *testing.T) {
	card := "4111" + "1111" + "1111" + "1111"
	r, err := redact.New(redact.WithoutBuiltins(), redact.WithPatterns(patterns.Pattern{ID: "test-card", Regex: `\b\d{16}\b`}))
	require.NoError(t, err)
	out, err := r.AppendJSON(nil, []byte(`{"card":"`+card+`","n":1,"note":"x\u00e9"}`))
	require.NoError(t, err)
	assert.Equal(t, `{"card":"[REDACTED]","n":1,"note":"x\u00e9"}`, string(out))
	clean := `{"note":"x\u00e9","n":12}`
	out, err = r.AppendJSON(nil, []byte(clean))
	require.NoError(t, err)
	assert.Equal(t, clean, string(out))
	_, err = r.AppendJSON(nil, []byte(`{"n":`))
	assert.Error(t, err, "the parser runs, so invalid input is reported")
}

func TestAppendJSONObserver(t *testing.T) {
	var rules []string
	r := jsonRedactor(t, redact.WithObserver(func(rule string) { rules = append(rules, rule) }))
	_, err := r.AppendJSON(nil, []byte(`{"password":"x","msg":"`+jsonGH+`","body":"{\"auth_token\":1}","n":null}`))
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{redact.KeyRule, "test-gh", redact.KeyRule}, rules)
}

func TestAppendJSONInvalid(t *testing.T) {
	// Each input holds a keyword, so the parser runs; the secret must not
	// appear in the error.
	pw := jsonPW
	tests := []struct {
		name string
		in   string
		off  int
	}{
		{"truncated object", `{"password":"` + pw + `"`, 13 + len(pw) + 1},
		{"truncated string", `{"password":"` + pw, 13 + len(pw)},
		{"trailing garbage", `{"password":"` + pw + `"} x`, 16 + len(pw)},
		{"two values", `{"password":"` + pw + `"}{}`, 15 + len(pw)},
		{"missing colon", `{"password" "` + pw + `"}`, 12},
		{"unquoted key", `{password:"` + pw + `"}`, 1},
		{"trailing comma in object", `{"password":"` + pw + `",}`, 15 + len(pw)},
		{"trailing comma in array", `{"password_hint":[1,]}`, 20},
		{"bad escape", `{"msg":"password \x ` + pw + `"}`, 17},
		{"bad unicode escape", `{"msg":"password \u12G4"}`, 17},
		{"control character", "{\"msg\":\"password\x01" + pw + "\"}", 16},
		{"leading zero", `{"password_len":01}`, 17},
		{"bare minus", `{"password_len":-}`, 17},
		{"no fraction digits", `{"password_len":1.}`, 18},
		{"no exponent digits", `{"password_len":1e+}`, 19},
		{"bad literal", `{"password_set":tru}`, 16},
		{"nothing after a key", `{"password":`, 12},
		{"under a sensitive key", `{"password":{"a":[1,2}}`, 21},
		{"deep and broken", `{"token_count":1,"a":` + strings.Repeat("[", 2000) + `}`, 21 + 2000},
		{"unclosed array", `["bearer"`, 9},
	}
	r := jsonRedactor(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dst := []byte("kept")
			out, err := r.AppendJSON(dst, []byte(tc.in))
			require.Error(t, err)
			assert.Equal(t, "kept", string(out), "dst must come back unchanged")
			assert.Len(t, out, len(dst))
			assert.Contains(t, err.Error(), fmt.Sprintf("byte offset %d:", tc.off))
			assert.NotContains(t, err.Error(), pw)
			assert.NotContains(t, err.Error(), "password")
			assert.False(t, json.Valid([]byte(tc.in)), "the case itself must be invalid JSON")
		})
	}
}

// TestAppendJSONCleanInvalidPassesThrough pins the documented fast-path
// rule: input with no keyword is not parsed, so it is appended as it is,
// even when it is not JSON.
func TestAppendJSONCleanInvalidPassesThrough(t *testing.T) {
	r := jsonRedactor(t)
	for _, in := range []string{"", " \n", "{not json", "plain text line"} {
		out, err := r.AppendJSON([]byte("d:"), []byte(in))
		require.NoError(t, err)
		assert.Equal(t, "d:"+in, string(out))
	}
}

func TestAppendJSONAllocs(t *testing.T) {
	r := jsonRedactor(t)
	clean := []byte(`{"level":"info","time":"2026-11-27T13:00:00Z","msg":"request served","method":"GET","path":"/api/v1/orders","status":200,"latency_ms":12.5,"user":"u-1234"}` + "\n")
	escaped := []byte(`{"level":"error","msg":"failed:\n\t\"quoted\" \u003cb\u003e","status":500}` + "\n")
	dst := make([]byte, 0, 1024)
	for name, in := range map[string][]byte{"clean": clean, "clean with escapes": escaped} {
		allocs := testing.AllocsPerRun(100, func() {
			out, err := r.AppendJSON(dst[:0], in)
			if err != nil || len(out) != len(in) {
				t.Fatal("unexpected result")
			}
		})
		assert.Zero(t, allocs, name)
	}
}

// TestAppendJSONValidity checks with the built-in catalog that the output
// is valid JSON whenever the input is.
func TestAppendJSONValidity(t *testing.T) {
	r := redact.MustNew()
	for _, tc := range jsonCases() {
		in := []byte(tc.in)
		if !json.Valid(in) {
			continue // encoding/json refuses nesting deeper than 10000
		}
		out, err := r.AppendJSON(nil, in)
		require.NoError(t, err, tc.name)
		require.True(t, json.Valid(out), tc.name)
	}
}

// TestAppendJSONPanicFailsClosed makes a custom pattern's observer panic
// inside the rewriter: the whole value must come out masked, not raw.
func TestAppendJSONPanicFailsClosed(t *testing.T) {
	r := jsonRedactor(t, redact.WithObserver(func(rule string) {
		if rule == redact.KeyRule {
			panic("observer bug")
		}
	}))
	out, err := r.AppendJSON([]byte("d:"), []byte(`{"password":"`+jsonPW+`","msg":"ok"}`+"\n"))
	require.NoError(t, err)
	assert.Equal(t, `d:"[REDACTED]"`+"\n", string(out))
}

func ExampleRedactor_AppendJSON() {
	r := redact.MustNew()
	pw := "s3cr3t" + "-pw" // built at run time, like every test secret
	event := []byte(`{"level":"info","user":"bob","password":"` + pw + `","retries":3,"msg":"connecting to postgres://app:` + pw + `@db:5432/orders"}` + "\n")
	out, err := r.AppendJSON(nil, event)
	if err != nil {
		panic(err)
	}
	fmt.Print(string(out))

	clean := []byte(`{"level":"info","msg":"request served","status":200}`)
	out, _ = r.AppendJSON(out[:0], clean)
	fmt.Println(string(out))

	_, err = r.AppendJSON(nil, []byte(`{"password":"`+pw+`"`))
	fmt.Println(err)
	// Output:
	// {"level":"info","user":"bob","password":"[REDACTED]","retries":3,"msg":"connecting to postgres://app:[REDACTED]@db:5432/orders"}
	// {"level":"info","msg":"request served","status":200}
	// redact: invalid JSON at byte offset 23: expecting ',' or '}' after an object member
}
