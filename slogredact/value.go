package slogredact

import (
	"log/slog"
	"strconv"
	"time"
	"unsafe"

	"github.com/logredact/logredact/internal/structval"
	"github.com/logredact/logredact/redact"
)

// maxDepth bounds group nesting. A LogValuer can build groups without end;
// past this depth a value is masked rather than walked (fail closed). It
// is the walker's one depth cap.
const maxDepth = structval.MaxDepth

// maxLogValues is how many LogValue calls one value may chain, as in slog.
const maxLogValues = 100

// engine redacts slog values: slog's groups, kinds and LogValuers here,
// every Go value of kind Any through the shared walker.
type engine struct {
	r    *redact.Redactor
	w    *structval.Walker
	sink structval.Sink
}

func newEngine(r *redact.Redactor, next slog.Handler) engine {
	sink := structval.Any
	switch next.(type) {
	case *slog.JSONHandler:
		sink = structval.JSON
	case *slog.TextHandler:
		sink = structval.Text
	}
	return engine{r: r, w: structval.For(r), sink: sink}
}

// key returns key redacted and the tier of the result.
func (e *engine) key(key string) (string, redact.KeyTier) { return e.w.Key(key) }

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
// text looks like a credential, and walked otherwise. It works through a
// pointer because it runs for every attribute of every record: on the
// clean path nothing is copied back.
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
	kind := a.Value.Kind()
	if kind == slog.KindLogValuer {
		// The resolved value is passed on even when clean: resolving it
		// again in the next handler could give a different answer.
		a.Value, changed = e.resolve(a.Value), true
		kind = a.Value.Kind()
	}
	if maskKey == "" && tier == redact.KeyStrong {
		maskKey = a.Key
	}
	if maskKey != "" {
		return e.masked(a, maskKey, depth) || changed
	}
	if tier == redact.KeyWeak && e.weakScalar(a) {
		return true
	}
	switch kind {
	case slog.KindString:
		if s := a.Value.String(); s != "" {
			if s2 := e.w.Text(s); s2 != s {
				a.Value, changed = slog.StringValue(s2), true
			}
		}
	case slog.KindGroup:
		if g, ch := e.attrs(a.Value.Group(), "", depth+1); ch {
			a.Value, changed = slog.GroupValue(g...), true
		}
	case slog.KindAny:
		if v, ch := e.any(a.Value.Any(), a.Key, tier); ch {
			a.Value, changed = v, true
		}
	}
	return changed
}

// any redacts a value of kind Any with the shared walker, in the
// renderings the next handler uses.
func (e *engine) any(x any, key string, tier redact.KeyTier) (slog.Value, bool) {
	switch x.(type) {
	case nil, slog.Level, *slog.Source:
		return slog.Value{}, false
	}
	out, ch := e.w.Value(x, key, tier, e.sink)
	if !ch {
		return slog.Value{}, false
	}
	if s, ok := out.(string); ok {
		return slog.StringValue(s), true
	}
	return slog.AnyValue(out), true
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
// the strong key maskKey: the marker, or for a scalar the replacement
// [redact.Redactor.Field] derives from its text (HMAC mode). A value of
// kind Any is not rendered: its methods could panic or leak.
func (e *engine) mask(maskKey string, v slog.Value) string {
	var text string
	switch v.Kind() {
	case slog.KindInt64, slog.KindUint64, slog.KindFloat64, slog.KindDuration, slog.KindTime, slog.KindBool:
		text = v.String()
	default:
		return e.r.Marker()
	}
	if !e.r.MasksValue(maskKey, text) {
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
