package zapredact

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/internal/structval"
	"github.com/logredact/logredact/redact"
)

// objMarshaler redacts an object while it is encoded: it hands m an
// encoder that redacts what m adds, key by key, at every depth. m runs
// once per encoding, and what it adds is redacted on its way to the
// encoder, so an object that answers differently from one call to the
// next is redacted on the answer that is written.
type objMarshaler struct {
	m     zapcore.ObjectMarshaler
	w     *structval.Walker
	mask  string // sensitive key of the namespace the object sits in
	depth int
}

func (o objMarshaler) MarshalLogObject(enc zapcore.ObjectEncoder) (err error) {
	e := objEncs.Get().(*objEnc)
	r := o.w.Redactor()
	*e = objEnc{enc: enc, w: o.w, r: r, mask: o.mask, depth: o.depth}
	defer func() {
		if recover() != nil {
			err = panicError(r)
		}
		*e = objEnc{}
		objEncs.Put(e)
	}()
	return redactErr(o.w, o.m.MarshalLogObject(e))
}

// objSlot and arrSlot are the wrappers of a log call's top-level objects
// and arrays, stored past the end of the copy of its fields (see
// core.redactFields): the first Field holds the caller's marshaler
// (Interface), the namespace mask (Key) and the depth (Integer), the second
// the walker. A pointer into the copy makes an interface value without an
// allocation of its own. Nothing writes a slot once the copy is handed on.
type (
	objSlot [slotFields]zapcore.Field
	arrSlot [slotFields]zapcore.Field
)

const slotFields = 2

var (
	_ zapcore.ObjectMarshaler = (*objSlot)(nil)
	_ zapcore.ArrayMarshaler  = (*arrSlot)(nil)
)

func (s *objSlot) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	m, _ := s[0].Interface.(zapcore.ObjectMarshaler)
	w, _ := s[1].Interface.(*structval.Walker)
	return objMarshaler{m: m, w: w, mask: s[0].Key, depth: int(s[0].Integer)}.MarshalLogObject(enc)
}

func (s *arrSlot) MarshalLogArray(enc zapcore.ArrayEncoder) error {
	m, _ := s[0].Interface.(zapcore.ArrayMarshaler)
	w, _ := s[1].Interface.(*structval.Walker)
	return arrMarshaler{m: m, w: w, depth: int(s[0].Integer)}.MarshalLogArray(enc)
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
	w     *structval.Walker
	depth int
}

func (a arrMarshaler) MarshalLogArray(enc zapcore.ArrayEncoder) (err error) {
	e := arrEncs.Get().(*arrEnc)
	r := a.w.Redactor()
	*e = arrEnc{enc: enc, w: a.w, r: r, depth: a.depth}
	defer func() {
		if recover() != nil {
			err = panicError(r)
		}
		*e = arrEnc{}
		arrEncs.Put(e)
	}()
	return redactErr(a.w, a.m.MarshalLogArray(e))
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

func nestedObj(m zapcore.ObjectMarshaler, sw *structval.Walker, depth int) *objMarshaler {
	w := nestedObjs.Get().(*objMarshaler)
	*w = objMarshaler{m: m, w: sw, depth: depth}
	return w
}

func freeObj(w *objMarshaler) {
	*w = objMarshaler{}
	nestedObjs.Put(w)
}

func nestedArr(m zapcore.ArrayMarshaler, sw *structval.Walker, depth int) *arrMarshaler {
	w := nestedArrs.Get().(*arrMarshaler)
	*w = arrMarshaler{m: m, w: sw, depth: depth}
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
func redactErr(w *structval.Walker, err error) error {
	if err == nil {
		return nil
	}
	red, _ := w.Error(err, "", redact.KeyNotSensitive)
	return red
}

// objEnc is the ObjectEncoder handed to a marshaler being redacted.
type objEnc struct {
	enc   zapcore.ObjectEncoder
	w     *structval.Walker
	r     *redact.Redactor
	mask  string // non-empty: inside a sensitive namespace, mask every value
	depth int
}

var _ zapcore.ObjectEncoder = (*objEnc)(nil)

// sensitive returns k redacted (keys are redacted in every adapter) and
// the key whose tier decides about the value of k, if any: the strong name
// of the namespace k is in, or k itself when it is a sensitive name of
// either tier.
func (e *objEnc) sensitive(k string) (key, maskKey string, ok bool) {
	key, tier := e.w.Key(k)
	switch {
	case e.mask != "":
		return key, e.mask, true
	case tier != redact.KeyNotSensitive:
		return key, key, true
	}
	return key, "", false
}

// strong returns k redacted and the key that masks a structured value
// under k whole (an object, array or reflected value), if any: a strong
// namespace or a strong k. Under a weak k the structure is walked and its
// keys decide.
func (e *objEnc) strong(k string) (key, maskKey string, ok bool) {
	key, tier := e.w.Key(k)
	switch {
	case e.mask != "":
		return key, e.mask, true
	case tier == redact.KeyStrong:
		return key, key, true
	}
	return key, "", false
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
	k, mk, ok := e.strong(k)
	if ok {
		e.whole(k, mk, e.r.Marker())
		return nil
	}
	if e.depth >= maxDepth {
		e.enc.AddString(k, e.r.Marker())
		return nil
	}
	w := nestedArr(m, e.w, e.depth+1)
	defer freeArr(w)
	return e.enc.AddArray(k, w)
}

func (e *objEnc) AddObject(k string, m zapcore.ObjectMarshaler) error {
	k, mk, ok := e.strong(k)
	if ok {
		e.whole(k, mk, e.r.Marker())
		return nil
	}
	if e.depth >= maxDepth {
		e.enc.AddString(k, e.r.Marker())
		return nil
	}
	w := nestedObj(m, e.w, e.depth+1)
	defer freeObj(w)
	return e.enc.AddObject(k, w)
}

func (e *objEnc) AddReflected(k string, v any) error {
	k, mk, ok := e.strong(k)
	if ok {
		e.whole(k, mk, e.r.Marker())
		return nil
	}
	_, tier := e.w.Key(k)
	out, _ := e.w.Value(v, k, tier, structval.JSON)
	return e.enc.AddReflected(k, out)
}

func (e *objEnc) OpenNamespace(k string) {
	k, tier := e.w.Key(k)
	if e.mask == "" && tier == redact.KeyStrong {
		e.mask = k
	}
	e.enc.OpenNamespace(k)
}

func (e *objEnc) AddString(k, v string) {
	k, mk, ok := e.sensitive(k)
	if ok {
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
	k, mk, ok := e.sensitive(k)
	if e.maskBytes(k, mk, ok, v) {
		return
	}
	if red, changed := e.w.Bytes(v, "", redact.KeyNotSensitive); changed {
		v = []byte(red)
	}
	e.enc.AddByteString(k, v)
}

func (e *objEnc) AddBinary(k string, v []byte) {
	k, mk, ok := e.sensitive(k)
	if e.maskBytes(k, mk, ok, v) {
		return
	}
	if red, changed := e.w.Bytes(v, "", redact.KeyNotSensitive); changed {
		v = []byte(red)
	}
	e.enc.AddBinary(k, v)
}

// maskBytes writes the replacement of v, under the sensitive key mk, as a
// string and returns true when the walker's policy for bytes masks it
// whole (its text or its base64 judged by mk's tier).
func (e *objEnc) maskBytes(k, mk string, sensitive bool, v []byte) bool {
	if !sensitive {
		return false
	}
	red, masked := e.w.MaskBytes(v, mk, e.r.KeyTier(mk))
	if masked {
		e.enc.AddString(k, red)
	}
	return masked
}

// The Add methods of non-text values mask them when the tier of their key
// masks their printed text (see objEnc.masked) and otherwise forward them.
// Each converts its value to text only under a sensitive key: passing it
// to a helper taking any would box it, an allocation, on every call.

func (e *objEnc) AddBool(k string, v bool) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddBool(k, v)
}

func (e *objEnc) AddComplex128(k string, v complex128) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddComplex128(k, v)
}

func (e *objEnc) AddComplex64(k string, v complex64) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddComplex64(k, v)
}

