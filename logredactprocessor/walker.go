package logredactprocessor

import (
	"strconv"
	"unsafe"

	"go.opentelemetry.io/collector/pdata/pcommon"

	"github.com/logredact/logredact/redact"
)

// maxDepth bounds how deep maps and slices are walked. A container nested
// deeper is masked whole rather than walked (fail closed), as AppendJSON
// does with JSON.
const maxDepth = 128

// walker redacts pdata values in place with one Redactor. Besides a cache
// of attribute keys (see keyCache) it holds no state, and it is safe for
// concurrent use.
//
// The rules it follows:
//
//   - A value under a key is judged by the key first: under a strong
//     sensitive key any value that is not a placeholder (a string, a number,
//     a map, a slice, bytes) becomes the replacement string, as
//     redact.Redactor.Field decides; under a weak key only a credential-like
//     string does, and maps and slices are walked.
//   - Every other string, and bytes, is redacted as text by
//     redact.Redactor.String: a JSON document inside the string is
//     rewritten key-aware and stays a string.
//   - Maps and slices are walked; a slice's elements are judged under the
//     key of the slice. A map key that holds a secret is replaced too.
//   - Nothing is written unless something changed: a clean value is
//     neither copied nor re-encoded.
//   - A panic while redacting a value replaces that value whole by the
//     marker and is counted as a failure; it never reaches the pipeline.
type walker struct {
	r       *redact.Redactor
	summary string // summarySilent, summaryInfo or summaryDebug
	keys    keyCache

	// hook, when set by a test, runs before each value is redacted; it lets
	// tests make redaction fail.
	hook func(pcommon.Value)
}

func newWalker(r *redact.Redactor, summary string) *walker {
	if summary == "" {
		summary = summarySilent
	}
	return &walker{r: r, summary: summary}
}

// text redacts s read as free text, for strings that are not pdata values
// (event names, span names, status messages). It reports whether s changed.
func (w *walker) text(s string, t *tally) (out string, changed bool) {
	if s == "" {
		return s, false
	}
	defer func() {
		if recover() != nil {
			out, changed = w.r.Marker(), true
			t.fail()
		}
	}()
	out = w.r.String(s)
	if out == s {
		return s, false
	}
	w.noteText(s, t)
	return out, true
}

// noteText records in t what redact.Redactor.String replaced in s. Find
// reports the patterns' findings; a value masked because a JSON object
// inside s names it with a sensitive key is not among them, so a change
// that Find does not explain counts once as a sensitive key.
func (w *walker) noteText(s string, t *tally) {
	if w.summary == summarySilent {
		return
	}
	ms := w.r.Find(s)
	if len(ms) == 0 {
		t.add(w, redact.KeyRule)
		return
	}
	for _, m := range ms {
		t.add(w, m.Rule)
	}
}

// body redacts a log record body, which has no key.
func (w *walker) body(v pcommon.Value, t *tally) {
	w.value("", false, v, t, 0)
}

// attrs redacts every value of m under its key, and the keys themselves.
func (w *walker) attrs(m pcommon.Map, t *tally, depth int) {
	var secretKeys []string
	for k, v := range m.All() {
		sensitive, secret := w.classify(k)
		w.value(k, sensitive, v, t, depth)
		if secret {
			secretKeys = append(secretKeys, k)
		}
	}
	for _, k := range secretKeys {
		w.rekey(m, k, t)
	}
}

// rekey moves the value under key k, which holds a secret, to the redacted
// key. Should that key exist already, a suffix keeps both values.
func (w *walker) rekey(m pcommon.Map, k string, t *tally) {
	v, ok := m.Get(k)
	if !ok {
		return
	}
	nk, _ := w.text(k, t)
	for i := 2; ; i++ {
		if _, taken := m.Get(nk); !taken {
			break
		}
		nk = w.r.String(k) + "#" + strconv.Itoa(i)
	}
	// The value is copied out before the map changes: Put may move the
	// map's entries, and v points into them.
	tmp := pcommon.NewValueEmpty()
	v.CopyTo(tmp)
	m.Remove(k)
	tmp.MoveTo(m.PutEmpty(nk))
}

// value redacts v in place. key is its key ("" for a body, the slice's key
// for a slice element) and sensitive says whether that is a sensitive name
// (see walker.classify).
func (w *walker) value(key string, sensitive bool, v pcommon.Value, t *tally, depth int) {
	defer func() {
		if recover() != nil {
			v.SetStr(w.r.Marker())
			t.fail()
		}
	}()
	if w.hook != nil {
		w.hook(v)
	}
	switch v.Type() {
	case pcommon.ValueTypeStr:
		s := v.Str()
		if sensitive && w.r.MasksValue(key, s) {
			v.SetStr(w.r.Field(key, s))
			t.add(w, redact.KeyRule)
			return
		}
		if out, changed := w.text(s, t); changed {
			v.SetStr(out)
		}
	case pcommon.ValueTypeInt, pcommon.ValueTypeDouble, pcommon.ValueTypeBool:
		// Only a sensitive key makes a number a secret; the text is built
		// only then.
		if sensitive {
			w.maskWhole(key, v, v.AsString(), t)
		}
	case pcommon.ValueTypeMap, pcommon.ValueTypeSlice:
		if depth >= maxDepth {
			v.SetStr(w.r.Marker())
			t.fail()
			return
		}
		if sensitive && w.maskWhole(key, v, v.AsString(), t) {
			return
		}
		if v.Type() == pcommon.ValueTypeMap {
			w.attrs(v.Map(), t, depth+1)
			return
		}
		s := v.Slice()
		for i := range s.Len() {
			w.value(key, sensitive, s.At(i), t, depth+1)
		}
	case pcommon.ValueTypeBytes:
		b := v.Bytes().AsRaw()
		if len(b) == 0 {
			return
		}
		// A view, not a copy: String does not keep its input, and returns
		// it unchanged when clean, so a clean value costs no allocation.
		s := unsafe.String(unsafe.SliceData(b), len(b))
		if sensitive && w.maskWhole(key, v, s, t) {
			return
		}
		out := w.r.String(s)
		if out != s {
			w.noteText(s, t)
			v.SetEmptyBytes().FromRaw([]byte(out))
		}
	}
}

// maskWhole replaces v by the replacement of text under key when the key
// masks it (see redact.Redactor.MasksValue) and reports whether it did.
// text is how v reads: the digits of a number, the JSON of a map or slice.
// A map or slice reads as JSON, which never looks like a credential, so a
// weak key keeps it and its own keys decide.
func (w *walker) maskWhole(key string, v pcommon.Value, text string, t *tally) bool {
	if !w.r.MasksValue(key, text) {
		return false
	}
	v.SetStr(w.r.Field(key, text))
	t.add(w, redact.KeyRule)
	return true
}
