package slogredact_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"testing/slogtest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/patterns"
	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/slogredact"
)

const mask = "[REDACTED]"

// nested returns a group value nested n levels deep around a secret.
func nested(n int) slog.Attr {
	a := slog.String("dsn", dbURL)
	for i := 0; i < n; i++ {
		a = slog.Group(fmt.Sprintf("g%d", i), a)
	}
	return a
}

// at follows keys through nested maps.
func at(t *testing.T, m map[string]any, keys ...string) any {
	t.Helper()
	var cur any = m
	for _, k := range keys {
		mm, ok := cur.(map[string]any)
		require.True(t, ok, "%v is not an object at %q", cur, k)
		cur, ok = mm[k]
		require.True(t, ok, "missing key %q in %v", k, mm)
	}
	return cur
}

// TestValueKinds logs every kind of value through the JSON and the text
// handler and checks that no secret is left and that the redacted value
// keeps its shape.
func TestValueKinds(t *testing.T) {
	redactedDSN := "postgres://app:" + mask + "@db:5432/x"
	acct := account{
		ID: 7, Name: "ada", Password: keyOnly, DSN: dbURL,
		Tags: []string{"x", ghToken}, Meta: map[string]string{"apiKey": keyOnly, "region": "eu"},
	}
	cases := []struct {
		name string
		log  func(l *slog.Logger)
		// check gets the parsed line: JSON types for "json", strings for
		// "text".
		check func(t *testing.T, format string, m map[string]any)
	}{
		{"message", func(l *slog.Logger) { l.Info("push with " + ghToken + " done") },
			func(t *testing.T, _ string, m map[string]any) {
				assert.Equal(t, "push with "+mask+" done", m["msg"])
			}},
		{"string", func(l *slog.Logger) { l.Info("m", "dsn", dbURL) },
			func(t *testing.T, _ string, m map[string]any) { assert.Equal(t, redactedDSN, m["dsn"]) }},
		{"bearer", func(l *slog.Logger) { l.Info("m", "header", bearer) },
			func(t *testing.T, _ string, m map[string]any) {
				assert.Contains(t, m["header"], "Authorization: Bearer ")
			}},
		{"sensitive-keys", func(l *slog.Logger) {
			l.Info("m", "password", keyOnly, "X-Api-Key", keyOnly, "apiKey", keyOnly, "Authorization", keyOnly, "user", "ada")
		}, func(t *testing.T, _ string, m map[string]any) {
			for _, k := range []string{"password", "X-Api-Key", "apiKey", "Authorization"} {
				assert.Equal(t, mask, m[k], k)
			}
			assert.Equal(t, "ada", m["user"])
		}},
		{"sensitive-key-any-kind", func(l *slog.Logger) {
			// Strong names mask whatever kind of value they name.
			l.Info("m", slog.Int("auth_token", 123456), slog.Bool("secret", true), slog.Duration("password", time.Second),
				slog.Any("credentials", []string{"a", "b"}), slog.Any("api_key", account{Name: "x"}),
				slog.Group("client_secret", "a", "b"))
		}, func(t *testing.T, _ string, m map[string]any) {
			for _, k := range []string{"auth_token", "secret", "password", "credentials", "api_key", "client_secret"} {
				assert.Equal(t, mask, m[k], k)
			}
		}},
		{"weak-key-scalars", func(l *slog.Logger) {
			// Weak names mask only what looks like a credential: not a
			// number, a boolean, a duration or a short word.
			l.Info("m", slog.Int("token", 123456), slog.Bool("auth", true), slog.Duration("session", time.Second),
				"cookie", "nessus", "ticket", "T-4711-ab",
				"sid", cred, slog.Any("signature", []byte(cred)), slog.Any("session_key", textCred{cred}))
		}, func(t *testing.T, f string, m map[string]any) {
			want := map[string]any{"token": 123456.0, "auth": true, "session": 1e9}
			if f == "text" {
				want = map[string]any{"token": "123456", "auth": "true", "session": "1s"}
			}
			for k, v := range want {
				assert.Equal(t, v, m[k], k)
			}
			assert.Equal(t, "nessus", m["cookie"])
			assert.Equal(t, "T-4711-ab", m["ticket"], "too short for a credential")
			for _, k := range []string{"sid", "session_key"} {
				assert.Equal(t, mask, m[k], k)
			}
			if f == "json" {
				// A []byte stays one: the JSON handler writes its base64.
				assert.Equal(t, base64.StdEncoding.EncodeToString([]byte(mask)), m["signature"])
			} else {
				assert.Equal(t, mask, m["signature"])
			}
		}},
		{"weak-key-structured", func(l *slog.Logger) {
			// Below a weak name a group, struct or map is walked: the
			// keys inside decide.
			l.Info("m", slog.Group("auth", "method", "SIMPLE", "user", "ada", "password", keyOnly),
				slog.Any("token", account{Name: "x", Password: keyOnly}),
				slog.Any("session", map[string]string{"id": "s-1", "api_key": keyOnly}))
		}, func(t *testing.T, f string, m map[string]any) {
			assert.Equal(t, "SIMPLE", at(t, m, "auth", "method"))
			assert.Equal(t, "ada", at(t, m, "auth", "user"))
			assert.Equal(t, mask, at(t, m, "auth", "password"))
			if f == "json" {
				assert.Equal(t, "x", at(t, m, "token", "name"))
				assert.Equal(t, mask, at(t, m, "token", "password"))
				assert.Equal(t, "s-1", at(t, m, "session", "id"))
				assert.Equal(t, mask, at(t, m, "session", "api_key"))
			} else {
				assert.Contains(t, m["token"], "name:x")
				assert.Contains(t, m["session"], "id:s-1")
			}
		}},
		{"sensitive-key-empty", func(l *slog.Logger) { l.Info("m", "password", "", "token", nil) },
			func(t *testing.T, f string, m map[string]any) {
				assert.Equal(t, "", m["password"])
				if f == "json" {
					assert.Contains(t, m, "token")
					assert.Nil(t, m["token"])
				}
			}},
		{"nested-groups", func(l *slog.Logger) {
			l.Info("m", slog.Group("a", slog.Int("n", 1), slog.Group("b", slog.Group("c", slog.String("dsn", dbURL)))))
		}, func(t *testing.T, f string, m map[string]any) {
			assert.Equal(t, redactedDSN, at(t, m, "a", "b", "c", "dsn"))
		}},
		{"sensitive-group", func(l *slog.Logger) {
			l.Info("m", slog.Group("credentials", slog.String("user", "ada"), slog.String("pin", keyOnly)), slog.Int("n", 1))
		}, func(t *testing.T, _ string, m map[string]any) { assert.Equal(t, mask, m["credentials"]) }},
		{"inline-group", func(l *slog.Logger) {
			l.Info("m", slog.Group("", slog.String("dsn", dbURL), slog.String("password", keyOnly)))
		}, func(t *testing.T, _ string, m map[string]any) {
			assert.Equal(t, redactedDSN, m["dsn"])
			assert.Equal(t, mask, m["password"])
		}},
		{"log-valuer", func(l *slog.Logger) { l.Info("m", "v", secretValuer{dbURL}) },
			func(t *testing.T, _ string, m map[string]any) { assert.Equal(t, redactedDSN, m["v"]) }},
		{"log-valuer-group", func(l *slog.Logger) { l.Info("m", slog.Group("outer", slog.Any("g", groupValuer{}))) },
			func(t *testing.T, _ string, m map[string]any) {
				assert.Equal(t, "ada", at(t, m, "outer", "g", "user"))
				assert.Contains(t, at(t, m, "outer", "g", "inner"), mask)
			}},
		{"log-valuer-panic", func(l *slog.Logger) { l.Info("m", "v", panicValuer{keyOnly}) },
			func(t *testing.T, _ string, m map[string]any) { assert.Equal(t, mask, m["v"]) }},
		{"log-valuer-endless", func(l *slog.Logger) { l.Info("m", "v", endlessValuer{}) },
			func(t *testing.T, _ string, m map[string]any) { assert.Equal(t, mask, m["v"]) }},
		{"error", func(l *slog.Logger) { l.Info("m", "err", fmt.Errorf("dial %s: refused", dbURL)) },
			func(t *testing.T, _ string, m map[string]any) {
				assert.Equal(t, "dial "+redactedDSN+": refused", m["err"])
			}},
		{"error-panic", func(l *slog.Logger) { l.Info("m", "err", panicError{keyOnly}) },
			func(t *testing.T, _ string, m map[string]any) { assert.Equal(t, mask, m["err"]) }},
		{"stringer", func(l *slog.Logger) { l.Info("m", "conn", stringer{dbURL}) },
			func(t *testing.T, f string, m map[string]any) {
				if f == "json" {
					assert.Equal(t, map[string]any{}, m["conn"]) // JSON renders the fields
				} else {
					assert.Equal(t, "conn to "+redactedDSN, m["conn"])
				}
			}},
		{"stringer-panic", func(l *slog.Logger) { l.Info("m", "conn", panicStringer{keyOnly}) },
			func(t *testing.T, f string, m map[string]any) {
				if f == "text" {
					assert.Equal(t, mask, m["conn"])
				}
			}},
		{"bytes", func(l *slog.Logger) { l.Info("m", "body", []byte("password="+password+"&x=1")) },
			func(t *testing.T, f string, m map[string]any) {
				got := m["body"].(string)
				if f == "json" {
					b, err := base64.StdEncoding.DecodeString(got)
					require.NoError(t, err)
					got = string(b)
				}
				assert.Equal(t, "password="+mask+"&x=1", got)
			}},
		{"named-bytes", func(l *slog.Logger) { l.Info("m", "body", blob("password="+password+"&x=1")) },
			func(t *testing.T, f string, m map[string]any) {
				got := m["body"].(string)
				if f == "json" {
					b, err := base64.StdEncoding.DecodeString(got)
					require.NoError(t, err)
					got = string(b)
				}
				assert.Equal(t, "password="+mask+"&x=1", got)
			}},
		{"struct", func(l *slog.Logger) { l.Info("m", "acct", acct) },
			func(t *testing.T, f string, m map[string]any) {
				if f == "text" {
					assert.Contains(t, m["acct"], "name:ada")
					return
				}
				want := map[string]any{
					"id": 7.0, "name": "ada", "password": mask, "dsn": redactedDSN,
					"tags": []any{"x", mask}, "meta": map[string]any{"apiKey": mask, "region": "eu"},
				}
				assert.Empty(t, cmp.Diff(want, m["acct"]))
			}},
		{"struct-pointer", func(l *slog.Logger) { l.Info("m", "acct", &acct) },
			func(t *testing.T, f string, m map[string]any) {
				if f == "json" {
					assert.Equal(t, "ada", at(t, m, "acct", "name"))
				}
			}},
		{"map", func(l *slog.Logger) {
			l.Info("m", "hdr", map[string]any{"X-Api-Key": keyOnly, "Accept": "application/json"})
		}, func(t *testing.T, f string, m map[string]any) {
			if f == "json" {
				assert.Equal(t, map[string]any{"X-Api-Key": mask, "Accept": "application/json"}, m["hdr"])
			}
		}},
		{"slice", func(l *slog.Logger) { l.Info("m", "args", []string{"--token", ghToken, "-v"}) },
			func(t *testing.T, f string, m map[string]any) {
				if f == "json" {
					assert.Equal(t, []any{"--token", mask, "-v"}, m["args"])
				}
			}},
		{"unexported-field", func(l *slog.Logger) { l.Info("m", "h", hiddenField{Name: "ada", token: ghToken}) },
			func(t *testing.T, f string, m map[string]any) {
				if f == "json" {
					assert.Equal(t, map[string]any{"Name": "ada"}, m["h"])
				} else {
					assert.Equal(t, "{Name:ada token:"+mask+"}", m["h"])
				}
			}},
		{"marshal-json-panic", func(l *slog.Logger) { l.Info("m", "p", panicMarshaler{keyOnly}) },
			func(t *testing.T, f string, m map[string]any) {
				if f == "text" {
					// fmt never calls MarshalJSON: the struct is written
					// as its redacted tree.
					assert.NotContains(t, fmt.Sprint(m["p"]), keyOnly)
					return
				}
				assert.Equal(t, mask, m["p"])
			}},
		{"raw-message", func(l *slog.Logger) {
			l.Info("m", "raw", json.RawMessage(`{"password":"`+keyOnly+`","n":1}`))
		}, func(t *testing.T, f string, m map[string]any) {
			if f == "json" {
				assert.Equal(t, map[string]any{"password": mask, "n": 1.0}, m["raw"])
			}
		}},
		{"secret-key", func(l *slog.Logger) { l.Info("m", ghToken, "v") },
			func(t *testing.T, _ string, m map[string]any) { assert.Equal(t, "v", m[mask]) }},
		{"with-attrs", func(l *slog.Logger) {
			l.With("password", keyOnly, "dsn", dbURL).With(slog.Group("g", "auth_token", keyOnly)).Info("m", "n", 1)
		}, func(t *testing.T, _ string, m map[string]any) {
			assert.Equal(t, mask, m["password"])
			assert.Equal(t, redactedDSN, m["dsn"])
			assert.Equal(t, mask, at(t, m, "g", "auth_token"))
		}},
		{"with-group-sensitive", func(l *slog.Logger) {
			l.WithGroup("credentials").With("user", "ada").Info("m", "pin", keyOnly, "password", "")
		}, func(t *testing.T, _ string, m map[string]any) {
			assert.Equal(t, map[string]any{"user": mask, "pin": mask, "password": ""}, m["credentials"])
		}},
		{"with-group-weak", func(l *slog.Logger) {
			// A weak group name masks nothing itself: each key below decides.
			l.WithGroup("auth").With("user", "ada").Info("m", "method", "SIMPLE", "password", keyOnly, "token", cred)
		}, func(t *testing.T, _ string, m map[string]any) {
			assert.Equal(t, map[string]any{"user": "ada", "method": "SIMPLE", "password": mask, "token": mask}, m["auth"])
		}},
		{"with-group", func(l *slog.Logger) { l.WithGroup("req").Info("m", "dsn", dbURL) },
			func(t *testing.T, _ string, m map[string]any) { assert.Equal(t, redactedDSN, at(t, m, "req", "dsn")) }},
		{"secret-group-name", func(l *slog.Logger) { l.WithGroup("g-"+ghToken).Info("m", "a", "b") },
			func(t *testing.T, _ string, m map[string]any) { assert.Equal(t, "b", at(t, m, "g-"+mask, "a")) }},
		{"recursive-valuer", func(l *slog.Logger) { l.Info("m", "r", recursiveValuer{}, "password", recursiveValuer{}) },
			func(t *testing.T, _ string, m map[string]any) { assert.Equal(t, mask, m["password"]) }},
		{"too-deep", func(l *slog.Logger) { l.Info("m", nested(100)) },
			func(t *testing.T, _ string, m map[string]any) {
				// Somewhere down the chain the rest is replaced by the marker.
				cur := any(m["g99"])
				for i := 98; i >= 0; i-- {
					mm, ok := cur.(map[string]any)
					if !ok {
						break
					}
					cur = mm[fmt.Sprintf("g%d", i)]
				}
				assert.Equal(t, mask, cur)
			}},
	}
	for _, f := range formats {
		for _, c := range cases {
			t.Run(f.name+"/"+c.name, func(t *testing.T) {
				l, buf := newLogger(f, testRedactor)
				require.NotPanics(t, func() { c.log(l) })
				out := buf.String()
				requireNoSecret(t, out)
				assert.NotContains(t, out, "PANIC")
				assert.NotContains(t, out, "panicked")
				var m map[string]any
				if f.name == "json" {
					m = decodeJSON(t, out)
				} else {
					m = parseText(t, out)
				}
				c.check(t, f.name, m)
			})
		}
	}
}

