package slogredact_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/logredact/logredact/slogredact"
)

type cpuUser struct {
	ID    int      `json:"id"`
	Name  string   `json:"name"`
	Email string   `json:"email"`
	Roles []string `json:"roles"`
}

func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1, &ru) // RUSAGE_THREAD
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestTmpCPU(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	ctx := context.Background()
	fields := []slog.Attr{
		slog.String("method", "GET"), slog.String("path", "/api/v1/users/42"), slog.Int("status", 200),
		slog.Int64("bytes", 5120), slog.Time("started", time.Date(2026, 11, 27, 13, 0, 0, 0, time.UTC)),
		slog.Duration("elapsed", 1532*time.Microsecond), slog.Any("error", errors.New("upstream: connection reset by peer")),
		slog.Any("user", cpuUser{ID: 42, Name: "Ada", Email: "ada@example.com", Roles: []string{"admin", "ops"}}),
	}
	mk := func(w bool) *slog.Logger {
		var h slog.Handler = slog.NewJSONHandler(io.Discard, nil)
		if w {
			h = slogredact.NewHandler(h, testRedactor)
		}
		return slog.New(h)
	}
	noStruct := fields[:7]
	scen := map[string]func(l *slog.Logger) func(){
		"nostruct": func(l *slog.Logger) func() { return func() { l.LogAttrs(ctx, slog.LevelInfo, "request handled", noStruct...) } },
		"struct": func(l *slog.Logger) func() { return func() { l.LogAttrs(ctx, slog.LevelInfo, "request handled", fields[7]) } },
		"message": func(l *slog.Logger) func() { return func() { l.LogAttrs(ctx, slog.LevelInfo, "request handled") } },
		"fields":  func(l *slog.Logger) func() { return func() { l.LogAttrs(ctx, slog.LevelInfo, "request handled", fields...) } },
		"context": func(l *slog.Logger) func() {
			cl := l.With(slog.String("service", "users"), slog.String("request_id", "7f3a9c"), slog.Int("shard", 3)).WithGroup("http")
			return func() { cl.LogAttrs(ctx, slog.LevelInfo, "request handled", slog.Int("status", 200), slog.String("method", "GET")) }
		},
	}
	const n = 200000
	for _, name := range []string{"message", "fields", "nostruct", "struct", "context"} {
		var best [2]time.Duration
		for rep := 0; rep < 5; rep++ {
			for v := 0; v < 2; v++ {
				f := scen[name](mk(v == 1))
				for i := 0; i < 1000; i++ {
					f()
				}
				st := threadCPU()
				for i := 0; i < n; i++ {
					f()
				}
				d := (threadCPU() - st) / n
				if best[v] == 0 || d < best[v] {
					best[v] = d
				}
			}
		}
		t.Logf("%-8s bare %v wrapped %v ratio %.2f", name, best[0], best[1], float64(best[1])/float64(best[0]))
	}
}
