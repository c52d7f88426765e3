//go:build !binary_log

package zerologredact_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"
	"github.com/rs/zerolog/diode"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/patterns"
	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/zerologredact"
)

// madeUp returns n computed characters that look random (high entropy, as
// a real token), so that no committed file holds a secret-like literal.
func madeUp(n, seed int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[(i*37+seed)%len(alphabet)]
	}
	return string(b)
}

var (
	testGH     = "ghp_" + madeUp(36, 11)
	testPW     = "hunter2" + "-Qz8"
	testTok    = "eyJ" + madeUp(40, 5)
	testDSN    = "postgres://app:" + testPW + "@db:5432/x"
	testBearer = "Bearer " + testTok
)

// testRedactor has fixed test patterns, so that exact expected outputs do
// not depend on the built-in catalog.
func testRedactor(t testing.TB, opts ...redact.Option) *redact.Redactor {
	t.Helper()
	r, err := redact.New(append([]redact.Option{
		redact.WithoutBuiltins(),
		redact.WithPatterns(
			patterns.Pattern{ID: "test-gh", Keywords: []string{"ghp_"}, Regex: `\b(ghp_[0-9A-Za-z]{36})\b`, SecretGroup: 1},
			patterns.Pattern{ID: "test-pw", Keywords: []string{"password"}, Regex: `(?i)password\s*[:=]\s*([^\s"'&,;]{1,200})`, SecretGroup: 1},
			patterns.Pattern{ID: "test-url", Keywords: []string{"://"}, Regex: `[a-zA-Z][a-zA-Z0-9+.-]{0,20}://[^\s:/@]{1,100}:([^\s:/@]{1,200})@`, SecretGroup: 1},
			patterns.Pattern{ID: "test-bearer", Keywords: []string{"bearer"}, Regex: `(?i)\bbearer\s+([A-Za-z0-9._~+/=-]{8,500})`, SecretGroup: 1},
		),
	}, opts...)...)
	require.NoError(t, err)
	return r
}

type stringer string

func (s stringer) String() string { return string(s) }

