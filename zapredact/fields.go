package zapredact

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unsafe"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/internal/structval"
	"github.com/logredact/logredact/redact"
)

// maxDepth bounds how deep objects and arrays are walked: the walker's one
// depth cap. Deeper values (or self-referencing marshalers, which would
// overflow the stack) are replaced by the marker.
const maxDepth = structval.MaxDepth

// redactFields returns fields with every field that needs it replaced, and
// the namespace mask in force after them (see core.mask). When nothing
// needs replacing it returns fields itself: the path of entries made of
// plain fields copies nothing and allocates nothing, and the caller's
// slice is never written to.
//
// Otherwise the copy is the only allocation: the wrappers of objects and
// arrays live past its end (see objSlot), and it is returned with its
// capacity cut to its length, so that a core appending to it reallocates
// instead of writing over them.
func (c *core) redactFields(fields []zapcore.Field, mask string) ([]zapcore.Field, string) {
	var out []zapcore.Field
	var f zapcore.Field
	n, used := len(fields), 0
	for i := range fields {
		wrap := false
		if !c.redactField(&f, &fields[i], &mask, &wrap) {
			continue
		}
		if out == nil {
			out = make([]zapcore.Field, n, n+slotFields*wrappable(fields[i:]))
			copy(out, fields)
		}
		if wrap {
			f.Interface = c.wrapper(out, &used, &f, mask)
		}
		out[i] = f
	}
	if out == nil {
		return fields, mask
	}
	return out[:n:n], mask
}

// wrappable counts the fields that may need a wrapper: objects and arrays.
func wrappable(fields []zapcore.Field) int {
	k := 0
	for i := range fields {
		switch fields[i].Type {
		case zapcore.ObjectMarshalerType, zapcore.ArrayMarshalerType, zapcore.InlineMarshalerType:
			k++
		}
	}
	return k
}

// wrapper returns the redacting wrapper of the marshaler redactField left
// in f (see pendingWrap), stored in the next free slot past the end of out.
// mask is the namespace mask in force (empty for an object or array, which
// redactField replaces whole inside a masked namespace); a top-level object
// or array is at depth 1, an inline object adds to its parent's depth 0.
func (c *core) wrapper(out []zapcore.Field, used *int, f *zapcore.Field, mask string) any {
	depth := 1
	if f.Type == zapcore.InlineMarshalerType {
		depth = 0
	}
	at := len(out) + *used
	if at+slotFields > cap(out) {
		// Not reached (wrappable counted every candidate); a wrapper of
		// its own is as correct, one allocation dearer, and no log call
		// may panic.
		if a, ok := f.Interface.(zapcore.ArrayMarshaler); ok && f.Type == zapcore.ArrayMarshalerType {
			return arrMarshaler{m: a, w: c.w, depth: depth}
		}
		om, _ := f.Interface.(zapcore.ObjectMarshaler)
		return objMarshaler{m: om, w: c.w, mask: mask, depth: depth}
	}
	*used += slotFields
	s := out[at : at+slotFields]
	s[0] = zapcore.Field{Key: mask, Integer: int64(depth), Interface: f.Interface}
	s[1] = zapcore.Field{Interface: c.w}
	if f.Type == zapcore.ArrayMarshalerType {
		return (*arrSlot)(s)
	}
	return (*objSlot)(s)
}

// pendingWrap leaves in *dst a field whose marshaler m redactFields wraps:
// the wrapper is stored in the copy of the fields, so a log call with
// objects allocates once, not once per object.
func pendingWrap(dst *zapcore.Field, key string, typ zapcore.FieldType, m any, wrap *bool) bool {
	*dst = zapcore.Field{Key: key, Type: typ, Interface: m}
	*wrap = true
	return true
}

