package zapredact

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unsafe"

	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/internal/anyredact"
	"github.com/logredact/logredact/redact"
)

// An inspector is an ObjectEncoder and ArrayEncoder that writes nothing: it
// runs a marshaler once to learn whether anything in it needs redacting,
// so that clean objects are passed on untouched (no wrapper, no
// allocation). Inspectors are pooled because a marshaler's encoder
// argument escapes.
type inspector struct {
	r      *redact.Redactor
	walk   bool // only look for failures, not for secrets (see walkable)
	mask   bool // inside a namespace with a sensitive key
	depth  int
	status status
}

var inspectors = sync.Pool{New: func() any { return new(inspector) }}

// inspectObject runs m against an inspector. masked means m's values are
// all masked (an Inline field in a sensitive namespace), so any value at
// all makes it dirty.
func inspectObject(r *redact.Redactor, m zapcore.ObjectMarshaler, masked bool) status {
	in := inspectors.Get().(*inspector)
	*in = inspector{r: r, mask: masked}
	in.object(m)
	st := in.status
	*in = inspector{}
	inspectors.Put(in)
	return st
}

// inspectArray runs m against an inspector.
func inspectArray(r *redact.Redactor, m zapcore.ArrayMarshaler) status {
	in := inspectors.Get().(*inspector)
	*in = inspector{r: r}
	in.array(m)
	st := in.status
	*in = inspector{}
	inspectors.Put(in)
	return st
}

// walkable reports whether add can be run without a panic or an excessive
// depth, to be run before handing a value masked whole to an encoder that
// walks without bounds (zapcore.MapObjectEncoder).
func walkable(r *redact.Redactor, add func(zapcore.ObjectEncoder) error) bool {
	in := inspectors.Get().(*inspector)
	*in = inspector{r: r, walk: true}
	in.nested(func() error { return add(in) })
	st := in.status
	*in = inspector{}
	inspectors.Put(in)
	return st != failed
}

var (
	_ zapcore.ObjectEncoder = (*inspector)(nil)
	_ zapcore.ArrayEncoder  = (*inspector)(nil)
)

// done reports whether the outcome is known: once dirty, the rest of the
// value is redacted at encoding time anyway, so inspection stops early.
// In walk mode only a failure ends it.
func (in *inspector) done() bool {
	if in.walk {
		return in.status == failed
	}
	return in.status != clean
}

func (in *inspector) key(k string) {
	if !in.walk && !in.done() && (in.mask || in.r.IsSensitiveKey(k)) {
		in.status = dirty
	}
}

func (in *inspector) str(s string) {
	if !in.walk && !in.done() && holds(in.r, s) {
		in.status = dirty
	}
}

func (in *inspector) bytes(b []byte) {
	in.str(unsafe.String(unsafe.SliceData(b), len(b)))
}

func (in *inspector) reflected(v any) {
	if !in.walk && !in.done() {
		if _, changed := anyredact.Value(in.r, v); changed {
			in.status = dirty
		}
	}
}

// object and array walk a nested value. A panic, an error returned by the
// marshaler (its text may hold a secret) or excessive depth is decided
// here; a namespace opened inside the value ends with it.
func (in *inspector) object(m zapcore.ObjectMarshaler) {
	in.nested(func() error { return m.MarshalLogObject(in) })
}

func (in *inspector) array(m zapcore.ArrayMarshaler) {
	in.nested(func() error { return m.MarshalLogArray(in) })
}

func (in *inspector) nested(marshal func() error) {
	if in.done() {
		return
	}
	if in.depth >= maxDepth {
		in.status = failed
		return
	}
	mask := in.mask
	in.depth++
	defer func() {
		in.depth--
		in.mask = mask
		if recover() != nil {
			in.status = failed
		}
	}()
	if err := marshal(); err != nil && !in.walk && !in.done() {
		in.status = dirty
	}
}

func (in *inspector) AddArray(k string, m zapcore.ArrayMarshaler) error {
	in.key(k)
	in.array(m)
	return nil
}