// TestKindsKept checks, with a handler that keeps the values it gets, that
// redacted values keep the kind the inner handler expects.
func TestKindsKept(t *testing.T) {
	c := newCapture()
	l := slog.New(slogredact.NewHandler(c, nil))
	err := fmt.Errorf("dial %s: %w", dbURL, errSentinel)
	l.Info("m", "err", err, "body", []byte("password="+password), "blob", blob("password="+password), "acct", account{Name: "ada", Password: keyOnly},
		"list", []string{ghToken}, "v", secretValuer{"clean"}, "n", 3)

	rec := c.last(t)
	as := attrsOf(rec)

	e, ok := as["err"].Any().(error)
	require.True(t, ok, "err is %T, want an error", as["err"].Any())
	assert.NotContains(t, e.Error(), password)
	assert.True(t, errors.Is(e, errSentinel), "errors.Is must see through the redacted error")
	// Unwrap gives stand-ins of the causes (or the clean originals of
	// errors.New), never a raw message.
	if u := errors.Unwrap(e); u != nil {
		assert.NotContains(t, u.Error(), password, "the redacted error must not expose the raw chain")
	}

	b, ok := as["body"].Any().([]byte)
	require.True(t, ok, "body is %T, want []byte", as["body"].Any())
	assert.Equal(t, "password="+mask, string(b))

	nb, ok := as["blob"].Any().(blob)
	require.True(t, ok, "blob is %T, want blob", as["blob"].Any())
	assert.Equal(t, "password="+mask, string(nb))

	_, ok = as["acct"].Any().(map[string]any)
	assert.True(t, ok, "acct is %T, want map[string]any", as["acct"].Any())
	_, ok = as["list"].Any().([]any)
	assert.True(t, ok, "list is %T, want []any", as["list"].Any())

	assert.Equal(t, slog.KindString, as["v"].Kind(), "LogValuers are passed on resolved")
	assert.Equal(t, int64(3), as["n"].Int64())
}

