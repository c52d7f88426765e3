package bench

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/zerologredact"
)

var (
	zerologRedactor = redact.MustNew()
	zerologTime     = time.Date(2026, 11, 27, 13, 0, 0, 0, time.UTC)
)

const zerologMessage = "request handled"

// zerologUser is the small object logged in the fields scenario, encoded
// without reflection like zerolog users do.
type zerologUser struct {
	ID    int
	Name  string
	Email string
}

func (u zerologUser) MarshalZerologObject(e *zerolog.Event) {
	e.Int("id", u.ID).Str("name", u.Name).Str("email", u.Email)
}

var zerologUserVal = zerologUser{ID: 42, Name: "Ada", Email: "ada@example.com"}

// zerologMadeUp returns n computed characters that look random, as real
// tokens do (the catalog's entropy checks reject "a1B2a1B2..."), without a
// secret-like literal in this file.
func zerologMadeUp(n, seed int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[(i*37+seed)%len(alphabet)]
	}
	return string(b)
}

// zerologSecrets are three secrets: a GitHub token in the message, a bearer
// token under a sensitive key and a password in a URL.
var (
	zerologPW     = "hunter2" + "-" + "s3cr3t"
	zerologGH     = "ghp_" + zerologMadeUp(36, 11)
	zerologBearer = "Bearer " + "eyJ" + zerologMadeUp(40, 5)
	zerologDSN    = "postgres://app:" + zerologPW + "@db:5432/x"
)

func zerologLogger(wrapped bool) zerolog.Logger {
	var w io.Writer = io.Discard
	if wrapped {
		w = zerologredact.NewWriter(w, zerologRedactor)
	}
	return zerolog.New(w).With().Timestamp().Logger()
}

// zerologScenario is one benchmark scenario: log prepares the measured call
// on a logger.
type zerologScenario struct {
	name string
	log  func(l zerolog.Logger) func()
}

func zerologScenarios() []zerologScenario {
	upstreamErr := errors.New("upstream: connection reset by peer")
	return []zerologScenario{
		{"disabled", func(l zerolog.Logger) func() {
			l = l.Level(zerolog.InfoLevel)
			return func() { l.Debug().Str("method", "GET").Int("status", 200).Msg(zerologMessage) }
		}},
		{"message", func(l zerolog.Logger) func() {
			return func() { l.Info().Msg(zerologMessage) }
		}},
		{"fields", func(l zerolog.Logger) func() {
			return func() {
				l.Info().
					Str("method", "GET").
					Str("path", "/api/v1/users/42").
					Int("status", 200).
					Int64("bytes", 5120).
					Time("started", zerologTime).
					Dur("elapsed", 1532*time.Microsecond).
					Err(upstreamErr).
					Object("user", zerologUserVal).
					Msg(zerologMessage)
			}
		}},
		{"context", func(l zerolog.Logger) func() {
			cl := l.With().Str("service", "users").Str("request_id", "7f3a9c").Int("shard", 3).Logger()
			return func() { cl.Info().Int("status", 200).Str("method", "GET").Msg(zerologMessage) }
		}},
		{"varied", func(l zerolog.Logger) func() { // see the slog scenario
			cl := l.With().Str("service", "users").Str("request_id", "7f3a9c").Int("shard", 3).Logger()
			var seq atomic.Int64 // the parallel benchmarks share it
			return func() {
				n := int(seq.Add(1))
				cl.Info().Int("seq", n).Int("status", 200).Str("method", "GET").Msg(zerologMessage)
			}
		}},
		{"secrets", func(l zerolog.Logger) func() {
			return func() {
				l.Info().
					Str("authorization", zerologBearer).
					Str("dsn", zerologDSN).
					Int("status", 200).
					Msg("pushed with token " + zerologGH)
			}
		}},
	}
}

func BenchmarkZerolog(b *testing.B) {
	for _, sc := range zerologScenarios() {
		for _, variant := range []string{"bare", "wrapped"} {
			b.Run(sc.name+"/"+variant, func(b *testing.B) {
				f := sc.log(zerologLogger(variant == "wrapped"))
				b.ReportAllocs()
				start := cpuNow()
				for b.Loop() {
					f()
				}
				cpuMetric(b, start, 0)
			})
		}
	}
}

func BenchmarkZerologParallel(b *testing.B) {
	for _, sc := range zerologScenarios() {
		for _, variant := range []string{"bare", "wrapped"} {
			b.Run(sc.name+"/"+variant, func(b *testing.B) {
				f := sc.log(zerologLogger(variant == "wrapped"))
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

// TestZerologAllocs holds the writer to zero allocations beyond bare
// zerolog's on clean events.
func TestZerologAllocs(t *testing.T) {
	if race.Enabled {
		t.Skip("sync.Pool drops items (race detector): allocation counts are random")
	}
	for _, sc := range zerologScenarios() {
		if sc.name == "secrets" {
			continue // redacting allocates
		}
		t.Run(sc.name, func(t *testing.T) {
			bare := testing.AllocsPerRun(500, sc.log(zerologLogger(false)))
			wrapped := testing.AllocsPerRun(500, sc.log(zerologLogger(true)))
			if wrapped > bare {
				t.Errorf("wrapped logger allocates %v per clean event, bare %v: want no extra", wrapped, bare)
			}
		})
	}
}

// TestZerologSecretsRedacted checks that the secrets scenario measures real
// redaction work: every secret is gone from the wrapped output.
func TestZerologSecretsRedacted(t *testing.T) {
	var buf bytes.Buffer
	l := zerolog.New(zerologredact.NewWriter(&buf, zerologRedactor))
	for _, sc := range zerologScenarios() {
		sc.log(l)()
	}
	out := buf.String()
	for _, s := range []string{zerologPW, zerologGH, strings.TrimPrefix(zerologBearer, "Bearer ")} {
		if strings.Contains(out, s) {
			t.Errorf("secret survived in:\n%s", out)
		}
	}
}
