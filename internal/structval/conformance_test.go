package structval_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/logrusredact"
	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/slogredact"
	"github.com/logredact/logredact/zapredact"
	"github.com/logredact/logredact/zerologredact"
)

// The conformance test logs one table of values through the four adapters
// (and both renderings of slog and logrus) and holds them to one decision:
// a value holding a secret is redacted everywhere, a clean one nowhere,
// and no output holds a secret even after undoing JSON escapes, base64,
// hex and byte lists.

func confToken() string { return "ghp_" + strings.Repeat("Zq7R", 9) }

type confStringer struct{ Token string }

func (s confStringer) String() string { return "tok=" + s.Token }

type confTagged struct {
	Name string
	Pin  string `redact:"true"`
	Drop string `redact:"-"`
}

type confBytes struct {
	Name string
	Body []byte
}

type (
	d5 struct{ E string }
	d4 struct{ D d5 }
	d3 struct{ C d4 }
	d2 struct{ B d3 }
	d1 struct{ A d2 }
)

type confNode struct {
	Name string
	Next *confNode
}

type confPanic struct{ Note string }

func (confPanic) String() string               { panic("boom " + confToken()) }
func (confPanic) Error() string                { panic("boom " + confToken()) }
func (confPanic) MarshalJSON() ([]byte, error) { panic("boom " + confToken()) }

type confUser struct {
	ID    int      `json:"id"`
	Name  string   `json:"name"`
	Roles []string `json:"roles"`
}

type confRow struct {
	name    string
	v       any
	secrets []string // none may survive
	redact  bool     // the value must come out changed (the marker shows)
}

func confRows() []confRow {
	tok := confToken()
	cyc := &confNode{Name: "loop " + tok}
	cyc.Next = cyc
	return []confRow{
		{name: "string", v: "token " + tok, secrets: []string{tok}, redact: true},
		{name: "error", v: fmt.Errorf("dial with %s: %w", tok, context.Canceled), secrets: []string{tok}, redact: true},
		{name: "stringer", v: confStringer{Token: tok}, secrets: []string{tok}, redact: true},
		{name: "bytes", v: []byte("token " + tok), secrets: []string{tok}, redact: true},
		{name: "bytes in struct", v: confBytes{Name: "a", Body: []byte("token " + tok)}, secrets: []string{tok}, redact: true},
		{name: "tagged struct", v: confTagged{Name: "ada", Pin: "pin-4711-x", Drop: "drop-0815-y"},
			secrets: []string{"pin-4711-x", "drop-0815-y"}, redact: true},
		{name: "map with secret key", v: map[string]int{tok: 1, "n": 2}, secrets: []string{tok}, redact: true},
		{name: "map with sensitive key", v: map[string]any{"password": "pw-" + "Qx81-zzT", "user": "ada"},
			secrets: []string{"pw-Qx81-zzT"}, redact: true},
		{name: "nested 5 deep", v: d1{A: d2{B: d3{C: d4{D: d5{E: "token " + tok}}}}}, secrets: []string{tok}, redact: true},
		{name: "cyclic pointers", v: cyc, secrets: []string{tok}, redact: true},
		{name: "panicking methods", v: confPanic{Note: "n"}, secrets: []string{tok}, redact: true},
		{name: "secret", v: redact.NewSecret(tok), secrets: []string{tok}, redact: true},
		{name: "clean struct", v: confUser{ID: 1, Name: "ada", Roles: []string{"admin"}}},
		{name: "clean map", v: map[string]any{"a": 1, "b": "x"}},
	}
}

type confAdapter struct {
	name string
	log  func(r *redact.Redactor, key string, v any) string
}

func confAdapters() []confAdapter {
	slogWith := func(text bool) func(r *redact.Redactor, key string, v any) string {
		return func(r *redact.Redactor, key string, v any) string {
			var buf bytes.Buffer
			var h slog.Handler = slog.NewJSONHandler(&buf, nil)
			if text {
				h = slog.NewTextHandler(&buf, nil)
			}
			slog.New(slogredact.NewHandler(h, r)).Info("m", key, v)
			return buf.String()
		}
	}
	logrusWith := func(f logrus.Formatter) func(r *redact.Redactor, key string, v any) string {
		return func(r *redact.Redactor, key string, v any) string {
			var buf bytes.Buffer
			l := logrus.New()
			l.SetOutput(&buf)
			l.SetFormatter(logrusredact.NewFormatter(f, r))
			l.WithField(key, v).Info("m")
			return buf.String()
		}
	}
	return []confAdapter{
		{"slog-json", slogWith(false)},
		{"slog-text", slogWith(true)},
		{"zap", func(r *redact.Redactor, key string, v any) string {
			var buf bytes.Buffer
			core := zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), zapcore.AddSync(&buf), zap.DebugLevel)
			zap.New(zapredact.NewCore(core, r)).Info("m", zap.Any(key, v))
			return buf.String()
		}},
		{"logrus-json", logrusWith(&logrus.JSONFormatter{})},
		{"logrus-text", logrusWith(&logrus.TextFormatter{DisableColors: true})},
		{"zerolog", func(r *redact.Redactor, key string, v any) string {
			var buf bytes.Buffer
			// zerolog's encoders of values and errors are process-wide;
			// the adapter's setup installs the walker's for both.
			defer func(m func(any) ([]byte, error), e func(error) any) {
				zerolog.InterfaceMarshalFunc, zerolog.ErrorMarshalFunc = m, e
			}(zerolog.InterfaceMarshalFunc, zerolog.ErrorMarshalFunc)
			zerolog.InterfaceMarshalFunc = zerologredact.InterfaceMarshalFunc(r)
			zerolog.ErrorMarshalFunc = zerologredact.ErrorMarshalFunc(r)
			l := zerolog.New(zerologredact.NewWriter(&buf, r))
			switch x := v.(type) {
			case error:
				l.Info().AnErr(key, x).Msg("m")
			case []byte:
				l.Info().Bytes(key, x).Msg("m")
			case fmt.Stringer:
				l.Info().Stringer(key, x).Msg("m")
			default:
				l.Info().Interface(key, v).Msg("m")
			}
			return buf.String()
		}},
	}
}

