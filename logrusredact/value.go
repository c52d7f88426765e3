package logrusredact

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/sirupsen/logrus"

	"github.com/logredact/logredact/redact"
)

// maxDepth bounds every walk over nested values. Deeper values are not
// passed on as they are: they take the slow path, whose own limit replaces
// them with the marker (fail closed).
const maxDepth = 32

// redactedError stands in for an error whose message held a secret. It
// keeps the value an error, so hooks and formatters that special-case
// errors (logrus' own do) render it as before. It deliberately has no
// Unwrap: unwrapping would hand the original, unredacted error back.
type redactedError struct{ msg string }

func (e redactedError) Error() string { return e.msg }

// walker redacts the values of one log entry. It is immutable.
type walker struct{ r *redact.Redactor }

// entry returns the redacted message and the redacted Data of e. data is
// nil when no field changed; Data is then still e.Data, untouched.
func (w walker) entry(e *logrus.Entry) (msg string, data logrus.Fields, changed bool) {
	msg = w.r.String(e.Message)
	changed = msg != e.Message
	for k, v := range e.Data {
		nk := k
		if mayHoldSecret(k) {
			nk = w.r.String(k)
		}
		nv, ch := w.field(k, v)
		if !ch && nk == k {
			continue
		}
		if data == nil {
			// Copy on write: e.Data may be shared (a hook's caller, a parent
			// entry), and its nested values always are; only this new map is
			// ever written to.
			data = maps.Clone(e.Data)
		}
		if nk != k {
			delete(data, k)
		}
		data[nk] = nv
	}
	return msg, data, changed || data != nil
}

// mayHoldSecret reports whether a field key is worth scanning with the
// patterns. Keys are nearly always short identifiers written in the
// program ("status", "request_id", "user.name"), and every pattern needs
// either a separator ('=', ':', '/', '@', a space…) or a token of 20 bytes
// or more; skipping the rest saves a prefilter pass per field.
func mayHoldSecret(key string) bool {
	if len(key) >= 20 {
		return true
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-') {
			return true
		}
	}
	return false
}

// field returns the value to render for the field key and whether it
// differs from v. When it does not, v itself is returned.
func (w walker) field(key string, v any) (any, bool) {
	if v == nil {
		return v, false
	}
	if w.r.IsSensitiveKey(key) {
		if out, changed, done := w.sensitive(key, v); done {
			return out, changed
		}
	}
	switch x := v.(type) {
	case string:
		if s := w.r.String(x); s != x {
			return s, true
		}
		return v, false
	case []byte:
		if s, ok := w.bytes(x); ok {
			return []byte(s), true
		}
		return v, false
	case bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32,
		uint64, uintptr, float32, float64, complex64, complex128,
		time.Time, time.Duration, time.Month, time.Weekday:
		return v, false
	case *rendered:
		return w.recheck(x)
	case error:
		msg, ok := safeError(x)
		if !ok {
			return redactedError{w.r.Marker()}, true
		}
		s := w.r.String(msg)
		if s == msg && storesText(x) {
			return v, false
		}
		// Any other error is replaced, clean or not: its Error (or Format)
		// method could answer differently when the formatter calls it.
		return redactedError{s}, true
	case fmt.Stringer:
		text, ok := safeString(x)
		if !ok {
			return w.r.Marker(), true
		}
		return w.stringer(v, text)
	}
	return w.composite(v, nil)
}

// stringer redacts the Stringer v whose String method returned text.
// TextFormatter renders a Stringer with String, JSONFormatter with its JSON
// encoding: both are checked, and the text checked is the text written
// (String runs once).
func (w walker) stringer(v any, text string) (any, bool) {
	if s := w.r.String(text); s != text {
		return s, true
	}
	out, changed := w.composite(v, &text)
	if !changed {
		// The JSON form calls no method (the scan would have said so):
		// encoding v later gives what was checked.
		return &rendered{text: text, v: v}, true
	}
	return out, true
}

