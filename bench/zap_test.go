package bench

import (
	"errors"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/zapredact"
)

// The fields follow zap's own benchmarks (fakeFields): ints, strings, a
// time, a duration, an error and an ObjectMarshaler user.

var (
	zapErrs = []error{errors.New("connection reset by peer")} // a slice: ST1012 would want errFoo
	zapTime = time.Date(2026, 11, 27, 13, 4, 5, 0, time.UTC)
	zapUser = &zapUserT{Name: "Jane Doe", Email: "jane@example.com", CreatedAt: zapTime}
)

const zapMessage = "Request handled, response sent to the client"

type zapUserT struct {
	Name      string
	Email     string
	CreatedAt time.Time
}

func (u *zapUserT) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("name", u.Name)
	enc.AddString("email", u.Email)
	enc.AddInt64("createdAt", u.CreatedAt.UnixNano())
	return nil
}

func zapLogFields(l *zap.Logger) {
	l.Info(zapMessage,
		zap.Int("status", 200),
		zap.Int64("bytes", 5123),
		zap.String("method", "GET"),
		zap.String("path", "/api/v1/orders/42"),
		zap.Time("start", zapTime),
		zap.Duration("elapsed", 1234*time.Microsecond),
		zap.Error(zapErrs[0]),
		zap.Object("user", zapUser),
	)
}

// zapLogPlainFields logs the fields of zapLogFields without the object:
// values that have no methods of the caller's.
func zapLogPlainFields(l *zap.Logger) {
	l.Info(zapMessage,
		zap.Int("status", 200),
		zap.Int64("bytes", 5123),
		zap.String("method", "GET"),
		zap.String("path", "/api/v1/orders/42"),
		zap.Time("start", zapTime),
		zap.Duration("elapsed", 1234*time.Microsecond),
		zap.Error(zapErrs[0]),
	)
}

func zapContextFields() []zap.Field {
	return []zap.Field{
		zap.String("service", "orders"),
		zap.Int("pid", 4242),
		zap.String("region", "eu-west-1"),
		zap.Time("started", zapTime),
		zap.Object("user", zapUser),
	}
}

// zapSecrets holds three secrets, built at run time so that no credential
// appears in the source.
type zapSecretsT struct {
	msg, pat, bearer string
}

// zapMixed returns n letters and digits varied enough to pass the entropy
// thresholds of the built-in token patterns.
func zapMixed(n, step int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[(i*step+3)%len(alphabet)]
	}
	return string(b)
}

func zapMakeSecrets() zapSecretsT {
	pw := "s3cr3t" + "Pa55"
	return zapSecretsT{
		msg:    "connecting to postgres://app:" + pw + "@db:5432/x",
		pat:    "ghp_" + zapMixed(36, 7),
		bearer: "Bearer " + "eyJ" + zapMixed(40, 11),
	}
}

func zapLogSecrets(l *zap.Logger, s *zapSecretsT) {
	l.Info(s.msg,
		zap.String("token", s.pat),
		zap.String("header", "Authorization: "+s.bearer),
		zap.Int("attempt", 3),
	)
}

func zapBaseCore(lvl zapcore.Level) zapcore.Core {
	return zapcore.NewCore(
		zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()),
		zapcore.AddSync(io.Discard),
		lvl,
	)
}

// zapRedactor is the default Redactor, built once for all benchmarks.
var zapRedactor = sync.OnceValues(func() (*redact.Redactor, error) { return redact.New() })

// zapLogger returns the logger of a variant: "bare", or "wrapped" with
// zapredact and the default Redactor.
func zapLogger(tb testing.TB, variant string, lvl zapcore.Level) *zap.Logger {
	c := zapBaseCore(lvl)
	if variant == "wrapped" {
		r, err := zapRedactor()
		if err != nil {
			tb.Fatal(err)
		}
		c = zapredact.NewCore(c, r)
	}
	return zap.New(c)
}

// zapMethodsExtra is the allocation budget of a clean record whose fields
// include values with user methods (ObjectMarshaler, ArrayMarshaler,
// Stringer, error types other than errors.New and fmt.Errorf): zapredact
// replaces those values so that their methods run once per write and what
// is written is what was checked, which copies the field slice: one
// allocation, which also holds the wrappers of objects and arrays.
const zapMethodsExtra = 1

