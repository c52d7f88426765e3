package structval

import (
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/logredact/logredact/redact"
)

// MaxDepth bounds every walk: structs, maps, slices, pointers, error
// causes. A value nested deeper is replaced by the marker.
const MaxDepth = 32

// maxNodes bounds the values one walk visits, so a value sharing pointers
// (a DAG walked as a tree) cannot make it explode.
const maxNodes = 1 << 16

// Sink is how the logger that gets a value renders it, which decides the
// renderings the walker checks and the form of a replacement.
type Sink uint8

const (
	// JSON: encoding/json renders the value (slog's JSONHandler, zap's
	// reflected encoder, logrus' JSONFormatter). A replacement is the
	// redacted encoding, a json.RawMessage.
	JSON Sink = iota
	// Text: fmt or MarshalText renders it (slog's TextHandler, logrus'
	// TextFormatter). A value rendered by a method of its own is replaced
	// by the redacted text, a string; a struct, map or list by its
	// redacted tree (map[string]any, []any, string, json.Number, bool,
	// nil), which fmt prints as map[...] with JSON names in sorted order.
	Text
	// Any: the logger may use any rendering. Every one is checked; a
	// replacement is the redacted tree, or for a value rendered by its
	// own methods a stand-in whose String, Format, MarshalText and
	// MarshalJSON give the checked renderings.
	Any
)

// Walker redacts Go values for one Redactor. It is safe for concurrent use.
type Walker struct {
	r     *redact.Redactor
	tag   string
	types atomic.Pointer[map[reflect.Type]*typeInfo]
	keys  Keys
	texts texts
}

var walkers sync.Map // *redact.Redactor -> *Walker

// For returns the Walker of r, shared by every adapter using r: its type
// and key caches fill once.
func For(r *redact.Redactor) *Walker {
	if w, ok := walkers.Load(r); ok {
		return w.(*Walker)
	}
	w := &Walker{r: r, tag: r.StructTag()}
	w.keys.r = r
	actual, _ := walkers.LoadOrStore(r, w)
	return actual.(*Walker)
}

// Redactor returns the Redactor of w.
func (w *Walker) Redactor() *redact.Redactor { return w.r }

// Key returns key redacted and its tier, from a cache for clean keys.
func (w *Walker) Key(key string) (string, redact.KeyTier) { return w.keys.Key(key) }

// Value decides about v, logged under key whose tier is tier, for sink.
// It returns v and false when nothing in it needs redacting and its
// renderings for sink come from no method of the program; otherwise the
// replacement (see [Sink]) and true. Under a strong key a non-empty value
// is masked whole; under a weak key a scalar is masked when its text looks
// like a credential. It never panics.
func (w *Walker) Value(v any, key string, tier redact.KeyTier, sink Sink) (out any, changed bool) {
	if v == nil {
		return v, false
	}
	if tier == redact.KeyNotSensitive {
		// The common clean cases, decided without a deferred recover:
		// plain values and structures the pre-scan clears.
		switch x := v.(type) {
		case string:
			if red, ch := w.String(x, "", tier); ch {
				return red, true
			}
			return v, false
		case []byte, json.RawMessage, *rendered:
		case error:
			// Any other error's methods must run once, in value.
			if w.cleanStored(x) {
				return v, false
			}
		default:
			rv := reflect.ValueOf(v)
			ti := w.info(rv.Type())
			if ti.plain {
				return v, false
			}
			if structural(ti) && w.clean(rv, ti, sink) {
				return v, false
			}
		}
	}
	return w.value(v, key, tier, sink)
}

// clean runs the pre-scan over v; a panic in it (there should be none: it
// calls no method of the program's but those of a few standard-library
// types) counts as dirty, and the general path decides.
func (w *Walker) clean(rv reflect.Value, ti *typeInfo, sink Sink) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	sc := scanner{w: w, sink: sink}
	return !sc.dirty(rv, ti, "", redact.KeyNotSensitive, false, 0)
}

// structural reports whether values of ti are rendered field by field,
// element by element, whatever the sink.
func structural(ti *typeInfo) bool {
	if ti.jsonM || ti.textM || ti.secret || ti.pure || ti.inert || ti.bytes {
		return false
	}
	switch ti.kind {
	case reflect.Struct, reflect.Map, reflect.Slice, reflect.Array, reflect.Pointer:
		return true
	}
	return false
}

