package slogredact

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/logredact/logredact/internal/anyredact"
)

// any redacts a value of kind Any, keeping the kind the next handler
// expects. Each rendering the next handler may use is produced once (one
// call of each of the value's methods): when one holds a secret, or when
// producing it called a method of the program (which may answer
// differently the next time), the next handler is given a value that
// renders as what was checked, redacted, instead of x. It returns false,
// allocating nothing of its own, when x renders clean without calling a
// method of the program.
func (e *engine) any(x any) (slog.Value, bool) {
	switch t := x.(type) {
	case nil, slog.Level, *slog.Source:
		return slog.Value{}, false
	case []byte:
		s := unsafe.String(unsafe.SliceData(t), len(t))
		if s2 := e.scalar(s); s2 != s {
			return slog.AnyValue([]byte(s2)), true
		}
		return slog.Value{}, false
	case json.RawMessage:
		return e.rawValue(t)
	}
	rt := reflect.TypeOf(x)
	if rt.Kind() == reflect.Slice && isByteSlice(rt) {
		// A named []byte type: checked as bytes, kept its type.
		b := reflect.ValueOf(x).Bytes()
		s := unsafe.String(unsafe.SliceData(b), len(b))
		if s2 := e.scalar(s); s2 != s {
			return slog.AnyValue(reflect.ValueOf([]byte(s2)).Convert(rt).Interface()), true
		}
		return slog.Value{}, false
	}
	if rt.NumMethod() == 0 && e.weakKey == "" {
		switch rt.Kind() {
		case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
			reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
			// Numbers have no text to hold a secret.
			return slog.Value{}, false
		}
	}
	in := anyredact.Inspect(e.r, x)
	if in.Failed {
		return slog.StringValue(e.r.Marker()), true
	}
	if err, ok := x.(error); ok {
		return e.errValue(err, &in)
	}
	switch e.target {
	case jsonHandler:
		return e.jsonValue(x, &in)
	case textHandler:
		return e.textValue(x, &in)
	}
	return e.anyValue(x, &in)
}

// jsonValue redacts x for a *slog.JSONHandler, which writes its JSON
// encoding.
func (e *engine) jsonValue(x any, in *anyredact.Inspection) (slog.Value, bool) {
	enc, dirty, failed := e.checkJSON(x, false, in, in.CallsJSON)
	switch {
	case failed:
		return slog.StringValue(e.r.Marker()), true
	case dirty || in.CallsJSON:
		// The JSON handler writes a RawMessage as it is: the value keeps
		// its fields in their order, and nothing is encoded again.
		return slog.AnyValue(json.RawMessage(enc)), true
	}
	return slog.Value{}, false
}

// textValue redacts x for a *slog.TextHandler, which writes MarshalText
// when x has it and the fmt "%+v" form otherwise.
func (e *engine) textValue(x any, in *anyredact.Inspection) (slog.Value, bool) {
	if tm, ok := x.(encoding.TextMarshaler); ok {
		red, dirty, failed := e.marshalText(tm, in, in.CallsText)
		switch {
		case failed:
			return slog.StringValue(e.r.Marker()), true
		case dirty || in.CallsText:
			return slog.StringValue(red), true
		}
		return slog.Value{}, false
	}
	if !ownsText(x) {
		// Rendered field by field: the JSON view knows the field names,
		// so a value under a sensitive one is masked, and the value is
		// then written as its redacted map or slice.
		enc, dirty, failed := e.checkJSON(x, false, in, false)
		if v, done := e.decoded(enc, dirty, failed); done {
			return v, true
		}
	}
	red, dirty, failed := e.checkText(x, in, in.CallsText)
	switch {
	case failed:
		return slog.StringValue(e.r.Marker()), true
	case dirty || in.CallsText:
		return slog.StringValue(red), true
	}
	return slog.Value{}, false
}