func TestFieldMethods(t *testing.T) {
	gh, pw := testGH, testPW
	u := &url.URL{Scheme: "postgres", User: url.UserPassword("app", pw), Host: "db:5432", Path: "/x"}
	tests := []struct {
		name string
		log  func(l zerolog.Logger)
		want string
	}{
		{"Str", func(l zerolog.Logger) { l.Info().Str("note", "token "+gh).Msg("") },
			`{"level":"info","note":"token [REDACTED]"}`},
		{"Str sensitive key", func(l zerolog.Logger) { l.Info().Str("password", pw).Str("user", "bob").Send() },
			`{"level":"info","password":"[REDACTED]","user":"bob"}`},
		{"Str secret as key", func(l zerolog.Logger) { l.Info().Str(gh, "v").Send() },
			`{"level":"info","[REDACTED]":"v"}`},
		{"Strs", func(l zerolog.Logger) { l.Info().Strs("tokens", []string{gh, "ok"}).Send() },
			`{"level":"info","tokens":["[REDACTED]","ok"]}`},
		{"Bytes", func(l zerolog.Logger) { l.Info().Bytes("raw", []byte("dsn "+testDSN)).Send() },
			`{"level":"info","raw":"dsn postgres://app:[REDACTED]@db:5432/x"}`},
		{"Hex sensitive key", func(l zerolog.Logger) { l.Info().Hex("apiKey", []byte(pw)).Send() },
			`{"level":"info","apiKey":"[REDACTED]"}`},
		{"RawJSON", func(l zerolog.Logger) {
			l.Info().RawJSON("body", []byte(`{"user":"bob","password":"`+pw+`","n":[1,"`+gh+`"]}`)).Send()
		}, `{"level":"info","body":{"user":"bob","password":"[REDACTED]","n":[1,"[REDACTED]"]}}`},
		{"Interface", func(l zerolog.Logger) {
			l.Info().Interface("req", struct {
				User  string `json:"user"`
				Token string `json:"token"`
				URL   string `json:"url"`
			}{"bob", testTok, testDSN}).Send()
		}, `{"level":"info","req":{"user":"bob","token":"[REDACTED]","url":"postgres://app:[REDACTED]@db:5432/x"}}`},
		{"Any", func(l zerolog.Logger) {
			l.Info().Any("cfg", map[string]any{"apiKey": 12345, "retries": 3, "nested": map[string]any{"secret": []int{1, 2}}}).Send()
		}, `{"level":"info","cfg":{"apiKey":"[REDACTED]","nested":{"secret":"[REDACTED]"},"retries":3}}`},
		{"Dict", func(l zerolog.Logger) {
			l.Info().Dict("login", zerolog.Dict().Str("client_secret", pw).Int("n", 1).Str("hdr", testBearer)).Send()
		}, `{"level":"info","login":{"client_secret":"[REDACTED]","n":1,"hdr":"Bearer [REDACTED]"}}`},
		{"Err", func(l zerolog.Logger) { l.Error().Err(errors.New("login failed: password=" + pw)).Send() },
			`{"level":"error","error":"login failed: password=[REDACTED]"}`},
		{"Errs", func(l zerolog.Logger) {
			l.Error().Errs("errs", []error{errors.New("auth " + testBearer), errors.New("plain")}).Send()
		}, `{"level":"error","errs":["auth Bearer [REDACTED]","plain"]}`},
		{"Stringer", func(l zerolog.Logger) { l.Info().Stringer("db", u).Send() },
			`{"level":"info","db":"postgres://app:[REDACTED]@db:5432/x"}`},
		{"Stringer under a sensitive key", func(l zerolog.Logger) { l.Info().Stringer("session_token", stringer("abc")).Send() },
			`{"level":"info","session_token":"[REDACTED]"}`},
		{"Msg", func(l zerolog.Logger) { l.Info().Msg("cloning with " + gh) },
			`{"level":"info","message":"cloning with [REDACTED]"}`},
		{"Msgf", func(l zerolog.Logger) { l.Warn().Msgf("connecting to %s (try %d)", testDSN, 2) },
			`{"level":"warn","message":"connecting to postgres://app:[REDACTED]@db:5432/x (try 2)"}`},
		{"other types under sensitive keys", func(l zerolog.Logger) {
			l.Info().Int("auth_token", 123456).Bool("password", true).Float64("secret", 1.5).Interface("auth", nil).Str("pwd", "").Send()
		}, `{"level":"info","auth_token":"[REDACTED]","password":"[REDACTED]","secret":"[REDACTED]","auth":null,"pwd":""}`},
		{"With context", func(l zerolog.Logger) {
			cl := l.With().Str("token", testTok).Str("svc", "api").Str("dsn", testDSN).Logger()
			cl.Info().Msg("hi")
		}, `{"level":"info","token":"[REDACTED]","svc":"api","dsn":"postgres://app:[REDACTED]@db:5432/x","message":"hi"}`},
		{"escapes and unicode", func(l zerolog.Logger) {
			l.Info().Str("note", "line1\n\"quoted\" é 日本 "+gh+"\t\x01").Send()
		}, `{"level":"info","note":"line1\n\"quoted\" é 日本 [REDACTED]\t\u0001"}`},
		{"invalid UTF-8 next to a secret", func(l zerolog.Logger) { l.Info().Str("note", "\xff "+gh).Send() },
			// zerolog writes \ufffd; the changed string is re-encoded as UTF-8.
			"{\"level\":\"info\",\"note\":\"\uFFFD [REDACTED]\"}"},
		{"Dict under a sensitive key", func(l zerolog.Logger) {
			l.Info().Dict("credentials", zerolog.Dict().Str("user", "bob").Int("n", 1)).Send()
		}, `{"level":"info","credentials":"[REDACTED]"}`},
		{"JSON in a string", func(l zerolog.Logger) {
			l.Info().Str("body", `{"user":"bob","password":"`+pw+`"}`).Send()
		}, `{"level":"info","body":"{\"user\":\"bob\",\"password\":\"[REDACTED]\"}"}`},
	}
	r := testRedactor(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			tc.log(zerolog.New(zerologredact.NewWriter(&buf, r)))
			if diff := cmp.Diff(tc.want+"\n", buf.String()); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
			assert.True(t, json.Valid(buf.Bytes()))
		})
	}
}

