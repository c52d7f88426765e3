package slogredact

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/logredact/logredact/redact"
)

// maxDepth bounds group nesting. A LogValuer can build groups without end;
// past this depth a value is masked rather than walked (fail closed).
const maxDepth = 64

// maxLogValues is how many LogValue calls one value may chain, as in slog.
const maxLogValues = 100

// engine redacts slog values. jsonOnly is set when the next handler is a
// *slog.JSONHandler: values of kind Any then need checking only in the form
// that handler renders.
type engine struct {
	r        *redact.Redactor
	jsonOnly bool
	keys     *keyCache
}

func newEngine(r *redact.Redactor, next slog.Handler, keys *keyCache) engine {
	_, j := next.(*slog.JSONHandler)
	return engine{r: r, jsonOnly: j, keys: keys}
}

// keyCacheSize is the number of keys a keyCache can remember.
const keyCacheSize = 256

// maxCachedKey bounds the keys worth remembering: attribute keys are short
// names, and longer text is likelier to be data than a name.
const maxCachedKey = 64

// keyCache remembers, for clean keys, whether they are sensitive. Attribute
// keys are few and repeat on every record, while checking one means two
// prefilter scans (patterns, then sensitive names). The cache is shared by
// a Handler and every Handler derived from it. It only ever fills empty
// slots, so it allocates at most keyCacheSize times in its life, and it
// compares whole keys, so a collision costs a check, never a wrong answer.
type keyCache struct {
	slots [keyCacheSize]atomic.Pointer[keyEntry]
}

type keyEntry struct {
	key       string
	sensitive bool
}

func newKeyCache() *keyCache { return new(keyCache) }

// keyHash spreads attribute keys over the cache's slots. It reads at most
// the first and the last 8 bytes and the length, which tell short names
// apart, and costs less than a full hash: a collision only means one of the
// keys is checked afresh each time.
func keyHash(k string) uint64 {
	h := uint64(len(k))
	n := min(len(k), 8)
	for i := 0; i < n; i++ {
		h = h<<8 | uint64(k[i])
	}
	if len(k) > 8 {
		var t uint64
		for i := max(8, len(k)-8); i < len(k); i++ {
			t = t<<8 | uint64(k[i])
		}
		h ^= t * 0xff51afd7ed558ccd
	}
	h *= 0x9e3779b97f4a7c15
	return h >> 56
}

// key returns key redacted and whether the result is a sensitive key.
func (e *engine) key(key string) (string, bool) {
	c := e.keys
	if c == nil || len(key) > maxCachedKey {
		key = e.r.String(key)
		return key, e.r.IsSensitiveKey(key)
	}
	slot := &c.slots[keyHash(key)%keyCacheSize]
	if ke := slot.Load(); ke != nil && ke.key == key {
		return key, ke.sensitive
	}
	red := e.r.String(key)
	sensitive := e.r.IsSensitiveKey(red)
	if red == key && slot.Load() == nil {
		// Keys holding a secret are not kept: they are rare, and the
		// observer must hear of each one.
		slot.CompareAndSwap(nil, &keyEntry{key: strings.Clone(key), sensitive: sensitive})
	}
	return red, sensitive
}

// attrs redacts as. It returns as itself, unchanged, when nothing in it
// needed redacting, and a new slice otherwise.
func (e *engine) attrs(as []slog.Attr, maskKey string, depth int) ([]slog.Attr, bool) {
	var out []slog.Attr
	for i, a := range as {
		changed := e.attr(&a, maskKey, depth)
		if changed && out == nil {
			out = make([]slog.Attr, i, len(as))
			copy(out, as[:i])
		}
		if out != nil {
			out = append(out, a)
		}
	}
	if out == nil {
		return as, false
	}
	return out, true
}

// attr redacts *a in place and reports whether it changed it. A non-empty
// maskKey is a sensitive key above a: a's value is then masked whole. It
// works through a pointer because it runs for every attribute of every
// record: on the clean path nothing is copied back.
func (e *engine) attr(a *slog.Attr, maskKey string, depth int) bool {
	changed := false
	k, sensitive := e.key(a.Key)
	if k != a.Key {
		a.Key, changed = k, true
	}
	if depth > maxDepth {
		a.Value = slog.StringValue(e.r.Marker())
		return true
	}
	if a.Value.Kind() == slog.KindLogValuer {
		// The resolved value is passed on even when clean: resolving it
		// again in the next handler could give a different answer.
		a.Value, changed = e.resolve(a.Value), true
	}
	if maskKey == "" && sensitive {
		maskKey = a.Key
	}
	if maskKey != "" {
		return e.masked(a, maskKey, depth) || changed
	}
	switch a.Value.Kind() {
	case slog.KindString:
		if s := a.Value.String(); s != "" {
			if s2 := e.r.String(s); s2 != s {
				a.Value, changed = slog.StringValue(s2), true
			}
		}
	case slog.KindGroup:
		if g, ch := e.attrs(a.Value.Group(), "", depth+1); ch {
			a.Value, changed = slog.GroupValue(g...), true
		}
	case slog.KindAny:
		if v, ch := e.any(a.Value.Any()); ch {
			a.Value, changed = v, true
		}
	}
	return changed
}