func (in *inspector) AddObject(k string, m zapcore.ObjectMarshaler) error {
	in.key(k)
	in.object(m)
	return nil
}

func (in *inspector) AddReflected(k string, v any) error {
	in.key(k)
	in.reflected(v)
	return nil
}

func (in *inspector) OpenNamespace(k string) {
	if !in.mask && in.r.IsSensitiveKey(k) {
		in.mask = true
	}
}

func (in *inspector) AddString(k, v string) {
	in.key(k)
	if !in.walk && !in.done() && isPanicText(k, v) {
		in.status = dirty
	}
	in.str(v)
}
func (in *inspector) AddByteString(k string, v []byte)     { in.key(k); in.bytes(v) }
func (in *inspector) AddBinary(k string, v []byte)         { in.key(k); in.bytes(v) }
func (in *inspector) AddBool(k string, _ bool)             { in.key(k) }
func (in *inspector) AddComplex128(k string, _ complex128) { in.key(k) }
func (in *inspector) AddComplex64(k string, _ complex64)   { in.key(k) }
func (in *inspector) AddDuration(k string, _ time.Duration) {
	in.key(k)
}
func (in *inspector) AddFloat64(k string, _ float64) { in.key(k) }
func (in *inspector) AddFloat32(k string, _ float32) { in.key(k) }
func (in *inspector) AddInt(k string, _ int)         { in.key(k) }
func (in *inspector) AddInt64(k string, _ int64)     { in.key(k) }
func (in *inspector) AddInt32(k string, _ int32)     { in.key(k) }
func (in *inspector) AddInt16(k string, _ int16)     { in.key(k) }
func (in *inspector) AddInt8(k string, _ int8)       { in.key(k) }
func (in *inspector) AddTime(k string, _ time.Time)  { in.key(k) }
func (in *inspector) AddUint(k string, _ uint)       { in.key(k) }
func (in *inspector) AddUint64(k string, _ uint64)   { in.key(k) }
func (in *inspector) AddUint32(k string, _ uint32)   { in.key(k) }
func (in *inspector) AddUint16(k string, _ uint16)   { in.key(k) }
func (in *inspector) AddUint8(k string, _ uint8)     { in.key(k) }
func (in *inspector) AddUintptr(k string, _ uintptr) { in.key(k) }
func (in *inspector) AppendString(v string)          { in.str(v) }
func (in *inspector) AppendByteString(v []byte)      { in.bytes(v) }
func (in *inspector) AppendReflected(v any) error    { in.reflected(v); return nil }
func (in *inspector) AppendArray(m zapcore.ArrayMarshaler) error {
	in.array(m)
	return nil
}
func (in *inspector) AppendObject(m zapcore.ObjectMarshaler) error {
	in.object(m)
	return nil
}
func (in *inspector) AppendBool(bool)              {}
func (in *inspector) AppendComplex128(complex128)  {}
func (in *inspector) AppendComplex64(complex64)    {}
func (in *inspector) AppendFloat64(float64)        {}
func (in *inspector) AppendFloat32(float32)        {}
func (in *inspector) AppendInt(int)                {}
func (in *inspector) AppendInt64(int64)            {}
func (in *inspector) AppendInt32(int32)            {}
func (in *inspector) AppendInt16(int16)            {}
func (in *inspector) AppendInt8(int8)              {}
func (in *inspector) AppendUint(uint)              {}
func (in *inspector) AppendUint64(uint64)          {}
func (in *inspector) AppendUint32(uint32)          {}
func (in *inspector) AppendUint16(uint16)          {}
func (in *inspector) AppendUint8(uint8)            {}
func (in *inspector) AppendUintptr(uintptr)        {}
func (in *inspector) AppendDuration(time.Duration) {}
func (in *inspector) AppendTime(time.Time)         {}

// objMarshaler redacts an object while it is encoded: it hands m an
// encoder that redacts what m adds, key by key, at every depth.
type objMarshaler struct {
	m     zapcore.ObjectMarshaler
	r     *redact.Redactor
	mask  string // sensitive key of the namespace the object sits in
	depth int
}

