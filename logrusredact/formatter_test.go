package logrusredact_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/sirupsen/logrus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/logrusredact"
	"github.com/logredact/logredact/patterns"
	"github.com/logredact/logredact/redact"
)

// Test secrets are assembled at run time so that this file never holds
// anything a secret scanner would flag.
var (
	// The catalog gates tokens on entropy, so the body is varied rather
	// than a repeated run.
	testToken  = "ghp_" + "R8mQ2xVb" + "7KpL4nWz" + "9TfH3sJd" + "6YcE1gUa" + "5NoB"
	testPass   = "hunter2" + "-Xy9Q"
	testCred   = "Zq4" + "x9LmB2" + "vT7rK1" + "pW5nJ8" // looks like a credential: masked under weak keys too
	testBearer = "eyJhbGciOi" + strings.Repeat("Zk3q", 6)
	testURL    = "postgres://app:" + testPass + "@db:5432/x"
)

// secretParts are the texts no output may contain.
var secretParts = []string{testToken, testPass, testBearer, testCred}

func newRedactor(t testing.TB, opts ...redact.Option) *redact.Redactor {
	t.Helper()
	r, err := redact.New(opts...)
	require.NoError(t, err)
	return r
}

// formatters are the inner formatters every behaviour is checked through.
func formatters() map[string]func() logrus.Formatter {
	return map[string]func() logrus.Formatter{
		"json": func() logrus.Formatter { return &logrus.JSONFormatter{DisableTimestamp: true} },
		"text": func() logrus.Formatter { return &logrus.TextFormatter{DisableTimestamp: true, DisableColors: true} },
	}
}

func newLogger(out io.Writer, f logrus.Formatter) *logrus.Logger {
	l := logrus.New()
	l.SetOutput(out)
	l.SetFormatter(f)
	l.SetLevel(logrus.TraceLevel)
	return l
}

func assertNoSecret(t *testing.T, out string) {
	t.Helper()
	for _, s := range secretParts {
		assert.NotContains(t, out, s, "secret survived")
	}
}

type userInfo struct {
	Name   string `json:"name"`
	APIKey string `json:"api_key"`
	Note   string `json:"note"`
}

type withHidden struct {
	Name string
	note string // unexported: JSON skips it, fmt prints it
}

type withTagHidden struct {
	Name     string
	Password string `json:"-"` // JSON skips it, fmt prints it
}

type withHiddenMap struct {
	m    map[string]string
	list []any
	err  error
}

type withBytes struct {
	Name string
	Raw  []byte
}

type panicStringer struct{}

func (panicStringer) String() string { panic("boom " + testToken) }

type panicError struct{}

func (panicError) Error() string { panic("boom " + testToken) }

type panicJSON struct{ A string }

func (panicJSON) MarshalJSON() ([]byte, error) { panic("boom") }

type textStringer struct{ s string }

func (t textStringer) String() string { return t.s }

type node struct {
	Name string
	Next *node
}

func deep(n int) any {
	var v any = "password=" + testPass
	for range n {
		v = map[string]any{"x": v}
	}
	return v
}