// masked masks *a whole because of maskKey, or empties it the way slog
// drops it when it would not be output at all, and reports whether it
// changed it.
func (e *engine) masked(a *slog.Attr, maskKey string, depth int) bool {
	v := a.Value
	switch v.Kind() {
	case slog.KindGroup:
		if a.Key == "" {
			// An inline group: its attributes stand in its place, so each
			// is masked rather than the group replaced by one value with
			// an empty key.
			g, ch := e.attrs(v.Group(), maskKey, depth+1)
			if ch {
				a.Value = slog.GroupValue(g...)
			}
			return ch
		}
		if e.elided(v.Group(), depth+1) {
			// Handlers drop a group that outputs nothing; so do we.
			a.Value = slog.GroupValue()
			return true
		}
	case slog.KindString:
		if v.String() == "" {
			return false
		}
	case slog.KindAny:
		if v.Any() == nil {
			// nil holds no secret (and with an empty key it is the empty
			// attribute, which handlers ignore).
			return false
		}
	}
	a.Value = slog.StringValue(e.mask(maskKey, v))
	return true
}

// elided reports whether a handler would output nothing for a group of as:
// every attribute in it is empty or an elided group.
func (e *engine) elided(as []slog.Attr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	for _, a := range as {
		v := a.Value
		if v.Kind() == slog.KindLogValuer {
			v = e.resolve(v)
		}
		switch {
		case a.Key == "" && v.Kind() == slog.KindAny && v.Any() == nil:
		case v.Kind() == slog.KindGroup && e.elided(v.Group(), depth+1):
		default:
			return false
		}
	}
	return true
}

// mask returns the replacement of v as a value under the sensitive key
// maskKey. The value's text matters only to replacement modes that derive
// the marker from the secret (HMAC).
func (e *engine) mask(maskKey string, v slog.Value) (s string) {
	defer func() {
		if recover() != nil {
			s = e.r.Marker()
		}
	}()
	text := v.String()
	if text == "" {
		return e.r.Marker()
	}
	return e.r.Field(maskKey, text)
}

// resolve is [slog.Value.Resolve] failing closed: a panicking or endless
// LogValue yields the marker instead of an error describing it.
func (e *engine) resolve(v slog.Value) (rv slog.Value) {
	defer func() {
		if recover() != nil {
			rv = slog.StringValue(e.r.Marker())
		}
	}()
	for i := 0; i < maxLogValues && v.Kind() == slog.KindLogValuer; i++ {
		v = v.LogValuer().LogValue()
	}
	if v.Kind() == slog.KindLogValuer {
		return slog.StringValue(e.r.Marker())
	}
	return v
}