func (e *objEnc) AddDuration(k string, v time.Duration) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddDuration(k, v)
}

func (e *objEnc) AddFloat64(k string, v float64) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddFloat64(k, v)
}

func (e *objEnc) AddFloat32(k string, v float32) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddFloat32(k, v)
}

func (e *objEnc) AddInt(k string, v int) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddInt(k, v)
}

func (e *objEnc) AddInt64(k string, v int64) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddInt64(k, v)
}

func (e *objEnc) AddInt32(k string, v int32) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddInt32(k, v)
}

func (e *objEnc) AddInt16(k string, v int16) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddInt16(k, v)
}

func (e *objEnc) AddInt8(k string, v int8) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddInt8(k, v)
}

func (e *objEnc) AddTime(k string, v time.Time) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddTime(k, v)
}

func (e *objEnc) AddUint(k string, v uint) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddUint(k, v)
}

func (e *objEnc) AddUint64(k string, v uint64) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddUint64(k, v)
}

func (e *objEnc) AddUint32(k string, v uint32) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddUint32(k, v)
}

func (e *objEnc) AddUint16(k string, v uint16) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddUint16(k, v)
}

func (e *objEnc) AddUint8(k string, v uint8) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddUint8(k, v)
}

func (e *objEnc) AddUintptr(k string, v uintptr) {
	k, mk, ok := e.sensitive(k)
	if ok && e.masked(k, mk, fmt.Sprint(v)) {
		return
	}
	e.enc.AddUintptr(k, v)
}

// arrEnc is the ArrayEncoder handed to an array marshaler being redacted.
// Array elements have no keys; arrays under strong keys never get here
// (they are masked whole), arrays under weak keys are walked like others.
type arrEnc struct {
	enc   zapcore.ArrayEncoder
	w     *structval.Walker
	r     *redact.Redactor
	depth int
}

var _ zapcore.ArrayEncoder = (*arrEnc)(nil)

func (a *arrEnc) AppendArray(m zapcore.ArrayMarshaler) error {
	if a.depth >= maxDepth {
		a.enc.AppendString(a.r.Marker())
		return nil
	}
	w := nestedArr(m, a.w, a.depth+1)
	defer freeArr(w)
	return a.enc.AppendArray(w)
}

func (a *arrEnc) AppendObject(m zapcore.ObjectMarshaler) error {
	if a.depth >= maxDepth {
		a.enc.AppendString(a.r.Marker())
		return nil
	}
	w := nestedObj(m, a.w, a.depth+1)
	defer freeObj(w)
	return a.enc.AppendObject(w)
}

func (a *arrEnc) AppendReflected(v any) error {
	out, _ := a.w.Value(v, "", redact.KeyNotSensitive, structval.JSON)
	return a.enc.AppendReflected(out)
}

func (a *arrEnc) AppendString(v string) { a.enc.AppendString(a.r.String(v)) }

func (a *arrEnc) AppendByteString(v []byte) {
	if red, changed := a.w.Bytes(v, "", redact.KeyNotSensitive); changed {
		a.enc.AppendByteString([]byte(red))
		return
	}
	a.enc.AppendByteString(v)
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