// TestRecordKept checks that time, level and PC survive a rebuilt record,
// and that a clean record is passed on as it is.
func TestRecordKept(t *testing.T) {
	c := newCapture()
	h := slogredact.NewHandler(c, nil)
	now := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	for _, msg := range []string{"clean", "token " + ghToken} {
		rec := slog.NewRecord(now, slog.LevelWarn, msg, 0xbeef)
		rec.AddAttrs(slog.Int("a", 1), slog.Int("b", 2), slog.Int("c", 3), slog.Int("d", 4), slog.Int("e", 5), slog.Int("f", 6))
		require.NoError(t, h.Handle(context.Background(), rec))
		got := c.last(t)
		assert.Equal(t, now, got.Time)
		assert.Equal(t, slog.LevelWarn, got.Level)
		assert.Equal(t, uintptr(0xbeef), got.PC)
		assert.Equal(t, 6, got.NumAttrs())
		assert.NotContains(t, got.Message, ghToken)
	}

	// The zero time stays zero.
	rec := slog.NewRecord(time.Time{}, slog.LevelInfo, "token "+ghToken, 0)
	require.NoError(t, h.Handle(context.Background(), rec))
	assert.True(t, c.last(t).Time.IsZero())

	// Rebuilding starts at the first change and keeps the attributes before
	// it as they were.
	rec = slog.NewRecord(now, slog.LevelInfo, "m", 0)
	rec.AddAttrs(slog.Int("a", 1), slog.String("dsn", dbURL), slog.Int("b", 2))
	require.NoError(t, h.Handle(context.Background(), rec))
	var keys []string
	c.last(t).Attrs(func(a slog.Attr) bool { keys = append(keys, a.Key); return true })
	assert.Equal(t, []string{"a", "dsn", "b"}, keys)
}

