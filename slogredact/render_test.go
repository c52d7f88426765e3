package slogredact_test

import (
	"bytes"
	"context"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/slogredact"
)

// textOnlySecret renders safely as String and JSON, but MarshalText, which
// the text handler calls first, returns a secret.
type textOnlySecret struct{ secret string }

func (v textOnlySecret) String() string               { return "safe" }
func (v textOnlySecret) MarshalJSON() ([]byte, error) { return []byte(`"safe"`), nil }
func (v textOnlySecret) MarshalText() ([]byte, error) { return []byte("token " + v.secret), nil }

// textOnlyError is textOnlySecret as an error: Error is safe.
type textOnlyError struct{ secret string }

func (e textOnlyError) Error() string                { return "safe" }
func (e textOnlyError) MarshalText() ([]byte, error) { return []byte("token " + e.secret), nil }

// flip answers "fine" the first time one of its methods is called and with
// a secret every time after, counting the calls. Its state sits behind a
// pointer, which fmt prints as an address: only the methods show the
// secret.
type flip struct{ st *flipState }

type flipState struct {
	calls  atomic.Int32
	secret string
}

func newFlip() flip { return flip{st: &flipState{secret: ghToken}} }

func (f flip) next() string {
	if f.st.calls.Add(1) == 1 {
		return "fine"
	}
	return "token " + f.st.secret
}

// reset makes the next call answer "fine" again.
func (f flip) reset() { f.st.calls.Store(0) }

type flipJSON struct{ flip }

func (f flipJSON) MarshalJSON() ([]byte, error) { return json.Marshal(f.next()) }

type flipText struct{ flip }

func (f flipText) MarshalText() ([]byte, error) { return []byte(f.next()), nil }

type flipString struct{ flip }

func (f flipString) String() string { return f.next() }

type flipError struct{ flip }

func (f flipError) Error() string { return f.next() }

// flipField holds a flipping value below the top level.
type flipField struct {
	Name string
	V    flipJSON
}

// Values holding byte slices, which encoding/json writes as base64 and fmt
// as numbers.
type withBytes struct {
	Note string
	Body []byte
}

type withArray struct{ Key [40]byte }

type withHidden struct {
	Name string
	body []byte
}

type withSensitive struct {
	Name     string
	Password []byte
}

type nestedBytes struct {
	Inner *withBytes
	List  []withBytes
	M     map[string]any
}

type cyclic struct {
	B    []byte
	Next *cyclic
}

var (
	b64Run  = regexp.MustCompile(`[A-Za-z0-9+/]{8,}={0,2}`)
	numList = regexp.MustCompile(`\[(\d{1,3}(?:[ ,]\d{1,3})+)\]`)
)

// requireNoEncodedSecret fails if out holds a secret as text, as base64 or
// as a list of byte values: the forms encoding/json and fmt give bytes.
func requireNoEncodedSecret(t *testing.T, out string) {
	t.Helper()
	requireNoSecret(t, out)
	var decoded []string
	for _, run := range b64Run.FindAllString(out, -1) {
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding} {
			if b, err := enc.DecodeString(run); err == nil {
				decoded = append(decoded, string(b))
			}
		}
	}
	for _, m := range numList.FindAllStringSubmatch(out, -1) {
		var b []byte
		for _, n := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ' ' || r == ',' }) {
			v, _ := strconv.Atoi(n)
			b = append(b, byte(v))
		}
		decoded = append(decoded, string(b))
	}
	for _, d := range decoded {
		for _, s := range allSecrets {
			require.NotContains(t, d, s, "secret leaked encoded in %s", out)
		}
	}
}

// renderings returns every text a handler could make of v: fmt's verbs,
// String, Error, MarshalText and MarshalJSON.
func renderings(t *testing.T, v slog.Value) []string {
	t.Helper()
	if v.Kind() != slog.KindAny {
		return []string{v.String()}
	}
	x := v.Any()
	out := []string{fmt.Sprintf("%+v", x), fmt.Sprintf("%v", x), fmt.Sprintf("%s", x), fmt.Sprintf("%q", x), v.String()}
	if e, ok := x.(error); ok {
		out = append(out, e.Error())
	}
	if tm, ok := x.(encoding.TextMarshaler); ok {
		b, err := tm.MarshalText()
		require.NoError(t, err)
		out = append(out, string(b))
	}
	b, err := json.Marshal(x)
	require.NoError(t, err)
	return append(out, string(b))
}

