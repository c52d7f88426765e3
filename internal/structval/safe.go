package structval

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"sync"
	"unicode/utf8"
)

// The calls below run a method of the program under recover: a panic
// reports ok false, and the caller writes the marker in place of the
// value. fmt.Sprint is never used for a value's own method: fmt recovers
// panics itself and prints the panic value, which may hold anything.
//
// A nil pointer whose method panics renders as "<nil>", as fmt and zap
// print it: it holds nothing.

func callError(e error) (s string, ok bool) {
	defer func() {
		if recover() != nil {
			s, ok = nilText(e)
		}
	}()
	return e.Error(), true
}

func callString(v fmt.Stringer) (s string, ok bool) {
	defer func() {
		if recover() != nil {
			s, ok = nilText(v)
		}
	}()
	return v.String(), true
}

// nilText is the text of a value whose method panicked: "<nil>" for a nil
// pointer, else none (ok false: the value is masked).
func nilText(v any) (string, bool) {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return "<nil>", true
	}
	return "", false
}

func callText(v encoding.TextMarshaler) (b []byte, ok bool) {
	defer func() {
		if recover() != nil {
			b, ok = nil, false
		}
	}()
	b, err := v.MarshalText()
	return b, err == nil
}

func callJSON(v json.Marshaler) (b []byte, ok bool) {
	defer func() {
		if recover() != nil {
			b, ok = nil, false
		}
	}()
	b, err := v.MarshalJSON()
	return b, err == nil && json.Valid(b)
}

// callFormat returns what v's Format method writes for %v, or %+v when
// plus is set, calling it directly with a state of our own so that a
// panic in it reaches recover rather than fmt's own handler.
func callFormat(v fmt.Formatter, plus bool) (s string, ok bool) {
	st := states.Get().(*state)
	st.buf, st.plus = st.buf[:0], plus
	defer func() {
		if recover() != nil {
			s, ok = "", false
			return // a state left mid-format is not reused
		}
		if cap(st.buf) <= 4<<10 {
			states.Put(st)
		}
	}()
	v.Format(st, 'v')
	return string(st.buf), true
}

// states pools the fmt.States handed to Format methods, which escape.
var states = sync.Pool{New: func() any { return &state{buf: make([]byte, 0, 256)} }}

// state is the fmt.State handed to Format: no width, no precision, and
// the '+' flag for the verbose form.
type state struct {
	buf  []byte
	plus bool
}

var _ fmt.State = (*state)(nil)

func (s *state) Write(b []byte) (int, error)       { s.buf = append(s.buf, b...); return len(b), nil }
func (s *state) WriteString(x string) (int, error) { s.buf = append(s.buf, x...); return len(x), nil }
func (s *state) Width() (int, bool)                { return 0, false }
func (s *state) Precision() (int, bool)            { return 0, false }
func (s *state) Flag(c int) bool                   { return c == '+' && s.plus }

// textOf returns the text fmt prints for v with %v (verbose: %+v) when v
// renders by a method of its own, calling that one method once: Format,
// then Error, then String, as fmt chooses. ok is false when the method
// panicked; has is false when v has none of them.
func textOf(v any, verbose bool) (s string, has, ok bool) {
	switch x := v.(type) {
	case fmt.Formatter:
		s, ok = callFormat(x, verbose)
		return s, true, ok
	case error:
		s, ok = callError(x)
		return s, true, ok
	case fmt.Stringer:
		s, ok = callString(x)
		return s, true, ok
	}
	return "", false, true
}

// appendString appends s as a JSON string with minimal escaping, invalid
// UTF-8 replaced by U+FFFD as encoding/json does.
func appendString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				dst = append(dst, '\\', c)
			case c == '\n':
				dst = append(dst, '\\', 'n')
			case c == '\r':
				dst = append(dst, '\\', 'r')
			case c == '\t':
				dst = append(dst, '\\', 't')
			case c < 0x20:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, `\ufffd`...)
		} else {
			dst = append(dst, s[i:i+n]...)
		}
		i += n
	}
	return append(dst, '"')
}