// TestCleanIdentical checks that clean records come out byte for byte as the
// bare handler writes them, empty groups and attributes included.
func TestCleanIdentical(t *testing.T) {
	logs := []func(l *slog.Logger){
		func(l *slog.Logger) { l.Info("hello") },
		func(l *slog.Logger) { l.Warn("request", "status", 200, "path", "/a/b", "ok", true, "f", 1.5) },
		func(l *slog.Logger) {
			l.Info("g", slog.Group("req", slog.String("m", "GET"), slog.Group("empty")), slog.Attr{}, slog.Group(""))
		},
		func(l *slog.Logger) {
			l.Info("err", "err", errors.New("boom"), "b", []byte("abc"), "u", slogUser{Name: "x", Roles: []string{"a"}})
		},
		func(l *slog.Logger) { l.With("svc", "api").WithGroup("http").With("id", 1).Info("w", "s", 2) },
		func(l *slog.Logger) { l.WithGroup("g").Info("no attrs") },
		func(l *slog.Logger) { l.WithGroup("g").WithGroup("h").Info("nested no attrs") },
		func(l *slog.Logger) {
			l.Info("empty group under sensitive key", slog.Group("password"), slog.Group("g", slog.Group("token")))
		},
		func(l *slog.Logger) {
			l.Info("nil", "x", nil, "p", (*account)(nil), "d", time.Minute, "t", time.Unix(0, 0).UTC())
		},
		func(l *slog.Logger) { l.Info("stringer", "s", stringer{"localhost"}) },
		func(l *slog.Logger) { l.With().WithGroup("").Info("degenerate", "a", "b") },
	}
	for _, f := range formats {
		for i, lg := range logs {
			t.Run(fmt.Sprintf("%s/%d", f.name, i), func(t *testing.T) {
				bl, bbuf := bareLogger(f)
				wl, wbuf := newLogger(f, testRedactor)
				lg(bl)
				lg(wl)
				assert.Equal(t, bbuf.String(), wbuf.String())
			})
		}
	}
}

