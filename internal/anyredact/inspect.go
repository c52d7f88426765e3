package anyredact

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"unsafe"

	"github.com/logredact/logredact/redact"
)

// maxDepth bounds how deep Inspect walks. Past it (a cycle through
// pointers, or absurd nesting) the value cannot be decided: Failed.
const maxDepth = 64

// maxNodes bounds the values one Inspect visits, so a value sharing
// pointers (a DAG walked as a tree) cannot make the walk explode. The JSON
// encoding of such a value is at least as large, so the bound is far above
// anything a logger can write.
const maxNodes = 1 << 20

// Inspection is what [Inspect] found in a value.
type Inspection struct {
	// CallsJSON reports that encoding the value as JSON may call a method
	// of the program (MarshalJSON, MarshalText) on it or on a value it
	// holds. Such a method may answer differently each time: a caller
	// that checked one encoding must write that encoding, not encode the
	// value again.
	CallsJSON bool
	// CallsText is CallsJSON for fmt and text handlers: String, Error,
	// Format, GoString or MarshalText.
	CallsText bool
	// Failed reports that the value could not be walked (nested deeper
	// than 64 levels, a pointer cycle, more than a million values): its
	// renderings cannot be proven clean.
	Failed bool

	blobs []blob
}

// blob is a byte slice or array found holding a secret.
type blob struct {
	raw   []byte // a copy of the bytes
	red   string // what replaces them
	array bool   // a [N]byte: encoding/json writes numbers, not base64
	// hidden: reached through an unexported field, which encoding/json
	// does not write.
	hidden bool
	// underJSON, underText: below a value rendered by its own method, so
	// the rendering may show the bytes in a form of its own choosing.
	underJSON, underText bool
}

// Dirty reports whether the value holds byte slices or arrays whose bytes
// hold a secret, or that sit under a strong key (or under a weak key and
// look like a credential). Their renderings must
// then go through RewriteJSON or RewriteText.
func (in *Inspection) Dirty() bool { return len(in.blobs) > 0 }

// Inspect walks v for what its JSON or fmt rendering hides from a text
// scan: byte slices and arrays, which encoding/json writes as base64 (or
// numbers) and fmt as numbers. The bytes of each are checked with
// r.String; those under a strong struct field name or map key (see
// [KeyTier]) are masked whole, and those right under a weak one are masked
// whole when [redact.Redactor.MasksValue] says their text looks like a
// credential. A struct, map or list under a weak key is walked: the keys
// inside it decide. It also reports
// whether rendering v calls methods of the program.
//
// The walk follows pointers, interfaces, maps, slices, arrays and struct
// fields (unexported ones too: fmt prints them), to a bounded depth. It
// looks only at types that can hold bytes or interfaces, so for most
// values it costs a cached type lookup and allocates nothing.
func Inspect(r *redact.Redactor, v any) (in Inspection) {
	if v == nil {
		return in
	}
	rv := reflect.ValueOf(v)
	s := shapeOf(rv.Type())
	if s.pure && !isWrapError(rv.Type()) {
		return in
	}
	if !s.pure {
		in.CallsJSON, in.CallsText = s.callsJSON, s.callsText
		if !s.bytes && !s.dynamic {
			return in
		}
	}
	// The walker holds the Inspection by value: a pointer to in would make
	// it escape (the walk leaks what the walker points to), which costs an
	// allocation on every clean value.
	w := walker{r: r, in: in}
	defer func() {
		if recover() != nil {
			in = w.in
			in.Failed = true
		}
	}()
	w.walk(rv, 0, walkState{})
	return w.in
}

type walker struct {
	r     *redact.Redactor
	in    Inspection
	nodes int
}

type walkState struct {
	// noCalls: below a wrapping error of fmt.Errorf, which renders its
	// stored message without calling its causes' methods.
	noCalls              bool
	masked               bool   // below a strong key
	weakKey              string // the weak key right above, if any
	hidden               bool   // below an unexported field
	underJSON, underText bool
}

func (w *walker) walk(v reflect.Value, depth int, st walkState) {
	if w.in.Failed {
		return
	}
	w.nodes++
	if depth > maxDepth || w.nodes > maxNodes {
		w.in.Failed = true
		return
	}
	t := v.Type()
	s := shapeOf(t)
	if isWrapError(t) {
		if t.Kind() == reflect.Pointer {
			if v.IsNil() {
				return
			}
			v, t = v.Elem(), t.Elem()
		}
		st.noCalls = true
		for i := 0; i < t.NumField(); i++ {
			w.walk(v.Field(i), depth+1, st)
		}
		return
	}
	if s.pure || (!s.bytes && !s.dynamic) {
		return
	}
	st.underJSON = st.underJSON || s.ownJSON
	st.underText = st.underText || s.ownText
	switch t.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		e := v.Elem() // an interface or pointer keeps the key above
		es := shapeOf(e.Type())
		if !es.pure && !st.noCalls {
			w.in.CallsJSON = w.in.CallsJSON || es.callsJSON
			w.in.CallsText = w.in.CallsText || es.callsText
		}
		w.walk(e, depth+1, st)
	case reflect.Pointer:
		if !v.IsNil() {
			w.walk(v.Elem(), depth+1, st)
		}
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			fs := st
			fs.weakKey = ""
			if !f.IsExported() && !f.Anonymous {
				fs.hidden = true
			}
			if !fs.masked {
				w.fieldTier(f, &fs)
			}
			w.walk(v.Field(i), depth+1, fs)
		}
	case reflect.Map:
		if v.Len() == 0 {
			return
		}
		stringKeys := t.Key().Kind() == reflect.String
		it := v.MapRange()
		for it.Next() {
			ms := st
			ms.weakKey = ""
			if stringKeys && !ms.masked {
				ms.under(w.r, it.Key().String())
			}
			w.walk(it.Value(), depth+1, ms)
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			w.bytes(v, st)
			return
		}
		// Elements have no key of their own, and a weak key does not
		// reach into a list (the JSON rewriter walks it the same way).
		es := st
		es.weakKey = ""
		for i := 0; i < v.Len(); i++ {
			w.walk(v.Index(i), depth+1, es)
		}
	}
}

