package structval

import (
	"reflect"
	"unsafe"

	"github.com/logredact/logredact/redact"
)

// scanner is the pre-scan: it decides, without rendering and without
// allocating, whether a value may hold anything to redact in the
// renderings of its sink. It answers true ("dirty") whenever it cannot
// tell, and the value then takes the slow path, which decides exactly.
type scanner struct {
	w    *Walker
	sink Sink
	// data: look at the bytes in the data only, through every field and
	// pointer, ignoring methods and strings: what an error's message may
	// show as numbers, where no pattern reads it (a string it shows is
	// checked in the message).
	data  bool
	nodes int
	np    int
	path  [MaxDepth + 1]uintptr // pointers on the path from the root: the cycle guard
}

var (
	mapAnyType    = reflect.TypeFor[map[string]any]()
	mapStringType = reflect.TypeFor[map[string]string]()
	sliceStrType  = reflect.TypeFor[[]string]()
	sliceAnyType  = reflect.TypeFor[[]any]()
)

// dirty reports whether v, of type ti, under key of tier, may hold
// something to redact. hidden: v was reached through an unexported field,
// which encoding/json leaves out and fmt prints without calling methods.
func (s *scanner) dirty(v reflect.Value, ti *typeInfo, key string, tier redact.KeyTier, hidden bool, depth int) bool {
	if depth > MaxDepth {
		return true
	}
	if s.nodes++; s.nodes > maxNodes {
		return true
	}
	if s.data {
		tier = redact.KeyNotSensitive
	}
	if ti.plain && tier == redact.KeyNotSensitive {
		return false
	}
	switch {
	case ti.secret:
		// Its methods give the mask; fmt prints a hidden one raw.
		return hidden && s.sink != JSON
	case tier == redact.KeyStrong:
		return !isZeroish(v)
	case ti.inert:
		return tier == redact.KeyWeak && !isNumber(v.Kind()) && !v.IsZero()
	case ti.pure && s.sink != JSON && !s.data && !hidden && v.CanInterface() && !isZeroish(v):
		// Its methods render its own data: check what they render.
		if text, has, ok := textOf(v.Interface(), true); has {
			return !ok || s.w.r.String(text) != text
		}
	case !hidden && !s.data && s.byMethod(ti):
		// Rendered by a method of the program: only the slow path,
		// calling it once, can tell.
		return true
	}
	w := s.w
	switch v.Kind() {
	case reflect.String:
		str := v.String()
		if str == "" || s.data {
			return false
		}
		if tier == redact.KeyWeak && w.r.MasksValue(key, str) {
			return true
		}
		return w.Text(str) != str
	case reflect.Interface:
		if v.IsNil() {
			return false
		}
		e := v.Elem()
		return s.dirty(e, w.info(e.Type()), key, tier, hidden, depth+1)
	case reflect.Pointer:
		if v.IsNil() || s.sink == Text && depth > 0 && !s.data {
			return false // fmt prints a nested pointer as an address
		}
		p := v.Pointer()
		for i := 0; i < s.np; i++ {
			if s.path[i] == p {
				return true // a cycle: the slow path cuts it with the marker
			}
		}
		s.path[s.np] = p
		s.np++
		d := s.dirty(v.Elem(), ti.elem, key, tier, hidden, depth+1)
		s.np--
		return d
	case reflect.Struct:
		return s.structDirty(v, ti, hidden, depth)
	case reflect.Map:
		return s.mapDirty(v, ti, hidden, depth)
	case reflect.Slice, reflect.Array:
		if ti.bytes {
			return s.bytesDirty(v, key, tier)
		}
		if v.Kind() == reflect.Slice && v.IsNil() {
			return false
		}
		if ti.elem.plain {
			return false
		}
		if !hidden {
			switch v.Type() {
			case sliceStrType:
				// By index: Interface would copy the slice header to
				// the heap.
				for i := range v.Len() {
					if e := v.Index(i).String(); e != "" && w.Text(e) != e {
						return true
					}
				}
				return false
			case sliceAnyType:
				for i := range v.Len() {
					if e := v.Index(i).Elem(); e.IsValid() && s.dirty(e, w.info(e.Type()), "", redact.KeyNotSensitive, false, depth+1) {
						return true
					}
				}
				return false
			}
		}
		for i := range v.Len() {
			if s.dirty(v.Index(i), ti.elem, "", redact.KeyNotSensitive, hidden, depth+1) {
				return true
			}
		}
	}
	// Booleans and numbers hold nothing; channels and functions print as
	// addresses (encoding/json refuses them: the slow path would mask).
	return v.Kind() == reflect.Chan || v.Kind() == reflect.Func || v.Kind() == reflect.Complex64 ||
		v.Kind() == reflect.Complex128 || v.Kind() == reflect.UnsafePointer
}

