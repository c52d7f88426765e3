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

type blobs struct {
	Note string `json:"note"`
	Body []byte `json:"body"`
}

type keyed struct {
	Name   string `json:"name"`
	Secret []byte `json:"client_secret"`
}

type arrays struct{ Key [40]byte }

type loop struct {
	B    []byte
	Next *loop
}

type marshalsText struct{ calls *int }

func (m marshalsText) MarshalText() ([]byte, error) { *m.calls++; return []byte("x"), nil }

// TestValueBytes checks byte slices and arrays inside values, which
// encoding/json writes as base64 or numbers: their bytes are checked.
func TestValueBytes(t *testing.T) {
	r := redact.MustNew()
	// Built at run time; varied, as the catalog's entropy checks expect.
	tok := "ghp_" + "Zx9Qw3Er5Ty7Ui1Op2As4" + "Df6Gh8Jk0LmNbVcX"[:15]
	body := []byte("token " + tok)
	var arr [40]byte
	copy(arr[:], tok)
	cyc := &loop{B: body}
	cyc.Next = cyc
	tests := []struct {
		name string
		in   any
		want any
	}{
		{"struct", blobs{Note: "n", Body: body}, map[string]any{"note": "n", "body": "token [REDACTED]"}},
		{"pointer", &blobs{Body: body}, map[string]any{"note": "", "body": "token [REDACTED]"}},
		{"map", map[string]any{"b": body}, map[string]any{"b": "token [REDACTED]"}},
		{"slice", []any{1, body}, []any{json.Number("1"), "token [REDACTED]"}},
		{"array", arrays{Key: arr}, map[string]any{"Key": "[REDACTED]"}},
		{"sensitive key", keyed{Name: "a", Secret: []byte("plain")}, map[string]any{"name": "a", "client_secret": "[REDACTED]"}},
		{"cycle fails closed", cyc, "[REDACTED]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, changed := anyredact.Value(r, tt.in)
			assert.True(t, changed)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("Value mismatch (-want +got):\n%s", diff)
			}
		})
	}

	clean := blobs{Note: "n", Body: []byte("hello")}
	got, changed := anyredact.Value(r, clean)
	assert.False(t, changed)
	assert.Equal(t, clean, got)
}

func TestInspect(t *testing.T) {
	r := redact.MustNew()
	n := 0
	assert.False(t, anyredact.Inspect(r, user{}).CallsJSON)
	assert.False(t, anyredact.Inspect(r, errors.New("x")).CallsText, "errors.New renders a stored message")
	in := anyredact.Inspect(r, []any{marshalsText{&n}})
	assert.True(t, in.CallsJSON, "a MarshalText behind an interface")
	assert.True(t, in.CallsText)
	assert.Zero(t, n, "Inspect calls no method")
	in = anyredact.Inspect(r, blobs{Body: []byte("hello")})
	assert.False(t, in.Dirty())
}

func TestValueCleanBytesAllocs(t *testing.T) {
	if race.Enabled {
		t.Skip("sync.Pool drops items at random under the race detector")
	}
	r := redact.MustNew()
	v := blobs{Note: "n", Body: []byte("hello world")}
	allocs := testing.AllocsPerRun(200, func() { anyredact.Value(r, v) })
	assert.LessOrEqual(t, allocs, 2.0, "the walk over the bytes allocates nothing")
}
