package structval

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net"
	"net/netip"
	"net/url"
	"reflect"
	"strings"
	"time"

	"github.com/logredact/logredact/redact"
)

// typeInfo is what the walker knows of a type before seeing a value.
// It is computed once per type and Walker (field tiers and tags depend on
// the Redactor) and never changes after.
type typeInfo struct {
	t    reflect.Type
	kind reflect.Kind

	// inert: no rendering of a value of the type can hold a secret
	// (numbers, booleans, time, net addresses). Under a sensitive key it
	// is still judged by its text.
	inert bool
	// secret: a redact.Secret, masked wherever it sits.
	secret bool
	// pure: a standard-library type whose methods only render its own
	// data (url.URL, errors.New): its text is checked once and the value
	// passed on when clean.
	pure bool
	// jsonM, textM: encoding/json, respectively fmt or a text handler,
	// renders the type by a method of its own (on t or *t).
	jsonM, textM bool
	// plain: no value of the type holds a string, byte, interface, map key
	// or method: the pre-scan has nothing to look at unless it sits under
	// a sensitive key.
	plain bool

	elem, key *typeInfo // pointer, slice, array, map
	fields    []fieldInfo
	bytes     bool // a []byte or [N]byte without methods
}

// fieldInfo is one struct field as the walker sees it.
type fieldInfo struct {
	index    int
	info     *typeInfo
	name     string // the name encoding/json writes
	exported bool
	inJSON   bool // encoding/json writes it (exported, not json:"-")
	inline   bool // an embedded struct encoding/json flattens
	omit     bool // omitempty
	tier     redact.KeyTier
	tierKey  string // the name (Go or JSON) that gives tier
	mask     bool   // tagged to be masked whole
	drop     bool   // tagged to be dropped
	// keyed: a pattern recognises a secret by this name before it
	// (client_key=...): AppendJSON scans a string under it together with
	// the name, so the pre-scan leaves such strings to it.
	keyed bool
}

var (
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	stringerType      = reflect.TypeFor[fmt.Stringer]()
	formatterType     = reflect.TypeFor[fmt.Formatter]()
	errorType         = reflect.TypeFor[error]()
)

// inertTypes render only data that cannot be a secret.
var inertTypes = typeSet(
	time.Time{}, time.Duration(0), time.Month(0), time.Weekday(0), time.Location{},
	net.IP(nil), net.IPMask(nil), net.IPNet{}, net.HardwareAddr(nil),
	netip.Addr{}, netip.Prefix{}, netip.AddrPort{},
)

// pureTypes render their own data by their methods: the text is checked.
// The error types are those of errors.New and fmt.Errorf, whose Error
// returns a message stored at construction.
var pureTypes = typeSet(
	url.URL{}, url.Userinfo{},
	errors.New(""), fmt.Errorf("%w", errors.New("")), fmt.Errorf("%w%w", errors.New(""), errors.New("")),
)

func typeSet(vs ...any) map[reflect.Type]bool {
	m := map[reflect.Type]bool{}
	for _, v := range vs {
		t := reflect.TypeOf(v)
		m[t] = true
		if t.Kind() == reflect.Pointer {
			m[t.Elem()] = true
		} else {
			m[reflect.PointerTo(t)] = true
		}
	}
	return m
}

const secretPrefix = "Secret["

var secretPkg = reflect.TypeFor[redact.Secret[int]]().PkgPath()

func isSecretType(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.PkgPath() == secretPkg && strings.HasPrefix(t.Name(), secretPrefix)
}

// maxTypes bounds the cache: past it (programs that make types at run
// time) infos are computed and not kept.
const maxTypes = 4096

// info returns the cached typeInfo of t, computing it and every type it
// reaches on first use.
func (w *Walker) info(t reflect.Type) *typeInfo {
	cache := w.types.Load()
	if cache != nil {
		if ti, ok := (*cache)[t]; ok {
			return ti
		}
	}
	local := map[reflect.Type]*typeInfo{}
	ti := w.build(t, local)
	for {
		var next map[reflect.Type]*typeInfo
		if cache == nil {
			next = local
		} else {
			if len(*cache) >= maxTypes {
				return ti
			}
			next = maps.Clone(*cache)
			maps.Copy(next, local)
		}
		if w.types.CompareAndSwap(cache, &next) {
			return ti
		}
		cache = w.types.Load()
	}
}

func implements(t, it reflect.Type) bool {
	return t.Implements(it) || (t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface && reflect.PointerTo(t).Implements(it))
}