// TestTextMarshaler checks that the text handler's MarshalText, called
// before String or fmt, is what is checked.
func TestTextMarshaler(t *testing.T) {
	cases := []struct {
		name string
		v    any
		json string // the value as the JSON handler writes it
	}{
		{"value", textOnlySecret{ghToken}, `"safe"`},
		{"pointer", &textOnlySecret{ghToken}, `"safe"`},
		{"error", textOnlyError{ghToken}, `"safe"`},
	}
	for _, c := range cases {
		for _, f := range formats {
			t.Run(f.name+"/"+c.name, func(t *testing.T) {
				l, buf := newLogger(f, testRedactor)
				l.Info("m", "v", c.v)
				out := buf.String()
				requireNoSecret(t, out)
				if f.name == "json" {
					assert.Contains(t, out, `"v":`+c.json)
				} else {
					assert.Contains(t, out, `v="token `+mask+`"`)
				}
			})
		}
		t.Run("any-handler/"+c.name, func(t *testing.T) {
			// A handler the wrapper does not know may use any rendering.
			h := newCapture()
			slog.New(slogredact.NewHandler(h, testRedactor)).Info("m", "v", c.v)
			v := attrsOf(h.last(t))["v"]
			if _, isErr := c.v.(error); isErr {
				_, ok := v.Any().(error)
				assert.True(t, ok, "an error stays an error, got %T", v.Any())
			}
			for _, s := range renderings(t, v) {
				requireNoSecret(t, s)
			}
		})
	}
}

// TestOneEvaluation checks that a method answering differently the second
// time cannot get its second answer written: each rendering the handler
// uses is produced once, checked, and that is what is written.
func TestOneEvaluation(t *testing.T) {
	cases := []struct {
		name string
		mk   func() (any, *atomic.Int32)
		// once lists the formats whose handler calls the method (the
		// method must then run exactly once).
		once []string
	}{
		{"marshal-json", func() (any, *atomic.Int32) { f := newFlip(); return flipJSON{f}, &f.st.calls }, []string{"json"}},
		{"marshal-json-field", func() (any, *atomic.Int32) {
			f := newFlip()
			return flipField{Name: "a", V: flipJSON{f}}, &f.st.calls
		}, []string{"json"}},
		{"marshal-text", func() (any, *atomic.Int32) { f := newFlip(); return flipText{f}, &f.st.calls }, []string{"json", "text"}},
		{"string", func() (any, *atomic.Int32) { f := newFlip(); return flipString{f}, &f.st.calls }, []string{"text"}},
		{"error", func() (any, *atomic.Int32) { f := newFlip(); return flipError{f}, &f.st.calls }, []string{"json", "text"}},
		{"log-valuer", func() (any, *atomic.Int32) {
			f := newFlip()
			return flipValuer{f}, &f.st.calls
		}, []string{"json", "text"}},
	}
	for _, c := range cases {
		for _, f := range formats {
			t.Run(f.name+"/"+c.name, func(t *testing.T) {
				l, buf := newLogger(f, testRedactor)
				v, calls := c.mk()
				l.Info("m", "v", v)
				requireNoSecret(t, buf.String())
				for _, o := range c.once {
					if o == f.name {
						assert.EqualValues(t, 1, calls.Load(), "method calls")
						assert.Contains(t, buf.String(), "fine", "the first answer is written")
					}
				}
			})
		}
		t.Run("any-handler/"+c.name, func(t *testing.T) {
			h := newCapture()
			v, _ := c.mk()
			slog.New(slogredact.NewHandler(h, testRedactor)).Info("m", "v", v)
			got := attrsOf(h.last(t))["v"]
			for range 2 {
				for _, s := range renderings(t, got) {
					requireNoSecret(t, s)
				}
			}
		})
	}
}

type flipValuer struct{ flip }

