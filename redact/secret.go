package redact

import (
	"fmt"
	"io"
	"log/slog"
	"strconv"
)

// SecretMask is what every rendering of a [Secret] gives.
const SecretMask = "[REDACTED]"

// Secret holds a value that must never be logged, such as a password read
// from the environment. Every way a logger or fmt renders it gives
// [SecretMask]: String, GoString, Format (any verb, %#v and %+v included),
// LogValue (log/slog), MarshalJSON and MarshalText (encoding/json, zap's
// reflected encoder, logrus' JSONFormatter). zap.Any picks its String
// method, so zap writes the mask too. The logger adapters of this module
// mask a Secret wherever it sits in a logged value, even in an unexported
// struct field that fmt would print field by field. [Secret.Value] is the
// only way to read the value back.
//
// A Secret is a plain value: copying it copies the value it holds. It does
// not wipe memory.
type Secret[T any] struct{ v T }

// NewSecret returns a Secret holding v.
func NewSecret[T any](v T) Secret[T] { return Secret[T]{v: v} }

// Value returns the value the Secret holds.
func (s Secret[T]) Value() T { return s.v }

var (
	_ fmt.Stringer   = Secret[string]{}
	_ fmt.GoStringer = Secret[string]{}
	_ fmt.Formatter  = Secret[string]{}
	_ slog.LogValuer = Secret[string]{}
)

// String returns [SecretMask].
func (Secret[T]) String() string { return SecretMask }

// GoString returns [SecretMask], so %#v does not print the value either.
func (Secret[T]) GoString() string { return SecretMask }

// Format writes [SecretMask] whatever the verb and flags (quoted for %q).
func (Secret[T]) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		_, _ = io.WriteString(f, strconv.Quote(SecretMask))
		return
	}
	_, _ = io.WriteString(f, SecretMask)
}

// LogValue returns [SecretMask] as a string value for log/slog.
func (Secret[T]) LogValue() slog.Value { return slog.StringValue(SecretMask) }

// MarshalJSON returns [SecretMask] as a JSON string.
func (Secret[T]) MarshalJSON() ([]byte, error) { return []byte(strconv.Quote(SecretMask)), nil }

// MarshalText returns [SecretMask].
func (Secret[T]) MarshalText() ([]byte, error) { return []byte(SecretMask), nil }