// TestDefaultCatalog logs secrets of each family through the built-in
// catalog: whatever its rules are called, the secrets must go.
func TestDefaultCatalog(t *testing.T) {
	var buf bytes.Buffer
	l := zerolog.New(zerologredact.NewWriter(&buf, nil)).With().Str("authorization", testBearer).Logger()
	l.Info().Str("dsn", testDSN).Strs("list", []string{testGH}).RawJSON("body", []byte(`{"password":"`+testPW+`"}`)).Msg("token " + testGH)
	l.Error().Err(errors.New("Authorization: " + testBearer)).Send()
	out := buf.String()
	for _, s := range []string{testGH, testPW, testTok} {
		assert.NotContains(t, out, s)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		assert.True(t, json.Valid([]byte(line)), line)
	}
}

// TestCleanEventsUnchanged compares the wrapped logger's output with the
// bare logger's, byte for byte, on events with nothing to redact.
func TestCleanEventsUnchanged(t *testing.T) {
	r := redact.MustNew()
	logAll := func(l zerolog.Logger) {
		l = l.With().Str("service", "orders").Int("shard", 3).Logger()
		l.Info().Str("method", "GET").Int("status", 200).Float64("ms", 1.25).Bool("cached", true).Msg("request served")
		l.Warn().Strs("tags", []string{"a", "b"}).Interface("user", map[string]any{"id": 42, "name": "Ada"}).Send()
		l.Error().Err(errors.New("dial tcp: i/o timeout\n\tretrying")).Str("quote", `say "hi" \ é`).Msg("")
		l.Info().Str("max_tokens", "512").Str("note", "session started").Msg("token bucket refilled")
	}
	var bare, wrapped bytes.Buffer
	logAll(zerolog.New(&bare))
	logAll(zerolog.New(zerologredact.NewWriter(&wrapped, r)))
	if diff := cmp.Diff(bare.String(), wrapped.String()); diff != "" {
		t.Errorf("clean events changed (-bare +wrapped):\n%s", diff)
	}
}

func TestConsoleWriter(t *testing.T) {
	var buf bytes.Buffer
	cw := zerolog.ConsoleWriter{Out: &buf, NoColor: true, PartsExclude: []string{zerolog.TimestampFieldName}}
	l := zerolog.New(zerologredact.NewWriter(cw, testRedactor(t)))
	l.Info().Str("password", testPW).Str("dsn", testDSN).Msg("cloning with " + testGH)
	assert.Equal(t, "INF cloning with [REDACTED] dsn=postgres://app:[REDACTED]@db:5432/x password=[REDACTED]\n", buf.String())
}

// levelRecorder is a LevelWriter that records what it is given.
type levelRecorder struct {
	mu     sync.Mutex
	levels []zerolog.Level
	plain  int // calls to Write
	buf    bytes.Buffer
}

func (w *levelRecorder) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.plain++
	return w.buf.Write(p)
}

func (w *levelRecorder) WriteLevel(l zerolog.Level, p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.levels = append(w.levels, l)
	return w.buf.Write(p)
}

func TestWriteLevelForwarding(t *testing.T) {
	r := testRedactor(t)
	a, b := &levelRecorder{}, &levelRecorder{}
	var plain bytes.Buffer
	l := zerolog.New(zerologredact.NewWriter(zerolog.MultiLevelWriter(a, b, &plain), r))
	l.Warn().Str("password", testPW).Msg("w")
	l.Error().Msg("e " + testGH)
	want := `{"level":"warn","password":"[REDACTED]","message":"w"}` + "\n" + `{"level":"error","message":"e [REDACTED]"}` + "\n"
	for _, rec := range []*levelRecorder{a, b} {
		assert.Equal(t, []zerolog.Level{zerolog.WarnLevel, zerolog.ErrorLevel}, rec.levels)
		assert.Zero(t, rec.plain)
		assert.Equal(t, want, rec.buf.String())
	}
	assert.Equal(t, want, plain.String())

	// Write, which carries no level, goes to the underlying Write.
	c := &levelRecorder{}
	w := zerologredact.NewWriter(c, r)
	n, err := w.Write([]byte(`{"auth_token":"x"}` + "\n"))
	require.NoError(t, err)
	assert.Equal(t, len(`{"auth_token":"x"}`)+1, n)
	assert.Equal(t, 1, c.plain)
	assert.Empty(t, c.levels)
	assert.Equal(t, `{"auth_token":"[REDACTED]"}`+"\n", c.buf.String())
}

