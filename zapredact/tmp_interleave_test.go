package zapredact_test

import (
	"errors"
	"io"
	"os"
	"sort"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/zapredact"
)

type tmpUser struct {
	name, email string
	at          time.Time
}

func (u *tmpUser) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("name", u.name)
	enc.AddString("email", u.email)
	enc.AddInt64("createdAt", u.at.UnixNano())
	return nil
}

func TestTmpInterleaved(t *testing.T) {
	if os.Getenv("TMP_INTERLEAVE") == "" {
		t.Skip()
	}
	r := redact.MustNew()
	mk := func(wrapped bool, lvl zapcore.Level) *zap.Logger {
		c := zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), zapcore.AddSync(io.Discard), lvl)
		if wrapped {
			c = zapredact.NewCore(c, r)
		}
		return zap.New(c)
	}
	tm := time.Date(2026, 11, 27, 13, 4, 5, 0, time.UTC)
	user := &tmpUser{"Jane Doe", "jane@example.com", tm}
	e := errors.New("connection reset by peer")
	msg := "Request handled, response sent to the client"
	pw := "s3cr3t" + "Pa55"
	smsg := "connecting to postgres://app:" + pw + "@db:5432/x"
	pat := "ghp_" + mixed(36, 7)
	bearer := "Bearer eyJ" + mixed(40, 11)
	scen := map[string]func(l *zap.Logger) func(){
		"disabled": func(l *zap.Logger) func() { return func() { l.Debug(msg, zap.Int("status", 200)) } },
		"message":  func(l *zap.Logger) func() { return func() { l.Info(msg) } },
		"fields": func(l *zap.Logger) func() {
			return func() {
				l.Info(msg, zap.Int("status", 200), zap.Int64("bytes", 5123), zap.String("method", "GET"),
					zap.String("path", "/api/v1/orders/42"), zap.Time("start", tm), zap.Duration("elapsed", 1234*time.Microsecond),
					zap.Error(e), zap.Object("user", user))
			}
		},
		"context": func(l *zap.Logger) func() {
			c := l.With(zap.String("service", "orders"), zap.Int("pid", 4242), zap.String("region", "eu-west-1"),
				zap.Time("started", tm), zap.Object("user", user))
			return func() { c.Info(msg) }
		},
		"secrets": func(l *zap.Logger) func() {
			return func() {
				l.Info(smsg, zap.String("token", pat), zap.String("header", "Authorization: "+bearer), zap.Int("attempt", 3))
			}
		},
	}
	names := []string{"disabled", "message", "fields", "context", "secrets"}
	for _, n := range names {
		lvl := zapcore.DebugLevel
		if n == "disabled" {
			lvl = zapcore.InfoLevel
		}
		b, w := scen[n](mk(false, lvl)), scen[n](mk(true, lvl))
		chunk := 2000
		if n == "secrets" {
			chunk = 100
		}
		var bs, ws []float64
		for round := 0; round < 200; round++ {
			t0 := time.Now()
			for i := 0; i < chunk; i++ {
				b()
			}
			t1 := time.Now()
			for i := 0; i < chunk; i++ {
				w()
			}
			t2 := time.Now()
			bs = append(bs, float64(t1.Sub(t0).Nanoseconds())/float64(chunk))
			ws = append(ws, float64(t2.Sub(t1).Nanoseconds())/float64(chunk))
		}
		sort.Float64s(bs)
		sort.Float64s(ws)
		q := func(s []float64, p float64) float64 { return s[int(p*float64(len(s)-1))] }
		t.Logf("%-9s bare p10 %8.1f med %8.1f | wrapped p10 %8.1f med %8.1f | ratio p10 %.2f med %.2f",
			n, q(bs, .1), q(bs, .5), q(ws, .1), q(ws, .5), q(ws, .1)/q(bs, .1), q(ws, .5)/q(bs, .5))
	}
}
