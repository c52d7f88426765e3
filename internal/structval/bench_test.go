package structval

import (
	"testing"

	"github.com/logredact/logredact/redact"
)

// BenchmarkCleanStruct is the pre-scan of a small clean struct, the slog
// fields scenario's slog.Any("user", …).
func BenchmarkCleanStruct(b *testing.B) {
	w := For(redact.MustNew())
	var v any = user{ID: 42, Name: "Ada", Roles: []string{"admin", "ops"}}
	b.ReportAllocs()
	for b.Loop() {
		w.Value(v, "user", redact.KeyNotSensitive, JSON)
	}
}
