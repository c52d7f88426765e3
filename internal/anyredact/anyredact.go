// Package anyredact redacts arbitrary Go values (structs, maps, slices)
// that loggers would encode as JSON, keeping them structured.
//
// Byte slices and arrays inside a value are checked as bytes (see
// [Inspect]): encoding/json writes them as base64 or numbers, where no scan
// of the encoding could see a secret.
package anyredact

import (
	"bytes"
	"encoding/json"
	"sync"

	"github.com/logredact/logredact/redact"
)

// scratch holds the buffers of one check. Most values checked are clean and
// logged on a hot path, so the encoding and its redacted copy are pooled
// rather than allocated for each check.
type scratch struct {
	enc *json.Encoder
	raw bytes.Buffer
	red []byte
}

var pool = sync.Pool{New: func() any {
	s := &scratch{}
	s.enc = json.NewEncoder(&s.raw)
	return s
}}

// Value returns v unchanged and false when its JSON encoding holds nothing
// to redact. Otherwise it returns the redacted value decoded as JSON
// (map[string]any, []any, string, json.Number, bool or nil), which loggers
// render as an object or array again, and true.
//
// A byte slice or array inside v whose bytes hold a secret (or that sits
// under a strong key, or under a weak one and looks like a credential; see
// [KeyTier]) comes out as its redacted text, a string, in place of its
// base64 (see [Inspect]).
//
// If v cannot be encoded (a panicking or failing MarshalJSON) or walked,
// the result is the mask and true: a value that cannot be inspected is not
// passed on.
func Value(r *redact.Redactor, v any) (out any, changed bool) {
	in := Inspect(r, v)
	if in.Failed {
		return r.Marker(), true
	}
	sc := pool.Get().(*scratch)
	defer func() {
		if recover() != nil {
			out, changed = r.Marker(), true
			return // a buffer left mid-encode is not reused
		}
		if sc.raw.Cap() <= 64<<10 {
			pool.Put(sc)
		}
	}()
	sc.raw.Reset()
	// Encoder.Encode writes what json.Marshal returns, plus a newline.
	if err := sc.enc.Encode(v); err != nil {
		return r.Marker(), true
	}
	raw := bytes.TrimSuffix(sc.raw.Bytes(), []byte{'\n'})
	if in.Dirty() {
		// The bytes are replaced before the key-aware pass, so a blob
		// under a sensitive key is masked by it as any other value.
		var ok bool
		if raw, ok = in.RewriteJSON(nil, raw); !ok {
			return r.Marker(), true
		}
	}
	red, err := r.AppendJSON(sc.red[:0], raw)
	sc.red = red
	if err != nil {
		return r.Marker(), true
	}
	if !in.Dirty() && bytes.Equal(red, raw) {
		return v, false
	}
	if out, err := decode(red); err == nil {
		return out, true
	}
	return r.Marker(), true
}

// decode decodes one JSON value with numbers kept as json.Number. It is
// apart from Value so that the variable decoded into, which escapes, is
// allocated only when a value was redacted, not on the clean path.
func decode(b []byte) (any, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	err := dec.Decode(&v)
	return v, err
}