func (o objMarshaler) MarshalLogObject(enc zapcore.ObjectEncoder) (err error) {
	defer func() {
		if recover() != nil {
			err = panicError(o.r)
		}
	}()
	return redactErr(o.r, o.m.MarshalLogObject(&objEnc{enc: enc, r: o.r, mask: o.mask, depth: o.depth}))
}

// arrMarshaler redacts an array while it is encoded.
type arrMarshaler struct {
	m     zapcore.ArrayMarshaler
	r     *redact.Redactor
	depth int
}

func (a arrMarshaler) MarshalLogArray(enc zapcore.ArrayEncoder) (err error) {
	defer func() {
		if recover() != nil {
			err = panicError(a.r)
		}
	}()
	return redactErr(a.r, a.m.MarshalLogArray(&arrEnc{enc: enc, r: a.r, depth: a.depth}))
}

// panicError stands for a panic in a marshaler; zap writes it under
// keyError. The panic value is not shown: it may hold anything.
func panicError(r *redact.Redactor) error { return errors.New("PANIC=" + r.Marker()) }

// redactErr redacts the error a marshaler returned: zap writes its text.
func redactErr(r *redact.Redactor, err error) error {
	if err == nil {
		return nil
	}
	msg, st := safeError(err)
	if st == failed {
		msg = r.Marker()
	}
	return errors.New(r.String(msg))
}

// objEnc is the ObjectEncoder handed to a marshaler being redacted.
type objEnc struct {
	enc   zapcore.ObjectEncoder
	r     *redact.Redactor
	mask  string // non-empty: inside a sensitive namespace, mask every value
	depth int
}

var _ zapcore.ObjectEncoder = (*objEnc)(nil)

// sensitive returns the key whose sensitivity masks the value of k, if any.
func (e *objEnc) sensitive(k string) (string, bool) {
	if e.mask != "" {
		return e.mask, true
	}
	if e.r.IsSensitiveKey(k) {
		return k, true
	}
	return "", false
}

// whole writes the replacement of a masked value.
func (e *objEnc) whole(k, maskKey, text string) {
	e.enc.AddString(k, e.r.Field(maskKey, text))
}

func (e *objEnc) AddArray(k string, m zapcore.ArrayMarshaler) error {
	if mk, ok := e.sensitive(k); ok {
		e.whole(k, mk, marshalText(e.r, func(enc zapcore.ObjectEncoder) error { return enc.AddArray(k, m) }, k))
		return nil
	}
	if e.depth >= maxDepth {
		e.enc.AddString(k, e.r.Marker())
		return nil
	}
	return e.enc.AddArray(k, arrMarshaler{m: m, r: e.r, depth: e.depth + 1})
}

func (e *objEnc) AddObject(k string, m zapcore.ObjectMarshaler) error {
	if mk, ok := e.sensitive(k); ok {
		e.whole(k, mk, marshalText(e.r, func(enc zapcore.ObjectEncoder) error { return enc.AddObject(k, m) }, k))
		return nil
	}
	if e.depth >= maxDepth {
		e.enc.AddString(k, e.r.Marker())
		return nil
	}
	return e.enc.AddObject(k, objMarshaler{m: m, r: e.r, depth: e.depth + 1})
}

func (e *objEnc) AddReflected(k string, v any) error {
	if mk, ok := e.sensitive(k); ok {
		e.whole(k, mk, jsonText(e.r, v))
		return nil
	}
	red, _ := anyredact.Value(e.r, v)
	return e.enc.AddReflected(k, red)
}

func (e *objEnc) OpenNamespace(k string) {
	if e.mask == "" && e.r.IsSensitiveKey(k) {
		e.mask = k
	}
	e.enc.OpenNamespace(k)
}

