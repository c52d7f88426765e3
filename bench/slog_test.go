package bench

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/slogredact"
)

// slogUser is the small struct logged in the fields scenario.
type slogUser struct {
	ID    int      `json:"id"`
	Name  string   `json:"name"`
	Email string   `json:"email"`
	Roles []string `json:"roles"`
}

var (
	slogRedactor = redact.MustNew()
	slogTime     = time.Date(2026, 11, 27, 13, 0, 0, 0, time.UTC)
	slogUserVal  = slogUser{ID: 42, Name: "Ada", Email: "ada@example.com", Roles: []string{"admin", "ops"}}
)

// slogFields are typical clean fields: ints, strings, a time, a duration,
// an error and a small struct.
func slogFields() []slog.Attr {
	upstream := errors.New("upstream: connection reset by peer")
	return []slog.Attr{
		slog.String("method", "GET"),
		slog.String("path", "/api/v1/users/42"),
		slog.Int("status", 200),
		slog.Int64("bytes", 5120),
		slog.Time("started", slogTime),
		slog.Duration("elapsed", 1532*time.Microsecond),
		slog.Any("error", upstream),
		slog.Any("user", slogUserVal),
	}
}

// slogMadeUp returns n computed characters that look random, as the
// catalog's entropy checks expect of a real token.
func slogMadeUp(n, seed int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[(i*37+seed)%len(alphabet)]
	}
	return string(b)
}

// slogSecrets is a record holding three secrets, built at run time: a
// GitHub token in the message, a bearer token under a sensitive key and a
// password in a URL.
func slogSecrets() (string, []slog.Attr) {
	pw := "hunter2" + "-" + "Qz8"
	tok := "ghp_" + slogMadeUp(36, 11)
	return "pushed release with " + tok, []slog.Attr{
		slog.String("authorization", "Bearer "+"eyJ"+slogMadeUp(40, 5)),
		slog.String("dsn", "postgres://app:"+pw+"@db:5432/x"),
		slog.Int("status", 200),
	}
}

func slogLogger(wrapped bool) *slog.Logger {
	var h slog.Handler = slog.NewJSONHandler(io.Discard, nil)
	if wrapped {
		h = slogredact.NewHandler(h, slogRedactor)
	}
	return slog.New(h)
}

// slogScenario is one benchmark scenario: prepare builds the logger once,
// log is the measured call.
type slogScenario struct {
	name string
	log  func(l *slog.Logger) func()
}

func slogScenarios() []slogScenario {
	ctx := context.Background()
	fields := slogFields()
	secretMsg, secretAttrs := slogSecrets()
	return []slogScenario{
		{"disabled", func(l *slog.Logger) func() {
			return func() { l.LogAttrs(ctx, slog.LevelDebug, "request handled", fields...) }
		}},
		{"message", func(l *slog.Logger) func() {
			return func() { l.LogAttrs(ctx, slog.LevelInfo, "request handled") }
		}},
		{"fields", func(l *slog.Logger) func() {
			return func() { l.LogAttrs(ctx, slog.LevelInfo, "request handled", fields...) }
		}},
		{"context", func(l *slog.Logger) func() {
			cl := l.With(slog.String("service", "users"), slog.String("request_id", "7f3a9c"),
				slog.Int("shard", 3)).WithGroup("http")
			return func() {
				cl.LogAttrs(ctx, slog.LevelInfo, "request handled", slog.Int("status", 200), slog.String("method", "GET"))
			}
		}},
		// "varied" is "context" with a value that changes every record, as
		// a latency or a request counter does: consecutive records are
		// never equal, only their start repeats.
		{"varied", func(l *slog.Logger) func() {
			cl := l.With(slog.String("service", "users"), slog.String("request_id", "7f3a9c"),
				slog.Int("shard", 3)).WithGroup("http")
			var seq atomic.Int64 // the parallel benchmarks share it
			return func() {
				n := int(seq.Add(1))
				cl.LogAttrs(ctx, slog.LevelInfo, "request handled", slog.Int("seq", n), slog.Int("status", 200), slog.String("method", "GET"))
			}
		}},
		{"secrets", func(l *slog.Logger) func() {
			return func() { l.LogAttrs(ctx, slog.LevelInfo, secretMsg, secretAttrs...) }
		}},
	}
}

func BenchmarkSlog(b *testing.B) {
	for _, sc := range slogScenarios() {
		for _, variant := range []string{"bare", "wrapped"} {
			b.Run(sc.name+"/"+variant, func(b *testing.B) {
				f := sc.log(slogLogger(variant == "wrapped"))
				b.ReportAllocs()
				for b.Loop() {
					f()
				}
			})
		}
	}
}

func BenchmarkSlogParallel(b *testing.B) {
	for _, sc := range slogScenarios() {
		for _, variant := range []string{"bare", "wrapped"} {
			b.Run(sc.name+"/"+variant, func(b *testing.B) {
				f := sc.log(slogLogger(variant == "wrapped"))
				b.ReportAllocs()
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						f()
					}
				})
			})
		}
	}
}

// TestSlogAllocs holds the wrapper to zero allocations beyond the bare JSON
// handler's on clean records.
func TestSlogAllocs(t *testing.T) {
	if race.Enabled {
		t.Skip("allocation counts are not meaningful under the race detector")
	}
	for _, sc := range slogScenarios() {
		if sc.name == "secrets" {
			continue // redacting allocates the redacted record's strings
		}
		t.Run(sc.name, func(t *testing.T) {
			bare := testing.AllocsPerRun(500, sc.log(slogLogger(false)))
			wrapped := testing.AllocsPerRun(500, sc.log(slogLogger(true)))
			if wrapped > bare {
				t.Errorf("wrapped logger allocates %v per clean record, bare %v: want no extra", wrapped, bare)
			}
		})
	}
}

// TestSlogSecretsRedacted makes sure the secrets scenario measures real
// redaction: the wrapped logger's output holds none of its secrets.
func TestSlogSecretsRedacted(t *testing.T) {
	msg, attrs := slogSecrets()
	var buf bytes.Buffer
	l := slog.New(slogredact.NewHandler(slog.NewJSONHandler(&buf, nil), slogRedactor))
	l.LogAttrs(context.Background(), slog.LevelInfo, msg, attrs...)
	out := buf.String()
	for _, secret := range []string{msg[len("pushed release with "):], "hunter2-Qz8", "eyJ"} {
		if strings.Contains(out, secret) {
			t.Errorf("secret left in %s", out)
		}
	}
}
