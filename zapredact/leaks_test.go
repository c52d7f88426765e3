package zapredact_test

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/zapredact"
)

// The leak families of issue 12 that reach zap, each through every kind
// of field it applies to.

func TestLoggerNameRedacted(t *testing.T) {
	r := testRedactor(t)
	for _, kind := range []string{"json", "console"} {
		t.Run(kind, func(t *testing.T) {
			logger, buf := newLogger(kind, r)
			logger.Named("client." + planted).Info("m")
			logger.Named("svc").Named(planted).With(zap.Int("n", 1)).Warn("w")
			logger.Named("svc").Info("clean")
			lines := buf.Lines()
			require.Len(t, lines, 3)
			assert.NotContains(t, buf.String(), planted)
			if kind == "json" {
				assert.Equal(t, "client.[REDACTED]", decode(t, lines[0])["logger"])
				assert.Equal(t, "svc.[REDACTED]", decode(t, lines[1])["logger"])
				assert.Equal(t, "svc", decode(t, lines[2])["logger"])
			}
		})
	}

	// A core driven by hand, and a zap.Hooks hook, see the redacted name.
	inner, buf := bareCore("json", zapcore.DebugLevel)
	c := zapredact.NewCore(inner, r)
	require.NoError(t, c.Write(zapcore.Entry{LoggerName: "x." + planted, Message: "w"}, nil))
	assert.Equal(t, []string{`{"level":"info","logger":"x.[REDACTED]","msg":"w"}`}, buf.Lines())
	var seen []string
	logger, _ := newLogger("json", r, zap.Hooks(func(e zapcore.Entry) error {
		seen = append(seen, e.LoggerName)
		return nil
	}))
	logger.Named(planted).Info("m")
	assert.Equal(t, []string{"[REDACTED]"}, seen)
}

// TestLoggerNameAllocs checks that a clean logger name costs no
// allocation, also when several names share one core.
func TestLoggerNameAllocs(t *testing.T) {
	if race.Enabled {
		t.Skip("the race detector makes sync.Pool drop items at random")
	}
	r := testRedactor(t)
	wc, _ := bareCore("json", zapcore.DebugLevel)
	bc, _ := bareCore("json", zapcore.DebugLevel)
	wl := zap.New(zapredact.NewCore(wc, r))
	bl := zap.New(bc)
	wa, wb := wl.Named("orders.http.client"), wl.Named("orders.db")
	ba, bb := bl.Named("orders.http.client"), bl.Named("orders.db")
	wrapped := func() { wa.Info("m"); wb.Info("m") }
	bare := func() { ba.Info("m"); bb.Info("m") }
	wrapped()
	bare()
	assert.LessOrEqual(t, testing.AllocsPerRun(200, wrapped), testing.AllocsPerRun(200, bare))
}

// jsonBody is a request body as apps log it: a JSON document in a string,
// whose secrets only the key names give away.
func jsonBody() (body string, secrets []string) {
	v1, v2, v3, v4 := "Vq7"+mixed(12, 5), "Wr8"+mixed(12, 13), "Xs9"+mixed(12, 17), "Yt0"+mixed(12, 19)
	inner, _ := json.Marshal(map[string]string{pwKey: v4})
	doc, _ := json.Marshal(map[string]any{
		"credentials": map[string]string{"value": v1},
		"creds":       []string{v2},
		"pgpassword":  v3,
		"nested":      string(inner), // an escaped document two levels deep
		"user":        "bob",
	})
	return string(doc), []string{v1, v2, v3, v4}
}

// docObject carries the body in every nested place an object can.
type docObject struct{ body string }

func (o docObject) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("body", o.body)
	enc.AddByteString("raw", []byte(o.body))
	return enc.AddArray("list", zapcore.ArrayMarshalerFunc(func(ae zapcore.ArrayEncoder) error {
		ae.AppendString(o.body)
		ae.AppendByteString([]byte(o.body))
		return nil
	}))
}