// sensitive handles v, the value of the sensitive key, by the key tiers
// (see [redact.Redactor.MasksValue]): a scalar (a string, []byte, number,
// boolean, time, the text of an error or a Stringer) is masked whole when
// r masks its printed text under key, and otherwise redacted as under any
// key, keeping its type; a composite value (map, struct, slice …) is
// masked whole under a strong name and walked under a weak one, so that
// the keys inside decide. done is false when v is to be handled as under
// a plain key. A method of v runs once.
func (w walker) sensitive(key string, v any) (out any, changed, done bool) {
	switch x := v.(type) {
	case string:
		if w.r.MasksValue(key, x) {
			out, changed = w.whole(key, v)
			return out, changed, true
		}
		return nil, false, false
	case []byte:
		if w.r.MasksValue(key, unsafe.String(unsafe.SliceData(x), len(x))) {
			out, changed = w.whole(key, v)
			return out, changed, true
		}
		return nil, false, false
	case bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32,
		uint64, uintptr, float32, float64, complex64, complex128,
		time.Time, time.Duration, time.Month, time.Weekday:
		if text, ok := safeSprint(v); ok && w.r.MasksValue(key, text) {
			return w.r.Field(key, text), true, true
		}
		return v, false, true
	case *rendered:
		// A Hook's replacement: its text is fixed.
		if isStrongKey(w.r, key) || w.r.MasksValue(key, x.text) {
			out, changed = w.whole(key, v)
			return out, changed, true
		}
		return nil, false, false
	case error:
		msg, ok := safeError(x)
		switch {
		case !ok:
			return redactedError{w.r.Marker()}, true, true
		case w.r.MasksValue(key, msg):
			return redactedError{w.r.Field(key, msg)}, true, true
		}
		s := w.r.String(msg)
		if s == msg && storesText(x) {
			return v, false, true
		}
		return redactedError{s}, true, true
	case fmt.Stringer:
		text, ok := safeString(x)
		switch {
		case !ok:
			return w.r.Marker(), true, true
		case w.r.MasksValue(key, text):
			return w.r.Field(key, text), true, true
		}
		out, changed = w.stringer(v, text)
		return out, changed, true
	}
	if isStrongKey(w.r, key) {
		out, changed = w.whole(key, v)
		return out, changed, true
	}
	return nil, false, false
}

// isStrongKey reports whether key is a strong sensitive name, one under
// which every value but a placeholder is masked, so that a composite value
// under it is masked whole. A one-digit number is neither a placeholder
// nor credential-like, so r masks it under a strong name only (see
// [redact.Redactor.MasksValue]).
func isStrongKey(r *redact.Redactor, key string) bool {
	return r.MasksValue(key, "1")
}

// storedTextErrors are the standard library's error types whose Error
// method returns a string fixed when the error was made (errors.New,
// fmt.Errorf with and without %w) and that fmt prints by that method: they
// run no code of the program and answer the same on every call.
var storedTextErrors = map[reflect.Type]bool{
	reflect.TypeOf(errors.New("")):                                      true,
	reflect.TypeOf(fmt.Errorf("%w", errors.New(""))):                    true,
	reflect.TypeOf(fmt.Errorf("%w %w", errors.New(""), errors.New(""))): true,
	reflect.TypeOf(redactedError{}):                                     true, // a Hook's, seen by the Formatter
}

func storesText(err error) bool { return storedTextErrors[reflect.TypeOf(err)] }

// rendered stands in for a clean value whose renderings come from its own
// methods: it holds the renderings that were checked, the fmt text (what
// TextFormatter prints) and the JSON encoding (what JSONFormatter writes),
// so that the formatter writes them rather than calling the methods a
// second time. v, when set, is encoded on demand instead: its JSON form
// was found to call no method.
type rendered struct {
	text string
	raw  json.RawMessage
	v    any
}

var (
	_ fmt.Stringer   = (*rendered)(nil)
	_ json.Marshaler = (*rendered)(nil)
)

func (r *rendered) String() string { return r.text }

// recheck redacts a value a walker already replaced (a Hook's, seen by
// the Formatter after it, whose Redactor may differ). Its renderings are
// fixed text, so it is passed on when they are clean, and replaced by its
// redacted JSON form otherwise.
func (w walker) recheck(x *rendered) (any, bool) {
	raw := []byte(x.raw)
	if raw == nil {
		var err error
		if raw, err = encodeJSON(x.v); err != nil {
			return w.r.Marker(), true
		}
	}
	var tree any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&tree) != nil {
		return w.r.Marker(), true
	}
	red, changed := w.tree(tree, "", false, 0)
	if !changed && w.r.String(x.text) == x.text {
		return x, false
	}
	return red, true
}