// fieldTier applies to st the tier of a struct field's name, as fmt writes
// it, and of the name its json tag gives it, as encoding/json writes it:
// the stronger of the two decides.
func (w *walker) fieldTier(f reflect.StructField, st *walkState) {
	st.under(w.r, f.Name)
	if st.masked {
		return
	}
	tag := f.Tag.Get("json")
	if i := strings.IndexByte(tag, ','); i >= 0 {
		tag = tag[:i]
	}
	if tag != "" && tag != "-" {
		weak := st.weakKey
		st.under(w.r, tag)
		if st.weakKey == "" {
			st.weakKey = weak
		}
	}
}

// under records in st that the value walked next is under key: below a
// strong key everything is masked; below a weak key, bytes are masked when
// they look like a credential.
func (st *walkState) under(r *redact.Redactor, key string) {
	switch KeyTier(r, key) {
	case Strong:
		st.masked = true
	case Weak:
		st.weakKey = key
	}
}

func isWrapError(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return wrapErrorTypes[t]
}

func (w *walker) bytes(v reflect.Value, st walkState) {
	var b []byte
	array := v.Kind() == reflect.Array
	switch {
	case !array:
		b = v.Bytes()
	case v.CanAddr():
		b = v.Bytes()
	default:
		b = make([]byte, v.Len())
		for i := range b {
			b[i] = byte(v.Index(i).Uint())
		}
	}
	if len(b) == 0 {
		return
	}
	var red string
	s := unsafe.String(unsafe.SliceData(b), len(b))
	switch {
	case st.masked:
		red = w.r.Marker()
	case st.weakKey != "" && w.r.MasksValue(st.weakKey, s):
		red = w.r.Field(st.weakKey, s)
	default:
		if red = w.r.String(s); red == s {
			return
		}
	}
	w.in.blobs = append(w.in.blobs, blob{
		raw: bytes.Clone(b), red: red, array: array, hidden: st.hidden,
		underJSON: st.underJSON, underText: st.underText,
	})
}

// RewriteJSON appends src, the JSON encoding of the inspected value, to
// dst with each dirty byte slice's encoding (a base64 string; a [N]byte's
// array of numbers) replaced by its redacted text as a JSON string. It
// reports false when a dirty blob below a MarshalJSON or MarshalText
// method is not found: the method may have written the bytes in a form of
// its own, and the caller must fail closed.
func (in *Inspection) RewriteJSON(dst, src []byte) ([]byte, bool) {
	out := append(dst, src...)
	for _, b := range in.blobs {
		var needle []byte
		if b.array {
			needle = appendNumbers(nil, b.raw, ',')
		} else {
			needle = make([]byte, 0, base64.StdEncoding.EncodedLen(len(b.raw))+2)
			needle = append(needle, '"')
			needle = base64.StdEncoding.AppendEncode(needle, b.raw)
			needle = append(needle, '"')
		}
		if !bytes.Contains(out[len(dst):], needle) {
			if b.underJSON && !b.hidden {
				return out, false
			}
			continue
		}
		repl, err := json.Marshal(b.red)
		if err != nil {
			return out, false
		}
		out = append(dst, bytes.ReplaceAll(out[len(dst):], needle, repl)...)
	}
	return out, true
}

// RewriteText is RewriteJSON for the fmt "%+v" form of the inspected
// value, where bytes are written as numbers ("[104 105]"): they are
// replaced by the redacted text. A dirty blob that is not found is fine
// unless it is below a String, Error, Format or MarshalText method (fmt
// writes the address of a nested pointer, not what it points to).
func (in *Inspection) RewriteText(dst, src []byte) ([]byte, bool) {
	out := append(dst, src...)
	for _, b := range in.blobs {
		needle := appendNumbers(nil, b.raw, ' ')
		if !bytes.Contains(out[len(dst):], needle) {
			if b.underText {
				return out, false
			}
			continue
		}
		out = append(dst, bytes.ReplaceAll(out[len(dst):], needle, []byte(b.red))...)
	}
	return out, true
}

// appendNumbers appends b as fmt ("[1 2]") or encoding/json ("[1,2]")
// writes a list of numbers.
func appendNumbers(dst, b []byte, sep byte) []byte {
	dst = append(dst, '[')
	for i, c := range b {
		if i > 0 {
			dst = append(dst, sep)
		}
		dst = strconv.AppendUint(dst, uint64(c), 10)
	}
	return append(dst, ']')
}