// build computes the info of t and of the types it reaches, into local.
// A recursive type finds its own (incomplete) info in local; plain is
// settled after the walk, so such a type is simply not plain.
func (w *Walker) build(t reflect.Type, local map[reflect.Type]*typeInfo) *typeInfo {
	if ti, ok := local[t]; ok {
		return ti
	}
	if cache := w.types.Load(); cache != nil {
		if ti, ok := (*cache)[t]; ok {
			return ti
		}
	}
	ti := &typeInfo{t: t, kind: t.Kind()}
	local[t] = ti
	switch {
	case isSecretType(t):
		ti.secret = true
		return ti
	case inertTypes[t]:
		ti.inert, ti.plain = true, true
		return ti
	case pureTypes[t]:
		ti.pure = true
	}
	if t.Kind() != reflect.Interface {
		ti.jsonM = implements(t, jsonMarshalerType) || implements(t, textMarshalerType)
		ti.textM = implements(t, textMarshalerType) || implements(t, stringerType) ||
			implements(t, errorType) || implements(t, formatterType)
	}
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128,
		reflect.Chan, reflect.Func, reflect.UnsafePointer:
		ti.inert = !ti.jsonM && !ti.textM
		ti.plain = ti.inert
	case reflect.Pointer:
		ti.elem = w.build(t.Elem(), local)
	case reflect.Slice, reflect.Array:
		ti.elem = w.build(t.Elem(), local)
		ti.bytes = t.Elem().Kind() == reflect.Uint8 && !ti.jsonM && !ti.textM
	case reflect.Map:
		ti.key = w.build(t.Key(), local)
		ti.elem = w.build(t.Elem(), local)
	case reflect.Struct:
		w.buildFields(ti, local)
	}
	if !ti.plain && !ti.jsonM && !ti.textM && !ti.pure {
		switch t.Kind() {
		case reflect.Pointer:
			ti.plain = ti.elem.plain && t.Elem() != t
		case reflect.Slice, reflect.Array:
			ti.plain = ti.elem.plain && !ti.bytes
		case reflect.Struct:
			ti.plain = true
			for _, f := range ti.fields {
				if !f.info.plain || f.info == ti || f.tier != redact.KeyNotSensitive || f.mask || f.drop {
					ti.plain = false
				}
			}
		}
	}
	return ti
}

func (w *Walker) buildFields(ti *typeInfo, local map[reflect.Type]*typeInfo) {
	t := ti.t
	for i := range t.NumField() {
		sf := t.Field(i)
		f := fieldInfo{index: i, name: sf.Name, exported: sf.IsExported()}
		f.info = w.build(sf.Type, local)
		f.inJSON = f.exported
		jsonName := ""
		if tag, ok := sf.Tag.Lookup("json"); ok {
			name, opts, _ := strings.Cut(tag, ",")
			switch {
			case name == "-" && opts == "":
				f.inJSON = false
			case name != "":
				jsonName = name
			}
			f.omit = strings.Contains(","+opts+",", ",omitempty,") || strings.Contains(","+opts+",", ",omitzero,")
		}
		if jsonName != "" {
			f.name = jsonName
		}
		if sf.Anonymous && jsonName == "" {
			et := sf.Type
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct && !f.info.jsonM {
				f.inline = true
				f.inJSON = true // encoding/json flattens embedded structs, exported or not
			}
		}
		switch sf.Tag.Get(w.tag) {
		case "true":
			f.mask = true
		case "-":
			f.drop = true
		}
		// The stronger tier of the Go name (fmt prints it) and the JSON
		// name (encoding/json writes it) decides.
		f.tier, f.tierKey = w.r.KeyTier(sf.Name), sf.Name
		if jsonName != "" {
			if jt := w.r.KeyTier(jsonName); jt > f.tier {
				f.tier, f.tierKey = jt, jsonName
			}
		}
		if f.inline {
			f.tier, f.tierKey = redact.KeyNotSensitive, ""
		}
		f.keyed = w.keyed(sf.Name) || jsonName != "" && w.keyed(jsonName)
		ti.fields = append(ti.fields, f)
	}
}

// keyProbe is a value no pattern takes for a secret on its own but that
// passes the entropy checks of the key-named ones.
const keyProbe = "Zx9Qw3Er7Ty1Ui5Op2As8Df4Gh6Jk0LmNb"

// keyed reports whether the patterns find a secret in a value because of
// the name before it, as AppendJSON scans "name":"value".
func (w *Walker) keyed(name string) bool {
	if w.r.String(keyProbe) != keyProbe {
		return false
	}
	for _, text := range []string{`"` + name + `":"` + keyProbe + `"`, name + "=" + keyProbe} {
		if w.r.String(text) != text {
			return true
		}
	}
	return false
}
