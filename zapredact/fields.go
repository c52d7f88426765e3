package zapredact

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unsafe"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/redact"
)

// maxDepth bounds how deep objects, arrays and error causes are walked.
// Deeper values (or self-referencing marshalers, which would overflow the
// stack) are replaced by the marker.
const maxDepth = 32

// redactFields returns fields with every field that needs it replaced, and
// the namespace mask in force after them (see core.mask). When nothing
// needs replacing it returns fields itself: the path of entries made of
// plain fields copies nothing and allocates nothing, and the caller's
// slice is never written to.
func (c *core) redactFields(fields []zapcore.Field, mask string) ([]zapcore.Field, string) {
	var out []zapcore.Field
	var f zapcore.Field
	for i := range fields {
		if !c.redactField(&f, &fields[i], &mask) {
			continue
		}
		if out == nil {
			out = make([]zapcore.Field, len(fields))
			copy(out, fields)
		}
		out[i] = f
	}
	if out == nil {
		return fields, mask
	}
	return out, mask
}

// redactField sets *dst to the replacement of f and returns true, or
// returns false when f can be written as it is. (Returning a Field, 64
// bytes, for every clean field costs more than the check itself.) *mask is
// the sensitive namespace key in force; a Namespace field with a sensitive
// key sets it.
//
// A value whose text comes from the caller's methods (a Stringer, an error
// other than the standard library's, an object, an array or a reflected
// value) is always replaced, clean or not: its methods must run once, and
// what they return is what gets redacted and written. Checking it and
// then letting the encoder call the methods again would write whatever
// the second call returns.
func (c *core) redactField(dst, f *zapcore.Field, mask *string) bool {
	r := c.r
	switch f.Type {
	case zapcore.SkipType:
		return false
	case zapcore.NamespaceType:
		// Only a strong name masks the namespace whole; under a weak one
		// the keys inside decide, as for an object.
		if *mask == "" && isStrongKey(r, f.Key) {
			*mask = f.Key
		}
		return false
	case zapcore.InlineMarshalerType:
		m, ok := f.Interface.(zapcore.ObjectMarshaler)
		if !ok {
			return false
		}
		*dst = zapcore.Field{Key: f.Key, Type: zapcore.InlineMarshalerType,
			Interface: objMarshaler{m: m, r: r, mask: *mask}}
		return true
	}

	if *mask != "" {
		*dst = c.whole(f, *mask)
		return true
	}
	if r.IsSensitiveKey(f.Key) {
		if done, replaced := c.sensitiveField(dst, f); done {
			return replaced
		}
	}

	switch f.Type {
	case zapcore.StringType:
		if s := r.String(f.String); s != f.String {
			*dst = zapcore.Field{Key: f.Key, Type: zapcore.StringType, String: s}
			return true
		}
	case zapcore.ByteStringType, zapcore.BinaryType:
		b, _ := f.Interface.([]byte)
		if red, changed := redactBytes(r, b); changed {
			*dst = zapcore.Field{Key: f.Key, Type: f.Type, Interface: red}
			return true
		}
	case zapcore.StringerType:
		// Called once, here; the encoder writes the redacted text.
		s, st := safeString(f.Interface)
		switch st {
		case failed:
			s = r.Marker()
		case clean: // a nilptr is "<nil>", as zap writes it
			s = r.String(s)
		}
		*dst = stringField(f.Key, s)
		return true
	case zapcore.ErrorType:
		err, ok := f.Interface.(error)
		if !ok {
			break
		}
		if storesText(err) {
			// Its Error method returns a string fixed at construction:
			// checking it once is checking what zap writes.
			return redactStoredError(dst, f.Key, r, err, err.Error())
		}
		*dst = zapcore.Field{Key: f.Key, Type: zapcore.ErrorType, Interface: redactError(r, err, 0)}
		return true
	case zapcore.ReflectType:
		if f.Interface == nil {
			break
		}
		*dst = zapcore.Field{Key: f.Key, Type: zapcore.ReflectType, Interface: &reflected{v: f.Interface, r: r}}
		return true
	case zapcore.ObjectMarshalerType:
		m, ok := f.Interface.(zapcore.ObjectMarshaler)
		if !ok {
			break
		}
		*dst = zapcore.Field{Key: f.Key, Type: zapcore.ObjectMarshalerType,
			Interface: objMarshaler{m: m, r: r, depth: 1}}
		return true
	case zapcore.ArrayMarshalerType:
		m, ok := f.Interface.(zapcore.ArrayMarshaler)
		if !ok {
			break
		}
		if kind, own := plainArrays[reflect.TypeOf(m)]; own {
			return redactPlainArray(dst, f.Key, kind, m, r)
		}
		*dst = zapcore.Field{Key: f.Key, Type: zapcore.ArrayMarshalerType,
			Interface: arrMarshaler{m: m, r: r, depth: 1}}
		return true
	}
	return false
}

