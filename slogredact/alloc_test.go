package slogredact_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/slogredact"
)

// TestCleanAllocs holds the clean path to no allocation beyond the JSON
// handler's, for every kind of value but maps: checking a map means encoding
// it once more, and encoding/json allocates to sort a map's keys.
func TestCleanAllocs(t *testing.T) {
	if race.Enabled {
		t.Skip("allocation counts are not meaningful under the race detector")
	}
	r := redact.MustNew()
	ctx := context.Background()
	cases := map[string][]slog.Attr{
		"message": nil,
		"scalars": {slog.Int("status", 200), slog.String("method", "GET"), slog.Bool("ok", true),
			slog.Float64("f", 1.5), slog.Time("t", time.Unix(1, 0)), slog.Duration("d", time.Second)},
		// Weak names with values that do not look like credentials.
		"weak-keys": {slog.Int("token", 123456), slog.String("auth", "SIMPLE"), slog.Bool("session", true),
			slog.Float64("sid", 1.5), slog.Time("ticket", time.Unix(1, 0))},
		"error":  {slog.Any("err", errors.New("connection reset"))},
		"struct": {slog.Any("user", slogUser{ID: 1, Name: "ada", Roles: []string{"admin"}})},
		"bytes":  {slog.Any("b", []byte("hello"))},
		"group":  {slog.Group("req", slog.String("method", "GET"), slog.Group("inner", slog.Int("n", 1)))},
		"many": {slog.Int("a", 1), slog.Int("b", 2), slog.Int("c", 3), slog.Int("d", 4),
			slog.Int("e", 5), slog.Int("f", 6), slog.Int("g", 7)},
	}
	for name, attrs := range cases {
		t.Run(name, func(t *testing.T) {
			bare := slog.New(slog.NewJSONHandler(io.Discard, nil)).With("svc", "api").WithGroup("g")
			wrapped := slog.New(slogredact.NewHandler(slog.NewJSONHandler(io.Discard, nil), r)).With("svc", "api").WithGroup("g")
			b := testing.AllocsPerRun(200, func() { bare.LogAttrs(ctx, slog.LevelInfo, "request handled", attrs...) })
			w := testing.AllocsPerRun(200, func() { wrapped.LogAttrs(ctx, slog.LevelInfo, "request handled", attrs...) })
			assert.LessOrEqual(t, w, b, "wrapped allocations per clean record")
		})
	}
}