// syncBuffer is a bytes.Buffer safe for the diode's reader goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestDiode(t *testing.T) {
	r := testRedactor(t)
	want := `{"level":"info","password":"[REDACTED]","message":"m [REDACTED]"}` + "\n"

	t.Run("in front of the diode", func(t *testing.T) {
		var out syncBuffer
		w := zerologredact.NewWriter(diode.NewWriter(&out, 100, 0, nil), r)
		l := zerolog.New(w)
		l.Info().Str("password", testPW).Msg("m " + testGH)
		require.NoError(t, w.Close()) // closes and drains the diode
		assert.Equal(t, want, out.String())
	})
	t.Run("behind the diode", func(t *testing.T) {
		var out syncBuffer
		d := diode.NewWriter(zerologredact.NewWriter(&out, r), 100, 0, nil)
		l := zerolog.New(d)
		l.Info().Str("password", testPW).Msg("m " + testGH)
		require.NoError(t, d.Close())
		assert.Equal(t, want, out.String())
	})
}

// TestOutputRewrapKeepsContext re-wraps an existing logger with Output: its
// With() context stays, and is redacted.
func TestOutputRewrapKeepsContext(t *testing.T) {
	var buf bytes.Buffer
	base := zerolog.New(io.Discard).With().Str("token", testTok).Str("svc", "api").Logger().Level(zerolog.WarnLevel)
	l := base.Output(zerologredact.NewWriter(&buf, testRedactor(t)))
	l.Info().Msg("filtered by the kept level")
	l.Warn().Msg("kept")
	assert.Equal(t, `{"level":"warn","token":"[REDACTED]","svc":"api","message":"kept"}`+"\n", buf.String())
}

func TestConcurrentUse(t *testing.T) {
	var out syncBuffer
	l := zerolog.New(zerologredact.NewWriter(&out, testRedactor(t))).With().Str("password", testPW).Logger()
	const goroutines, events = 8, 300
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range events {
				if i%2 == 0 {
					l.Info().Int("g", g).Int("i", i).Msg("token " + testGH)
				} else {
					l.Info().Int("g", g).Int("i", i).Msg("clean")
				}
			}
		}()
	}
	wg.Wait()
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	require.Len(t, lines, goroutines*events)
	for _, line := range lines {
		require.True(t, json.Valid([]byte(line)), line)
		require.NotContains(t, line, testGH)
		require.NotContains(t, line, testPW)
	}
}

func TestNonJSONInput(t *testing.T) {
	r := testRedactor(t)
	t.Run("CBOR is text without binary_log", func(t *testing.T) {
		var buf bytes.Buffer
		cbor := []byte{0xbf, 0x65, 'l', 'e', 'v', 'e', 'l', 0x64, 'i', 'n', 'f', 'o', 0xff}
		w := zerologredact.NewWriter(&buf, r)
		n, err := w.Write(cbor)
		require.NoError(t, err)
		assert.Equal(t, len(cbor), n)
		assert.Zero(t, buf.Len(), "text without a newline is held")
		require.NoError(t, w.Flush())
		assert.Equal(t, cbor, buf.Bytes(), "nothing to redact")
	})
	t.Run("text is redacted as text", func(t *testing.T) {
		var buf bytes.Buffer
		in := "plain line with " + testGH + "\n"
		n, err := zerologredact.NewWriter(&buf, r).Write([]byte(in))
		require.NoError(t, err)
		assert.Equal(t, len(in), n)
		assert.Equal(t, "plain line with [REDACTED]\n", buf.String())
	})
	t.Run("malformed event is redacted as text", func(t *testing.T) {
		var buf bytes.Buffer
		l := zerolog.New(zerologredact.NewWriter(&buf, nil))
		l.Info().RawJSON("creds", []byte(`{"password":"`+testPW+`", "url":"`+testDSN)).Msg("broken")
		assert.NotContains(t, buf.String(), testPW)
		assert.Contains(t, buf.String(), `"message":"broken"`)
	})
	t.Run("several JSON lines in one write", func(t *testing.T) {
		var buf bytes.Buffer
		in := `{"password":"a"}` + "\n" + `{"auth_token":1}` + "\n"
		_, err := zerologredact.NewWriter(&buf, r).Write([]byte(in))
		require.NoError(t, err)
		assert.Equal(t, `{"password":"[REDACTED]"}`+"\n"+`{"auth_token":"[REDACTED]"}`+"\n", buf.String())
	})
}

