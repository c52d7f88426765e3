package structval

import (
	"bytes"
	"cmp"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"

	"github.com/logredact/logredact/redact"
)

// slow renders v once as a tree in the shape encoding/json gives it, with
// what the tree builder decides applied (tags, byte slices, tiers of Go
// field names, Secrets, cycles, depth, panics), encodes it and redacts the
// encoding with AppendJSON, the one JSON rewriter. It returns v and false
// when the result is v's own encoding unchanged and no method ran.
func (w *Walker) slow(rv reflect.Value, ti *typeInfo, sink Sink) (any, bool) {
	b := builder{w: w, sink: sink}
	tree := b.node(rv, ti, "", redact.KeyNotSensitive, 0)
	enc := appendTree(nil, tree)
	red, err := w.r.AppendJSON(nil, enc)
	if err != nil {
		return w.r.Marker(), true
	}
	if sink == JSON {
		if !b.changed && !b.calls && bytes.Equal(red, enc) {
			return rv.Interface(), false
		}
		return json.RawMessage(red), true
	}
	if sink == Text && !b.changed && !b.calls && bytes.Equal(red, enc) && rv.CanInterface() {
		// What the pre-scan found is in what the tree leaves out and fmt
		// prints: unexported fields. With no method to call and no bytes
		// there (fmt prints them as numbers), fmt's own form, redacted as
		// text, keeps the shape the TextHandler gives the value.
		sc := scanner{w: w, sink: Any, data: true}
		if !sc.dirty(rv, ti, "", redact.KeyNotSensitive, false, 0) {
			return w.r.String(fmt.Sprintf("%+v", rv.Interface())), true
		}
	}
	// The tree is written even when it is clean: fmt would print what it
	// leaves out (unexported fields), which the pre-scan found dirty.
	out, err := decode(red)
	if err != nil {
		return w.r.Marker(), true
	}
	return out, true
}

// decode is apart from slow so that the variable decoded into, which
// escapes, is allocated on the dirty path only.
func decode(b []byte) (any, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	err := dec.Decode(&v)
	return v, err
}

// builder renders one value as a tree: *object, []any, string, bool,
// numbers, json.RawMessage (a MarshalJSON result) and nil.
type builder struct {
	w       *Walker
	sink    Sink
	changed bool // the builder replaced or dropped something
	calls   bool // a method of the program ran
	nodes   int
	np      int
	path    [MaxDepth + 1]uintptr
}

// object is a JSON object that keeps its members in order.
type object struct {
	keys  []string
	vals  []any
	depth []int // embedding depth, for encoding/json's dominance rule
}

func (o *object) add(k string, v any, depth int) {
	if i := slices.Index(o.keys, k); i >= 0 {
		// A field of a shallower struct wins over an embedded one.
		if depth < o.depth[i] {
			o.vals[i], o.depth[i] = v, depth
		}
		return
	}
	o.keys, o.vals, o.depth = append(o.keys, k), append(o.vals, v), append(o.depth, depth)
}

func (b *builder) marker() any {
	b.changed = true
	return b.w.r.Marker()
}

func (b *builder) node(v reflect.Value, ti *typeInfo, key string, tier redact.KeyTier, depth int) any {
	if !v.IsValid() {
		return nil
	}
	if b.nodes++; depth > MaxDepth || b.nodes > maxNodes {
		return b.marker()
	}
	w := b.w
	switch {
	case ti.secret:
		return b.marker()
	case tier == redact.KeyStrong && v.Kind() == reflect.Interface && !v.IsNil():
		e := v.Elem() // the key reaches what the interface holds
		return b.node(e, w.info(e.Type()), key, tier, depth+1)
	case tier == redact.KeyStrong && !isZeroish(v):
		if v.Kind() == reflect.String {
			s := v.String()
			red := w.r.Field(key, s)
			b.changed = b.changed || red != s
			return red
		}
		return b.marker()
	}
	if out, ok := b.method(v, ti, key, tier); ok {
		return out
	}
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if tier == redact.KeyWeak && w.r.MasksValue(key, s) {
			b.changed = true
			return w.r.Field(key, s)
		}
		return s
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return json.Number(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return json.Number(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		raw, err := json.Marshal(v.Float())
		if err != nil {
			return b.marker()
		}
		return json.RawMessage(raw)
	case reflect.Interface:
		if v.IsNil() {
			return nil
		}
		e := v.Elem()
		return b.node(e, w.info(e.Type()), key, tier, depth+1)
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		p := v.Pointer()
		for i := 0; i < b.np; i++ {
			if b.path[i] == p {
				return b.marker() // a cycle
			}
		}
		b.path[b.np] = p
		b.np++
		out := b.node(v.Elem(), ti.elem, key, tier, depth+1)
		b.np--
		return out
	case reflect.Struct:
		o := &object{}
		b.fields(o, v, ti, depth, 0)
		return o
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		return b.mapNode(v, ti, depth)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil
		}
		if ti.bytes {
			return b.bytesNode(v, key, tier)
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = b.node(v.Index(i), ti.elem, "", redact.KeyNotSensitive, depth+1)
		}
		return out
	}
	// Channels, functions, complex numbers: encoding/json refuses them.
	return b.marker()
}