// anyValue redacts x for a handler that may render it any way: its JSON
// encoding, MarshalText and fmt form are each checked.
func (e *engine) anyValue(x any, in *anyredact.Inspection) (slog.Value, bool) {
	calls := in.CallsJSON || in.CallsText
	enc, dirty, failed := e.checkJSON(x, false, in, calls)
	if v, done := e.decoded(enc, dirty, failed); done {
		// The redacted map or slice renders clean in every form.
		return v, true
	}
	text, tdirty, failed := e.checkText(x, in, calls)
	if failed {
		return slog.StringValue(e.r.Marker()), true
	}
	mtext := text
	if tm, ok := x.(encoding.TextMarshaler); ok {
		var mdirty bool
		if mtext, mdirty, failed = e.marshalText(tm, in, true); failed {
			return slog.StringValue(e.r.Marker()), true
		}
		tdirty = tdirty || mdirty
	}
	if !tdirty && !calls {
		return slog.Value{}, false
	}
	return slog.AnyValue(&rendered{text: text, mtext: mtext, json: enc}), true
}

// decoded turns the result of checkJSON into the redacted value decoded
// as internal/anyredact.Value does (map[string]any, []any, string,
// json.Number, bool or nil), which handlers render as an object or array
// again. done is false when the encoding was clean.
func (e *engine) decoded(enc []byte, dirty, failed bool) (v slog.Value, done bool) {
	switch {
	case failed:
		return slog.StringValue(e.r.Marker()), true
	case !dirty:
		return slog.Value{}, false
	}
	out, err := decodeJSON(enc)
	if err != nil {
		return slog.StringValue(e.r.Marker()), true
	}
	return slog.AnyValue(out), true
}

// ownsText reports whether fmt renders x with a method of x's own rather
// than field by field.
func ownsText(x any) bool {
	switch x.(type) {
	case fmt.Formatter, fmt.Stringer:
		return true
	}
	return false
}

// rawValue redacts a json.RawMessage, whose MarshalJSON returns its bytes:
// it renders the same each time.
func (e *engine) rawValue(raw json.RawMessage) (slog.Value, bool) {
	if e.target != jsonHandler {
		// Text handlers print a RawMessage as the text of its bytes;
		// the JSON check below redacts it as JSON.
		s := unsafe.String(unsafe.SliceData(raw), len(raw))
		if e.r.String(s) != s {
			return e.rawMessage(raw), true
		}
	}
	switch enc, dirty, failed := e.checkJSON(raw, true, nil, false); {
	case failed:
		return slog.StringValue(e.r.Marker()), true
	case dirty:
		return slog.AnyValue(json.RawMessage(enc)), true
	}
	return slog.Value{}, false
}

// rawMessage redacts a RawMessage whose text holds a secret. The result
// must also be clean as text, or the marker stands in for it.
func (e *engine) rawMessage(raw json.RawMessage) slog.Value {
	red, err := e.r.AppendJSON(nil, raw)
	if err != nil || !json.Valid(red) {
		return slog.StringValue(e.r.Marker())
	}
	if s := string(red); e.r.String(s) != s {
		return slog.StringValue(e.r.Marker())
	}
	return slog.AnyValue(json.RawMessage(red))
}

// isByteSlice reports whether values of type t are rendered as their bytes:
// base64 by the JSON handler, quoted text by the text handler.
func isByteSlice(t reflect.Type) bool {
	if t.Kind() != reflect.Slice || t.Elem().Kind() != reflect.Uint8 {
		return false
	}
	return !t.Implements(jsonMarshalerType) && !t.Implements(textMarshalerType)
}

