// Package anyredact redacts arbitrary Go values (structs, maps, slices)
// that loggers would encode as JSON, keeping them structured.
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
// If v cannot be encoded (a panicking or failing MarshalJSON), the result
// is the mask and true: a value that cannot be inspected is not passed on.
func Value(r *redact.Redactor, v any) (out any, changed bool) {
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
	red, err := r.AppendJSON(sc.red[:0], raw)
	sc.red = red
	if err != nil {
		return r.Marker(), true
	}
	if bytes.Equal(red, raw) {
		return v, false
	}
	dec := json.NewDecoder(bytes.NewReader(red))
	dec.UseNumber()
	if err := dec.Decode(&out); err != nil {
		return r.Marker(), true
	}
	return out, true
}