func (f flipValuer) LogValue() slog.Value { return slog.StringValue(f.next()) }

// TestBytesInside checks byte slices and arrays inside structs, maps,
// slices and pointers, which encoding/json writes as base64 and fmt as
// numbers: their bytes are checked and a secret in them is redacted.
func TestBytesInside(t *testing.T) {
	tok := []byte("token " + ghToken)
	var arr [40]byte
	copy(arr[:], ghToken)
	loop := &cyclic{B: tok}
	loop.Next = loop
	cases := []struct {
		name string
		v    any
		// want is what the JSON handler writes for the value, when set.
		want string
	}{
		{"struct", withBytes{Note: "n", Body: tok}, `{"Note":"n","Body":"token [REDACTED]"}`},
		{"pointer", &withBytes{Note: "n", Body: tok}, `{"Note":"n","Body":"token [REDACTED]"}`},
		{"map", map[string]any{"body": tok, "n": 1}, `{"body":"token [REDACTED]","n":1}`},
		{"slice", []any{"a", tok}, `["a","token [REDACTED]"]`},
		{"byte-slices", [][]byte{[]byte("ok"), tok}, `["b2s=","token [REDACTED]"]`},
		{"array", withArray{Key: arr}, `{"Key":"[REDACTED]"}`},
		{"unexported", withHidden{Name: "a", body: tok}, `{"Name":"a"}`},
		{"sensitive-key", withSensitive{Name: "a", Password: []byte(keyOnly)}, `{"Name":"a","Password":"[REDACTED]"}`},
		{"sensitive-map-key", map[string]any{"apiKey": []byte(keyOnly)}, `{"apiKey":"[REDACTED]"}`},
		{"nested", nestedBytes{
			Inner: &withBytes{Body: tok},
			List:  []withBytes{{Note: "x"}, {Body: tok}},
			M:     map[string]any{"k": withBytes{Body: tok}},
		}, ""},
		// The cycle is cut by the marker where it closes.
		{"cycle", loop, `{"B":"token [REDACTED]","Next":"[REDACTED]"}`},
	}
	for _, c := range cases {
		for _, f := range formats {
			t.Run(f.name+"/"+c.name, func(t *testing.T) {
				l, buf := newLogger(f, testRedactor)
				require.NotPanics(t, func() { l.Info("m", "v", c.v) })
				out := buf.String()
				requireNoEncodedSecret(t, out)
				if f.name == "json" && c.want != "" {
					want := c.want
					if want == mask {
						want = strconv.Quote(mask)
					}
					assert.Contains(t, out, `"v":`+want)
				}
			})
		}
		t.Run("any-handler/"+c.name, func(t *testing.T) {
			h := newCapture()
			slog.New(slogredact.NewHandler(h, testRedactor)).Info("m", "v", c.v)
			for _, s := range renderings(t, attrsOf(h.last(t))["v"]) {
				requireNoEncodedSecret(t, s)
			}
		})
	}
}

// TestStructuredText checks that a string or []byte holding a JSON
// document is redacted key-aware: the values under sensitive keys go, even
// though no pattern would find them. This relies on the core (r.String).
func TestStructuredText(t *testing.T) {
	v1, v2, v3 := "first"+keyOnly, "second"+keyOnly, "third"+keyOnly
	doc := `{"credentials":{"value":"` + v1 + `"},"creds":["` + v2 + `"],"pgpassword":"` + v3 + `","user":"ada"}`
	cases := map[string]any{
		"string": doc,
		"bytes":  []byte(doc),
		"field":  withBytes{Note: doc},
	}
	for name, v := range cases {
		for _, f := range formats {
			t.Run(f.name+"/"+name, func(t *testing.T) {
				l, buf := newLogger(f, testRedactor)
				l.Info("req", "body", v)
				out := buf.String()
				if f.name == "json" {
					if _, ok := v.([]byte); ok {
						// The JSON handler writes []byte as base64.
						m := decodeJSON(t, out)
						raw, err := base64.StdEncoding.DecodeString(m["body"].(string))
						require.NoError(t, err)
						out = string(raw)
					}
				}
				for _, s := range []string{v1, v2, v3} {
					assert.NotContains(t, out, s)
				}
				assert.Contains(t, out, "ada")
			})
		}
	}
}

