package slogredact_test

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/logredact/logredact/slogredact"
)

// nopHandler isolates the wrapper's own cost from any real handler's.
type nopHandler struct{}

func (nopHandler) Enabled(context.Context, slog.Level) bool  { return true }
func (nopHandler) Handle(context.Context, slog.Record) error { return nil }
func (h nopHandler) WithAttrs([]slog.Attr) slog.Handler      { return h }
func (h nopHandler) WithGroup(string) slog.Handler           { return h }

// BenchmarkOverhead measures what the wrapper adds to one clean record, per
// kind of attribute, with a handler that does nothing. Since that handler is
// not a *slog.JSONHandler, values of kind Any are checked in both their JSON
// and their fmt forms here.
func BenchmarkOverhead(b *testing.B) {
	ctx := context.Background()
	h := slogredact.NewHandler(nopHandler{}, testRedactor)
	cases := []struct {
		name  string
		attrs []slog.Attr
	}{
		{"message", nil},
		{"8-ints", []slog.Attr{slog.Int("method", 1), slog.Int("path", 2), slog.Int("status", 3),
			slog.Int("bytes", 4), slog.Int("started", 5), slog.Int("elapsed", 6), slog.Int("error", 7), slog.Int("user", 8)}},
		{"1-string", []slog.Attr{slog.String("path", "/api/v1/users/42")}},
		{"1-error", []slog.Attr{slog.Any("error", errors.New("upstream: connection reset by peer"))}},
		{"1-struct", []slog.Attr{slog.Any("user", slogUser{ID: 42, Name: "Ada", Roles: []string{"admin", "ops"}})}},
		{"1-time", []slog.Attr{slog.Time("t", time.Unix(1, 0))}},
	}
	for _, c := range cases {
		rec := slog.NewRecord(time.Now(), slog.LevelInfo, "request handled", 0)
		rec.AddAttrs(c.attrs...)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = h.Handle(ctx, rec)
			}
		})
	}
}

var benchKeys = []string{"method", "path", "status", "bytes", "started", "elapsed", "error", "user"}

// BenchmarkKeyChecks is what checking the keys of BenchmarkOverhead/8-ints
// would cost the engine without the wrapper's key cache: every key scanned
// by the patterns and checked for sensitivity.
func BenchmarkKeyChecks(b *testing.B) {
	b.Run("String", func(b *testing.B) {
		for b.Loop() {
			for _, k := range benchKeys {
				_ = testRedactor.String(k)
			}
		}
	})
	b.Run("IsSensitiveKey", func(b *testing.B) {
		for b.Loop() {
			for _, k := range benchKeys {
				_ = testRedactor.IsSensitiveKey(k)
			}
		}
	})
}