// redactField sets *dst to the replacement of f and returns true, or
// returns false when f can be written as it is. (Returning a Field, 64
// bytes, for every clean field costs more than the check itself.) *mask is
// the sensitive namespace key in force; a Namespace field with a sensitive
// key sets it.
//
// A value whose text comes from the caller's methods (a Stringer, an error
// other than the standard library's, an object or an array) is always
// replaced, clean or not: its methods must run once, and what they return
// is what gets redacted and written. A reflected value goes through the
// shared walker, which passes a clean one without methods as it is.
func (c *core) redactField(dst, f *zapcore.Field, mask *string, wrap *bool) bool {
	w := c.w
	switch f.Type {
	case zapcore.SkipType:
		return false
	case zapcore.NamespaceType:
		// Only a strong name masks the namespace whole; under a weak one
		// the keys inside decide, as for an object.
		k, tier := w.Key(f.Key)
		if *mask == "" && tier == redact.KeyStrong {
			*mask = k
		}
		if k != f.Key {
			*dst = zapcore.Field{Key: k, Type: zapcore.NamespaceType}
			return true
		}
		return false
	case zapcore.InlineMarshalerType:
		m, ok := f.Interface.(zapcore.ObjectMarshaler)
		if !ok {
			return false
		}
		return pendingWrap(dst, f.Key, zapcore.InlineMarshalerType, m, wrap)
	}
	key, tier := w.Key(f.Key)
	if *mask != "" {
		*dst = c.whole(f, key, *mask)
		return true
	}
	if tier != redact.KeyNotSensitive {
		if done, replaced := c.sensitiveField(dst, f, key, tier); done {
			return replaced || c.rekey(dst, f, key, replaced)
		}
	}
	switch f.Type {
	case zapcore.StringType:
		if s := c.w.Text(f.String); s != f.String {
			*dst = zapcore.Field{Key: key, Type: zapcore.StringType, String: s}
			return true
		}
	case zapcore.ByteStringType, zapcore.BinaryType:
		b, _ := f.Interface.([]byte)
		if red, changed := w.Bytes(b, "", redact.KeyNotSensitive); changed {
			*dst = zapcore.Field{Key: key, Type: f.Type, Interface: []byte(red)}
			return true
		}
	case zapcore.StringerType:
		// Called once, here; the encoder writes the redacted text.
		*dst = stringField(key, c.stringer(f.Interface, key, tier))
		return true
	case zapcore.ErrorType:
		err, ok := f.Interface.(error)
		if !ok {
			break
		}
		if red, changed := w.Error(err, key, tier); changed {
			*dst = zapcore.Field{Key: key, Type: zapcore.ErrorType, Interface: red}
			return true
		}
	case zapcore.ReflectType:
		if f.Interface == nil {
			break
		}
		return c.reflected(dst, f, key, tier)
	case zapcore.ObjectMarshalerType:
		m, ok := f.Interface.(zapcore.ObjectMarshaler)
		if !ok {
			break
		}
		return pendingWrap(dst, key, zapcore.ObjectMarshalerType, m, wrap)
	case zapcore.ArrayMarshalerType:
		m, ok := f.Interface.(zapcore.ArrayMarshaler)
		if !ok {
			break
		}
		if kind, own := plainArrays[reflect.TypeOf(m)]; own {
			if redactPlainArray(dst, key, kind, m, w) {
				return true
			}
			break
		}
		return pendingWrap(dst, key, zapcore.ArrayMarshalerType, m, wrap)
	}
	return c.rekey(dst, f, key, false)
}

// rekey sets *dst to f under the redacted key when the key held a secret.
func (c *core) rekey(dst, f *zapcore.Field, key string, replaced bool) bool {
	if key == f.Key || replaced {
		return replaced
	}
	*dst = *f
	dst.Key = key
	return true
}

// stringer returns the redacted String text of v (the walker writes
// "<nil>" for a nil pointer whose String panics, as zap does).
func (c *core) stringer(v any, key string, tier redact.KeyTier) string {
	s, ok := v.(fmt.Stringer)
	if !ok {
		return c.r.Marker()
	}
	return c.w.Stringer(s, key, tier)
}

