// Package anyredact redacts arbitrary Go values (structs, maps, slices)
// that loggers would encode as JSON, keeping them structured.
package anyredact

import (
	"bytes"
	"encoding/json"

	"github.com/logredact/logredact/redact"
)

// Value returns v unchanged and false when its JSON encoding holds nothing
// to redact. Otherwise it returns the redacted value decoded as JSON
// (map[string]any, []any, string, json.Number, bool or nil), which loggers
// render as an object or array again, and true.
//
// If v cannot be encoded (a panicking or failing MarshalJSON), the result
// is the mask and true: a value that cannot be inspected is not passed on.
func Value(r *redact.Redactor, v any) (out any, changed bool) {
	defer func() {
		if recover() != nil {
			out, changed = r.Marker(), true
		}
	}()
	raw, err := json.Marshal(v)
	if err != nil {
		return r.Marker(), true
	}
	red, err := r.AppendJSON(nil, raw)
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