func TestSlogtestJSON(t *testing.T) {
	var buf bytes.Buffer
	h := slogredact.NewHandler(slog.NewJSONHandler(&buf, nil), nil)
	results := func() []map[string]any {
		var ms []map[string]any
		for line := range bytes.SplitSeq(buf.Bytes(), []byte{'\n'}) {
			if len(line) > 0 {
				ms = append(ms, decodeJSON(t, string(line)))
			}
		}
		return ms
	}
	require.NoError(t, slogtest.TestHandler(h, results))
}

func TestSlogtestRun(t *testing.T) {
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			var buf *bytes.Buffer
			slogtest.Run(t, func(*testing.T) slog.Handler {
				buf = new(bytes.Buffer)
				return slogredact.NewHandler(f.new(buf, nil), nil)
			}, func(t *testing.T) map[string]any {
				if f.name == "json" {
					return decodeJSON(t, buf.String())
				}
				return parseText(t, buf.String())
			})
		})
	}
}

// textCred renders as its text, through MarshalText, in JSON and text
// handlers alike: a scalar with a method of its own.
type textCred struct{ s string }

func (c textCred) MarshalText() ([]byte, error) { return []byte(c.s), nil }

// TestConcurrent shares With-handlers between goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	var buf lockedBuffer
	root := slog.New(slogredact.NewHandler(slog.NewJSONHandler(&buf, nil), nil))
	shared := root.With("svc", "api", "password", keyOnly).WithGroup("req")
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := shared.With("worker", g)
			for i := 0; i < 200; i++ {
				switch i % 4 {
				case 0:
					l.Info("clean", "i", i)
				case 1:
					l.Info("dsn", "dsn", dbURL, "acct", account{Password: keyOnly})
				case 2:
					shared.WithGroup("credentials").Info("auth", "pin", keyOnly)
				default:
					l.Error("err", "err", fmt.Errorf("token %s", ghToken), "v", secretValuer{bearer})
				}
			}
		}()
	}
	wg.Wait()
	out := buf.String()
	requireNoSecret(t, out)
	assert.Equal(t, 16*200, strings.Count(out, "\n"))
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestNewHandler(t *testing.T) {
	assert.PanicsWithValue(t, "slogredact: NewHandler called with a nil next Handler", func() {
		slogredact.NewHandler(nil, nil)
	})

	// Enabled is the inner handler's.
	inner := slog.NewJSONHandler(&bytes.Buffer{}, &slog.HandlerOptions{Level: slog.LevelWarn})
	h := slogredact.NewHandler(inner, nil)
	ctx := context.Background()
	for _, lv := range []slog.Level{slog.LevelDebug, slog.LevelInfo, slog.LevelWarn, slog.LevelError} {
		assert.Equal(t, inner.Enabled(ctx, lv), h.Enabled(ctx, lv), lv)
	}
	assert.Same(t, h, h.WithAttrs(nil))
}

