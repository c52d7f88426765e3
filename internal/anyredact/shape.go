package anyredact

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"reflect"
	"sync"
	"time"
)

// shape is what the type of a value tells about rendering it, before any
// value is seen. Shapes are computed once per type and cached.
type shape struct {
	// ownJSON and ownText: the type itself (or its pointer) has a method
	// that encoding/json, respectively fmt or a text handler, calls
	// instead of rendering it field by field.
	ownJSON, ownText bool
	// callsJSON and callsText: rendering a value of the type may call
	// such a method, on it or on a value it holds.
	callsJSON, callsText bool
	// bytes: a value may hold a byte slice or byte array, which
	// encoding/json writes as base64 (arrays as numbers) and fmt as
	// numbers, where no pattern can see the text.
	bytes bool
	// dynamic: the type holds interfaces, so what a value holds (and
	// calls) depends on the value: only a walk can tell.
	dynamic bool
	// pure: a standard-library type whose methods render its own data
	// and call no code of the program. It is treated as having no
	// methods and is not walked.
	pure bool
}

var (
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	stringerType      = reflect.TypeFor[fmt.Stringer]()
	goStringerType    = reflect.TypeFor[fmt.GoStringer]()
	formatterType     = reflect.TypeFor[fmt.Formatter]()
	errorType         = reflect.TypeFor[error]()
)

// pureTypes are standard-library types whose rendering methods depend only
// on their own data: calling them again gives the same text, so a clean
// value of theirs can be passed on as it is. The error types are those of
// errors.New and fmt.Errorf, whose Error returns a stored message.
var pureTypes = func() map[reflect.Type]bool {
	m := map[reflect.Type]bool{}
	for _, v := range []any{
		time.Time{}, time.Duration(0), time.Month(0), time.Weekday(0), time.Location{},
		json.Number(""), json.RawMessage(nil),
		net.IP(nil), net.IPMask(nil), net.IPNet{}, net.HardwareAddr(nil),
		netip.Addr{}, netip.Prefix{}, netip.AddrPort{},
		url.URL{}, url.Userinfo{}, url.Values(nil),
		errors.New(""), fmt.Errorf("%w", errors.New("")), fmt.Errorf("%w%w", errors.New(""), errors.New("")),
	} {
		t := reflect.TypeOf(v)
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		m[t] = true
	}
	return m
}()

// wrapErrorTypes are the pure error types that hold their causes: their
// message was built from the causes' at wrap time, so the causes are
// walked for bytes (whose dump the message may hold), though their methods
// are not called when the wrapper is rendered.
var wrapErrorTypes = map[reflect.Type]bool{
	reflect.TypeOf(fmt.Errorf("%w", errors.New(""))).Elem():                   true,
	reflect.TypeOf(fmt.Errorf("%w%w", errors.New(""), errors.New(""))).Elem(): true,
}

var shapes sync.Map // reflect.Type -> *shape

// shapeOf returns the (cached) shape of t. The cache holds one entry per
// type the program logs, a bounded set.
func shapeOf(t reflect.Type) *shape {
	if s, ok := shapes.Load(t); ok {
		return s.(*shape)
	}
	s := computeShape(t)
	actual, _ := shapes.LoadOrStore(t, s)
	return actual.(*shape)
}

// ownMethods reports which renderings of t call a method of t (or *t: the
// JSON encoder calls pointer methods on addressable values).
func ownMethods(t reflect.Type) (jsonM, textM bool) {
	for _, u := range []reflect.Type{t, reflect.PointerTo(t)} {
		if u.NumMethod() == 0 {
			continue
		}
		if u.Implements(jsonMarshalerType) || u.Implements(textMarshalerType) {
			jsonM = true
		}
		if u.Implements(textMarshalerType) || u.Implements(stringerType) || u.Implements(errorType) ||
			u.Implements(formatterType) || u.Implements(goStringerType) {
			textM = true
		}
	}
	return jsonM, textM
}

func isPure(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return pureTypes[t]
}

// computeShape visits every type reachable from root once; the answers
// are ORs over that set, so a recursive type needs no fixed point.
func computeShape(root reflect.Type) *shape {
	s := &shape{}
	if isPure(root) {
		s.pure = true
		return s
	}
	s.ownJSON, s.ownText = ownMethods(root)
	seen := map[reflect.Type]bool{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		if seen[t] {
			return
		}
		seen[t] = true
		if isPure(t) {
			return
		}
		j, x := ownMethods(t)
		s.callsJSON = s.callsJSON || j
		s.callsText = s.callsText || x
		switch t.Kind() {
		case reflect.Interface:
			s.dynamic = true
		case reflect.Pointer:
			visit(t.Elem())
		case reflect.Slice, reflect.Array:
			if t.Elem().Kind() == reflect.Uint8 {
				s.bytes = true
				return
			}
			visit(t.Elem())
		case reflect.Map:
			visit(t.Key())
			visit(t.Elem())
		case reflect.Struct:
			for i := 0; i < t.NumField(); i++ {
				visit(t.Field(i).Type)
			}
		}
	}
	visit(root)
	return s
}
