//go:build !binary_log

package zerologredact_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/zerologredact"
)

// withEncoders installs the walker's encoders in zerolog for the test and
// puts zerolog's back after it. The tests of this package that use it do
// not run in parallel: the encoders are zerolog's globals.
func withEncoders(t *testing.T, r *redact.Redactor) {
	t.Helper()
	m, e := zerolog.InterfaceMarshalFunc, zerolog.ErrorMarshalFunc
	t.Cleanup(func() { zerolog.InterfaceMarshalFunc, zerolog.ErrorMarshalFunc = m, e })
	zerolog.InterfaceMarshalFunc = zerologredact.InterfaceMarshalFunc(r)
	zerolog.ErrorMarshalFunc = zerologredact.ErrorMarshalFunc(r)
}

type marshalUser struct {
	ID    int      `json:"id"`
	Name  string   `json:"name"`
	Roles []string `json:"roles,omitempty"`
}

type marshalTagged struct {
	Name string
	PIN  string `redact:"true"`
	Note string `redact:"-"`
}

type marshalBody struct {
	Path string
	Body []byte
}

type panicJSON struct{ A int }

func (panicJSON) MarshalJSON() ([]byte, error) { panic("MarshalJSON sees " + testGH) }

type cycle struct {
	Note string
	Next *cycle
}

func TestInterfaceMarshalFunc(t *testing.T) {
	r := testRedactor(t)
	enc := zerologredact.InterfaceMarshalFunc(r)
	loop := &cycle{Note: "token " + testGH}
	loop.Next = loop
	for _, tc := range []struct {
		name string
		v    any
		want string // the JSON written; "" for "same as encoding/json"
		gone []string
	}{
		{name: "clean struct", v: marshalUser{ID: 1, Name: "ada", Roles: []string{"admin"}}},
		{name: "clean map", v: map[string]any{"b": 2, "a": "x"}},
		{name: "nil", v: nil},
		{name: "number", v: 42},
		{name: "bytes in a struct", v: marshalBody{Path: "/x", Body: []byte("token " + testGH)},
			want: `{"Path":"/x","Body":"token [REDACTED]"}`, gone: []string{testGH}},
		{name: "tags", v: marshalTagged{Name: "ada", PIN: "pin-" + "4711", Note: "n"},
			want: `{"Name":"ada","PIN":"[REDACTED]"}`, gone: []string{"pin-4711"}},
		{name: "secret type", v: map[string]any{"k": redact.NewSecret("s3cr" + "et-value")},
			want: `{"k":"[REDACTED]"}`, gone: []string{"s3cret-value"}},
		{name: "panicking MarshalJSON", v: panicJSON{}, want: `"[REDACTED]"`, gone: []string{testGH}},
		{name: "cycle", v: loop, gone: []string{testGH}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []byte
			var err error
			require.NotPanics(t, func() { got, err = enc(tc.v) })
			require.NoError(t, err)
			require.True(t, json.Valid(got), "%s", got)
			for _, s := range tc.gone {
				assert.NotContains(t, string(got), s)
			}
			switch {
			case tc.want != "":
				assert.JSONEq(t, tc.want, string(got))
			case tc.gone == nil:
				want, err := json.Marshal(tc.v)
				require.NoError(t, err)
				assert.Empty(t, cmp.Diff(string(want), string(got)), "a clean value is encoded as encoding/json does")
			default:
				assert.Contains(t, string(got), r.Marker())
			}
		})
	}
	_, err := enc(make(chan int))
	assert.Error(t, err, "what encoding/json cannot encode is its error, as with zerolog's default")
}

func TestErrorMarshalFunc(t *testing.T) {
	r := testRedactor(t)
	enc := zerologredact.ErrorMarshalFunc(r)
	assert.Nil(t, enc(nil))
	plain := errors.New("connection refused")
	assert.Same(t, plain, enc(plain), "a clean errors.New error is passed on")

	wrapped := fmt.Errorf("open config with token %s: %w", testGH, fs.ErrNotExist)
	got, ok := enc(wrapped).(error)
	require.True(t, ok)
	assert.NotContains(t, got.Error(), testGH)
	assert.Contains(t, got.Error(), r.Marker())
	assert.ErrorIs(t, got, fs.ErrNotExist)

	var out bytes.Buffer
	withEncoders(t, r)
	l := zerolog.New(zerologredact.NewWriter(&out, r))
	require.NotPanics(t, func() { l.Info().Err(panicky{}).Send() })
	require.NotPanics(t, func() { l.Info().Errs("all", []error{panicky{}, plain}).Send() })
	require.NotPanics(t, func() { l.Info().Interface("v", panicJSON{}).Send() })
	assert.NotContains(t, out.String(), testGH)
	assert.Equal(t, 3, bytes.Count(out.Bytes(), []byte(r.Marker())), out.String())
}

func TestEncodersNilRedactor(t *testing.T) {
	got, err := zerologredact.InterfaceMarshalFunc(nil)(marshalBody{Body: []byte("token " + testGH)})
	require.NoError(t, err)
	assert.NotContains(t, string(got), testGH)
	red, ok := zerologredact.ErrorMarshalFunc(nil)(errors.New("token " + testGH)).(error)
	require.True(t, ok)
	assert.NotContains(t, red.Error(), testGH)
}