// TestModes checks the replacement modes flow through: the rule ID of a
// custom pattern in Label mode, and one digest per secret in HMAC mode.
func TestModes(t *testing.T) {
	orderID := patterns.Pattern{
		ID: "test-order-secret", Keywords: []string{"ord_"}, Regex: `\b(ord_[0-9a-f]{16})\b`, SecretGroup: 1,
	}
	secret := "ord_" + strings.Repeat("0f", 8)
	r := redact.MustNew(redact.WithoutBuiltins(), redact.WithPatterns(orderID), redact.WithMode(redact.Label))
	l, buf := newLogger(formats[0], r)
	l.Info("m", "ref", "paid "+secret, "password", keyOnly)
	m := decodeJSON(t, buf.String())
	assert.Equal(t, "paid [REDACTED:test-order-secret]", m["ref"])
	assert.Equal(t, "[REDACTED:"+redact.KeyRule+"]", m["password"])

	key := []byte(strings.Repeat("k", 32))
	r = redact.MustNew(redact.WithHMACKey(key))
	l, buf = newLogger(formats[0], r)
	l.Info("m", "password", keyOnly, "auth_token", keyOnly, "secret", "other"+keyOnly)
	m = decodeJSON(t, buf.String())
	assert.Equal(t, m["password"], m["auth_token"], "one secret, one digest")
	assert.NotEqual(t, m["password"], m["secret"])
	assert.Contains(t, m["password"], "[REDACTED:hmac:")
}

