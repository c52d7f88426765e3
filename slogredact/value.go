package slogredact

import (
	"log/slog"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/logredact/logredact/internal/anyredact"
	"github.com/logredact/logredact/redact"
)

// maxDepth bounds group nesting. A LogValuer can build groups without end;
// past this depth a value is masked rather than walked (fail closed).
const maxDepth = 64

// maxLogValues is how many LogValue calls one value may chain, as in slog.
const maxLogValues = 100

// engine redacts slog values. target is the kind of the next handler: a
// value of kind Any is checked in the renderings that handler uses, and
// in every rendering when it is not a handler of log/slog.
type engine struct {
	r      *redact.Redactor
	target target
	keys   *keyCache
	// weakKey is the weak key (see anyredact.Weak) a value of kind Any is
	// logged under, or "": a scalar rendering of the value is then masked
	// whole when it looks like a credential.
	weakKey string
}

// target is what the engine knows of the next handler.
type target uint8

const (
	anyHandler  target = iota // unknown: it may render a value any way
	jsonHandler               // *slog.JSONHandler
	textHandler               // *slog.TextHandler
)

func newEngine(r *redact.Redactor, next slog.Handler, keys *keyCache) engine {
	t := anyHandler
	switch next.(type) {
	case *slog.JSONHandler:
		t = jsonHandler
	case *slog.TextHandler:
		t = textHandler
	}
	return engine{r: r, target: t, keys: keys}
}

// keyCacheSize is the number of keys a keyCache can remember.
const keyCacheSize = 256

// maxCachedKey bounds the keys worth remembering: attribute keys are short
// names, and longer text is likelier to be data than a name.
const maxCachedKey = 64

// keyCache remembers, for clean keys, their tier (anyredact.KeyTier). Attribute
// keys are few and repeat on every record, while checking one means two
// prefilter scans (patterns, then sensitive names). The cache is shared by
// a Handler and every Handler derived from it. It only ever fills empty
// slots, so it allocates at most keyCacheSize times in its life, and it
// compares whole keys, so a collision costs a check, never a wrong answer.
type keyCache struct {
	slots [keyCacheSize]atomic.Pointer[keyEntry]
}

type keyEntry struct {
	key  string
	tier anyredact.Tier
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

// key returns key redacted and the tier of the result.
func (e *engine) key(key string) (string, anyredact.Tier) {
	c := e.keys
	if c == nil || len(key) > maxCachedKey {
		key = e.r.String(key)
		return key, anyredact.KeyTier(e.r, key)
	}
	slot := &c.slots[keyHash(key)%keyCacheSize]
	if ke := slot.Load(); ke != nil && ke.key == key {
		return key, ke.tier
	}
	red := e.r.String(key)
	tier := anyredact.KeyTier(e.r, red)
	if red == key && slot.Load() == nil {
		// Keys holding a secret are not kept: they are rare, and the
		// observer must hear of each one.
		slot.CompareAndSwap(nil, &keyEntry{key: strings.Clone(key), tier: tier})
	}
	return red, tier
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
// maskKey is a strong key above a: a's value is then masked whole. Under a
// weak key of its own, a's value is masked whole if it is a scalar whose
// text looks like a credential, and walked otherwise. It
// works through a pointer because it runs for every attribute of every
// record: on the clean path nothing is copied back.
func (e *engine) attr(a *slog.Attr, maskKey string, depth int) bool {
	changed := false
	k, tier := e.key(a.Key)
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
	if maskKey == "" && tier == anyredact.Strong {
		maskKey = a.Key
	}
	if maskKey != "" {
		return e.masked(a, maskKey, depth) || changed
	}
	if tier == anyredact.Weak && e.weakScalar(a) {
		return true
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
		ea := e
		if tier == anyredact.Weak {
			// A copy, so the key reaches the renderings of this value
			// only; it holds three words and a string, and stays on
			// the stack.
			ew := *e
			ew.weakKey = a.Key
			ea = &ew
		}
		if v, ch := ea.any(a.Value.Any()); ch {
			a.Value, changed = v, true
		}
	}
	return changed
}

// weakScalar masks *a whole, and reports true, when its value is a scalar
// whose text, as the handlers print it, looks like a credential to the weak
// key a.Key (see [redact.Redactor.MasksValue]). A number, a boolean or a
// short word is not masked.
func (e *engine) weakScalar(a *slog.Attr) bool {
	var buf [64]byte
	var text []byte
	v := a.Value
	switch v.Kind() {
	case slog.KindString:
		s := v.String()
		if !e.r.MasksValue(a.Key, s) {
			return false
		}
		a.Value = slog.StringValue(e.r.Field(a.Key, s))
		return true
	case slog.KindInt64:
		text = strconv.AppendInt(buf[:0], v.Int64(), 10)
	case slog.KindUint64:
		text = strconv.AppendUint(buf[:0], v.Uint64(), 10)
	case slog.KindFloat64:
		text = strconv.AppendFloat(buf[:0], v.Float64(), 'g', -1, 64)
	case slog.KindDuration:
		// The text handler prints the String form; the JSON handler the
		// nanoseconds, a number.
		text = append(buf[:0], v.Duration().String()...)
	case slog.KindTime:
		text = v.Time().AppendFormat(buf[:0], time.RFC3339Nano)
	default:
		// Booleans ("true", "false") are placeholders; groups and
		// values of kind Any are walked.
		return false
	}
	if !e.r.MasksValue(a.Key, unsafe.String(unsafe.SliceData(text), len(text))) {
		return false
	}
	a.Value = slog.StringValue(e.r.Field(a.Key, string(text)))
	return true
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
		// A placeholder ("${DB_PASSWORD}", "****") is kept even under a
		// strong key: it holds no secret.
		s := v.String()
		if s == "" {
			return false
		}
		s2 := e.r.Field(maskKey, s)
		if s2 == s {
			return false
		}
		a.Value = slog.StringValue(s2)
		return true
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

// mask returns the replacement of v, a value that is not a string, under
// the strong key maskKey. Such a value is always replaced, as the JSON
// rewriter replaces any value but a string under a strong key: a text that
// reads as a placeholder ("true", "[hidden]") gets the marker. The value's
// text matters only to replacement modes that derive the marker from the
// secret (HMAC).
func (e *engine) mask(maskKey string, v slog.Value) (s string) {
	defer func() {
		if recover() != nil {
			s = e.r.Marker()
		}
	}()
	text := v.String()
	if text == "" || !e.r.MasksValue(maskKey, text) {
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