// sensitiveField handles f, whose key is sensitive, by the key tiers (see
// [redact.Redactor.MasksValue]): a scalar (a string, byte string, number,
// time, the text of a Stringer or an error) is replaced whole when r masks
// its printed text under the key, and is otherwise redacted as under any
// key, keeping its type; an object, array or reflected value is replaced
// whole under a strong name and walked under a weak one, so that the keys
// inside decide. done is false when f is to be handled as under a plain
// key; replaced then tells whether *dst was set. A user method runs once.
func (c *core) sensitiveField(dst, f *zapcore.Field) (done, replaced bool) {
	r := c.r
	switch f.Type {
	case zapcore.ObjectMarshalerType, zapcore.ArrayMarshalerType, zapcore.ReflectType:
		if isStrongKey(r, f.Key) {
			*dst = c.whole(f, f.Key)
			return true, true
		}
		return false, false
	case zapcore.StringType:
		if r.MasksValue(f.Key, f.String) {
			*dst = stringField(f.Key, r.Field(f.Key, f.String))
			return true, true
		}
		return false, false
	case zapcore.ByteStringType, zapcore.BinaryType:
		b, _ := f.Interface.([]byte)
		if masksBytes(r, f.Key, b, f.Type == zapcore.BinaryType) {
			*dst = stringField(f.Key, r.Field(f.Key, string(b)))
			return true, true
		}
		return false, false
	case zapcore.StringerType:
		s, st := safeString(f.Interface)
		switch {
		case st == failed:
			s = r.Marker()
		case st == clean && r.MasksValue(f.Key, s):
			s = r.Field(f.Key, s)
		case st == clean:
			s = r.String(s)
		}
		*dst = stringField(f.Key, s)
		return true, true
	case zapcore.ErrorType:
		err, ok := f.Interface.(error)
		if !ok {
			return false, false
		}
		msg, st := safeError(err)
		switch {
		case st == failed:
			*dst = stringField(f.Key, r.Marker())
			return true, true
		case st == clean && r.MasksValue(f.Key, msg):
			*dst = stringField(f.Key, r.Field(f.Key, msg))
			return true, true
		case storesText(err):
			return true, redactStoredError(dst, f.Key, r, err, msg)
		}
		*dst = zapcore.Field{Key: f.Key, Type: zapcore.ErrorType, Interface: redactErrorText(r, err, msg, st, 0)}
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
		s = fieldText(r, f)
	}
	if r.MasksValue(f.Key, s) {
		*dst = stringField(f.Key, r.Field(f.Key, strings.Clone(s)))
		return true, true
	}
	return true, false
}

// isStrongKey reports whether key is a strong sensitive name, one under
// which every value but a placeholder is masked, so that an object or a
// namespace under it is masked whole. A one-digit number is neither a
// placeholder nor credential-like, so r masks it under a strong name only
// (see [redact.Redactor.MasksValue]).
func isStrongKey(r *redact.Redactor, key string) bool {
	return r.MasksValue(key, "1")
}

