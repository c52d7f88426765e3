package zapredact_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/patterns"
	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/zapredact"
)

// Test secrets are built at run time so that no credential appears in the
// source, which logredact --check scans. planted is found by the custom
// pattern of testRedactor, which makes exact expectations independent of
// the built-in catalog.
var (
	planted   = "sekret_" + "q7w8e9r0"
	ghPAT     = "ghp_" + mixed(36, 7)
	dbPhrase  = "Tr0ub4dor" + "-and-3"
	dbURL     = "postgres://app:" + dbPhrase + "@db:5432/x"
	notReal   = "hunter" + "2" // a value for sensitive keys
	bearerTok = "eyJ" + mixed(40, 11)
	credLike  = mixed(24, 5) // looks like a credential: masked under weak keys too
)

// pwKey keeps "password" apart from its value in composite literals, which
// logredact --check would take for a hard-coded credential.
const pwKey = "password"

// mixed returns n letters and digits varied enough to pass the entropy
// thresholds of the built-in token patterns (a repeated "a1B2" does not).
func mixed(n, step int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[(i*step+3)%len(alphabet)]
	}
	return string(b)
}

const mask = "[REDACTED]"

func testRedactor(t testing.TB, opts ...redact.Option) *redact.Redactor {
	t.Helper()
	base := []redact.Option{
		redact.WithoutBuiltins(),
		redact.WithPatterns(patterns.Pattern{
			ID:       "test-secret",
			Keywords: []string{"sekret_"},
			Regex:    `sekret_[a-z0-9]{8}`,
		}),
	}
	r, err := redact.New(append(base, opts...)...)
	require.NoError(t, err)
	return r
}

// testEncoderConfig has no time key, so output is deterministic.
func testEncoderConfig() zapcore.EncoderConfig {
	return zapcore.EncoderConfig{
		MessageKey:     "msg",
		LevelKey:       "level",
		NameKey:        "logger",
		StacktraceKey:  "stack",
		EncodeLevel:    zapcore.LowercaseLevelEncoder,
		EncodeDuration: zapcore.StringDurationEncoder,
		EncodeTime:     zapcore.RFC3339NanoTimeEncoder,
		LineEnding:     "\n",
	}
}

func newEncoder(kind string) zapcore.Encoder {
	if kind == "console" {
		return zapcore.NewConsoleEncoder(testEncoderConfig())
	}
	return zapcore.NewJSONEncoder(testEncoderConfig())
}

// syncBuffer is a goroutine-safe buffer.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) Sync() error { return nil }

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *syncBuffer) Lines() []string {
	s := strings.TrimSuffix(b.String(), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// bareCore returns an unwrapped core writing to a new buffer.
func bareCore(kind string, lvl zapcore.LevelEnabler) (zapcore.Core, *syncBuffer) {
	buf := &syncBuffer{}
	return zapcore.NewCore(newEncoder(kind), buf, lvl), buf
}

// newLogger returns a logger whose core is wrapped with r.
func newLogger(kind string, r *redact.Redactor, opts ...zap.Option) (*zap.Logger, *syncBuffer) {
	c, buf := bareCore(kind, zapcore.DebugLevel)
	return zap.New(zapredact.NewCore(c, r), opts...), buf
}

// decode parses one JSON log line.
func decode(t testing.TB, line string) map[string]any {
	t.Helper()
	var m map[string]any
	dec := json.NewDecoder(strings.NewReader(line))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&m), "line: %s", line)
	return m
}

// --- values of every kind -------------------------------------------------

type textStringer string

func (s textStringer) String() string { return string(s) }

type panicStringer struct{ secret string }

func (p panicStringer) String() string { panic("cannot print " + p.secret) }

type ptrStringer struct{ s string }

func (p *ptrStringer) String() string { return p.s }

type panicError struct{ secret string }

func (p panicError) Error() string { panic("cannot print " + p.secret) }

type ptrError struct{ s string }

func (p *ptrError) Error() string { return p.s }

// richError formats itself with a verbose form, like github.com/pkg/errors.
type richError struct{ msg, detail string }

func (e richError) Error() string { return e.msg }

// Format does not allocate, so that allocation tests see only the cost of
// redaction.
func (e richError) Format(s fmt.State, verb rune) {
	_, _ = io.WriteString(s, e.msg)
	if verb == 'v' && s.Flag('+') {
		_, _ = io.WriteString(s, "\n")
		_, _ = io.WriteString(s, e.detail)
	}
}

// panicFormatError panics when formatted with %+v; fmt prints the panic
// value.
type panicFormatError struct{ secret string }

func (e panicFormatError) Error() string { return "formatting fails" }

func (e panicFormatError) Format(s fmt.State, verb rune) {
	if s.Flag('+') {
		panic("cannot format " + e.secret)
	}
	fmt.Fprint(s, e.Error())
}

// groupError is a multi-error as zap recognises them (go.uber.org/multierr).
// Its message is built once, so that allocation tests see only the cost of
// redaction.
type groupError struct {
	msg  string
	errs []error
}

func newGroup(errs ...error) *groupError {
	parts := make([]string, len(errs))
	for i, e := range errs {
		parts[i] = e.Error()
	}
	return &groupError{msg: strings.Join(parts, "; "), errs: errs}
}

func (g *groupError) Error() string   { return g.msg }
func (g *groupError) Errors() []error { return g.errs }