// reflected redacts a zap.Reflect value (zap.Any of a struct, map or
// slice) with the shared walker, for zap's JSON reflected encoder: a clean
// one without methods is written as it is, any other as its redacted
// encoding, a json.RawMessage.
func (c *core) reflected(dst, f *zapcore.Field, key string, tier redact.KeyTier) bool {
	out, changed := c.w.Value(f.Interface, key, tier, structval.JSON)
	if !changed {
		return c.rekey(dst, f, key, false)
	}
	if s, ok := out.(string); ok {
		*dst = stringField(key, s)
		return true
	}
	*dst = zapcore.Field{Key: key, Type: zapcore.ReflectType, Interface: out}
	return true
}

// sensitiveField handles f, whose key is sensitive, by the key tiers (see
// [redact.Redactor.MasksValue]): a scalar (a string, byte string, number,
// time, the text of a Stringer or an error) is replaced whole when r masks
// its printed text under the key, and is otherwise redacted as under any
// key, keeping its type; an object, array or reflected value is replaced
// whole under a strong name and walked under a weak one, so that the keys
// inside decide. done is false when f is to be handled as under a plain
// key; replaced then tells whether *dst was set. A user method runs once.
func (c *core) sensitiveField(dst, f *zapcore.Field, key string, tier redact.KeyTier) (done, replaced bool) {
	r := c.r
	switch f.Type {
	case zapcore.ObjectMarshalerType, zapcore.ArrayMarshalerType:
		if tier == redact.KeyStrong {
			*dst = c.whole(f, key, key)
			return true, true
		}
		return false, false
	case zapcore.ByteStringType, zapcore.BinaryType:
		b, _ := f.Interface.([]byte)
		if red, masked := c.w.MaskBytes(b, key, tier); masked {
			*dst = stringField(key, red)
			return true, true
		}
		return false, false
	case zapcore.ReflectType, zapcore.ErrorType:
		return false, false // the walker applies the tier
	case zapcore.StringType:
		if r.MasksValue(key, f.String) {
			*dst = stringField(key, r.Field(key, f.String))
			return true, true
		}
		return false, false
	case zapcore.StringerType:
		*dst = stringField(key, c.stringer(f.Interface, key, tier))
		return true, true
	case zapcore.SkipType, zapcore.NamespaceType, zapcore.InlineMarshalerType:
		return false, false
	}
	// Numbers, booleans, times, durations: nothing else to redact in them.
	var buf [32]byte
	text, ok := scalarText(buf[:0], f)
	var s string
	if ok {
		// The view is only read by MasksValue; it is copied if masked.
		s = unsafe.String(unsafe.SliceData(text), len(text))
	} else {
		s = fieldText(c.r, f)
	}
	if r.MasksValue(key, s) {
		*dst = stringField(key, r.Field(key, strings.Clone(s)))
		return true, true
	}
	return true, false
}

// scalarText appends the text of a number or boolean field to dst, as
// zap's JSON encoder prints it, without allocating. ok is false for other
// types.
func scalarText(dst []byte, f *zapcore.Field) (_ []byte, ok bool) {
	switch f.Type {
	case zapcore.BoolType:
		return strconv.AppendBool(dst, f.Integer == 1), true
	case zapcore.Int64Type, zapcore.Int32Type, zapcore.Int16Type, zapcore.Int8Type:
		return strconv.AppendInt(dst, f.Integer, 10), true
	case zapcore.Uint64Type, zapcore.Uint32Type, zapcore.Uint16Type, zapcore.Uint8Type, zapcore.UintptrType:
		return strconv.AppendUint(dst, uint64(f.Integer), 10), true
	case zapcore.Float64Type:
		return strconv.AppendFloat(dst, math.Float64frombits(uint64(f.Integer)), 'f', -1, 64), true
	case zapcore.Float32Type:
		return strconv.AppendFloat(dst, float64(math.Float32frombits(uint32(f.Integer))), 'f', -1, 32), true
	}
	return dst, false
}

