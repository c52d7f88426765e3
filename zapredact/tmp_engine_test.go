package zapredact

import (
	"errors"
	"strings"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/redact"
)

type tmpUser struct{}

func (tmpUser) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("name", "Jane Doe")
	enc.AddString("email", "jane@example.com")
	enc.AddInt64("createdAt", 12345678)
	return nil
}

func BenchmarkTmpEngine(b *testing.B) {
	r := redact.MustNew()
	msg := "Request handled, response sent to the client"
	b.Run("String/msg", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_ = r.String(msg)
		}
	})
	for _, k := range []string{"status", "path", "elapsed", "createdAt", "error"} {
		b.Run("IsSensitiveKey/"+k, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				_ = r.IsSensitiveKey(k)
			}
		})
	}
	b.Run("String/GET", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_ = r.String("GET")
		}
	})
	pw := "s3cr3t" + "Pa55"
	for name, s := range map[string]string{
		"url":    "connecting to postgres://app:" + pw + "@db:5432/x",
		"ghp":    "ghp_" + strings.Repeat("x", 36),
		"bearer": "Authorization: Bearer eyJ" + strings.Repeat("aZ9", 13),
	} {
		b.Run("String/secret-"+name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				_ = r.String(s)
			}
		})
	}
	c := newCore(zapcore.NewNopCore(), r, "")
	err := errors.New("connection reset by peer")
	tm := time.Now()
	b.Run("hook/fields", func(b *testing.B) {
		b.ReportAllocs()
		fs := []zap.Field{
			zap.Int("status", 200), zap.Int64("bytes", 5123), zap.String("method", "GET"),
			zap.String("path", "/api/v1/orders/42"), zap.Time("start", tm), zap.Duration("elapsed", time.Millisecond),
			zap.Error(err), zap.Object("user", tmpUser{}),
		}
		ent := zapcore.Entry{Message: msg}
		for i := 0; i < b.N; i++ {
			c.before(ent, fs)
		}
	})
	b.Run("inspect/user", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			inspectObject(r, tmpUser{}, false)
		}
	})
}