func (r *rendered) MarshalJSON() ([]byte, error) {
	if r.raw != nil {
		return r.raw, nil
	}
	return encodeJSON(r.v)
}

// bytes returns b redacted as text and true, or false when b is clean.
func (w walker) bytes(b []byte) (string, bool) {
	if len(b) == 0 {
		return "", false
	}
	// The view is only read; String returns it unchanged or a new string.
	view := unsafe.String(unsafe.SliceData(b), len(b))
	s := w.r.String(view)
	return s, s != view
}

// whole masks v, the value of a sensitive key, whatever its type. Empty
// values stay as they are, as with [redact.Redactor.Field]; a value that is
// already the replacement is left alone, so redacting twice (a Hook, then
// the Formatter) costs nothing more.
func (w walker) whole(key string, v any) (any, bool) {
	var text string
	switch x := v.(type) {
	case string:
		text = x
	case []byte:
		text = string(x)
	case error:
		msg, ok := safeError(x)
		if !ok {
			msg = w.r.Marker()
		}
		if msg == "" {
			return v, false
		}
		return redactedError{w.r.Field(key, msg)}, true
	default:
		var ok bool
		if text, ok = safeSprint(v); !ok {
			return w.r.Marker(), true
		}
	}
	if text == "" {
		return v, false
	}
	s := w.r.Field(key, text)
	if _, isString := v.(string); isString && (s == text || digestOf(text, s)) {
		return v, false
	}
	return s, true
}

// digestOf reports whether v and s are both keyed digests in the same
// format ("[REDACTED:hmac:1a2b3c4d]" in HMAC mode): v is then already the
// replacement of the secret, and digesting it again would give the same
// secret a different marker in the output of the Formatter than in the
// hooks after a Hook.
func digestOf(v, s string) bool {
	n := len(s)
	if len(v) != n || n < 10 || s[n-1] != ']' || v[n-1] != ']' || v[:n-9] != s[:n-9] {
		return false
	}
	return isHex(v[n-9:n-1]) && isHex(s[n-9:n-1])
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// verdict is what a scan of a composite value concluded.
type verdict uint8

const (
	clean  verdict = iota // nothing in either rendering can be secret
	opaque                // methods or depth decide; render and check
	secret                // something must be replaced
)

func worse(a, b verdict) verdict { return max(a, b) }

// composite handles maps, structs, slices, pointers and types with
// methods. A cheap allocation-free scan clears the common clean case; only
// when it cannot is the value rendered (JSON and fmt) and, if needed,
// replaced by its redacted JSON form as map[string]any, []any and scalars,
// which every formatter renders as structured data. text, when not nil,
// is v's fmt form, already read (and checked) from its String method.
func (w walker) composite(v any, text *string) (out any, changed bool) {
	defer func() {
		if recover() != nil {
			out, changed = w.r.Marker(), true
		}
	}()
	vd := w.scan(reflect.ValueOf(v), 0, text != nil)
	if vd == clean {
		return v, false
	}
	return w.slow(v, vd, text)
}

// slow renders v once and returns its redacted JSON form when either
// rendering held a secret (or the scan found one). A clean v is replaced
// by what was rendered (see rendered): the scan could not clear it, so its
// renderings come from methods, which may answer differently next time.
func (w walker) slow(v any, vd verdict, text *string) (any, bool) {
	raw, tree, ok := jsonTree(v)
	if !ok {
		// Neither passed on nor guessed at: a value that cannot be
		// encoded cannot be inspected.
		return w.r.Marker(), true
	}
	tree, changed := w.tree(tree, "", false, 0)
	if changed || vd == secret {
		return tree, true
	}
	// The JSON form is clean; TextFormatter would print fmt's form.
	var s string
	if text != nil {
		s = *text
	} else if s, ok = safeSprint(v); !ok || w.r.String(s) != s {
		return tree, true
	}
	return &rendered{text: s, raw: raw}, true
}

// jsonTree returns v's JSON encoding, and that encoding decoded into
// map[string]any, []any, string, json.Number, bool or nil.
func jsonTree(v any) (raw []byte, out any, ok bool) {
	defer func() {
		if recover() != nil {
			raw, out, ok = nil, nil, false
		}
	}()
	raw, err := encodeJSON(v)
	if err != nil {
		return nil, nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&out); err != nil {
		return nil, nil, false
	}
	return raw, out, true
}

// encodeJSON is json.Marshal without HTML escaping: the JSONFormatter that
// writes the result escapes it again when configured to.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}), nil
}