func TestFormatterValueKinds(t *testing.T) {
	r := newRedactor(t)
	u, err := url.Parse(testURL)
	require.NoError(t, err)
	cyc := &node{Name: "a"}
	cyc.Next = cyc

	tests := []struct {
		name   string
		msg    string
		fields logrus.Fields
		keep   []string // must survive in every rendering
	}{
		{"message", "login with " + testToken + " ok", nil, []string{"login with", "ok"}},
		{"message url", "dial " + testURL, nil, []string{"postgres://app:"}},
		{"string", "m", logrus.Fields{"note": "token " + testToken}, []string{"token"}},
		{"string bearer", "m", logrus.Fields{"hdr": "Authorization: Bearer " + testBearer}, []string{"Authorization"}},
		{"sensitive key string", "m", logrus.Fields{"password": testPass, "user": "bob"}, []string{"bob"}},
		{"sensitive key camel", "m", logrus.Fields{"apiKey": testPass, "X-Api-Key": testPass}, nil},
		{"sensitive key int", "m", logrus.Fields{"auth_token": 31337}, nil},
		{"sensitive key struct", "m", logrus.Fields{"credentials": userInfo{Name: "bob", APIKey: testPass}}, nil},
		{"sensitive key bytes", "m", logrus.Fields{"secret": []byte(testPass)}, nil},
		{"sensitive key error", "m", logrus.Fields{"auth_token": errors.New(testPass)}, nil},
		{"weak key credential", "m", logrus.Fields{"token": testCred, "auth": errors.New(testCred), "session": []byte(testCred)}, nil},
		{"error field", "m", logrus.Fields{logrus.ErrorKey: fmt.Errorf("connect %s: refused", testURL)}, []string{"refused"}},
		{"error other key", "m", logrus.Fields{"cause": errors.New("bad password=" + testPass)}, []string{"bad"}},
		{"panicking error", "m", logrus.Fields{"err": panicError{}}, nil},
		{"stringer url", "m", logrus.Fields{"dsn": u}, []string{"db:5432"}},
		{"panicking stringer", "m", logrus.Fields{"s": panicStringer{}}, nil},
		{"stringer text", "m", logrus.Fields{"s": textStringer{"password=" + testPass}}, nil},
		{"bytes", "m", logrus.Fields{"body": []byte("Authorization: Bearer " + testBearer)}, nil},
		{"nested map", "m", logrus.Fields{"db": map[string]any{"password": testPass, "host": "db1", "inner": map[string]any{"url": testURL}}}, []string{"db1"}},
		{"nested fields", "m", logrus.Fields{"ctx": logrus.Fields{"token": testToken, "n": 1}}, nil},
		{"map string string", "m", logrus.Fields{"headers": map[string]string{"Authorization": "Bearer " + testBearer, "Accept": "json"}}, []string{"json"}},
		{"map int keys", "m", logrus.Fields{"byID": map[int]string{1: testToken}}, nil},
		{"struct", "m", logrus.Fields{"user": userInfo{Name: "bob", APIKey: testPass, Note: "x " + testToken}}, []string{"bob"}},
		{"struct pointer", "m", logrus.Fields{"user": &userInfo{Name: "bob", APIKey: testPass}}, []string{"bob"}},
		{"struct unexported", "m", logrus.Fields{"h": withHidden{Name: "bob", note: "password=" + testPass}}, []string{"bob"}},
		{"struct unexported map", "m", logrus.Fields{"h": withHiddenMap{m: map[string]string{"a": "password=" + testPass}}}, nil},
		{"struct json hidden", "m", logrus.Fields{"h": withTagHidden{Name: "bob", Password: testPass}}, []string{"bob"}},
		{"struct bytes", "m", logrus.Fields{"b": withBytes{Name: "bob", Raw: []byte("use " + testToken)}}, []string{"bob"}},
		{"slice", "m", logrus.Fields{"list": []string{"ok", "Authorization: Bearer " + testBearer}}, []string{"ok"}},
		{"slice any", "m", logrus.Fields{"list": []any{1, map[string]any{"pwd": testPass}}}, nil},
		{"raw json", "m", logrus.Fields{"raw": json.RawMessage(`{"apiKey":"` + testPass + `","n":1}`)}, nil},
		{"secret in key", "m", logrus.Fields{"see " + testToken: 1}, []string{"see"}},
		{"too deep", "m", logrus.Fields{"d": deep(40)}, nil},
		{"cycle", "m", logrus.Fields{"c": cyc}, nil},
		{"marshal panics", "m", logrus.Fields{"p": panicJSON{A: "password=" + testPass}}, nil},
	}
	// No marker shows for these: the secret was only in a form this
	// formatter does not render (an unexported field, []byte as numbers)
	// and the value was replaced by its clean JSON form, or the marker is
	// inside base64.
	noMarker := map[string]bool{
		"json/struct unexported": true, "text/struct unexported": true, "text/struct bytes": true,
		"json/struct json hidden": true, "json/struct unexported map": true, "text/struct unexported map": true, "text/struct json hidden": true,
		// encoding/json never calls String: a Stringer is written field
		// by field, where its secret is not (the URL's password is in an
		// unexported field); fmt prints a nested pointer as an address.
		"json/stringer url": true, "json/panicking stringer": true, "json/stringer text": true, "text/cycle": true,
	}
	for fname, mk := range formatters() {
		for _, tt := range tests {
			t.Run(fname+"/"+tt.name, func(t *testing.T) {
				var buf bytes.Buffer
				l := newLogger(&buf, logrusredact.NewFormatter(mk(), r))
				l.WithFields(tt.fields).Info(tt.msg)
				out := buf.String()
				if fname == "json" {
					// Make base64 ([]byte values) readable to the checks.
					out += "\n" + strings.Join(decodedStrings(t, buf.Bytes()), "\n")
				}
				assertNoSecret(t, out)
				if !noMarker[fname+"/"+tt.name] {
					assert.Contains(t, out, r.Marker())
				}
				for _, k := range tt.keep {
					assert.Contains(t, out, k)
				}
			})
		}
	}
}