// method renders v by its own method when the sink would: MarshalJSON or
// MarshalText for JSON (and Any), Format, Error, String or MarshalText for
// Text. Pointer methods count when v is addressable, as encoding/json
// calls them.
func (b *builder) method(v reflect.Value, ti *typeInfo, key string, tier redact.KeyTier) (any, bool) {
	if !ti.jsonM && !ti.textM || !v.CanInterface() {
		return nil, false
	}
	if v.Kind() == reflect.Pointer && v.IsNil() {
		return nil, false // encoding/json writes null; fmt <nil>
	}
	x := v.Interface()
	if v.Kind() != reflect.Pointer && v.CanAddr() {
		if _, ok := x.(json.Marshaler); !ok {
			x = v.Addr().Interface()
		}
	}
	var text string
	switch m := x.(type) {
	case json.Marshaler:
		if b.sink == Text {
			break
		}
		raw, ok := callJSON(m)
		b.calls = b.calls || !ti.inert && !ti.pure
		if !ok {
			return b.marker(), true
		}
		return json.RawMessage(raw), true
	}
	if tm, ok := x.(encoding.TextMarshaler); ok {
		raw, ok := callText(tm)
		if !ok {
			return b.marker(), true
		}
		text = string(raw)
	} else if b.sink != Text {
		return nil, false // encoding/json renders it field by field
	} else {
		s, has, ok := textOf(x, true)
		switch {
		case !has:
			return nil, false
		case !ok:
			return b.marker(), true
		}
		text = s
	}
	b.calls = b.calls || !ti.inert && !ti.pure
	if red, ch := b.w.String(text, key, tier); ch {
		b.changed = true
		return red, true
	}
	return text, true
}

// fields adds the fields encoding/json writes for the struct v to o,
// flattening embedded structs. embed is the embedding depth.
func (b *builder) fields(o *object, v reflect.Value, ti *typeInfo, depth, embed int) {
	for i := range ti.fields {
		f := &ti.fields[i]
		if !f.inJSON {
			continue
		}
		fv := v.Field(f.index)
		if f.drop {
			b.changed = true
			continue
		}
		if f.inline {
			fi := f.info
			if fv.Kind() == reflect.Pointer {
				if fv.IsNil() {
					continue
				}
				fv, fi = fv.Elem(), fi.elem
			}
			if depth+1 <= MaxDepth {
				b.fields(o, fv, fi, depth+1, embed+1)
			}
			continue
		}
		if f.omit && fv.IsZero() {
			continue
		}
		if f.mask && !fv.IsZero() {
			o.add(f.name, b.marker(), embed)
			continue
		}
		o.add(f.name, b.node(fv, f.info, f.tierKey, f.tier, depth+1), embed)
	}
}

func (b *builder) mapNode(v reflect.Value, ti *typeInfo, depth int) any {
	o := &object{}
	for it := v.MapRange(); it.Next(); {
		k := it.Key()
		var key string
		switch {
		case k.Kind() == reflect.String:
			key = k.String()
		case k.CanInt():
			key = strconv.FormatInt(k.Int(), 10)
		case k.CanUint():
			key = strconv.FormatUint(k.Uint(), 10)
		default:
			tm, ok := k.Interface().(encoding.TextMarshaler)
			if !ok {
				return b.marker()
			}
			raw, ok := callText(tm)
			b.calls = true
			if !ok {
				return b.marker()
			}
			key = string(raw)
		}
		_, tier := b.w.keys.Key(key)
		o.add(key, b.node(it.Value(), ti.elem, key, tier, depth+1), 0)
	}
	idx := make([]int, len(o.keys))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, c int) int { return cmp.Compare(o.keys[a], o.keys[c]) })
	sorted := &object{keys: make([]string, len(idx)), vals: make([]any, len(idx))}
	for i, j := range idx {
		sorted.keys[i], sorted.vals[i] = o.keys[j], o.vals[j]
	}
	return sorted
}

func (b *builder) bytesNode(v reflect.Value, key string, tier redact.KeyTier) any {
	var raw []byte
	if v.Kind() == reflect.Slice {
		raw = v.Bytes()
	} else {
		raw = make([]byte, v.Len())
		for i := range raw {
			raw[i] = byte(v.Index(i).Uint())
		}
	}
	if red, ch := b.w.Bytes(raw, key, tier); ch {
		b.changed = true
		return red
	}
	if v.Kind() == reflect.Array {
		out := make([]any, len(raw))
		for i, c := range raw {
			out[i] = json.Number(strconv.Itoa(int(c)))
		}
		return out
	}
	return base64.StdEncoding.EncodeToString(raw)
}

// appendTree appends the JSON encoding of a tree.
func appendTree(dst []byte, x any) []byte {
	switch x := x.(type) {
	case nil:
		return append(dst, "null"...)
	case *object:
		dst = append(dst, '{')
		for i, k := range x.keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, k)
			dst = append(dst, ':')
			dst = appendTree(dst, x.vals[i])
		}
		return append(dst, '}')
	case []any:
		dst = append(dst, '[')
		for i, e := range x {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendTree(dst, e)
		}
		return append(dst, ']')
	case string:
		return appendString(dst, x)
	case bool:
		return strconv.AppendBool(dst, x)
	case json.Number:
		return append(dst, x...)
	case json.RawMessage:
		var buf bytes.Buffer
		if json.Compact(&buf, x) != nil {
			return append(dst, "null"...)
		}
		return append(dst, buf.Bytes()...)
	}
	return append(dst, "null"...)
}