// errWriter fails or writes short.
type errWriter struct {
	n   int
	err error
}

func (w errWriter) Write(p []byte) (int, error) { return min(w.n, len(p)), w.err }

func TestWriteErrors(t *testing.T) {
	r := testRedactor(t)
	boom := errors.New("disk full")
	ev := []byte(`{"password":"` + testPW + `"}` + "\n")

	n, err := zerologredact.NewWriter(errWriter{n: 3, err: boom}, r).Write(ev)
	assert.ErrorIs(t, err, boom)
	assert.Zero(t, n)

	n, err = zerologredact.NewWriter(errWriter{n: 3}, r).Write(ev)
	assert.ErrorIs(t, err, io.ErrShortWrite)
	assert.Zero(t, n)

	// The redacted event is shorter or longer than p: n is still len(p).
	n, err = zerologredact.NewWriter(errWriter{n: 1 << 20}, r).Write(ev)
	require.NoError(t, err)
	assert.Equal(t, len(ev), n)
}

func TestDoesNotModifyInput(t *testing.T) {
	ev := []byte(`{"password":"` + testPW + `","msg":"` + testGH + `"}` + "\n")
	orig := bytes.Clone(ev)
	var buf bytes.Buffer
	_, err := zerologredact.NewWriter(&buf, testRedactor(t)).Write(ev)
	require.NoError(t, err)
	assert.Equal(t, orig, ev)
}

func TestNilArguments(t *testing.T) {
	w := zerologredact.NewWriter(nil, nil)
	n, err := w.Write([]byte(`{"password":"x"}`))
	require.NoError(t, err)
	assert.Equal(t, 16, n)
	require.NoError(t, w.Close())
}

func TestCleanEventAllocs(t *testing.T) {
	if race.Enabled {
		t.Skip("sync.Pool drops items at random under the race detector")
	}
	l := zerolog.New(zerologredact.NewWriter(io.Discard, redact.MustNew())).With().Str("service", "orders").Logger()
	allocs := testing.AllocsPerRun(200, func() {
		l.Info().Str("method", "GET").Int("status", 200).Str("path", "/api/v1/orders").Msg("request served")
	})
	assert.Zero(t, allocs)
}

// TestRepeatedStartScannedAgain: events that repeat the start of a clean
// one, with a secret right after the repeated part or with a keyword that
// starts inside it, are redacted; clean ones between them are forwarded
// unchanged.
func TestRepeatedStartScannedAgain(t *testing.T) {
	r := testRedactor(t)
	var out, bare syncBuffer
	zw := zerologredact.NewWriter(&out, r)
	l := zerolog.New(zw).With().Str("service", "users").Logger()
	b := zerolog.New(&bare).With().Str("service", "users").Logger()
	tail := strings.TrimPrefix(testGH, "gh")
	notes := []string{
		"hello", "hello " + testGH, "hello", // the secret after the repeated start
		"gh", testGH, // its keyword starts inside the repeated bytes
		"gh", "gh" + "p", "gh" + "p_" + tail[2:6], "hello",
		"hello", "hello password=" + testPW, "hello",
	}
	for _, n := range notes {
		l.Info().Str("note", n).Msg("request served")
		b.Info().Str("note", n).Msg("request served")
	}
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	want := strings.Split(strings.TrimSuffix(bare.String(), "\n"), "\n")
	require.Len(t, got, len(notes))
	for i, n := range notes {
		assert.NotContains(t, got[i], testGH)
		assert.NotContains(t, got[i], testPW)
		if r.String(n) == n {
			assert.Equal(t, want[i], got[i], "clean event %d changed", i)
		} else {
			assert.NotEqual(t, want[i], got[i], "event %d not redacted", i)
		}
	}

}