func (e *objEnc) AddString(k, v string) {
	if mk, ok := e.sensitive(k); ok {
		e.whole(k, mk, v)
		return
	}
	if isPanicText(k, v) {
		e.enc.AddString(k, "PANIC="+e.r.Marker())
		return
	}
	e.enc.AddString(k, e.r.String(v))
}

// isPanicText reports whether k and v are what zap's Field.AddTo writes
// when a nested String or Error method panicked (as inside zap.Dict):
// keyError and "PANIC=<panic value>". The panic value may hold anything,
// so it is replaced (fail closed).
func isPanicText(k, v string) bool {
	return strings.HasPrefix(v, "PANIC=") && strings.HasSuffix(k, "Error")
}

func (e *objEnc) AddByteString(k string, v []byte) {
	if mk, ok := e.sensitive(k); ok {
		e.whole(k, mk, string(v))
		return
	}
	red, _ := redactBytes(e.r, v)
	e.enc.AddByteString(k, red)
}

func (e *objEnc) AddBinary(k string, v []byte) {
	if mk, ok := e.sensitive(k); ok {
		e.whole(k, mk, string(v))
		return
	}
	red, _ := redactBytes(e.r, v)
	e.enc.AddBinary(k, red)
}

// primitive masks a non-text value under a sensitive key; it reports
// whether it did, and otherwise the caller forwards the value as it is.
func (e *objEnc) primitive(k string, v any) bool {
	mk, ok := e.sensitive(k)
	if ok {
		e.whole(k, mk, fmt.Sprint(v))
	}
	return ok
}

func (e *objEnc) AddBool(k string, v bool) {
	if !e.primitive(k, v) {
		e.enc.AddBool(k, v)
	}
}

func (e *objEnc) AddComplex128(k string, v complex128) {
	if !e.primitive(k, v) {
		e.enc.AddComplex128(k, v)
	}
}

func (e *objEnc) AddComplex64(k string, v complex64) {
	if !e.primitive(k, v) {
		e.enc.AddComplex64(k, v)
	}
}

func (e *objEnc) AddDuration(k string, v time.Duration) {
	if !e.primitive(k, v) {
		e.enc.AddDuration(k, v)
	}
}

func (e *objEnc) AddFloat64(k string, v float64) {
	if !e.primitive(k, v) {
		e.enc.AddFloat64(k, v)
	}
}

func (e *objEnc) AddFloat32(k string, v float32) {
	if !e.primitive(k, v) {
		e.enc.AddFloat32(k, v)
	}
}

func (e *objEnc) AddInt(k string, v int) {
	if !e.primitive(k, v) {
		e.enc.AddInt(k, v)
	}
}

func (e *objEnc) AddInt64(k string, v int64) {
	if !e.primitive(k, v) {
		e.enc.AddInt64(k, v)
	}
}

func (e *objEnc) AddInt32(k string, v int32) {
	if !e.primitive(k, v) {
		e.enc.AddInt32(k, v)
	}
}

func (e *objEnc) AddInt16(k string, v int16) {
	if !e.primitive(k, v) {
		e.enc.AddInt16(k, v)
	}
}

func (e *objEnc) AddInt8(k string, v int8) {
	if !e.primitive(k, v) {
		e.enc.AddInt8(k, v)
	}
}

func (e *objEnc) AddTime(k string, v time.Time) {
	if !e.primitive(k, v) {
		e.enc.AddTime(k, v)
	}
}

func (e *objEnc) AddUint(k string, v uint) {
	if !e.primitive(k, v) {
		e.enc.AddUint(k, v)
	}
}

func (e *objEnc) AddUint64(k string, v uint64) {
	if !e.primitive(k, v) {
		e.enc.AddUint64(k, v)
	}
}

func (e *objEnc) AddUint32(k string, v uint32) {
	if !e.primitive(k, v) {
		e.enc.AddUint32(k, v)
	}
}

func (e *objEnc) AddUint16(k string, v uint16) {
	if !e.primitive(k, v) {
		e.enc.AddUint16(k, v)
	}
}

