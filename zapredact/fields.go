package zapredact

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/internal/anyredact"
	"github.com/logredact/logredact/redact"
)

// maxDepth bounds how deep objects, arrays and error causes are walked.
// Deeper values (or self-referencing marshalers, which would overflow the
// stack) are replaced by the marker.
const maxDepth = 32

// redactFields returns fields with every field that needs it replaced, and
// the namespace mask in force after them (see core.mask). When nothing
// needs redacting it returns fields itself: the clean path copies nothing
// and allocates nothing, and the caller's slice is never written to.
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
// bytes, for every clean field costs more than the check itself.) *mask is the sensitive namespace key in force; a
// Namespace field with a sensitive key sets it.
func (c *core) redactField(dst, f *zapcore.Field, mask *string) bool {
	r := c.r
	switch f.Type {
	case zapcore.SkipType:
		return false
	case zapcore.NamespaceType:
		if *mask == "" && r.IsSensitiveKey(f.Key) {
			*mask = f.Key
		}
		return false
	case zapcore.InlineMarshalerType:
		m, ok := f.Interface.(zapcore.ObjectMarshaler)
		if !ok {
			return false
		}
		switch inspectObject(r, m, *mask != "") {
		case clean:
			return false
		case failed:
			*dst = zapcore.Field{Key: f.Key + "Error", Type: zapcore.StringType, String: r.Marker()}
			return true
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
		*dst = c.whole(f, f.Key)
		return true
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
		s, st := safeString(f.Interface)
		switch st {
		case failed:
			*dst = stringField(f.Key, r.Marker())
			return true
		case clean: // a nilptr is written "<nil>" by zap itself
			if red := r.String(s); red != s {
				*dst = stringField(f.Key, red)
				return true
			}
		}
	case zapcore.ErrorType:
		err, ok := f.Interface.(error)
		if ok && inspectError(r, err, 0) != clean {
			*dst = zapcore.Field{Key: f.Key, Type: zapcore.ErrorType, Interface: redactError(r, err, 0)}
			return true
		}
	case zapcore.ReflectType:
		if v, changed := anyredact.Value(r, f.Interface); changed {
			*dst = zapcore.Field{Key: f.Key, Type: zapcore.ReflectType, Interface: v}
			return true
		}
	case zapcore.ObjectMarshalerType:
		m, ok := f.Interface.(zapcore.ObjectMarshaler)
		if !ok {
			break
		}
		switch inspectObject(r, m, false) {
		case failed:
			*dst = stringField(f.Key, r.Marker())
			return true
		case dirty:
			*dst = zapcore.Field{Key: f.Key, Type: zapcore.ObjectMarshalerType,
				Interface: objMarshaler{m: m, r: r, depth: 1}}
			return true
		}
	case zapcore.ArrayMarshalerType:
		m, ok := f.Interface.(zapcore.ArrayMarshaler)
		if !ok {
			break
		}
		switch inspectArray(r, m) {
		case failed:
			*dst = stringField(f.Key, r.Marker())
			return true
		case dirty:
			*dst = zapcore.Field{Key: f.Key, Type: zapcore.ArrayMarshalerType,
				Interface: arrMarshaler{m: m, r: r, depth: 1}}
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
	return jsonText(r, enc.Fields[f.Key])
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

// holds reports whether s holds a secret. Inspection uses it rather than
// comparing r.String(s) with s because it does not call the Redactor's
// observer: the value is redacted, and counted, once, when it is written.
// It does not allocate for clean input.
func holds(r *redact.Redactor, s string) bool { return r.Find(s) != nil }

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

// status is the outcome of inspecting a value.
type status uint8

const (
	clean  status = iota // nothing to redact: write it as it is
	dirty                // redact it while it is encoded
	failed               // cannot be inspected (panic, too deep): replace it by the marker
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

// inspectError reports whether err, as zap would encode it, holds anything
// to redact. It calls Error (and, for errors that format themselves,
// fmt.Sprintf("%+v") as zap does) without allocating for plain errors.
func inspectError(r *redact.Redactor, err error, depth int) status {
	if depth > maxDepth {
		return failed
	}
	msg, st := safeError(err)
	switch st {
	case nilptr:
		return clean
	case failed:
		return failed
	}
	if holds(r, msg) {
		return dirty
	}
	switch e := err.(type) {
	case errorGroup:
		causes, st := safeCauses(e)
		if st != clean {
			return st
		}
		for _, cause := range causes {
			if cause == nil {
				continue
			}
			if st := inspectError(r, cause, depth+1); st != clean {
				return dirty
			}
		}
	case fmt.Formatter:
		return inspectVerbose(r, e)
	}
	return clean
}

// verboseBufs hold the "%+v" form of errors being inspected, so that
// inspecting a clean rich error allocates nothing of its own.
var verboseBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// inspectVerbose inspects fmt.Sprintf("%+v", f), which zap writes under
// keyVerbose. fmt recovers a panic in Format and prints the panic value,
// so that text makes the error dirty: redactError replaces it.
func inspectVerbose(r *redact.Redactor, f fmt.Formatter) (st status) {
	buf := verboseBufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if recover() != nil {
			st = failed
		}
		if buf.Cap() <= 64<<10 {
			verboseBufs.Put(buf)
		}
	}()
	_, _ = fmt.Fprintf(buf, "%+v", f)
	b := buf.Bytes()
	if holds(r, unsafe.String(unsafe.SliceData(b), len(b))) || bytes.Contains(b, []byte("(PANIC=")) {
		return dirty
	}
	return clean
}

// redactError returns an error that zap encodes like err, with the same
// keys (key, keyVerbose, keyCauses), holding redacted text. Parts that
// cannot be read become the marker.
func redactError(r *redact.Redactor, err error, depth int) error {
	if depth > maxDepth {
		return &redactedError{msg: r.Marker()}
	}
	msg, st := safeError(err)
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
		_, _ = fmt.Fprint(s, e.verbose)
		return
	}
	_, _ = fmt.Fprint(s, e.msg)
}