// TestFormatterTypes pins the replacement types: the ones logrus'
// formatters render as they rendered the original.
func TestFormatterTypes(t *testing.T) {
	r := newRedactor(t)
	var got *logrus.Entry
	spy := formatterFunc(func(e *logrus.Entry) ([]byte, error) { got = e; return nil, nil })
	f := logrusredact.NewFormatter(spy, r)
	l := newLogger(io.Discard, f)
	l.WithFields(logrus.Fields{
		"s":             "x " + testToken,
		"b":             []byte("x " + testToken),
		logrus.ErrorKey: errors.New("x " + testToken),
		"m":             map[string]any{"token": testToken},
		"u":             userInfo{Name: "bob", APIKey: testPass},
		"l":             []string{testToken},
		"password":      testPass,
	}).Info("hi")
	require.NotNil(t, got)
	assert.Equal(t, "x [REDACTED]", got.Data["s"])
	assert.Equal(t, []byte("x [REDACTED]"), got.Data["b"])
	require.Implements(t, (*error)(nil), got.Data[logrus.ErrorKey])
	assert.Equal(t, "x [REDACTED]", got.Data[logrus.ErrorKey].(error).Error())
	assert.Nil(t, errors.Unwrap(got.Data[logrus.ErrorKey].(error)), "the original error must not be reachable")
	assert.Equal(t, map[string]any{"token": "[REDACTED]"}, got.Data["m"])
	assert.Equal(t, map[string]any{"name": "bob", "api_key": "[REDACTED]", "note": ""}, got.Data["u"])
	assert.Equal(t, []any{"[REDACTED]"}, got.Data["l"])
	assert.Equal(t, "[REDACTED]", got.Data["password"])
}

// decodedStrings returns the base64-decoded form of every string in the
// JSON object out that is valid base64.
func decodedStrings(t *testing.T, out []byte) []string {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(out, &v), string(out))
	var res []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			if b, err := base64.StdEncoding.DecodeString(v); err == nil {
				res = append(res, string(b))
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(v)
	return res
}

type formatterFunc func(*logrus.Entry) ([]byte, error)

func (f formatterFunc) Format(e *logrus.Entry) ([]byte, error) { return f(e) }

type ipv4 [4]byte

func (ip ipv4) String() string { return fmt.Sprintf("%d.%d.%d.%d", ip[0], ip[1], ip[2], ip[3]) }

type order struct {
	ID    int
	Items []string
	At    time.Time
	Owner *userInfo
	Tags  map[string]string
	Err   error
	Any   any
}

// cleanFields covers every kind of value, with nothing to redact.
func cleanFields() logrus.Fields {
	at := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	u, _ := url.Parse("https://example.com/a?b=c")
	return logrus.Fields{
		"str":      "plain text with spaces",
		"empty":    "",
		"int":      42,
		"float":    3.5,
		"bool":     true,
		"nil":      nil,
		"time":     at,
		"dur":      1500 * time.Millisecond,
		"bytes":    []byte("raw bytes"),
		"err":      errors.New("connection refused"),
		"password": "",
		"token":    nil,
		"url":      u,
		"userURL":  &url.URL{Scheme: "https", User: url.User("bob"), Host: "example.com"},
		"ip":       ipv4{10, 0, 0, 1},
		"order":    order{ID: 7, Items: []string{"a", "b"}, At: at, Owner: &userInfo{Name: "bob"}, Tags: map[string]string{"k": "v"}, Any: 3, Err: errors.New("timeout")},
		"nested":   map[string]any{"a": 1, "b": []any{"x", 2.5, map[string]any{"c": "d"}}},
		"ints":     []int{1, 2, 3},
		"hidden":   withHiddenMap{m: map[string]string{"k": "v"}, list: []any{"a", 1}, err: errors.New("e")},
		"level":    "clash", // renamed fields.level by the formatter
	}
}

func TestFormatterCleanIsByteIdentical(t *testing.T) {
	r := newRedactor(t)
	fmts := map[string]func() logrus.Formatter{
		"json": func() logrus.Formatter { return &logrus.JSONFormatter{} },
		"json-datakey": func() logrus.Formatter {
			return &logrus.JSONFormatter{DataKey: "fields", PrettyPrint: true}
		},
		"text":        func() logrus.Formatter { return &logrus.TextFormatter{DisableColors: true} },
		"text-colors": func() logrus.Formatter { return &logrus.TextFormatter{ForceColors: true, FullTimestamp: true} },
		"text-quote":  func() logrus.Formatter { return &logrus.TextFormatter{ForceQuote: true, QuoteEmptyFields: true} },
	}
	l := newLogger(io.Discard, nil)
	for name, mk := range fmts {
		t.Run(name, func(t *testing.T) {
			bare, wrapped := mk(), logrusredact.NewFormatter(mk(), r)
			for _, fields := range []logrus.Fields{nil, {}, cleanFields()} {
				e := l.WithFields(fields)
				e.Time = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
				e.Level = logrus.WarnLevel
				e.Message = "user logged in\n"
				want, err := bare.Format(e)
				require.NoError(t, err)
				got, err := wrapped.Format(e)
				require.NoError(t, err)
				assert.Equal(t, string(want), string(got))
			}
		})
	}
}