// TestJSONInStrings checks that a JSON document logged as a string is
// redacted key-aware, as the core redacts it, wherever zap carries text.
// It depends on redact.Redactor.String rewriting JSON held in a string
// (issue 12); it fails until the core does.
func TestJSONInStrings(t *testing.T) {
	body, secrets := jsonBody()
	cases := map[string]func(l *zap.Logger){
		"message":     func(l *zap.Logger) { l.Info(body) },
		"string":      func(l *zap.Logger) { l.Info("m", zap.String("body", body)) },
		"bytestring":  func(l *zap.Logger) { l.Info("m", zap.ByteString("body", []byte(body))) },
		"binary":      func(l *zap.Logger) { l.Info("m", zap.Binary("body", []byte(body))) },
		"strings":     func(l *zap.Logger) { l.Info("m", zap.Strings("bodies", []string{"a", body})) },
		"bytestrings": func(l *zap.Logger) { l.Info("m", zap.ByteStrings("bodies", [][]byte{[]byte(body)})) },
		"stringer":    func(l *zap.Logger) { l.Info("m", zap.Stringer("body", textStringer(body))) },
		"error":       func(l *zap.Logger) { l.Info("m", zap.Error(errors.New(body))) },
		"object":      func(l *zap.Logger) { l.Info("m", zap.Object("o", docObject{body})) },
		"reflect":     func(l *zap.Logger) { l.Info("m", zap.Any("req", map[string]string{"body": body})) },
		"sugar":       func(l *zap.Logger) { l.Sugar().Infow("m", "body", body) },
		"context":     func(l *zap.Logger) { l.With(zap.String("body", body)).Info("m") },
	}
	for _, kind := range []string{"json", "console"} {
		for name, log := range cases {
			t.Run(kind+"/"+name, func(t *testing.T) {
				logger, buf := newLogger(kind, nil)
				log(logger)
				texts := strings.Join(allTexts(buf.String()), "\n")
				for i, secret := range secrets {
					if strings.Contains(texts, secret) {
						t.Errorf("value %d of the document survived: %s", i+1, buf.String())
						break
					}
				}
				assert.Contains(t, texts, "bob", "the clean part of the document stays")
			})
		}
	}
}

// allTexts returns out and, for each JSON string in it, the bytes it
// holds as base64: zap writes binary values and []byte in structs that
// way, and a secret must not survive there either.
func allTexts(out string) []string {
	texts := []string{out}
	for _, line := range strings.Split(out, "\n") {
		if i := strings.IndexByte(line, '{'); i >= 0 {
			line = line[i:]
		}
		var v any
		if json.Unmarshal([]byte(line), &v) != nil {
			continue
		}
		var walk func(any)
		walk = func(v any) {
			switch v := v.(type) {
			case string:
				if b, err := base64.StdEncoding.DecodeString(v); err == nil {
					texts = append(texts, string(b))
				}
			case map[string]any:
				for _, e := range v {
					walk(e)
				}
			case []any:
				for _, e := range v {
					walk(e)
				}
			}
		}
		walk(v)
	}
	return texts
}

// --- values whose methods answer differently on a second call ---------

// flip counts calls to its methods; every call after the first answers
// with the secret.
type flip struct{ calls *int }

func (f flip) text() string {
	*f.calls++
	if *f.calls > 1 {
		return "now " + planted
	}
	return "clean"
}

type flipStringer struct{ flip }

func (f flipStringer) String() string { return f.text() }

type flipError struct{ flip }

func (f flipError) Error() string { return f.text() }

type flipVerbose struct{ flip }

func (f flipVerbose) Error() string { return "verbose" }

func (f flipVerbose) Format(s fmt.State, verb rune) { _, _ = fmt.Fprint(s, f.text()) }

type flipObject struct{ flip }

func (f flipObject) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("note", f.text())
	return nil
}

type flipArray struct{ flip }

func (f flipArray) MarshalLogArray(enc zapcore.ArrayEncoder) error {
	enc.AppendString(f.text())
	return nil
}

type flipJSON struct{ flip }

func (f flipJSON) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]string{"note": f.text()})
}

type flipText struct{ flip }

func (f flipText) MarshalText() ([]byte, error) { return []byte(f.text()), nil }

