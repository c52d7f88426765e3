package zapredact

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/internal/anyredact"
	"github.com/logredact/logredact/redact"
)

// A walker is an ObjectEncoder and ArrayEncoder that writes nothing: it
// runs a marshaler to learn whether it can be encoded at all (no panic, a
// bounded depth), before a value masked whole is handed to an encoder that
// walks without bounds (zapcore.MapObjectEncoder). What the marshaler adds
// is not looked at: the value is replaced whole anyway. Walkers are pooled
// because a marshaler's encoder argument escapes.
type walker struct {
	depth  int
	failed bool
}

var walkers = sync.Pool{New: func() any { return new(walker) }}

// walkable reports whether add can be run without a panic or an excessive
// depth.
func walkable(add func(zapcore.ObjectEncoder) error) bool {
	w := walkers.Get().(*walker)
	*w = walker{}
	w.nested(func() error { return add(w) })
	ok := !w.failed
	*w = walker{}
	walkers.Put(w)
	return ok
}

var (
	_ zapcore.ObjectEncoder = (*walker)(nil)
	_ zapcore.ArrayEncoder  = (*walker)(nil)
)

func (w *walker) object(m zapcore.ObjectMarshaler) {
	w.nested(func() error { return m.MarshalLogObject(w) })
}

func (w *walker) array(m zapcore.ArrayMarshaler) {
	w.nested(func() error { return m.MarshalLogArray(w) })
}

// nested runs marshal one level deeper, recording a panic or excessive
// depth. An error returned by a marshaler is not a failure: zap writes it
// beside the value, and the value is masked whole with it.
func (w *walker) nested(marshal func() error) {
	if w.failed {
		return
	}
	if w.depth >= maxDepth {
		w.failed = true
		return
	}
	w.depth++
	defer func() {
		w.depth--
		if recover() != nil {
			w.failed = true
		}
	}()
	_ = marshal()
}

func (w *walker) AddArray(_ string, m zapcore.ArrayMarshaler) error   { w.array(m); return nil }
func (w *walker) AddObject(_ string, m zapcore.ObjectMarshaler) error { w.object(m); return nil }
func (w *walker) AddReflected(string, any) error                      { return nil }
func (w *walker) OpenNamespace(string)                                {}
func (w *walker) AddString(string, string)                            {}
func (w *walker) AddByteString(string, []byte)                        {}
func (w *walker) AddBinary(string, []byte)                            {}
func (w *walker) AddBool(string, bool)                                {}
func (w *walker) AddComplex128(string, complex128)                    {}
func (w *walker) AddComplex64(string, complex64)                      {}
func (w *walker) AddDuration(string, time.Duration)                   {}
func (w *walker) AddFloat64(string, float64)                          {}
func (w *walker) AddFloat32(string, float32)                          {}
func (w *walker) AddInt(string, int)                                  {}
func (w *walker) AddInt64(string, int64)                              {}
func (w *walker) AddInt32(string, int32)                              {}
func (w *walker) AddInt16(string, int16)                              {}
func (w *walker) AddInt8(string, int8)                                {}
func (w *walker) AddTime(string, time.Time)                           {}
func (w *walker) AddUint(string, uint)                                {}
func (w *walker) AddUint64(string, uint64)                            {}
func (w *walker) AddUint32(string, uint32)                            {}
func (w *walker) AddUint16(string, uint16)                            {}
func (w *walker) AddUint8(string, uint8)                              {}
func (w *walker) AddUintptr(string, uintptr)                          {}
func (w *walker) AppendArray(m zapcore.ArrayMarshaler) error          { w.array(m); return nil }
func (w *walker) AppendObject(m zapcore.ObjectMarshaler) error        { w.object(m); return nil }
func (w *walker) AppendReflected(any) error                           { return nil }
func (w *walker) AppendString(string)                                 {}
func (w *walker) AppendByteString([]byte)                             {}
func (w *walker) AppendBool(bool)                                     {}
func (w *walker) AppendComplex128(complex128)                         {}
func (w *walker) AppendComplex64(complex64)                           {}
func (w *walker) AppendFloat64(float64)                               {}
func (w *walker) AppendFloat32(float32)                               {}
func (w *walker) AppendInt(int)                                       {}
func (w *walker) AppendInt64(int64)                                   {}
func (w *walker) AppendInt32(int32)                                   {}
func (w *walker) AppendInt16(int16)                                   {}
func (w *walker) AppendInt8(int8)                                     {}
func (w *walker) AppendUint(uint)                                     {}
func (w *walker) AppendUint64(uint64)                                 {}
func (w *walker) AppendUint32(uint32)                                 {}
func (w *walker) AppendUint16(uint16)                                 {}
func (w *walker) AppendUint8(uint8)                                   {}
func (w *walker) AppendUintptr(uintptr)                               {}
func (w *walker) AppendDuration(time.Duration)                        {}
func (w *walker) AppendTime(time.Time)                                {}