// TestCleanKept checks that clean values whose renderings call methods,
// and clean values holding bytes, are written as the bare handler writes
// them.
func TestCleanKept(t *testing.T) {
	vals := []func() any{
		func() any { return textOnlySecret{"nothing"} },
		func() any { return textOnlyError{"nothing"} },
		func() any { return flipJSON{newFlip()} },
		func() any { return flipString{newFlip()} },
		func() any { return withBytes{Note: "n", Body: []byte("hello")} },
		func() any { return map[string]any{"b": []byte("hello"), "n": 1} },
		func() any { return []any{"a", 1, []byte("x")} },
		func() any { return withHidden{Name: "a", body: []byte("b")} },
	}
	for _, f := range formats {
		for i, mk := range vals {
			t.Run(fmt.Sprintf("%s/%d", f.name, i), func(t *testing.T) {
				// One value for both loggers (fmt prints addresses), its
				// flip reset in between.
				v := mk()
				bl, bbuf := bareLogger(f)
				wl, wbuf := newLogger(f, testRedactor)
				bl.Info("m", "v", v)
				if r, ok := v.(interface{ reset() }); ok {
					r.reset()
				}
				wl.Info("m", "v", v)
				assert.Equal(t, bbuf.String(), wbuf.String())
			})
		}
	}
}

// TestCleanBytesAllocs holds a clean struct holding bytes to the bare JSON
// handler's allocations: the walk over it allocates nothing.
func TestCleanBytesAllocs(t *testing.T) {
	if race.Enabled {
		t.Skip("allocation counts are not meaningful under the race detector")
	}
	ctx := context.Background()
	v := withBytes{Note: "n", Body: []byte("hello world")}
	bare := slog.New(slog.NewJSONHandler(io.Discard, nil))
	wrapped := slog.New(slogredact.NewHandler(slog.NewJSONHandler(io.Discard, nil), testRedactor))
	b := testing.AllocsPerRun(200, func() { bare.LogAttrs(ctx, slog.LevelInfo, "m", slog.Any("v", v)) })
	w := testing.AllocsPerRun(200, func() { wrapped.LogAttrs(ctx, slog.LevelInfo, "m", slog.Any("v", v)) })
	assert.LessOrEqual(t, w, b)
}

// TestErrorKeptWithBytes checks that an error holding a secret in bytes it
// does not print stays an error and prints nothing of them.
func TestErrorKeptWithBytes(t *testing.T) {
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			l, buf := newLogger(f, testRedactor)
			err := bytesError{body: []byte("token " + ghToken)}
			l.Info("m", "err", err, "wrapped", fmt.Errorf("ctx: %w", err))
			requireNoEncodedSecret(t, buf.String())
		})
	}
	h := newCapture()
	slog.New(slogredact.NewHandler(h, testRedactor)).Info("m", "err", bytesError{body: []byte("token " + ghToken)})
	e, ok := attrsOf(h.last(t))["err"].Any().(error)
	require.True(t, ok)
	assert.True(t, errors.Is(e, errBytes))
}

var errBytes = errors.New("bytes")

type bytesError struct{ body []byte }

func (e bytesError) Error() string        { return "request failed: " + fmt.Sprint(e.body) }
func (e bytesError) Is(target error) bool { return target == errBytes }

// TestRenderingsFrozen checks with a handler that keeps what it is given
// that a redacted value renders the same each time, whatever the verb.
func TestRenderingsFrozen(t *testing.T) {
	h := newCapture()
	l := slog.New(slogredact.NewHandler(h, testRedactor))
	l.Info("m", "v", flipString{newFlip()}, "e", flipError{newFlip()})
	as := attrsOf(h.last(t))
	for _, k := range []string{"v", "e"} {
		first := renderings(t, as[k])
		assert.Equal(t, first, renderings(t, as[k]), k)
		assert.Contains(t, first[0], "fine")
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d %x", as["v"].Any(), as["e"].Any())
	assert.Equal(t, "fine fine", b.String())
}