// plainArrays are zap's own array types (zap.Strings, zap.Ints...): their
// MarshalLogArray runs no caller code, so they are read directly rather
// than wrapped. The value tells which hold text.
var plainArrays = func() map[reflect.Type]arrayKind {
	m := map[reflect.Type]arrayKind{}
	add := func(kind arrayKind, fs ...zapcore.Field) {
		for _, f := range fs {
			m[reflect.TypeOf(f.Interface)] = kind
		}
	}
	add(stringsKind, zap.Strings("", nil))
	add(byteStringsKind, zap.ByteStrings("", nil))
	add(textlessKind, zap.Bools("", nil), zap.Complex128s("", nil), zap.Complex64s("", nil),
		zap.Durations("", nil), zap.Float64s("", nil), zap.Float32s("", nil), zap.Ints("", nil),
		zap.Int64s("", nil), zap.Int32s("", nil), zap.Int16s("", nil), zap.Int8s("", nil),
		zap.Times("", nil), zap.Uints("", nil), zap.Uint64s("", nil), zap.Uint32s("", nil),
		zap.Uint16s("", nil), zap.Uint8s("", nil), zap.Uintptrs("", nil))
	return m
}()

type arrayKind uint8

const (
	textlessKind    arrayKind = iota // numbers, times, booleans: nothing to redact
	stringsKind                      // zap.Strings
	byteStringsKind                  // zap.ByteStrings
)

// redactPlainArray redacts the elements of one of zap's own arrays,
// copying the slice only when an element changes.
func redactPlainArray(dst *zapcore.Field, key string, kind arrayKind, m zapcore.ArrayMarshaler, w *structval.Walker) bool {
	rv := reflect.ValueOf(m)
	r := w.Redactor()
	switch kind {
	case stringsKind:
		var out []string
		for i := range rv.Len() {
			s := rv.Index(i).String()
			red := r.String(s)
			if red == s && out == nil {
				continue
			}
			if out == nil {
				out = make([]string, rv.Len())
				for j := range i {
					out[j] = rv.Index(j).String()
				}
			}
			out[i] = red
		}
		if out != nil {
			*dst = zap.Strings(key, out)
			return true
		}
	case byteStringsKind:
		var out [][]byte
		for i := range rv.Len() {
			b := rv.Index(i).Bytes()
			red, changed := w.Bytes(b, "", redact.KeyNotSensitive)
			if !changed && out == nil {
				continue
			}
			if out == nil {
				out = make([][]byte, rv.Len())
				for j := range i {
					out[j] = rv.Index(j).Bytes()
				}
			}
			if changed {
				out[i] = []byte(red)
			} else {
				out[i] = b
			}
		}
		if out != nil {
			*dst = zap.ByteStrings(key, out)
			return true
		}
	}
	return false
}

func stringField(key, val string) zapcore.Field {
	return zapcore.Field{Key: key, Type: zapcore.StringType, String: val}
}

// whole replaces f by a string field holding the replacement of its whole
// value, as r.Field does for a string under the sensitive key maskKey.
// The text of a string, byte string or scalar matters in HMAC mode, where
// equal values must give equal digests; any other value is the marker.
func (c *core) whole(f *zapcore.Field, key, maskKey string) zapcore.Field {
	return stringField(key, c.r.Field(maskKey, fieldText(c.r, f)))
}

// fieldText is the text of f's value for a whole-value replacement.
func fieldText(r *redact.Redactor, f *zapcore.Field) string {
	switch f.Type {
	case zapcore.StringType:
		return f.String
	case zapcore.ByteStringType, zapcore.BinaryType:
		b, _ := f.Interface.([]byte)
		return string(b)
	}
	var buf [32]byte
	if text, ok := scalarText(buf[:0], f); ok {
		return string(text)
	}
	switch f.Type {
	case zapcore.DurationType, zapcore.TimeType, zapcore.TimeFullType, zapcore.Complex128Type, zapcore.Complex64Type:
		// Rendered as zap renders them; these run no code of the caller.
		enc := zapcore.NewMapObjectEncoder()
		f.AddTo(enc)
		return fmt.Sprint(enc.Fields[f.Key])
	}
	return r.Marker()
}