// TestCheckThenWrite checks that a value's methods run once per entry
// written, so that what is written is what was redacted, whatever a
// second call would return.
func TestCheckThenWrite(t *testing.T) {
	r := testRedactor(t)
	cases := map[string]func(calls *int) zap.Field{
		"stringer": func(c *int) zap.Field { return zap.Stringer("s", flipStringer{flip{c}}) },
		"error":    func(c *int) zap.Field { return zap.Error(flipError{flip{c}}) },
		"verbose":  func(c *int) zap.Field { return zap.Error(flipVerbose{flip{c}}) },
		"group":    func(c *int) zap.Field { return zap.Error(newGroupLazy(flipError{flip{c}})) },
		"object":   func(c *int) zap.Field { return zap.Object("o", flipObject{flip{c}}) },
		"inline":   func(c *int) zap.Field { return zap.Inline(flipObject{flip{c}}) },
		"array":    func(c *int) zap.Field { return zap.Array("a", flipArray{flip{c}}) },
		"errors":   func(c *int) zap.Field { return zap.Errors("es", []error{flipError{flip{c}}}) },
		"stringers": func(c *int) zap.Field {
			return zap.Stringers("ss", []flipStringer{{flip{c}}})
		},
		"dict":    func(c *int) zap.Field { return zap.Dict("d", zap.Stringer("s", flipStringer{flip{c}})) },
		"reflect": func(c *int) zap.Field { return zap.Any("j", flipJSON{flip{c}}) },
		"reflect in struct": func(c *int) zap.Field {
			return zap.Reflect("j", struct{ Inner flipText }{flipText{flip{c}}})
		},
		"reflect in object": func(c *int) zap.Field {
			return zap.Object("o", zapcore.ObjectMarshalerFunc(func(enc zapcore.ObjectEncoder) error {
				return enc.AddReflected("j", flipJSON{flip{c}})
			}))
		},
	}
	for name, field := range cases {
		t.Run(name, func(t *testing.T) {
			var calls int
			logger, buf := newLogger("json", r)
			logger.Info("m", field(&calls))
			assert.Equal(t, 1, calls, "the value's method runs once per entry")
			assert.NotContains(t, buf.String(), planted)
			assert.Contains(t, buf.String(), "clean")

			// Context fields are encoded once, at With.
			calls = 0
			logger, buf = newLogger("json", r)
			logger.With(field(&calls)).Info("m")
			assert.Equal(t, 1, calls)
			assert.NotContains(t, buf.String(), planted)
		})
	}
}

// newGroupLazy is a multi-error whose message is its causes' messages,
// read on every call.
func newGroupLazy(errs ...error) *lazyGroup { return &lazyGroup{errs} }

type lazyGroup struct{ errs []error }

func (g *lazyGroup) Error() string   { return "group" }
func (g *lazyGroup) Errors() []error { return g.errs }

// TestBytesInStructs checks that []byte inside a value logged with zap.Any
// or zap.Reflect, which zap writes as base64, is redacted too. It depends
// on the shared value walker (internal/structval) looking into []byte
// (issue 12); it fails until the walker does.
func TestBytesInStructs(t *testing.T) {
	r := testRedactor(t)
	type request struct {
		Path string
		Body []byte
	}
	cases := map[string]zap.Field{
		"struct":  zap.Any("req", request{Path: "/x", Body: []byte("token " + planted)}),
		"pointer": zap.Reflect("req", &request{Path: "/x", Body: []byte(planted)}),
		"map":     zap.Any("req", map[string][]byte{"body": []byte("a " + planted)}),
		"slice":   zap.Any("bodies", []request{{Body: []byte(planted)}}),
		"in object": zap.Object("o", zapcore.ObjectMarshalerFunc(func(enc zapcore.ObjectEncoder) error {
			return enc.AddReflected("req", request{Body: []byte(planted)})
		})),
	}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			logger, buf := newLogger("json", r)
			logger.Info("m", f)
			for _, s := range allTexts(buf.String()) {
				assert.NotContains(t, s, planted, "output: %s", buf.String())
			}
		})
	}
}
