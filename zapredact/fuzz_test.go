package zapredact_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/internal/timebound"
)

// fuzzObject carries the fuzzed key and value into a nested object and an
// array.
type fuzzObject struct{ key, val string }

func (o fuzzObject) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString(o.key, o.val)
	enc.AddByteString("b", []byte(o.val))
	if err := enc.AddReflected("r", map[string]string{o.key: o.val}); err != nil {
		return err
	}
	return enc.AddArray("a", zapcore.ArrayMarshalerFunc(func(ae zapcore.ArrayEncoder) error {
		ae.AppendString(o.val)
		return ae.AppendObject(fuzzObject{key: o.key + "x", val: ""})
	}))
}

// FuzzCore plants a secret in fuzzed text under fuzzed keys, in every kind
// of field and in the message, through both encoders. Properties: the
// secret never survives, nothing panics, and the time taken stays linear
// in the input (see checkTimePerByte).
func FuzzCore(f *testing.F) {
	f.Add("plain", "before", "after", "req")
	f.Add("password", "", "", "auth")
	f.Add("note", "sekret_", "sekret_abc", "x")
	f.Add("X-Api-Key", "\x00\xff\"", "\\u0000\n", "")
	f.Add("", "ünï", "\t", "token")
	r := testRedactor(f)
	f.Fuzz(func(t *testing.T, key, prefix, suffix, ns string) {
		start := time.Now()
		defer timebound.Check(t, start, len(key)+len(prefix)+len(suffix)+len(ns))
		val := prefix + " " + planted + " " + suffix
		for _, kind := range []string{"json", "console"} {
			logger, buf := newLogger(kind, r)
			fields := []zap.Field{
				zap.String(key, val),
				zap.ByteString(key+"b", []byte(val)),
				zap.Stringer(key+"s", textStringer(val)),
				zap.NamedError(key+"e", errors.New(val)),
				zap.NamedError(key+"g", newGroup(errors.New(prefix), richError{val, val})),
				zap.Any(key+"m", map[string]any{key: val, "n": []string{val}}),
				zap.Object(key+"o", fuzzObject{key, val}),
				zap.Strings(key+"l", []string{prefix, val}),
				zap.Inline(fuzzObject{key, val}),
				zap.Namespace(ns),
				zap.String(key, val),
			}
			logger.With(zap.String(key+"c", val)).Info(val, fields...)
			logger.Sugar().Infow(val, key, val, ns, []any{val})
			out := buf.String()
			if strings.Contains(out, planted) {
				t.Fatalf("%s: secret survived:\n%s", kind, out)
			}
		}
	})
}