// objMarshaler redacts an object while it is encoded: it hands m an
// encoder that redacts what m adds, key by key, at every depth. m runs
// once per encoding, and what it adds is redacted on its way to the
// encoder, so an object that answers differently from one call to the
// next is redacted on the answer that is written.
type objMarshaler struct {
	m     zapcore.ObjectMarshaler
	r     *redact.Redactor
	mask  string // sensitive key of the namespace the object sits in
	depth int
}

func (o objMarshaler) MarshalLogObject(enc zapcore.ObjectEncoder) (err error) {
	e := objEncs.Get().(*objEnc)
	*e = objEnc{enc: enc, r: o.r, mask: o.mask, depth: o.depth}
	defer func() {
		if recover() != nil {
			err = panicError(o.r)
		}
		*e = objEnc{}
		objEncs.Put(e)
	}()
	return redactErr(o.r, o.m.MarshalLogObject(e))
}

// objEncs and arrEncs pool the encoders handed to marshalers, which
// escape; zap pools its own encoders alike, so a marshaler may not keep
// the encoder it is handed past its call either way.
var (
	objEncs = sync.Pool{New: func() any { return new(objEnc) }}
	arrEncs = sync.Pool{New: func() any { return new(arrEnc) }}
)

// arrMarshaler redacts an array while it is encoded.
type arrMarshaler struct {
	m     zapcore.ArrayMarshaler
	r     *redact.Redactor
	depth int
}

func (a arrMarshaler) MarshalLogArray(enc zapcore.ArrayEncoder) (err error) {
	e := arrEncs.Get().(*arrEnc)
	*e = arrEnc{enc: enc, r: a.r, depth: a.depth}
	defer func() {
		if recover() != nil {
			err = panicError(a.r)
		}
		*e = arrEnc{}
		arrEncs.Put(e)
	}()
	return redactErr(a.r, a.m.MarshalLogArray(e))
}

// Nested objects and arrays are wrapped with pooled marshalers: an encoder
// runs the marshaler it is handed before AddObject or AppendArray returns
// (zap's own encoders do, and zap frees its pooled error elements on that
// assumption). Top-level wrappers are never pooled: a core may keep the
// fields it was handed.
var (
	nestedObjs = sync.Pool{New: func() any { return new(objMarshaler) }}
	nestedArrs = sync.Pool{New: func() any { return new(arrMarshaler) }}
)

func nestedObj(m zapcore.ObjectMarshaler, r *redact.Redactor, depth int) *objMarshaler {
	w := nestedObjs.Get().(*objMarshaler)
	*w = objMarshaler{m: m, r: r, depth: depth}
	return w
}

func freeObj(w *objMarshaler) {
	*w = objMarshaler{}
	nestedObjs.Put(w)
}

func nestedArr(m zapcore.ArrayMarshaler, r *redact.Redactor, depth int) *arrMarshaler {
	w := nestedArrs.Get().(*arrMarshaler)
	*w = arrMarshaler{m: m, r: r, depth: depth}
	return w
}