// tree redacts a decoded JSON value, copying only what changes.
func (w walker) tree(x any, key string, keyed bool, depth int) (any, bool) {
	if depth > maxDepth {
		return w.r.Marker(), true
	}
	if keyed && x != nil && x != "" && w.r.IsSensitiveKey(key) && w.masksTree(key, x) {
		text, ok := x.(string)
		if !ok {
			raw, err := json.Marshal(x)
			if err != nil {
				return w.r.Marker(), true
			}
			text = string(raw)
		}
		s := w.r.Field(key, text)
		if ok && (s == text || digestOf(text, s)) {
			return x, false
		}
		return s, true
	}
	switch x := x.(type) {
	case string:
		if s := w.r.String(x); s != x {
			return s, true
		}
		// encoding/json writes []byte as base64, which hides a secret from
		// the patterns but not from a reader: look inside.
		if s, ok := w.base64(x); ok {
			return s, true
		}
		return x, false
	case map[string]any:
		var out map[string]any
		for k, v := range x {
			nk := w.r.String(k)
			nv, ch := w.tree(v, k, true, depth+1)
			if !ch && nk == k {
				continue
			}
			if out == nil {
				out = maps.Clone(x)
			}
			if nk != k {
				delete(out, k)
			}
			out[nk] = nv
		}
		if out == nil {
			return x, false
		}
		return out, true
	case []any:
		var out []any
		for i, v := range x {
			nv, ch := w.tree(v, "", false, depth+1)
			if !ch {
				continue
			}
			if out == nil {
				out = append([]any(nil), x...)
			}
			out[i] = nv
		}
		if out == nil {
			return x, false
		}
		return out, true
	}
	return x, false
}

// masksTree reports whether the decoded JSON value x under the sensitive
// key is masked whole: a scalar when r masks its text under key, an object
// or array under a strong name only (under a weak one it is walked).
func (w walker) masksTree(key string, x any) bool {
	switch x := x.(type) {
	case string:
		return w.r.MasksValue(key, x)
	case json.Number:
		return w.r.MasksValue(key, string(x))
	case bool:
		return w.r.MasksValue(key, strconv.FormatBool(x))
	}
	return isStrongKey(w.r, key)
}

// base64 reports whether s is standard base64 of bytes holding a secret,
// and if so returns the base64 of the redacted bytes.
func (w walker) base64(s string) (string, bool) {
	if len(s) < 8 || len(s)%4 != 0 {
		return "", false
	}
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", false
	}
	red, ok := w.bytes(raw)
	if !ok {
		return "", false
	}
	return base64.StdEncoding.EncodeToString([]byte(red)), true
}