var zapScenarios = []struct {
	name string
	lvl  zapcore.Level
	// setup returns the log call of one iteration.
	setup func(l *zap.Logger) func()
	// extra is how many allocations per clean record the wrapped logger
	// may add over the bare one: none when no field value has user
	// methods, zapMethodsExtra otherwise.
	extra float64
}{
	{"disabled", zapcore.InfoLevel, func(l *zap.Logger) func() {
		return func() { l.Debug(zapMessage, zap.Int("status", 200)) }
	}, 0},
	{"message", zapcore.DebugLevel, func(l *zap.Logger) func() {
		return func() { l.Info(zapMessage) }
	}, 0},
	{"fields", zapcore.DebugLevel, func(l *zap.Logger) func() {
		return func() { zapLogFields(l) }
	}, zapMethodsExtra}, // zap.Object("user", …)
	{"plain fields", zapcore.DebugLevel, func(l *zap.Logger) func() {
		return func() { zapLogPlainFields(l) }
	}, 0},
	{"context", zapcore.DebugLevel, func(l *zap.Logger) func() {
		// The context's object is replaced once, by With, not per record.
		ctx := l.With(zapContextFields()...)
		return func() { ctx.Info(zapMessage) }
	}, 0},
	{"varied", zapcore.DebugLevel, func(l *zap.Logger) func() { // see the slog scenario
		ctx := l.With(zapContextFields()...)
		var seq atomic.Int64 // the parallel benchmarks share it
		return func() { n := int(seq.Add(1)); ctx.Info(zapMessage, zap.Int("seq", n)) }
	}, 0},
	{"secrets", zapcore.DebugLevel, func(l *zap.Logger) func() {
		s := zapMakeSecrets()
		return func() { zapLogSecrets(l, &s) }
	}, 0}, // not held to a budget: redacting allocates the redacted copies
}

var zapVariants = []string{"bare", "wrapped"}

func BenchmarkZap(b *testing.B) {
	for _, sc := range zapScenarios {
		for _, v := range zapVariants {
			b.Run(sc.name+"/"+v, func(b *testing.B) {
				log := sc.setup(zapLogger(b, v, sc.lvl))
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					log()
				}
			})
		}
	}
}

func BenchmarkZapParallel(b *testing.B) {
	for _, sc := range zapScenarios {
		for _, v := range zapVariants {
			b.Run(sc.name+"/"+v, func(b *testing.B) {
				log := sc.setup(zapLogger(b, v, sc.lvl))
				b.ReportAllocs()
				b.ResetTimer()
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						log()
					}
				})
			})
		}
	}
}

// TestZapAllocs enforces the allocation budget for records with nothing
// to redact: the wrapped logger allocates no more than the bare one when
// no field value has user methods, and at most zapMethodsExtra more when
// one has (see the scenarios' extra).
func TestZapAllocs(t *testing.T) {
	if race.Enabled {
		t.Skip("the race detector makes sync.Pool drop items at random")
	}
	for _, sc := range zapScenarios {
		if sc.name == "secrets" {
			continue // redacting allocates the redacted copies
		}
		t.Run(sc.name, func(t *testing.T) {
			bare := sc.setup(zapLogger(t, "bare", sc.lvl))
			wrapped := sc.setup(zapLogger(t, "wrapped", sc.lvl))
			bare()
			wrapped() // warm the CheckedEntry pool and its hook slice
			b := testing.AllocsPerRun(1000, bare)
			w := testing.AllocsPerRun(1000, wrapped)
			t.Logf("allocations per record: bare %v, wrapped %v", b, w)
			if w > b+sc.extra {
				t.Errorf("wrapped logger allocates %v per record, bare %v: want at most %v extra", w, b, sc.extra)
			}
		})
	}
}

// TestZapSecretsRedacted checks that the secrets scenario holds secrets the
// wrapped logger removes, so that it measures redaction.
func TestZapSecretsRedacted(t *testing.T) {
	s := zapMakeSecrets()
	r, err := zapRedactor()
	if err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	c := zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), zapcore.AddSync(&buf), zapcore.DebugLevel)
	zapLogSecrets(zap.New(zapredact.NewCore(c, r)), &s)
	for _, secret := range []string{"s3cr3tPa55", s.pat, strings.TrimPrefix(s.bearer, "Bearer ")} {
		if strings.Contains(buf.String(), secret) {
			t.Errorf("secret survived: %s", buf.String())
		}
	}
}