var (
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// errValue redacts an error, which stays an error. The message it is given
// is the text the next handler would write: Error for the JSON handler
// (MarshalJSON for an error that has it), MarshalText or the fmt "%+v"
// form for the text handler, each of them for any other handler.
func (e *engine) errValue(err error, in *anyredact.Inspection) (slog.Value, bool) {
	// Every method of an error but those of errors.New and fmt.Errorf is
	// the program's: it may answer differently the next time.
	calls := in.CallsJSON || in.CallsText
	_, jm := err.(json.Marshaler)
	tm, isTM := err.(encoding.TextMarshaler)
	fail := func() (slog.Value, bool) {
		m := e.r.Marker()
		return slog.AnyValue(&redactedError{msg: m, text: m, mtext: m, err: err}), true
	}
	var (
		msg, text, mtext string
		enc              []byte
		dirty, failed    bool
	)
	switch e.target {
	case jsonHandler:
		if jm {
			// Written with MarshalJSON; Error is what the stand-in
			// answers to code that asks.
			var d bool
			if enc, dirty, failed = e.checkJSON(err, false, in, calls); failed {
				return fail()
			}
			msg, d, failed = e.errorText(err, in, true)
			dirty = dirty || d
		} else {
			msg, dirty, failed = e.errorText(err, in, calls)
		}
		text, mtext = msg, msg
	case textHandler:
		if isTM {
			msg, dirty, failed = e.marshalText(tm, in, calls)
		} else {
			msg, dirty, failed = e.checkText(err, in, calls)
		}
		text, mtext = msg, msg
	default:
		var d bool
		if msg, dirty, failed = e.errorText(err, in, true); failed {
			return fail()
		}
		text = msg
		if _, f := err.(fmt.Formatter); f {
			// "%+v" may add details beyond Error (a stack, causes).
			if text, d, failed = e.checkText(err, in, true); failed {
				return fail()
			}
			dirty = dirty || d
		}
		mtext = text
		if isTM {
			if mtext, d, failed = e.marshalText(tm, in, true); failed {
				return fail()
			}
			dirty = dirty || d
		}
		if jm {
			if enc, d, failed = e.checkJSON(err, false, in, true); failed {
				return fail()
			}
			dirty = dirty || d
		}
	}
	switch {
	case failed:
		return fail()
	case !dirty && !calls:
		return slog.Value{}, false
	}
	re := redactedError{msg: msg, text: text, mtext: mtext, err: err}
	if jm {
		return slog.AnyValue(&redactedMarshalerError{redactedError: re, json: enc}), true
	}
	return slog.AnyValue(&re), true
}

// errorText returns err.Error() redacted; failed if it panicked.
func (e *engine) errorText(err error, in *anyredact.Inspection, keep bool) (red string, dirty, failed bool) {
	msg, ok := safeError(err)
	if !ok {
		return "", true, true
	}
	return e.checkRendered(msg, in, keep)
}

func safeError(err error) (msg string, ok bool) {
	defer func() {
		if recover() != nil {
			msg, ok = "", false
		}
	}()
	return err.Error(), true
}

// marshalText returns tm.MarshalText() redacted; failed if it panicked or
// returned an error.
func (e *engine) marshalText(tm encoding.TextMarshaler, in *anyredact.Inspection, keep bool) (red string, dirty, failed bool) {
	defer func() {
		if recover() != nil {
			red, dirty, failed = "", true, true
		}
	}()
	b, err := tm.MarshalText()
	if err != nil {
		return "", true, true
	}
	return e.checkRendered(unsafe.String(unsafe.SliceData(b), len(b)), in, keep)
}

// scalar redacts s, the text of a value: masked whole when the value is
// under a weak key and s looks like a credential, scanned by the patterns
// otherwise. The rendering of a struct, map or list never looks like a
// credential (braces, brackets and spaces are not in a credential's
// alphabet), so a weak key masks scalars only, as the rules say.
func (e *engine) scalar(s string) string {
	if e.weakKey != "" && e.r.MasksValue(e.weakKey, s) {
		return e.r.Field(e.weakKey, s)
	}
	return e.r.String(s)
}

// checkRendered redacts text, one rendering of an inspected value, which
// may alias memory the caller does not own. The result is detached from
// it. If keep is not set, a clean text is not returned (and not copied).
func (e *engine) checkRendered(text string, in *anyredact.Inspection, keep bool) (red string, dirty, failed bool) {
	if in.Dirty() {
		b, ok := in.RewriteText(nil, unsafe.Slice(unsafe.StringData(text), len(text)))
		if !ok {
			return "", true, true
		}
		text, dirty = string(b), true
	}
	red = e.scalar(text)
	if red == text && !dirty {
		if !keep {
			return "", false, false
		}
		return strings.Clone(text), false, false
	}
	return detach(red, text), true, false
}

// detach returns s, copied if it shares memory with text.
func detach(s, text string) string {
	if len(s) == 0 || len(text) == 0 {
		return s
	}
	p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
	if p >= lo && p < lo+uintptr(len(text)) {
		return strings.Clone(s)
	}
	return s
}

// redactedError stands in for an error whose renderings held a secret, or
// came from methods that could answer differently the next time. Error
// returns the redacted message, fmt prints the redacted "%+v" form and
// MarshalText the redacted MarshalText. It answers errors.Is for the
// original chain, but has no Unwrap or As: a handler that walked the chain
// would print the raw messages of the causes.
type redactedError struct {
	msg, text, mtext string
	err              error
}

var (
	_ error                  = (*redactedError)(nil)
	_ fmt.Formatter          = (*redactedError)(nil)
	_ encoding.TextMarshaler = (*redactedError)(nil)
)

func (e *redactedError) Error() string { return e.msg }

// Is reports whether the original error matches target, so errors.Is keeps
// working on a logged error.
func (e *redactedError) Is(target error) bool { return errors.Is(e.err, target) }

// Format prints the text that was checked, whatever the verb: the stand-in
// has no other.
func (e *redactedError) Format(f fmt.State, verb rune) { formatText(f, verb, e.text) }

// MarshalText returns the redacted MarshalText of the original, or its
// redacted text when it had none.
func (e *redactedError) MarshalText() ([]byte, error) { return []byte(e.mtext), nil }

// redactedMarshalerError is a redactedError for an error that has a
// MarshalJSON method: the JSON handler writes that rather than Error.
type redactedMarshalerError struct {
	redactedError
	json []byte
}

var _ json.Marshaler = (*redactedMarshalerError)(nil)

// MarshalJSON returns the redacted encoding that was checked.
func (e *redactedMarshalerError) MarshalJSON() ([]byte, error) { return e.json, nil }

// rendered stands in for a value of kind Any, for a handler that may
// render it any way, when one of its renderings held a secret or came from
// a method of the program. Every rendering is the one that was checked,
// redacted: fmt and String print the "%+v" form, MarshalText the original
// MarshalText (or the "%+v" form) and MarshalJSON the JSON encoding.
type rendered struct {
	text, mtext string
	json        []byte
}

var (
	_ fmt.Stringer           = (*rendered)(nil)
	_ fmt.Formatter          = (*rendered)(nil)
	_ encoding.TextMarshaler = (*rendered)(nil)
	_ json.Marshaler         = (*rendered)(nil)
)

func (v *rendered) String() string                { return v.text }
func (v *rendered) Format(f fmt.State, verb rune) { formatText(f, verb, v.text) }
func (v *rendered) MarshalText() ([]byte, error)  { return []byte(v.mtext), nil }
func (v *rendered) MarshalJSON() ([]byte, error)  { return v.json, nil }

// formatText prints text for any verb, quoted for %q.
func formatText(f fmt.State, verb rune, text string) {
	if verb == 'q' {
		text = strconv.Quote(text)
	}
	io.WriteString(f, text)
}

// scratch holds the buffers for checking a value's encoded forms, pooled so
// that checking a clean value allocates nothing.
type scratch struct {
	buf bytes.Buffer
	enc *json.Encoder
	out []byte
	tmp []byte
}

var scratchPool = sync.Pool{New: func() any {
	s := new(scratch)
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false) // as slog.JSONHandler encodes
	return s
}}

