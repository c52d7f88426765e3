package slogredact_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/logredact/logredact/slogredact"
)

func BenchmarkTmpNoStruct(b *testing.B) {
	ctx := context.Background()
	fields := []slog.Attr{
		slog.String("method", "GET"), slog.String("path", "/api/v1/users/42"), slog.Int("status", 200),
		slog.Int64("bytes", 5120), slog.Time("started", time.Date(2026, 11, 27, 13, 0, 0, 0, time.UTC)),
		slog.Duration("elapsed", 1532*time.Microsecond), slog.Any("error", errors.New("upstream: connection reset by peer")),
	}
	l := slog.New(slogredact.NewHandler(slog.NewJSONHandler(io.Discard, nil), testRedactor))
	for b.Loop() {
		l.LogAttrs(ctx, slog.LevelInfo, "request handled", fields...)
	}
}