func TestConformance(t *testing.T) {
	r := redact.MustNew()
	for _, row := range confRows() {
		for _, a := range confAdapters() {
			t.Run(row.name+"/"+a.name, func(t *testing.T) {
				var out string
				require.NotPanics(t, func() { out = a.log(r, "v", row.v) })
				require.NotEmpty(t, out, "the log call completes")
				marked := false
				for _, view := range views(out) {
					for _, s := range row.secrets {
						assert.NotContains(t, view, s, "secret in %s", out)
					}
					marked = marked || strings.Contains(view, r.Marker())
				}
				assert.Equal(t, row.redact, marked, "decision in %s", out)
			})
		}
	}
}

var (
	b64Run  = regexp.MustCompile(`[A-Za-z0-9+/]{12,}={0,2}`)
	hexRun  = regexp.MustCompile(`(?i)[0-9a-f]{16,}`)
	byteRun = regexp.MustCompile(`\[(\d{1,3}[ ,])+\d{1,3}\]`)
)

// views returns out and what it says once JSON escapes, base64, hex and
// byte lists ("[103 104 ...]", "[103,104,...]") are undone.
func views(out string) []string {
	vs := []string{out}
	var s string
	if err := json.Unmarshal([]byte(strconv.Quote(out)), &s); err == nil {
		vs = append(vs, strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\/`, `/`).Replace(out))
	}
	for _, v := range append([]string(nil), vs...) {
		for _, m := range b64Run.FindAllString(v, -1) {
			for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding} {
				if b, err := enc.DecodeString(m); err == nil {
					vs = append(vs, string(b))
				}
			}
		}
		for _, m := range hexRun.FindAllString(v, -1) {
			if b, err := hex.DecodeString(m[:len(m)/2*2]); err == nil {
				vs = append(vs, string(b))
			}
		}
		for _, m := range byteRun.FindAllString(v, -1) {
			var b []byte
			for _, f := range strings.FieldsFunc(m[1:len(m)-1], func(r rune) bool { return r == ' ' || r == ',' }) {
				n, _ := strconv.Atoi(f)
				b = append(b, byte(n))
			}
			vs = append(vs, string(b))
		}
	}
	return vs
}

// TestConformanceErrorsIs: the stand-in of an error keeps errors.Is in
// every adapter that hands errors on as errors.
func TestConformanceErrorsIs(t *testing.T) {
	r := redact.MustNew()
	err := fmt.Errorf("dial with %s: %w", confToken(), context.Canceled)
	var got error
	h := slogredact.NewHandler(handlerFunc(func(rec slog.Record) {
		rec.Attrs(func(a slog.Attr) bool { got, _ = a.Value.Any().(error); return true })
	}), r)
	slog.New(h).Info("m", "err", err)
	require.Error(t, got)
	assert.ErrorIs(t, got, context.Canceled)
	assert.NotContains(t, got.Error(), confToken())
	assert.True(t, errors.Is(got, context.Canceled))
}

type handlerFunc func(slog.Record)

func (f handlerFunc) Enabled(context.Context, slog.Level) bool      { return true }
func (f handlerFunc) Handle(_ context.Context, r slog.Record) error { f(r); return nil }
func (f handlerFunc) WithAttrs([]slog.Attr) slog.Handler            { return f }
func (f handlerFunc) WithGroup(string) slog.Handler                 { return f }

// TestConformanceSecretKey: a secret used as the field key itself is
// redacted by every adapter.
func TestConformanceSecretKey(t *testing.T) {
	r := redact.MustNew()
	key := "token " + confToken()
	for _, a := range confAdapters() {
		t.Run(a.name, func(t *testing.T) {
			out := a.log(r, key, 1)
			for _, view := range views(out) {
				assert.NotContains(t, view, confToken())
			}
			assert.Contains(t, out, r.Marker())
		})
	}
}