// byMethod reports whether the sink renders values of ti by a method of
// the program's, which the pre-scan cannot see through.
func (s *scanner) byMethod(ti *typeInfo) bool {
	switch s.sink {
	case JSON:
		return ti.jsonM
	case Text:
		return ti.textM
	}
	return ti.jsonM || ti.textM
}

func (s *scanner) structDirty(v reflect.Value, ti *typeInfo, hidden bool, depth int) bool {
	for i := range ti.fields {
		f := &ti.fields[i]
		h := hidden || !f.exported && (!f.inline || s.sink != JSON)
		if s.sink == JSON && (h || !f.inJSON) {
			continue // encoding/json does not write it
		}
		fv := v.Field(f.index)
		switch {
		case (f.drop || f.mask) && !s.data:
			if !fv.IsZero() {
				return true
			}
			continue
		case s.data:
		case f.keyed && fv.Kind() == reflect.String && fv.Len() > 0:
			return true
		}
		if s.dirty(fv, f.info, f.tierKey, f.tier, h, depth+1) {
			return true
		}
	}
	return false
}

func (s *scanner) mapDirty(v reflect.Value, ti *typeInfo, hidden bool, depth int) bool {
	if v.IsNil() || v.Len() == 0 {
		return false
	}
	w := s.w
	if !hidden {
		// The maps logged most, read without reflection, which would
		// allocate a copy of every key and value.
		switch v.Type() {
		case mapAnyType:
			for k, e := range v.Interface().(map[string]any) {
				red, tier := w.keys.Key(k)
				if red != k {
					return true
				}
				if e != nil && s.dirty(reflect.ValueOf(e), w.info(reflect.TypeOf(e)), k, tier, false, depth+1) {
					return true
				}
			}
			return false
		case mapStringType:
			for k, e := range v.Interface().(map[string]string) {
				red, tier := w.keys.Key(k)
				if red != k {
					return true
				}
				if red, _ := w.String(e, k, tier); red != e {
					return true
				}
			}
			return false
		}
	}
	if ti.key.kind != reflect.String && !isNumber(ti.key.kind) || ti.key.jsonM || ti.key.textM {
		return true // keys rendered by methods, or not at all by encoding/json
	}
	if ti.key.kind != reflect.String && ti.elem.plain {
		return false
	}
	for it := v.MapRange(); it.Next(); {
		k := it.Key()
		key, tier := "", redact.KeyNotSensitive
		if k.Kind() == reflect.String {
			key = k.String()
			var red string
			if red, tier = w.keys.Key(key); red != key {
				return true
			}
		}
		if s.dirty(it.Value(), ti.elem, key, tier, hidden, depth+1) {
			return true
		}
	}
	return false
}

func (s *scanner) bytesDirty(v reflect.Value, key string, tier redact.KeyTier) bool {
	var b []byte
	switch {
	case v.Kind() == reflect.Slice:
		b = v.Bytes()
	case v.CanAddr():
		b = v.Bytes()
	default:
		return v.Len() > 0 // an unaddressable array: the slow path copies it
	}
	if len(b) == 0 {
		return false
	}
	if tier != redact.KeyNotSensitive && !s.data {
		return true
	}
	str := unsafe.String(unsafe.SliceData(b), len(b))
	return s.w.r.String(str) != str
}