// maxPooled bounds the buffers kept in the pool, so one huge value does not
// pin its memory.
const maxPooled = 64 << 10

func putScratch(s *scratch) {
	if s.buf.Cap() > maxPooled || cap(s.out) > maxPooled || cap(s.tmp) > maxPooled {
		return
	}
	s.buf.Reset()
	s.out, s.tmp = s.out[:0], s.tmp[:0]
	scratchPool.Put(s)
}

// checkJSON checks the JSON encoding of x (x itself if raw is set: then x
// is a json.RawMessage), and reports whether it holds anything to redact
// and whether it could not be produced or redacted (an encoding error, a
// panic, bytes rewritten by a method beyond recognition). enc is the
// redacted encoding, a copy the caller owns, when dirty or when keep is
// set. Using the bytes that were checked, rather than encoding x anew,
// keeps the check and the result in step, calls x's methods once and
// reports each secret to the observer once.
func (e *engine) checkJSON(x any, raw bool, in *anyredact.Inspection, keep bool) (enc []byte, dirty, failed bool) {
	s := scratchPool.Get().(*scratch)
	defer func() {
		if recover() != nil {
			enc, dirty, failed = nil, true, true
		}
		putScratch(s)
	}()
	var src []byte
	if raw {
		src = x.(json.RawMessage)
	} else {
		s.buf.Reset()
		if err := s.enc.Encode(x); err != nil {
			return nil, true, true
		}
		src = bytes.TrimSuffix(s.buf.Bytes(), []byte{'\n'})
	}
	if in != nil && in.Dirty() {
		// Byte slices hide their text as base64: they are replaced by
		// their redacted text before the key-aware pass, which then
		// masks one under a sensitive key as any other value.
		var ok bool
		if s.tmp, ok = in.RewriteJSON(s.tmp[:0], src); !ok {
			return nil, true, true
		}
		src, dirty = s.tmp, true
	}
	red, err := e.r.AppendJSON(s.out[:0], src)
	s.out = red
	if err != nil {
		return nil, true, true
	}
	if e.weakKey != "" {
		if masked, ok := e.weakJSON(red); ok {
			return masked, true, false
		}
	}
	if !dirty && bytes.Equal(red, src) {
		if !keep {
			return nil, false, false
		}
		return bytes.Clone(red), false, false
	}
	if !json.Valid(red) {
		return nil, true, true
	}
	return bytes.Clone(red), true, false
}