// value is Value's general path, failing closed on a panic.
func (w *Walker) value(v any, key string, tier redact.KeyTier, sink Sink) (out any, changed bool) {
	defer func() {
		if recover() != nil {
			out, changed = w.r.Marker(), true
		}
	}()
	switch x := v.(type) {
	case nil:
		return v, false
	case string:
		if s, ch := w.String(x, key, tier); ch {
			return s, true
		}
		return v, false
	case []byte:
		if s, ch := w.Bytes(x, key, tier); ch {
			return []byte(s), true
		}
		return v, false
	case json.RawMessage:
		return w.raw(x, sink)
	case error:
		_, jm := x.(json.Marshaler)
		_, tm := x.(encoding.TextMarshaler)
		if tier != redact.KeyStrong && (sink == JSON && jm || sink == Text && tm) {
			// The sink writes this rendering rather than Error.
			return w.byMethod(v, w.info(reflect.TypeOf(v)), key, tier, sink)
		}
		if e, ch := w.Error(x, key, tier); ch {
			return e, true
		}
		return v, false
	case *rendered:
		return w.rerender(x, key, tier)
	}
	rv := reflect.ValueOf(v)
	ti := w.info(rv.Type())
	switch {
	case tier == redact.KeyStrong:
		return w.whole(v, rv, key)
	case ti.secret:
		return w.r.Marker(), true
	case ti.inert:
		if tier == redact.KeyWeak && !isNumber(rv.Kind()) {
			if text, ok := inertText(v); ok && w.r.MasksValue(key, text) {
				return w.r.Field(key, text), true
			}
		}
		return v, false
	}
	if methodFor(v, sink) {
		return w.byMethod(v, ti, key, tier, sink)
	}
	switch {
	case ti.bytes && rv.Kind() == reflect.Slice:
		if s, ch := w.Bytes(rv.Bytes(), key, tier); ch {
			return reflect.ValueOf([]byte(s)).Convert(rv.Type()).Interface(), true
		}
		return v, false
	case rv.Kind() == reflect.String:
		if s, ch := w.String(rv.String(), key, tier); ch {
			return s, true
		}
		return v, false
	case isNumber(rv.Kind()) || rv.Kind() == reflect.Bool:
		return v, false
	}
	sc := scanner{w: w, sink: sink}
	if !sc.dirty(rv, ti, "", redact.KeyNotSensitive, false, 0) {
		return v, false
	}
	return w.slow(rv, ti, sink)
}

// raw redacts a json.RawMessage, which JSON sinks write as it is and text
// sinks as the text of its bytes.
func (w *Walker) raw(x json.RawMessage, sink Sink) (any, bool) {
	red, err := w.r.AppendJSON(nil, x)
	if err != nil {
		// Not JSON: only its text is left to check.
		s := string(x)
		if red := w.r.String(s); red != s {
			return red, true
		}
		return x, false
	}
	if string(red) == string(x) {
		s := unsafe.String(unsafe.SliceData(x), len(x))
		if w.r.String(s) == s {
			return x, false
		}
	}
	if s := string(red); w.r.String(s) != s {
		return w.r.Marker(), true
	}
	if sink == JSON {
		return json.RawMessage(red), true
	}
	return string(red), true
}

// String redacts s logged under key of tier.
func (w *Walker) String(s, key string, tier redact.KeyTier) (string, bool) {
	if s == "" {
		return s, false
	}
	if tier != redact.KeyNotSensitive && w.r.MasksValue(key, s) {
		return w.r.Field(key, s), true
	}
	red := w.Text(s)
	return red, red != s
}

// Bytes redacts b logged under key of tier: b is checked as the text of
// its bytes, and under a sensitive key judged both as that text and as its
// base64, the form encoding/json writes. It returns the redacted text and
// true, or false when b is clean. It allocates only when b is not.
func (w *Walker) Bytes(b []byte, key string, tier redact.KeyTier) (string, bool) {
	if len(b) == 0 {
		return "", false
	}
	if red, masked := w.MaskBytes(b, key, tier); masked {
		return red, true
	}
	s := unsafe.String(unsafe.SliceData(b), len(b))
	red := w.r.String(s)
	if red == s {
		return "", false
	}
	return red, true
}