// any redacts a value of kind Any, keeping the kind the next handler
// expects. It returns false, allocating nothing of its own, when x renders
// clean.
func (e *engine) any(x any) (slog.Value, bool) {
	switch t := x.(type) {
	case nil, slog.Level, *slog.Source:
		return slog.Value{}, false
	case []byte:
		s := unsafe.String(unsafe.SliceData(t), len(t))
		if s2 := e.r.String(s); s2 != s {
			return slog.AnyValue([]byte(s2)), true
		}
		return slog.Value{}, false
	case json.RawMessage:
		if !e.jsonOnly {
			// Text handlers print a RawMessage as the text of its bytes;
			// the JSON check below redacts it as JSON.
			s := unsafe.String(unsafe.SliceData(t), len(t))
			if e.r.String(s) != s {
				return e.rawMessage(t), true
			}
		}
		switch out, dirty, failed := e.checkJSON(x, true, true); {
		case failed:
			return slog.StringValue(e.r.Marker()), true
		case dirty:
			return slog.AnyValue(out), true
		}
		return slog.Value{}, false
	case error:
		return e.errValue(t)
	}
	rt := reflect.TypeOf(x)
	if rt.Kind() == reflect.Slice && isByteSlice(rt) {
		// A named []byte type: checked as bytes, kept its type.
		b := reflect.ValueOf(x).Bytes()
		s := unsafe.String(unsafe.SliceData(b), len(b))
		if s2 := e.r.String(s); s2 != s {
			return slog.AnyValue(reflect.ValueOf([]byte(s2)).Convert(rt).Interface()), true
		}
		return slog.Value{}, false
	}
	if rt.NumMethod() == 0 {
		switch rt.Kind() {
		case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
			reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
			// Numbers have no text to hold a secret.
			return slog.Value{}, false
		}
	}
	out, dirty, failed := e.checkJSON(x, false, true)
	if failed {
		return slog.StringValue(e.r.Marker()), true
	}
	if dirty {
		return slog.AnyValue(out), true
	}
	if e.jsonOnly {
		return slog.Value{}, false
	}
	red, dirty, failed := e.checkText(x)
	switch {
	case failed:
		return slog.StringValue(e.r.Marker()), true
	case dirty:
		return slog.StringValue(red), true
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

// errValue redacts an error, which stays an error.
func (e *engine) errValue(err error) (slog.Value, bool) {
	msg, ok := safeError(err)
	if !ok {
		return slog.AnyValue(&redactedError{msg: e.r.Marker(), err: err}), true
	}
	red := e.r.String(msg)
	dirty := red != msg
	if _, jm := err.(json.Marshaler); !dirty && jm {
		// The JSON handler renders such an error with MarshalJSON.
		_, d, failed := e.checkJSON(err, false, false)
		dirty = d || failed
	}
	if _, f := err.(fmt.Formatter); !dirty && f && !e.jsonOnly {
		// Text handlers render errors with "%+v", which a Formatter may
		// extend with details beyond Error.
		_, d, failed := e.checkText(err)
		dirty = d || failed
	}
	if !dirty {
		return slog.Value{}, false
	}
	return slog.AnyValue(&redactedError{msg: red, err: err}), true
}

func safeError(err error) (msg string, ok bool) {
	defer func() {
		if recover() != nil {
			msg, ok = "", false
		}
	}()
	return err.Error(), true
}

// redactedError stands in for an error whose message held a secret. Error
// returns the redacted message. It answers errors.Is for the original
// chain, but has no Unwrap or As: a handler that walked the chain would
// print the raw messages of the causes.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }

// Is reports whether the original error matches target, so errors.Is keeps
// working on a logged error.
func (e *redactedError) Is(target error) bool { return errors.Is(e.err, target) }

// scratch holds the buffers for checking a value's encoded forms, pooled so
// that checking a clean value allocates nothing.
type scratch struct {
	buf bytes.Buffer
	enc *json.Encoder
	out []byte
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
	if s.buf.Cap() > maxPooled || cap(s.out) > maxPooled {
		return
	}
	s.buf.Reset()
	s.out = s.out[:0]
	scratchPool.Put(s)
}

// checkJSON reports whether the JSON form of x holds anything to redact,
// and whether it could not be produced or redacted (an encoding error, a
// panic). If raw is set, x is a json.RawMessage. If decode is set and x is
// dirty, out is its redacted form: a json.RawMessage for a RawMessage or
// when the next handler is a *slog.JSONHandler, and otherwise the redacted
// JSON decoded as internal/anyredact.Value does (map[string]any, []any,
// string, json.Number, bool or nil), which handlers render as an object or
// array again. Using the bytes that were checked, rather than encoding x
// anew, keeps the check and the result in step and reports each secret to
// the observer once.
func (e *engine) checkJSON(x any, raw, decode bool) (out any, dirty, failed bool) {
	s := scratchPool.Get().(*scratch)
	defer func() {
		if recover() != nil {
			out, dirty, failed = nil, true, true
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
	red, err := e.r.AppendJSON(s.out[:0], src)
	s.out = red
	if err != nil {
		return nil, true, true
	}
	if bytes.Equal(red, src) {
		return nil, false, false
	}
	if !decode {
		return nil, true, false
	}
	if raw || e.jsonOnly {
		// The JSON handler writes a RawMessage as it is: the value keeps
		// its fields in their order, and nothing is decoded.
		if !json.Valid(red) {
			return nil, true, true
		}
		return json.RawMessage(bytes.Clone(red)), true, false
	}
	out, err = decodeJSON(red)
	if err != nil {
		return nil, true, true
	}
	return out, true, false
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
// returns the redacted form when it holds a secret. A panic inside a
// method fmt called counts as a failure: fmt would print the panic value.
func (e *engine) checkText(x any) (red string, dirty, failed bool) {
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
	text := unsafe.String(unsafe.SliceData(b), len(b))
	red = e.r.String(text)
	if red == text {
		return "", false, false
	}
	return red, true, false
}