func (e *objEnc) AddUint8(k string, v uint8) {
	if !e.primitive(k, v) {
		e.enc.AddUint8(k, v)
	}
}

func (e *objEnc) AddUintptr(k string, v uintptr) {
	if !e.primitive(k, v) {
		e.enc.AddUintptr(k, v)
	}
}

// marshalText renders what add writes under key k as JSON text, the input
// of a whole-value replacement, or the marker when that fails.
func marshalText(r *redact.Redactor, add func(zapcore.ObjectEncoder) error, k string) (text string) {
	if !walkable(r, add) {
		return r.Marker()
	}
	defer func() {
		if recover() != nil {
			text = r.Marker()
		}
	}()
	enc := zapcore.NewMapObjectEncoder()
	if err := add(enc); err != nil {
		return r.Marker()
	}
	return jsonText(r, enc.Fields[k])
}

// arrEnc is the ArrayEncoder handed to an array marshaler being redacted.
// Array elements have no keys; arrays under sensitive keys never get here
// (they are masked whole).
type arrEnc struct {
	enc   zapcore.ArrayEncoder
	r     *redact.Redactor
	depth int
}

var _ zapcore.ArrayEncoder = (*arrEnc)(nil)

func (a *arrEnc) AppendArray(m zapcore.ArrayMarshaler) error {
	if a.depth >= maxDepth {
		a.enc.AppendString(a.r.Marker())
		return nil
	}
	return a.enc.AppendArray(arrMarshaler{m: m, r: a.r, depth: a.depth + 1})
}

func (a *arrEnc) AppendObject(m zapcore.ObjectMarshaler) error {
	if a.depth >= maxDepth {
		a.enc.AppendString(a.r.Marker())
		return nil
	}
	return a.enc.AppendObject(objMarshaler{m: m, r: a.r, depth: a.depth + 1})
}

func (a *arrEnc) AppendReflected(v any) error {
	red, _ := anyredact.Value(a.r, v)
	return a.enc.AppendReflected(red)
}

func (a *arrEnc) AppendString(v string) { a.enc.AppendString(a.r.String(v)) }

func (a *arrEnc) AppendByteString(v []byte) {
	red, _ := redactBytes(a.r, v)
	a.enc.AppendByteString(red)
}

func (a *arrEnc) AppendBool(v bool)              { a.enc.AppendBool(v) }
func (a *arrEnc) AppendComplex128(v complex128)  { a.enc.AppendComplex128(v) }
func (a *arrEnc) AppendComplex64(v complex64)    { a.enc.AppendComplex64(v) }
func (a *arrEnc) AppendFloat64(v float64)        { a.enc.AppendFloat64(v) }
func (a *arrEnc) AppendFloat32(v float32)        { a.enc.AppendFloat32(v) }
func (a *arrEnc) AppendInt(v int)                { a.enc.AppendInt(v) }
func (a *arrEnc) AppendInt64(v int64)            { a.enc.AppendInt64(v) }
func (a *arrEnc) AppendInt32(v int32)            { a.enc.AppendInt32(v) }
func (a *arrEnc) AppendInt16(v int16)            { a.enc.AppendInt16(v) }
func (a *arrEnc) AppendInt8(v int8)              { a.enc.AppendInt8(v) }
func (a *arrEnc) AppendUint(v uint)              { a.enc.AppendUint(v) }
func (a *arrEnc) AppendUint64(v uint64)          { a.enc.AppendUint64(v) }
func (a *arrEnc) AppendUint32(v uint32)          { a.enc.AppendUint32(v) }
func (a *arrEnc) AppendUint16(v uint16)          { a.enc.AppendUint16(v) }
func (a *arrEnc) AppendUint8(v uint8)            { a.enc.AppendUint8(v) }
func (a *arrEnc) AppendUintptr(v uintptr)        { a.enc.AppendUintptr(v) }
func (a *arrEnc) AppendDuration(v time.Duration) { a.enc.AppendDuration(v) }
func (a *arrEnc) AppendTime(v time.Time)         { a.enc.AppendTime(v) }
