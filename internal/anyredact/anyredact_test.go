package anyredact_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"

	"github.com/logredact/logredact/internal/anyredact"
	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/redact"
)

type user struct {
	Name     string `json:"name"`
	Password string `json:"password"`
	Note     string `json:"note"`
}

type failing struct{}

func (failing) MarshalJSON() ([]byte, error) { return nil, errors.New("boom") }

type panicking struct{}

func (panicking) MarshalJSON() ([]byte, error) { panic("boom") }

func TestValue(t *testing.T) {
	r := redact.MustNew()
	pw := "Zq7" + "-harbor-Vine"
	url := "postgres://app:" + pw + "@db:5432/x"

	tests := []struct {
		name    string
		in      any
		want    any
		changed bool
	}{
		{"clean struct is returned as is", user{Name: "ann"}, user{Name: "ann"}, false},
		{"sensitive key masked, the rest kept", user{Name: "ann", Password: pw, Note: "hi"},
			map[string]any{"name": "ann", "password": "[REDACTED]", "note": "hi"}, true},
		{"pattern inside a value", map[string]any{"dsn": url, "n": 3},
			map[string]any{"dsn": "postgres://app:[REDACTED]@db:5432/x", "n": json.Number("3")}, true},
		{"slice stays a slice", []string{"ok", url},
			[]any{"ok", "postgres://app:[REDACTED]@db:5432/x"}, true},
		{"encoding error fails closed", failing{}, "[REDACTED]", true},
		{"panic fails closed", panicking{}, "[REDACTED]", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, changed := anyredact.Value(r, tt.in)
			assert.Equal(t, tt.changed, changed)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("Value mismatch (-want +got):\n%s", diff)
			}
			b, _ := json.Marshal(got)
			assert.False(t, strings.Contains(string(b), pw), "secret survived: %s", b)
		})
	}
}

func TestValueCleanAllocs(t *testing.T) {
	// Only encoding/json's own allocations remain on the clean path (2 for
	// a small struct; there were 4 before the buffers were pooled): the
	// encoding and its checked copy come from a pool.
	if race.Enabled {
		t.Skip("sync.Pool drops items at random under the race detector")
	}
	r := redact.MustNew()
	u := user{Name: "ann", Note: "hello"}
	allocs := testing.AllocsPerRun(200, func() { anyredact.Value(r, u) })
	assert.LessOrEqual(t, allocs, 2.0)
}