type account struct {
	Name  string
	Pw    string
	Note  string
	PIN   int
	Child *account
}

func (a *account) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("name", a.Name)
	enc.AddString(pwKey, a.Pw)
	enc.AddString("note", a.Note)
	enc.AddInt("secret", a.PIN)
	if a.Child != nil {
		return enc.AddObject("child", a.Child)
	}
	return nil
}

// plainObject has no sensitive keys. Its methods do not allocate, so that
// allocation tests see only the cost of redaction.
type plainObject struct {
	ID    int
	Label string
	Tags  zapcore.ArrayMarshaler // a tagList, boxed once
}

var noTags zapcore.ArrayMarshaler = tagList(nil)

func (p plainObject) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddInt("id", p.ID)
	enc.AddString("label", p.Label)
	if p.Tags == nil {
		return enc.AddArray("tags", noTags)
	}
	return enc.AddArray("tags", p.Tags)
}

type tagList []string

func (l tagList) MarshalLogArray(ae zapcore.ArrayEncoder) error {
	for _, t := range l {
		ae.AppendString(t)
	}
	return nil
}

// everyKind adds one value with every ObjectEncoder method, under keys
// ending with suffix: "Password" makes them all strong sensitive names,
// "Token" all weak ones. note, when set, is added under "note".
type everyKind struct{ suffix, note string }

func (e everyKind) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	k := func(name string) string { return name + e.suffix }
	enc.AddBinary(k("bin"), []byte("b"))
	enc.AddByteString(k("bs"), []byte("bs"))
	enc.AddBool(k("bool"), true)
	enc.AddComplex128(k("c128"), 1+2i)
	enc.AddComplex64(k("c64"), 1+2i)
	enc.AddDuration(k("dur"), time.Second)
	enc.AddFloat64(k("f64"), 1.5)
	enc.AddFloat32(k("f32"), 1.5)
	enc.AddInt(k("int"), 1)
	enc.AddInt64(k("i64"), 1)
	enc.AddInt32(k("i32"), 1)
	enc.AddInt16(k("i16"), 1)
	enc.AddInt8(k("i8"), 1)
	enc.AddString(k("str"), "s")
	enc.AddTime(k("time"), time.Unix(0, 0).UTC())
	enc.AddUint(k("uint"), 1)
	enc.AddUint64(k("u64"), 1)
	enc.AddUint32(k("u32"), 1)
	enc.AddUint16(k("u16"), 1)
	enc.AddUint8(k("u8"), 1)
	enc.AddUintptr(k("uptr"), 1)
	if err := enc.AddReflected(k("refl"), map[string]int{"a": 1}); err != nil {
		return err
	}
	if err := enc.AddObject(k("obj"), plainObject{ID: 1}); err != nil {
		return err
	}
	if e.note != "" {
		enc.AddString("note", e.note)
	}
	return enc.AddArray(k("arr"), zapcore.ArrayMarshalerFunc(func(ae zapcore.ArrayEncoder) error {
		ae.AppendInt(1)
		return ae.AppendArray(zapcore.ArrayMarshalerFunc(func(inner zapcore.ArrayEncoder) error {
			inner.AppendBool(false)
			return nil
		}))
	}))
}

// flakyObject panics on every second call: a marshaler whose output
// changes between calls.
type flakyObject struct{ calls *int }

func (f flakyObject) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	*f.calls++
	if *f.calls%2 == 0 {
		panic("second call " + planted)
	}
	enc.AddString("note", planted)
	return nil
}

// everyAppend appends one value with every ArrayEncoder method, some of
// them holding the secret.
type everyAppend struct{ secret string }

func (e everyAppend) MarshalLogArray(ae zapcore.ArrayEncoder) error {
	ae.AppendBool(true)
	ae.AppendByteString([]byte("bs " + e.secret))
	ae.AppendComplex128(1 + 2i)
	ae.AppendComplex64(1 + 2i)
	ae.AppendFloat64(1.5)
	ae.AppendFloat32(1.5)
	ae.AppendInt(-1)
	ae.AppendInt64(-2)
	ae.AppendInt32(-3)
	ae.AppendInt16(-4)
	ae.AppendInt8(-5)
	ae.AppendString("s " + e.secret)
	ae.AppendUint(1)
	ae.AppendUint64(2)
	ae.AppendUint32(3)
	ae.AppendUint16(4)
	ae.AppendUint8(5)
	ae.AppendUintptr(6)
	ae.AppendDuration(time.Second)
	ae.AppendTime(time.Unix(0, 0).UTC())
	if err := ae.AppendReflected(map[string]string{"v": "r " + e.secret}); err != nil {
		return err
	}
	if err := ae.AppendObject(plainObject{ID: 1, Label: e.secret}); err != nil {
		return err
	}
	return ae.AppendArray(zapcore.ArrayMarshalerFunc(func(inner zapcore.ArrayEncoder) error {
		inner.AppendString(e.secret)
		return nil
	}))
}

// selfRef marshals itself forever: zap alone would overflow the stack.
type selfRef struct{}

func (s selfRef) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	return enc.AddObject("self", s)
}

type panicObject struct{ secret string }

func (p panicObject) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("before", "ok")
	panic("cannot marshal " + p.secret)
}

type failingObject struct{ secret string }

func (f failingObject) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("ok", "yes")
	return errors.New("bad value " + f.secret)
}