// masksBytes reports whether r masks b under key. A binary value is
// written as base64, which may look like a credential when the raw bytes
// do not; either form decides.
func masksBytes(r *redact.Redactor, key string, b []byte, binary bool) bool {
	if r.MasksValue(key, unsafe.String(unsafe.SliceData(b), len(b))) {
		return true
	}
	return binary && r.MasksValue(key, base64.StdEncoding.EncodeToString(b))
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

// redactStoredError sets *dst to the error err, whose fixed message is
// msg, with msg redacted, and returns true; or returns false when msg is
// clean and err can be written as it is.
func redactStoredError(dst *zapcore.Field, key string, r *redact.Redactor, err error, msg string) bool {
	if red := r.String(msg); red != msg {
		*dst = zapcore.Field{Key: key, Type: zapcore.ErrorType, Interface: &redactedError{msg: red}}
		return true
	}
	return false
}

// storedTextErrors are the standard library's error types whose Error
// method returns a string fixed when the error was made (errors.New,
// fmt.Errorf with and without %w). They run no caller code and answer the
// same on every call, and zap writes nothing but their message.
var storedTextErrors = map[reflect.Type]bool{
	reflect.TypeOf(errors.New("")):                                      true,
	reflect.TypeOf(fmt.Errorf("%w", errors.New(""))):                    true,
	reflect.TypeOf(fmt.Errorf("%w %w", errors.New(""), errors.New(""))): true,
}

func storesText(err error) bool { return storedTextErrors[reflect.TypeOf(err)] }

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
func redactPlainArray(dst *zapcore.Field, key string, kind arrayKind, m zapcore.ArrayMarshaler, r *redact.Redactor) bool {
	rv := reflect.ValueOf(m)
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
			red, changed := redactBytes(r, b)
			if !changed && out == nil {
				continue
			}
			if out == nil {
				out = make([][]byte, rv.Len())
				for j := range i {
					out[j] = rv.Index(j).Bytes()
				}
			}
			out[i] = red
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
// value, as r.Field does for a string under the sensitive key maskKey. The
// value's text only matters in HMAC mode, where equal values must give
// equal digests.
func (c *core) whole(f *zapcore.Field, maskKey string) zapcore.Field {
	return stringField(f.Key, c.r.Field(maskKey, fieldText(c.r, f)))
}

// fieldText renders the value of f as text, or the marker when that fails.
func fieldText(r *redact.Redactor, f *zapcore.Field) (text string) {
	switch f.Type {
	case zapcore.StringType:
		return f.String
	case zapcore.ByteStringType, zapcore.BinaryType:
		b, _ := f.Interface.([]byte)
		return string(b)
	case zapcore.StringerType:
		s, st := safeString(f.Interface)
		if st == failed {
			return r.Marker()
		}
		return s
	case zapcore.ErrorType:
		err, ok := f.Interface.(error)
		if !ok {
			return r.Marker()
		}
		s, st := safeError(err)
		if st == failed {
			return r.Marker()
		}
		return s
	case zapcore.ObjectMarshalerType, zapcore.ArrayMarshalerType, zapcore.InlineMarshalerType:
		// Walk it bounded first: an unbounded walk of a self-referencing
		// marshaler would overflow the stack.
		return marshalText(r, func(enc zapcore.ObjectEncoder) error { f.AddTo(enc); return nil }, f.Key)
	}
	defer func() {
		if recover() != nil {
			text = r.Marker()
		}
	}()
	enc := zapcore.NewMapObjectEncoder()
	f.AddTo(enc)
	text = jsonText(r, enc.Fields[f.Key])
	// A time is a JSON string: its text is what is inside the quotes.
	var s string
	if len(text) > 1 && text[0] == '"' && json.Unmarshal([]byte(text), &s) == nil {
		return s
	}
	return text
}

// jsonText renders v as JSON, or as fmt does when JSON cannot encode it.
func jsonText(r *redact.Redactor, v any) (text string) {
	defer func() {
		if recover() != nil {
			text = r.Marker()
		}
	}()
	if b, err := json.Marshal(v); err == nil {
		return string(b)
	}
	return fmt.Sprint(v)
}

// redactBytes returns b with secrets replaced and true, or b and false when
// it holds none. It does not allocate for clean input.
func redactBytes(r *redact.Redactor, b []byte) ([]byte, bool) {
	s := unsafe.String(unsafe.SliceData(b), len(b))
	red := r.String(s)
	if len(red) == len(s) && unsafe.StringData(red) == unsafe.StringData(s) {
		return b, false
	}
	return []byte(red), true
}

// status is the outcome of calling a value's method.
type status uint8

const (
	clean  status = iota // the method returned
	failed               // it panicked (or the value is too deep): write the marker
	nilptr               // a nil pointer whose method panicked: zap writes "<nil>"
)

// isNilPtr reports whether v is a nil pointer: zap writes "<nil>" when the
// String or Error method of one panics, and so does the redacting core.
func isNilPtr(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

// safeString calls v's String method. A panic gives failed, except for a
// nil pointer, which gives "<nil>" and nilptr, as zap prints it.
func safeString(v any) (s string, st status) {
	defer func() {
		if recover() != nil {
			if isNilPtr(v) {
				s, st = "<nil>", nilptr
				return
			}
			s, st = "", failed
		}
	}()
	str, ok := v.(fmt.Stringer)
	if !ok {
		return "", failed
	}
	return str.String(), clean
}

// safeError calls err.Error() as safeString calls String, except that a
// panicking nil pointer gives "<nil>" and nilptr: zap writes "<nil>" for it
// and stops there (no causes, no verbose form).
func safeError(err error) (s string, st status) {
	defer func() {
		if recover() != nil {
			if isNilPtr(err) {
				s, st = "<nil>", nilptr
				return
			}
			s, st = "", failed
		}
	}()
	return err.Error(), clean
}

// safeVerbose returns fmt.Sprintf("%+v", f).
func safeVerbose(f fmt.Formatter) (s string, st status) {
	defer func() {
		if recover() != nil {
			s, st = "", failed
		}
	}()
	return fmt.Sprintf("%+v", f), clean
}

// safeCauses returns g.Errors().
func safeCauses(g errorGroup) (errs []error, st status) {
	defer func() {
		if recover() != nil {
			errs, st = nil, failed
		}
	}()
	return g.Errors(), clean
}

// errorGroup is the interface zap recognises for multi-errors (such as
// go.uber.org/multierr): their causes are written under keyCauses.
type errorGroup interface {
	Errors() []error
}

// redactError returns an error that zap encodes like err, with the same
// keys (key, keyVerbose, keyCauses), holding redacted text. It calls each
// of err's methods that zap would call (Error, Errors, Format with "%+v")
// once, at every depth; the result holds only text. Parts that cannot be
// read become the marker.
func redactError(r *redact.Redactor, err error, depth int) error {
	if depth > maxDepth {
		return &redactedError{msg: r.Marker()}
	}
	msg, st := safeError(err)
	return redactErrorText(r, err, msg, st, depth)
}

// redactErrorText is redactError for an err whose Error method was called
// already, returning msg with status st.
func redactErrorText(r *redact.Redactor, err error, msg string, st status, depth int) error {
	switch st {
	case failed:
		return &redactedError{msg: r.Marker()}
	case nilptr:
		return &redactedError{msg: msg}
	}
	msg = r.String(msg)
	switch e := err.(type) {
	case errorGroup:
		causes, st := safeCauses(e)
		if st == failed {
			return &redactedError{msg: msg}
		}
		red := make([]error, len(causes))
		for i, cause := range causes {
			if cause != nil {
				red[i] = redactError(r, cause, depth+1)
			}
		}
		return &redactedGroup{msg: msg, causes: red}
	case fmt.Formatter:
		verbose, st := safeVerbose(e)
		if st == failed || strings.Contains(verbose, "(PANIC=") {
			verbose = r.Marker()
		}
		return &redactedFormatter{msg: msg, verbose: r.String(verbose)}
	}
	return &redactedError{msg: msg}
}

// redactedError is an error whose message was redacted.
type redactedError struct{ msg string }

func (e *redactedError) Error() string { return e.msg }

// redactedGroup is a redacted multi-error: zap writes its causes.
type redactedGroup struct {
	msg    string
	causes []error
}

func (e *redactedGroup) Error() string   { return e.msg }
func (e *redactedGroup) Errors() []error { return e.causes }

// redactedFormatter is a redacted rich error (such as one from
// github.com/pkg/errors): %+v gives its redacted verbose form, which zap
// writes under keyVerbose when it differs from the message.
type redactedFormatter struct {
	msg, verbose string
}

func (e *redactedFormatter) Error() string { return e.msg }

func (e *redactedFormatter) Format(s fmt.State, verb rune) {
	if verb == 'v' && s.Flag('+') {
		_, _ = io.WriteString(s, e.verbose)
		return
	}
	_, _ = io.WriteString(s, e.msg)
}