// weakJSON returns the replacement of enc, the JSON encoding of a value
// under the weak key e.weakKey, as a JSON string, when enc is a scalar (a
// string, once decoded, or a number) that looks like a credential. Objects
// and arrays were walked by the JSON rewriter: the keys inside decide.
func (e *engine) weakJSON(enc []byte) ([]byte, bool) {
	enc = bytes.TrimSpace(enc)
	if len(enc) == 0 || enc[0] == '{' || enc[0] == '[' {
		return nil, false
	}
	text := unsafe.String(unsafe.SliceData(enc), len(enc))
	if enc[0] == '"' {
		if bytes.IndexByte(enc, '\\') < 0 && len(enc) >= 2 {
			text = text[1 : len(text)-1]
		} else {
			text = unquoteJSON(enc)
		}
	}
	if !e.r.MasksValue(e.weakKey, text) {
		return nil, false
	}
	out, err := json.Marshal(e.r.Field(e.weakKey, text))
	if err != nil {
		return []byte(strconv.Quote(e.r.Marker())), true
	}
	return out, true
}

// unquoteJSON decodes the JSON string enc, which AppendJSON accepted. Apart
// from weakJSON so that only an escaped string costs an allocation.
func unquoteJSON(enc []byte) string {
	var s string
	if json.Unmarshal(enc, &s) != nil {
		return string(enc)
	}
	return s
}

// decodeJSON is separate from checkJSON so that the variable it decodes into,
// which escapes, is allocated only on the dirty path.
func decodeJSON(b []byte) (any, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	err := dec.Decode(&v)
	return v, err
}

// checkText checks the fmt "%+v" form of x, as text handlers render it. It
// returns the redacted form when it holds a secret, or when keep is set. A
// panic inside a method fmt called counts as a failure: fmt would print
// the panic value.
func (e *engine) checkText(x any, in *anyredact.Inspection, keep bool) (red string, dirty, failed bool) {
	s := scratchPool.Get().(*scratch)
	defer func() {
		if recover() != nil {
			red, dirty, failed = "", true, true
		}
		putScratch(s)
	}()
	s.buf.Reset()
	fmt.Fprintf(&s.buf, "%+v", x)
	b := s.buf.Bytes()
	if bytes.Contains(b, []byte("(PANIC=")) {
		return "", true, true
	}
	return e.checkRendered(unsafe.String(unsafe.SliceData(b), len(b)), in, keep)
}
