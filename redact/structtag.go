package redact

import "errors"

// DefaultStructTag is the struct tag key read by the adapters' value
// walker unless [WithStructTag] names another.
const DefaultStructTag = "redact"

// WithStructTag sets the struct tag key the logger adapters read on the
// fields of structs they log (default [DefaultStructTag]):
//
//	type User struct {
//		Name     string
//		Password string `redact:"true"` // masked whole, whatever its value
//		Internal string `redact:"-"`    // dropped from the output
//	}
//
// With WithStructTag("log") the same is written `log:"true"` and
// `log:"-"`. A field tagged "true" is replaced by the marker unless it is
// its type's zero value; a field tagged "-" is left out as encoding/json
// leaves out `json:"-"`. Any other tag value is ignored. An empty key
// means the default; a key that reflect.StructTag could not look up (one
// with a space, a colon, a quote or a control character) is an error.
func WithStructTag(key string) Option {
	return func(s *settings) {
		for i := 0; i < len(key); i++ {
			if c := key[i]; c <= ' ' || c == ':' || c == '"' || c == 0x7f {
				s.errs = append(s.errs, errors.New("redact: WithStructTag: the key must not hold spaces, colons, quotes or control characters"))
				return
			}
		}
		s.structTag = key
	}
}

// StructTag returns the struct tag key the adapters read (see
// [WithStructTag]).
func (r *Redactor) StructTag() string {
	if r.structTag != "" {
		return r.structTag
	}
	return DefaultStructTag
}
