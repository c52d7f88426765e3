package bench

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/logrusredact"
	"github.com/logredact/logredact/redact"
)

// logrusUser is the small struct logged in the fields scenario.
type logrusUser struct {
	ID    int      `json:"id"`
	Name  string   `json:"name"`
	Email string   `json:"email"`
	Roles []string `json:"roles"`
}

var (
	logrusRedactor = redact.MustNew()
	logrusTime     = time.Date(2026, 11, 27, 13, 0, 0, 0, time.UTC)

	// logrusFields are typical clean fields: ints, strings, a time, a
	// duration, an error and a small struct. logrus copies them into each
	// entry, so one map serves every call.
	logrusFields = logrus.Fields{
		"method":  "GET",
		"path":    "/api/v1/users/42",
		"status":  200,
		"bytes":   int64(5120),
		"started": logrusTime,
		"elapsed": 1532 * time.Microsecond,
		"error":   errors.New("upstream: connection reset by peer"),
		"user":    logrusUser{ID: 42, Name: "Ada", Email: "ada@example.com", Roles: []string{"admin", "ops"}},
	}
)

// logrusSecrets is an entry holding three secrets: a GitHub token in the
// message, a bearer token under a sensitive key and a password in a URL.
// The token body is varied because the catalog gates tokens on entropy.
func logrusSecrets() (string, logrus.Fields) {
	pw := "hunter2" + "-" + "s3cr3t"
	tok := "ghp_" + "R8mQ2xVb" + "7KpL4nWz" + "9TfH3sJd" + "6YcE1gUa" + "5NoB"
	return "pushed with token " + tok, logrus.Fields{
		"authorization": "Bearer " + "eyJhbGciOi" + "JIUzI1NiJ9.e30.sig",
		"dsn":           "postgres://app:" + pw + "@db:5432/x",
		"status":        200,
	}
}

func logrusLogger(out io.Writer, wrapped bool) *logrus.Logger {
	l := logrus.New()
	l.SetOutput(out)
	l.SetLevel(logrus.InfoLevel)
	var f logrus.Formatter = &logrus.JSONFormatter{}
	if wrapped {
		f = logrusredact.NewFormatter(f, logrusRedactor)
	}
	l.SetFormatter(f)
	return l
}

// logrusScenario is one benchmark scenario: log builds the measured call
// for a logger, doing the set-up once.
type logrusScenario struct {
	name string
	log  func(l *logrus.Logger) func()
}

func logrusScenarios() []logrusScenario {
	secretMsg, secretFields := logrusSecrets()
	return []logrusScenario{
		{"disabled", func(l *logrus.Logger) func() {
			return func() { l.WithFields(logrusFields).Debug("request handled") }
		}},
		{"message", func(l *logrus.Logger) func() {
			return func() { l.Info("request handled") }
		}},
		{"fields", func(l *logrus.Logger) func() {
			return func() { l.WithFields(logrusFields).Info("request handled") }
		}},
		{"context", func(l *logrus.Logger) func() {
			cl := l.WithFields(logrus.Fields{"service": "users", "request_id": "7f3a9c", "shard": 3})
			extra := logrus.Fields{"status": 200, "method": "GET"}
			return func() { cl.WithFields(extra).Info("request handled") }
		}},
		{"varied", func(l *logrus.Logger) func() { // see the slog scenario
			cl := l.WithFields(logrus.Fields{"service": "users", "request_id": "7f3a9c", "shard": 3})
			extra := logrus.Fields{"status": 200, "method": "GET"}
			var seq atomic.Int64 // the parallel benchmarks share it
			return func() { n := int(seq.Add(1)); cl.WithFields(extra).WithField("seq", n).Info("request handled") }
		}},
		{"secrets", func(l *logrus.Logger) func() {
			return func() { l.WithFields(secretFields).Info(secretMsg) }
		}},
	}
}

func BenchmarkLogrus(b *testing.B) {
	for _, sc := range logrusScenarios() {
		for _, variant := range []string{"bare", "wrapped"} {
			b.Run(sc.name+"/"+variant, func(b *testing.B) {
				f := sc.log(logrusLogger(io.Discard, variant == "wrapped"))
				b.ReportAllocs()
				for b.Loop() {
					f()
				}
			})
		}
	}
}

func BenchmarkLogrusParallel(b *testing.B) {
	for _, sc := range logrusScenarios() {
		for _, variant := range []string{"bare", "wrapped"} {
			b.Run(sc.name+"/"+variant, func(b *testing.B) {
				f := sc.log(logrusLogger(io.Discard, variant == "wrapped"))
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

// TestLogrusAllocs holds the wrapper to zero allocations beyond the bare
// JSONFormatter's on clean entries: clean entries are formatted as they
// are, without a copy.
func TestLogrusAllocs(t *testing.T) {
	if race.Enabled {
		t.Skip("allocation counts are not meaningful under the race detector")
	}
	for _, sc := range logrusScenarios() {
		if sc.name == "secrets" {
			continue // redacting allocates the redacted entry and strings
		}
		t.Run(sc.name, func(t *testing.T) {
			bare := testing.AllocsPerRun(500, sc.log(logrusLogger(io.Discard, false)))
			wrapped := testing.AllocsPerRun(500, sc.log(logrusLogger(io.Discard, true)))
			if wrapped > bare {
				t.Errorf("wrapped logger allocates %v per clean entry, bare %v: want no extra", wrapped, bare)
			}
		})
	}
}

// TestLogrusScenarios checks that the benchmarks measure what they claim:
// clean scenarios are written unchanged, the secrets scenario redacted.
func TestLogrusScenarios(t *testing.T) {
	for _, sc := range logrusScenarios() {
		t.Run(sc.name, func(t *testing.T) {
			var bare, wrapped bytes.Buffer
			sc.log(logrusLogger(&bare, false))()
			sc.log(logrusLogger(&wrapped, true))()
			if sc.name != "secrets" {
				// Timestamps differ between the two calls; the rest must not.
				if b, w := logrusDropTime(bare.String()), logrusDropTime(wrapped.String()); b != w {
					t.Errorf("clean entry changed:\nbare    %s\nwrapped %s", b, w)
				}
				return
			}
			for _, s := range []string{"ghp_R8mQ", "JIUzI1NiJ9", "s3cr3t"} {
				if strings.Contains(wrapped.String(), s) {
					t.Errorf("secret %q survived: %s", s, wrapped.String())
				}
			}
		})
	}
}

// logrusDropTime removes the "time" member JSONFormatter writes last.
func logrusDropTime(line string) string {
	if i := strings.Index(line, `,"time":`); i >= 0 {
		return line[:i]
	}
	return line
}