// MaskBytes returns the replacement of b and true when b, logged under
// key of tier, is masked whole: its text or its base64 is masked by the
// key's tier (see [redact.Redactor.MasksValue]).
func (w *Walker) MaskBytes(b []byte, key string, tier redact.KeyTier) (string, bool) {
	if len(b) == 0 || tier == redact.KeyNotSensitive {
		return "", false
	}
	s := unsafe.String(unsafe.SliceData(b), len(b))
	if w.r.MasksValue(key, s) {
		return w.r.Field(key, string(b)), true
	}
	if b64 := base64.StdEncoding.EncodeToString(b); w.r.MasksValue(key, b64) {
		return w.r.Field(key, b64), true
	}
	return "", false
}

// whole masks v, logged under the strong key, unless it is empty.
func (w *Walker) whole(v any, rv reflect.Value, key string) (any, bool) {
	if isZeroish(rv) {
		return v, false
	}
	if rv.Kind() == reflect.String {
		s := rv.String()
		red := w.r.Field(key, s)
		return red, red != s
	}
	if text, ok := inertText(v); ok && isNumber(rv.Kind()) {
		return w.r.Field(key, text), true
	}
	return w.r.Marker(), true
}

func isNumber(k reflect.Kind) bool {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return true
	}
	return false
}

// inertText is the text loggers print for a value that holds no secret of
// its own: a number, a time, an address.
func inertText(v any) (string, bool) {
	rv := reflect.ValueOf(v)
	switch {
	case rv.CanInt():
		return strconv.FormatInt(rv.Int(), 10), true
	case rv.CanUint():
		return strconv.FormatUint(rv.Uint(), 10), true
	case rv.CanFloat():
		return strconv.FormatFloat(rv.Float(), 'g', -1, 64), true
	}
	if s, ok := v.(fmt.Stringer); ok {
		return callString(s)
	}
	return "", false
}

// isZeroish reports whether v renders as null or "": such a value under a
// sensitive key hides nothing.
func isZeroish(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Invalid:
		return true
	case reflect.String:
		return v.Len() == 0
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice:
		return v.IsNil()
	}
	return false
}

// methodFor reports whether sink renders v itself (not a value inside it)
// by a method of v's: the methods of v's dynamic type, as fmt and
// encoding/json see a value held in an interface.
func methodFor(v any, sink Sink) bool {
	_, jm := v.(json.Marshaler)
	_, tm := v.(encoding.TextMarshaler)
	switch sink {
	case JSON:
		return jm || tm
	case Text:
		_, _, has := textRendering(v)
		return has || tm
	}
	_, _, has := textRendering(v)
	return jm || tm || has
}

// textRendering reports whether fmt renders v by a method of its own.
func textRendering(v any) (fmt.Formatter, fmt.Stringer, bool) {
	f, isF := v.(fmt.Formatter)
	s, isS := v.(fmt.Stringer)
	_, isE := v.(error)
	return f, s, isF || isS || isE
}

// byMethod redacts v, which sink renders by a method of v's: the method is
// called once and its result is what is checked and written. A pure
// standard-library value whose renderings are clean is passed on.
func (w *Walker) byMethod(v any, ti *typeInfo, key string, tier redact.KeyTier, sink Sink) (any, bool) {
	var text, enc string
	textOK, encOK, dirty := true, true, false
	if sink != JSON {
		var ch bool
		text, ch, textOK = w.text(v, key, tier)
		dirty = dirty || ch
	}
	if sink != Text {
		var ch bool
		enc, ch, encOK = w.encoding(v, ti, key, tier)
		dirty = dirty || ch
	}
	if ti.pure && textOK && encOK && !dirty {
		return v, false
	}
	switch sink {
	case Text:
		if !textOK {
			return w.r.Marker(), true
		}
		return text, true
	case JSON:
		if !encOK {
			return json.RawMessage(markerJSON(w.r)), true
		}
		return json.RawMessage(enc), true
	}
	if !textOK {
		text = w.r.Marker()
	}
	if !encOK {
		enc = string(markerJSON(w.r))
	}
	return &rendered{text: text, json: []byte(enc)}, true
}