// TestFormatterCleanPassesEntry proves the clean path formats the caller's
// entry itself: nothing copied.
// plainFields are cleanFields without the values whose renderings come
// from their own methods (String, MarshalBinary...), which are replaced by
// what was checked.
func plainFields() logrus.Fields {
	fs := cleanFields()
	for _, k := range []string{"url", "userURL", "ip", "order"} {
		delete(fs, k)
	}
	return fs
}

func TestFormatterCleanPassesEntry(t *testing.T) {
	var got *logrus.Entry
	spy := formatterFunc(func(e *logrus.Entry) ([]byte, error) { got = e; return nil, nil })
	f := logrusredact.NewFormatter(spy, newRedactor(t))
	e := newLogger(io.Discard, nil).WithFields(plainFields())
	e.Message = "hello"
	_, err := f.Format(e)
	require.NoError(t, err)
	assert.Same(t, e, got)

	// Values with methods are replaced by what was checked (the output
	// stays byte for byte the same: TestFormatterCleanIsByteIdentical).
	e = newLogger(io.Discard, nil).WithFields(cleanFields())
	_, err = f.Format(e)
	require.NoError(t, err)
	assert.NotSame(t, e, got)
	assert.Equal(t, cleanFields()["ip"], e.Data["ip"], "the caller's entry must not change")

	e.Message = "hello " + testToken
	_, err = f.Format(e)
	require.NoError(t, err)
	assert.NotSame(t, e, got)
	assert.Equal(t, "hello "+testToken, e.Message, "the caller's entry must not change")
}

// TestFormatterCleanAllocs: the clean path allocates nothing beyond what
// the wrapped formatter does for the common value kinds. (fmt.Stringers
// are the exception: checking one calls its String method, which usually
// allocates.)
func TestFormatterCleanAllocs(t *testing.T) {
	if race.Enabled {
		t.Skip("allocation counts are not meaningful under the race detector")
	}
	r := newRedactor(t)
	bare := &logrus.JSONFormatter{}
	wrapped := logrusredact.NewFormatter(&logrus.JSONFormatter{}, r)
	fields := logrus.Fields{
		"str": "plain", "int": 42, "time": time.Now(), "dur": time.Second,
		"err": errors.New("refused"), "nested": map[string]any{"a": "b"},
		"user": userInfo{Name: "bob"}, "list": []string{"a"},
	}
	e := newLogger(io.Discard, nil).WithFields(fields)
	e.Message = "message"
	var buf bytes.Buffer
	e.Buffer = &buf
	format := func(f logrus.Formatter) func() {
		return func() {
			buf.Reset()
			_, _ = f.Format(e)
		}
	}
	b := testing.AllocsPerRun(200, format(bare))
	w := testing.AllocsPerRun(200, format(wrapped))
	assert.LessOrEqual(t, w, b, "wrapped %v allocs, bare %v", w, b)
}

func TestFormatterDefaults(t *testing.T) {
	var buf bytes.Buffer
	l := newLogger(&buf, logrusredact.NewFormatter(nil, nil))
	l.WithField("password", testPass).Info("token " + testToken)
	out := buf.String()
	assertNoSecret(t, out)
	assert.Contains(t, out, `password="[REDACTED]"`)

	h := logrusredact.NewHook(nil)
	assert.Equal(t, logrus.AllLevels, h.Levels())
	e := logrus.NewEntry(logrus.New()).WithField("apiKey", testPass)
	require.NoError(t, h.Fire(e))
	assert.Equal(t, "[REDACTED]", e.Data["apiKey"])
}