func freeArr(w *arrMarshaler) {
	*w = arrMarshaler{}
	nestedArrs.Put(w)
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

// sensitive returns the key whose tier decides about the value of k, if
// any: the strong name of the namespace k is in, or k itself when it is a
// sensitive name of either tier.
func (e *objEnc) sensitive(k string) (string, bool) {
	if e.mask != "" {
		return e.mask, true
	}
	if e.r.IsSensitiveKey(k) {
		return k, true
	}
	return "", false
}

// strong returns the key that masks a structured value under k whole (an
// object, array or reflected value), if any: a strong namespace or a
// strong k. Under a weak k the structure is walked and its keys decide.
func (e *objEnc) strong(k string) (string, bool) {
	if e.mask != "" {
		return e.mask, true
	}
	if e.r.IsSensitiveKey(k) && isStrongKey(e.r, k) {
		return k, true
	}
	return "", false
}

// masked writes the replacement of the scalar under k whose printed text
// is text and returns true when the tier of maskKey masks text; otherwise
// it writes nothing and the caller forwards the value.
func (e *objEnc) masked(k, maskKey, text string) bool {
	if !e.r.MasksValue(maskKey, text) {
		return false
	}
	e.whole(k, maskKey, text)
	return true
}

// whole writes the replacement of a masked value.
func (e *objEnc) whole(k, maskKey, text string) {
	e.enc.AddString(k, e.r.Field(maskKey, text))
}

func (e *objEnc) AddArray(k string, m zapcore.ArrayMarshaler) error {
	if mk, ok := e.strong(k); ok {
		e.whole(k, mk, marshalText(e.r, func(enc zapcore.ObjectEncoder) error { return enc.AddArray(k, m) }, k))
		return nil
	}
	if e.depth >= maxDepth {
		e.enc.AddString(k, e.r.Marker())
		return nil
	}
	w := nestedArr(m, e.r, e.depth+1)
	defer freeArr(w)
	return e.enc.AddArray(k, w)
}

func (e *objEnc) AddObject(k string, m zapcore.ObjectMarshaler) error {
	if mk, ok := e.strong(k); ok {
		e.whole(k, mk, marshalText(e.r, func(enc zapcore.ObjectEncoder) error { return enc.AddObject(k, m) }, k))
		return nil
	}
	if e.depth >= maxDepth {
		e.enc.AddString(k, e.r.Marker())
		return nil
	}
	w := nestedObj(m, e.r, e.depth+1)
	defer freeObj(w)
	return e.enc.AddObject(k, w)
}

func (e *objEnc) AddReflected(k string, v any) error {
	if mk, ok := e.strong(k); ok {
		e.whole(k, mk, jsonText(e.r, v))
		return nil
	}
	return e.enc.AddReflected(k, &reflected{v: v, r: e.r})
}

func (e *objEnc) OpenNamespace(k string) {
	if e.mask == "" && e.r.IsSensitiveKey(k) && isStrongKey(e.r, k) {
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
	if mk, ok := e.sensitive(k); ok && masksBytes(e.r, mk, v, false) {
		e.whole(k, mk, string(v))
		return
	}
	red, _ := redactBytes(e.r, v)
	e.enc.AddByteString(k, red)
}

func (e *objEnc) AddBinary(k string, v []byte) {
	if mk, ok := e.sensitive(k); ok && masksBytes(e.r, mk, v, true) {
		e.whole(k, mk, string(v))
		return
	}
	red, _ := redactBytes(e.r, v)
	e.enc.AddBinary(k, red)
}

// The Add methods of non-text values mask them when the tier of their key
// masks their printed text (see objEnc.masked) and otherwise forward them.
// Each converts its value to text only under a sensitive key: passing it
// to a helper taking any would box it, an allocation, on every call.

func (e *objEnc) AddBool(k string, v bool) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddBool(k, v)
}

func (e *objEnc) AddComplex128(k string, v complex128) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddComplex128(k, v)
}

func (e *objEnc) AddComplex64(k string, v complex64) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddComplex64(k, v)
}

func (e *objEnc) AddDuration(k string, v time.Duration) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddDuration(k, v)
}

func (e *objEnc) AddFloat64(k string, v float64) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddFloat64(k, v)
}

func (e *objEnc) AddFloat32(k string, v float32) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddFloat32(k, v)
}

func (e *objEnc) AddInt(k string, v int) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddInt(k, v)
}

func (e *objEnc) AddInt64(k string, v int64) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddInt64(k, v)
}

func (e *objEnc) AddInt32(k string, v int32) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddInt32(k, v)
}

func (e *objEnc) AddInt16(k string, v int16) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddInt16(k, v)
}

func (e *objEnc) AddInt8(k string, v int8) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddInt8(k, v)
}

func (e *objEnc) AddTime(k string, v time.Time) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddTime(k, v)
}

func (e *objEnc) AddUint(k string, v uint) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddUint(k, v)
}