// scan decides, without rendering or allocating in the common cases,
// whether v may hold something to redact in its JSON form (what
// JSONFormatter writes) or its fmt form (what TextFormatter writes).
// checked means the caller has already checked v's String text, which is
// then v's fmt form.
func (w walker) scan(rv reflect.Value, depth int, checked bool) verdict {
	if depth > maxDepth {
		return opaque
	}
	if !rv.IsValid() {
		return clean
	}
	switch rv.Kind() {
	case reflect.Interface:
		// An interface-typed field says nothing; what it holds does.
		if rv.IsNil() {
			return clean
		}
		return w.scan(rv.Elem(), depth+1, false)
	case reflect.Pointer, reflect.Map, reflect.Slice:
		if rv.IsNil() {
			return clean
		}
	}
	t := rv.Type()
	// Native fast path for the map shape logged most, which reflection
	// would make allocate. Maps are pointer-shaped: Interface is free.
	if (t == mapType || t == fieldsType) && rv.CanInterface() {
		return w.scanMap(rv.Convert(mapType).Interface().(map[string]any), depth)
	}
	info := typeInfoOf(t)
	if info.safe {
		return clean
	}
	if info.opaque && rv.CanInterface() {
		// A Stringer checked by the caller still takes the slow path if its
		// JSON form comes from its own methods.
		if !checked || info.marshals {
			return opaque
		}
	}
	switch rv.Kind() {
	case reflect.String:
		if s := rv.String(); w.r.String(s) != s {
			return secret
		}
		return clean
	case reflect.Pointer:
		// The String method checked may be the pointer's or the value's.
		return w.scan(rv.Elem(), depth+1, checked)
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 && rv.Kind() == reflect.Slice {
			if _, ok := w.bytes(rv.Bytes()); ok {
				return secret
			}
			return clean
		}
		if typeInfoOf(t.Elem()).scalar {
			return clean
		}
		vd := clean
		for i := range rv.Len() {
			if vd = worse(vd, w.scan(rv.Index(i), depth+1, false)); vd == secret {
				break
			}
		}
		return vd
	case reflect.Map:
		if ki := typeInfoOf(t.Key()); ki.opaque || t.Key().Kind() != reflect.String && !ki.scalar {
			return opaque
		}
		vd := clean
		// Reusing k and e saves an allocation per entry; they cannot take
		// what a map in an unexported field holds (read-only values).
		reuse := rv.CanInterface()
		var k, e reflect.Value
		if reuse {
			k, e = reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
		}
		for it := rv.MapRange(); it.Next(); {
			if reuse {
				k.SetIterKey(it)
				e.SetIterValue(it)
			} else {
				k, e = it.Key(), it.Value()
			}
			if k.Kind() == reflect.String {
				vd = worse(vd, w.scanKey(k.String(), e))
			}
			if vd = worse(vd, w.scan(e, depth+1, false)); vd == secret {
				break
			}
		}
		return vd
	case reflect.Struct:
		vd := clean
		sens := info.sensitive(w.r)
		for i, f := range info.fields {
			fv := rv.Field(f.index)
			// Field names are program text, not data: only their
			// sensitivity matters, judged by the name the JSON form uses,
			// so that the redacted JSON form masks what the scan flagged.
			// Unexported and json:"-" fields keep their Go name; the JSON
			// form that replaces a flagged value leaves them out.
			if sens[i] && !isZeroish(fv) {
				return secret
			}
			if vd = worse(vd, w.scan(fv, depth+1, false)); vd == secret {
				break
			}
		}
		return vd
	}
	// Booleans and numbers hold nothing; channels, functions and unsafe
	// pointers print as addresses.
	return clean
}

func (w walker) scanMap(m map[string]any, depth int) verdict {
	vd := clean
	for k, v := range m {
		if w.r.IsSensitiveKey(k) && !isZeroish(reflect.ValueOf(v)) {
			return secret
		}
		if w.r.String(k) != k {
			return secret
		}
		if vd = worse(vd, w.scan(reflect.ValueOf(v), depth+1, false)); vd == secret {
			break
		}
	}
	return vd
}