func TestFormatterModes(t *testing.T) {
	rule := patterns.Pattern{ID: "test-tok", Keywords: []string{"tok_"}, Regex: `\btok_[a-z0-9]{8,}\b`}
	tok := "tok_" + strings.Repeat("q7", 6)
	tests := []struct {
		name string
		opts []redact.Option
		want logrus.Fields
	}{
		{"mask", nil, logrus.Fields{"msg": "use [REDACTED]", "pwd": "[REDACTED]", "n": "a [REDACTED]"}},
		{"label", []redact.Option{redact.WithMode(redact.Label)}, logrus.Fields{
			"msg": "use [REDACTED:test-tok]", "pwd": "[REDACTED:sensitive-key]", "n": "a [REDACTED:test-tok]",
		}},
		{"custom mask", []redact.Option{redact.WithMask("***")}, logrus.Fields{"msg": "use ***", "pwd": "***", "n": "a ***"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := append([]redact.Option{redact.WithoutBuiltins(), redact.WithPatterns(rule)}, tt.opts...)
			r := newRedactor(t, opts...)
			var buf bytes.Buffer
			l := newLogger(&buf, logrusredact.NewFormatter(&logrus.JSONFormatter{DisableTimestamp: true}, r))
			l.WithFields(logrus.Fields{"pwd": testPass, "n": "a " + tok}).Info("use " + tok)
			var got logrus.Fields
			require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
			delete(got, "level")
			assert.Empty(t, cmp.Diff(tt.want, got))
		})
	}
}

// TestFormatterBytesSkipsHooks: entry.Bytes formats without hooks; the
// Formatter still redacts.
// TestFormatterKeyTiers: a weak name (token, auth, session …) masks only
// values that look like credentials, and leaves others with their type; a
// composite value under it is walked, under a strong name masked whole.
func TestFormatterKeyTiers(t *testing.T) {
	var got *logrus.Entry
	spy := formatterFunc(func(e *logrus.Entry) ([]byte, error) { got = e; return nil, nil })
	f := logrusredact.NewFormatter(spy, newRedactor(t))
	e := newLogger(io.Discard, nil).WithFields(logrus.Fields{
		"token": 31337, "auth": "SIMPLE", "session": time.Second, "sid": errors.New("denied"),
		"cookie":      map[string]any{"id": 7, "password": testPass},
		"ticket":      testCred,
		"credentials": map[string]any{"id": 7},
		"auth_token":  7,
	})
	_, err := f.Format(e)
	require.NoError(t, err)
	assert.Equal(t, 31337, got.Data["token"])
	assert.Equal(t, "SIMPLE", got.Data["auth"])
	assert.Equal(t, time.Second, got.Data["session"])
	assert.EqualError(t, got.Data["sid"].(error), "denied")
	assert.Equal(t, map[string]any{"id": json.Number("7"), "password": "[REDACTED]"}, got.Data["cookie"])
	assert.Equal(t, "[REDACTED]", got.Data["ticket"])
	assert.Equal(t, "[REDACTED]", got.Data["credentials"])
	assert.Equal(t, "[REDACTED]", got.Data["auth_token"])
}

func TestFormatterBytesSkipsHooks(t *testing.T) {
	r := newRedactor(t)
	l := newLogger(io.Discard, logrusredact.NewFormatter(&logrus.JSONFormatter{}, r))
	e := l.WithField("dsn", testURL)
	e.Message = "token " + testToken
	b, err := e.Bytes()
	require.NoError(t, err)
	assertNoSecret(t, string(b))
	s, err := e.String()
	require.NoError(t, err)
	assertNoSecret(t, s)
}

// TestSensitiveValueShapedLikeMarker: only a value already in a marker
// form (a placeholder to the core, left as it is, never relabelled) is
// taken as redacted; anything else under a sensitive key is masked,
// however it looks.
func TestSensitiveValueShapedLikeMarker(t *testing.T) {
	for _, v := range []string{"[REDACTED:hmac:1a2b3c4d]", "[REDACTED]"} {
		var got *logrus.Entry
		spy := formatterFunc(func(e *logrus.Entry) ([]byte, error) { got = e; return nil, nil })
		f := logrusredact.NewFormatter(spy, newRedactor(t))
		_, err := f.Format(newLogger(io.Discard, nil).WithField("password", v))
		require.NoError(t, err)
		assert.Equal(t, v, got.Data["password"], "an existing marker is left as it is")
	}
	for _, v := range []string{"[deadbeef]", "x[0123abcd]", "hmac:1a2b3c4d]"} {
		var got *logrus.Entry
		spy := formatterFunc(func(e *logrus.Entry) ([]byte, error) { got = e; return nil, nil })
		f := logrusredact.NewFormatter(spy, newRedactor(t))
		e := newLogger(io.Discard, nil).WithField("password", v)
		_, err := f.Format(e)
		require.NoError(t, err)
		assert.Equal(t, "[REDACTED]", got.Data["password"], v)
	}
}