func (e *objEnc) AddUint64(k string, v uint64) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddUint64(k, v)
}

func (e *objEnc) AddUint32(k string, v uint32) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddUint32(k, v)
}

func (e *objEnc) AddUint16(k string, v uint16) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddUint16(k, v)
}

func (e *objEnc) AddUint8(k string, v uint8) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddUint8(k, v)
}

func (e *objEnc) AddUintptr(k string, v uintptr) {
	if mk, ok := e.sensitive(k); ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddUintptr(k, v)
}

// marshalText renders what add writes under key k as JSON text, the input
// of a whole-value replacement, or the marker when that fails.
func marshalText(r *redact.Redactor, add func(zapcore.ObjectEncoder) error, k string) (text string) {
	if !walkable(add) {
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
// Array elements have no keys; arrays under strong keys never get here
// (they are masked whole), arrays under weak keys are walked like others.
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
	w := nestedArr(m, a.r, a.depth+1)
	defer freeArr(w)
	return a.enc.AppendArray(w)
}

func (a *arrEnc) AppendObject(m zapcore.ObjectMarshaler) error {
	if a.depth >= maxDepth {
		a.enc.AppendString(a.r.Marker())
		return nil
	}
	w := nestedObj(m, a.r, a.depth+1)
	defer freeObj(w)
	return a.enc.AppendObject(w)
}

func (a *arrEnc) AppendReflected(v any) error {
	return a.enc.AppendReflected(&reflected{v: v, r: a.r})
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

// reflected is a zap.Reflect value (zap.Any of a struct, map or slice)
// redacted while it is encoded. The encoder's call to MarshalJSON encodes
// v once, running v's own MarshalJSON or MarshalText methods once; that
// encoding is what the shared value walker checks, and it is written as
// it is when clean, redacted otherwise. Encoding v again after the check
// would write whatever v's methods answer the second time. A value that
// cannot be encoded is written as the marker.
type reflected struct {
	v any
	r *redact.Redactor
}

var _ json.Marshaler = (*reflected)(nil)

func (x *reflected) MarshalJSON() (out []byte, err error) {
	defer func() {
		if recover() != nil {
			out, err = markerJSON(x.r), nil
		}
	}()
	rec := &recorder{V: x.v}
	red, changed := anyredact.Value(x.r, rec)
	if !changed {
		if rec.raw == nil { // not encoded through rec: cannot tell what was checked
			return markerJSON(x.r), nil
		}
		return rec.raw, nil
	}
	if out, err = encodeJSON(red); err != nil {
		return markerJSON(x.r), nil
	}
	return out, nil
}

// recorder encodes V as JSON and keeps the encoding: the walker checks
// the value through it, and the encoding it checked is the one written.
// V is exported so that the walker sees it as encoding/json does.
type recorder struct {
	V   any
	raw []byte
}

func (c *recorder) MarshalJSON() ([]byte, error) {
	raw, err := encodeJSON(c.V)
	if err != nil {
		return nil, err
	}
	c.raw = raw
	return raw, nil
}

// encodeJSON encodes v as zap's default reflected encoder does, without
// escaping HTML: the JSON encoder that calls MarshalJSON escapes the
// result again if it is configured to.
func encodeJSON(v any) (out []byte, err error) {
	sc := jsonScratch.Get().(*scratch)
	defer func() {
		if p := recover(); p != nil {
			panic(p) // a buffer left mid-encode is not reused
		}
		if sc.buf.Cap() <= 64<<10 {
			jsonScratch.Put(sc)
		}
	}()
	sc.buf.Reset()
	if err := sc.enc.Encode(v); err != nil {
		return nil, err
	}
	// The encoding is handed to zap's encoder, which keeps it past this
	// call: it leaves in a copy of its own.
	return bytes.Clone(bytes.TrimSuffix(sc.buf.Bytes(), []byte{'\n'})), nil
}

// scratch is a pooled JSON encoder with its buffer.
type scratch struct {
	buf bytes.Buffer
	enc *json.Encoder
}

var jsonScratch = sync.Pool{New: func() any {
	sc := new(scratch)
	sc.enc = json.NewEncoder(&sc.buf)
	sc.enc.SetEscapeHTML(false)
	return sc
}}

func markerJSON(r *redact.Redactor) []byte {
	b, _ := json.Marshal(r.Marker())
	return b
}