// scanKey reports secret when the map key holds a secret, or is sensitive
// and v would be rendered as something other than null or "".
func (w walker) scanKey(key string, v reflect.Value) verdict {
	if w.r.String(key) != key || w.r.IsSensitiveKey(key) && !isZeroish(v) {
		return secret
	}
	return clean
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

// typeInfo is what scan needs to know about a type, computed once.
type typeInfo struct {
	safe     bool // holds nothing secret whatever its value (time.Time)
	scalar   bool // a bool or number without methods that change its form
	opaque   bool // its rendering comes from methods (String, Error, MarshalJSON…)
	marshals bool // its JSON form comes from MarshalJSON or MarshalText
	fields   []fieldInfo
	sens     atomic.Pointer[sensMemo]
}

// sensitive returns, for each field, whether r deems its name sensitive.
// The answer is kept for the last Redactor asked, which is all a program
// with one Redactor ever needs.
func (info *typeInfo) sensitive(r *redact.Redactor) []bool {
	if m := info.sens.Load(); m != nil && m.r == r {
		return m.flags
	}
	m := &sensMemo{r: r, flags: make([]bool, len(info.fields))}
	for i, f := range info.fields {
		m.flags[i] = r.IsSensitiveKey(f.name)
	}
	info.sens.Store(m)
	return m.flags
}

type sensMemo struct {
	r     *redact.Redactor
	flags []bool
}

type fieldInfo struct {
	index int
	name  string // the JSON name, or the Go name if JSON has none
}

// typeInfos caches typeInfo by type. Reads are one atomic load and one map
// lookup (sync.Map costs twice that, on the hot path); a new type copies
// the map, which happens once per type. Past maxTypeInfos types (programs
// that make types at run time) results are computed and not kept.
var typeInfos atomic.Pointer[map[reflect.Type]*typeInfo]

const maxTypeInfos = 4096

var (
	safeTypes = map[reflect.Type]bool{
		reflect.TypeFor[time.Time]():      true,
		reflect.TypeFor[time.Duration]():  true,
		reflect.TypeFor[time.Month]():     true,
		reflect.TypeFor[time.Weekday]():   true,
		reflect.TypeFor[*time.Location](): true,
	}
	mapType       = reflect.TypeFor[map[string]any]()
	fieldsType    = reflect.TypeFor[logrus.Fields]()
	errorType     = reflect.TypeFor[error]()
	stringerType  = reflect.TypeFor[fmt.Stringer]()
	formatterType = reflect.TypeFor[fmt.Formatter]()
	marshalerType = reflect.TypeFor[json.Marshaler]()
	textType      = reflect.TypeFor[encoding.TextMarshaler]()
)

func typeInfoOf(t reflect.Type) *typeInfo {
	cache := typeInfos.Load()
	if cache != nil {
		if info, ok := (*cache)[t]; ok {
			return info
		}
	}
	info := newTypeInfo(t)
	for cache == nil || len(*cache) < maxTypeInfos {
		next := make(map[reflect.Type]*typeInfo, 1+len(ptrMap(cache)))
		maps.Copy(next, ptrMap(cache))
		next[t] = info
		if typeInfos.CompareAndSwap(cache, &next) {
			break
		}
		cache = typeInfos.Load()
	}
	return info
}

func ptrMap(m *map[reflect.Type]*typeInfo) map[reflect.Type]*typeInfo {
	if m == nil {
		return nil
	}
	return *m
}

func newTypeInfo(t reflect.Type) *typeInfo {
	info := &typeInfo{safe: safeTypes[t]}
	implements := func(it reflect.Type) bool {
		// Pointer methods count too: encoding/json calls them on
		// addressable values.
		return t.Implements(it) || (t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface && reflect.PointerTo(t).Implements(it))
	}
	info.marshals = implements(marshalerType) || implements(textType)
	info.opaque = info.marshals || implements(errorType) || implements(stringerType) || implements(formatterType)
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		info.scalar = !info.opaque
	case reflect.Struct:
		for i := range t.NumField() {
			sf := t.Field(i)
			name := sf.Name
			if tag, ok := sf.Tag.Lookup("json"); ok && sf.IsExported() {
				if n, _, _ := strings.Cut(tag, ","); n != "" && n != "-" {
					name = n
				}
			}
			info.fields = append(info.fields, fieldInfo{index: i, name: name})
		}
	}
	if info.safe {
		info.opaque = false
	}
	return info
}

// safeError, safeString and safeSprint render a value, reporting false
// when its method panicked: the caller then fails closed.
func safeError(e error) (s string, ok bool) {
	defer func() {
		if recover() != nil {
			s, ok = "", false
		}
	}()
	return e.Error(), true
}

func safeString(v fmt.Stringer) (s string, ok bool) {
	defer func() {
		if recover() != nil {
			s, ok = "", false
		}
	}()
	return v.String(), true
}

func safeSprint(v any) (s string, ok bool) {
	defer func() {
		if recover() != nil {
			s, ok = "", false
		}
	}()
	s = fmt.Sprint(v)
	// fmt recovers panics itself and prints them; such text is not the
	// value and may quote part of it.
	if strings.Contains(s, "(PANIC=") {
		return "", false
	}
	return s, true
}