func TestObserver(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	r := redact.MustNew(redact.WithObserver(func(rule string) {
		mu.Lock()
		seen[rule]++
		mu.Unlock()
	}))
	l, _ := newLogger(formats[0], r)
	l.Info("clean", "n", 1, "s", "text")
	assert.Empty(t, seen, "clean records report nothing")
	l.Info("m", "password", keyOnly)
	assert.Equal(t, 1, seen[redact.KeyRule])
	l.Info("m", "acct", account{Password: keyOnly})
	assert.Equal(t, 2, seen[redact.KeyRule], "a struct's secret is reported once")
}

func TestReplaceAttr(t *testing.T) {
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			var buf bytes.Buffer
			rep := slogredact.ReplaceAttr(nil)
			h := f.new(&buf, &slog.HandlerOptions{ReplaceAttr: func(gs []string, a slog.Attr) slog.Attr {
				return rep(gs, noTime(gs, a))
			}})
			l := slog.New(h).With("password", keyOnly).WithGroup("credentials")
			l.Info("push "+ghToken, "dsn", dbURL, "n", 1)
			slog.New(h).Info("m", "acct", account{Password: keyOnly}, "v", secretValuer{dbURL}, "err", errors.New(bearer))
			out := buf.String()
			requireNoSecret(t, out)
			assert.Contains(t, out, mask)
		})
	}
}

// TestReplaceAttrClean checks that ReplaceAttr leaves clean output alone.
func TestReplaceAttrClean(t *testing.T) {
	var a, b bytes.Buffer
	rep := slogredact.ReplaceAttr(redact.MustNew())
	bare := slog.New(slog.NewJSONHandler(&a, &slog.HandlerOptions{ReplaceAttr: noTime, AddSource: true}))
	red := slog.New(slog.NewJSONHandler(&b, &slog.HandlerOptions{AddSource: true,
		ReplaceAttr: func(gs []string, at slog.Attr) slog.Attr { return rep(gs, noTime(gs, at)) }}))
	for _, l := range []*slog.Logger{bare, red} {
		l.Info("hello", "n", 1, slog.Group("g", "s", "x"), "u", slogUser{Name: "y"})
	}
	assert.Equal(t, a.String(), b.String())
}

// TestManyKeys logs more distinct keys than the wrapper remembers, twice
// each, from several goroutines: every decision must stay right whether it
// was remembered, crowded out or computed afresh.
func TestManyKeys(t *testing.T) {
	var buf lockedBuffer
	l := slog.New(slogredact.NewHandler(slog.NewJSONHandler(&buf, nil), testRedactor))
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 2; round++ {
				for i := 0; i < 600; i++ {
					l.Info("m", fmt.Sprintf("k%d_password", i), keyOnly, fmt.Sprintf("k%d_name", i), "ada")
				}
			}
		}()
	}
	wg.Wait()
	out := buf.String()
	requireNoSecret(t, out)
	assert.Equal(t, 4*2*600, strings.Count(out, `_name":"ada"`))
}

// TestFieldOrderKept checks that a redacted struct keeps its fields in their
// order through the JSON handler, as it would be written unredacted.
func TestFieldOrderKept(t *testing.T) {
	l, buf := newLogger(formats[0], testRedactor)
	l.Info("m", "acct", account{ID: 7, Name: "ada", Password: keyOnly})
	assert.Contains(t, buf.String(),
		`"acct":{"id":7,"name":"ada","password":"[REDACTED]","dsn":"","tags":null,"meta":null}`)
}