// text returns the redacted text v renders as by its own methods: its
// MarshalText when it has one (slog's TextHandler prefers it), else what
// fmt prints with "%+v". ok is false when the method panicked or failed.
func (w *Walker) text(v any, key string, tier redact.KeyTier) (red string, changed, ok bool) {
	var s string
	if tm, isTM := v.(encoding.TextMarshaler); isTM {
		var b []byte
		b, ok = callText(tm)
		s = string(b)
	} else {
		s, _, ok = textOf(v, true)
	}
	if !ok {
		return "", true, false
	}
	red, changed = w.String(s, key, tier)
	return red, changed, true
}

// encoding returns the redacted JSON encoding of v: its MarshalJSON or
// MarshalText when it has them, else its redacted tree.
func (w *Walker) encoding(v any, ti *typeInfo, key string, tier redact.KeyTier) (enc string, changed, ok bool) {
	var raw []byte
	switch x := v.(type) {
	case json.Marshaler:
		b, ok := callJSON(x)
		if !ok {
			return "", true, false
		}
		raw = b
	case encoding.TextMarshaler:
		b, ok := callText(x)
		if !ok {
			return "", true, false
		}
		s, ch := w.String(string(b), key, tier)
		return string(appendString(nil, s)), ch, true
	default:
		rv := reflect.ValueOf(v)
		sc := scanner{w: w, sink: JSON}
		if !sc.dirty(rv, ti, "", redact.KeyNotSensitive, false, 0) {
			b, err := json.Marshal(v)
			if err != nil {
				return "", true, false
			}
			return string(b), false, true
		}
		out, _ := w.slow(rv, ti, JSON)
		raw, _ = out.(json.RawMessage)
		if raw == nil {
			return "", true, false
		}
		return string(raw), true, true
	}
	red, err := w.r.AppendJSON(nil, raw)
	if err != nil {
		return "", true, false
	}
	return string(red), string(red) != string(raw), true
}

func markerJSON(r *redact.Redactor) []byte { return appendString(nil, r.Marker()) }

// rendered stands in for a value of the program's, for a logger that may
// render it any way (sink Any): each rendering is the one that was
// checked, redacted.
type rendered struct {
	text string
	json []byte
}

var (
	_ fmt.Stringer           = (*rendered)(nil)
	_ fmt.Formatter          = (*rendered)(nil)
	_ encoding.TextMarshaler = (*rendered)(nil)
	_ json.Marshaler         = (*rendered)(nil)
)

func (v *rendered) String() string               { return v.text }
func (v *rendered) MarshalText() ([]byte, error) { return []byte(v.text), nil }
func (v *rendered) MarshalJSON() ([]byte, error) { return v.json, nil }

// Format prints the checked text for any verb, quoted for %q.
func (v *rendered) Format(f fmt.State, verb rune) {
	text := v.text
	if verb == 'q' {
		text = strconv.Quote(text)
	}
	_, _ = io.WriteString(f, text)
}

// rerender redacts a stand-in made earlier (a logrus Hook's, seen again by
// the Formatter, whose Redactor may differ): its renderings are fixed text.
func (w *Walker) rerender(x *rendered, key string, tier redact.KeyTier) (any, bool) {
	text, tch := w.String(x.text, key, tier)
	if tier == redact.KeyStrong {
		return text, tch
	}
	enc, err := w.r.AppendJSON(nil, x.json)
	if err != nil {
		return w.r.Marker(), true
	}
	if !tch && string(enc) == string(x.json) {
		return x, false
	}
	return &rendered{text: text, json: enc}, true
}

// Stringer returns the String text of s, logged under key of tier,
// redacted; the marker when String panics. String runs once.
func (w *Walker) Stringer(s fmt.Stringer, key string, tier redact.KeyTier) string {
	text, ok := callString(s)
	if !ok {
		return w.r.Marker()
	}
	red, _ := w.String(text, key, tier)
	return red
}
