package logrusredact

import (
	"github.com/sirupsen/logrus"

	"github.com/logredact/logredact/redact"
)

var (
	_ logrus.Formatter = (*Formatter)(nil)
	_ logrus.Hook      = (*Hook)(nil)
)

// Formatter is a [logrus.Formatter] that redacts each entry and hands it to
// the formatter it wraps. Build one with [NewFormatter].
//
// The rules Format follows:
//
//   - The Message and every value in Data are redacted. Values under
//     sensitive keys follow the key tiers of the Redactor, at any depth: a
//     scalar (a string, []byte, number, boolean, time, or the text of an
//     error or a Stringer) is replaced whole when
//     [redact.Redactor.MasksValue] says so for its printed text (under a
//     strong name such as "password" or "api_key" any value but nil, "" or
//     a placeholder; under a weak name such as "token", "auth" or
//     "session" only a value that looks like a credential), and is
//     otherwise kept with its type and redacted as under any key. A map,
//     struct or slice is replaced whole under a strong name and walked
//     under a weak one, so that the keys inside it decide. Every value
//     that is not a plain string or number goes through the walker the
//     four adapters share (internal/structval): strings, []byte (checked
//     as text; under a sensitive key also as its base64), errors
//     (including the [logrus.ErrorKey] field), fmt.Stringers, maps,
//     structs and slices at any depth are searched for secrets, keys
//     included; struct tags `redact:"true"` (mask) and `redact:"-"` (drop)
//     and [redact.Secret] values are honoured.
//   - A redacted value keeps a type the wrapped formatter renders as it
//     rendered the original: a string stays a string, []byte stays []byte,
//     an error stays an error (a stand-in whose Error and "%+v" give the
//     redacted texts, errors.Is sees the original chain and Unwrap gives
//     stand-ins of the causes). For JSONFormatter a map, struct or slice
//     holding a secret becomes its redacted JSON encoding (a
//     json.RawMessage); for TextFormatter and other formatters its
//     redacted form built from map[string]any, []any, string, json.Number
//     and bool, which fmt prints as map[...] with JSON names.
//   - What is written is what was checked: a value's own methods run once
//     per Format. An error other than those of errors.New and fmt.Errorf
//     (whose text is fixed) is replaced, clean or not, by a stand-in
//     holding the message its Error method returned. A value the wrapped
//     formatter renders by a method of its own (MarshalJSON or MarshalText
//     for JSONFormatter; String, Error, Format or MarshalText for
//     TextFormatter) is replaced by the redacted text that method
//     returned.
//   - The caller's entry is never modified. When something must change,
//     Format formats a shallow copy of the entry with a new Data map;
//     nested maps and slices, which logrus shares between an entry and the
//     entries derived from it, are copied where they change, never written.
//   - An entry holding nothing to redact, and no value replaced by the rule
//     above, is passed to the wrapped formatter itself, so its output is
//     byte for byte what the wrapped formatter alone produces, and nothing
//     is copied. With such values, a copy is formatted; its output is
//     still that of the wrapped formatter alone, except that an error is
//     printed by its Error text, not by a Format method of its own.
//   - Redaction fails closed: a value whose Error, String or MarshalJSON
//     method panics or fails, a pointer cycle, or a value nested deeper
//     than 32 levels is replaced by [redact.Redactor.Marker] at that point.
//   - A Formatter is safe for concurrent use if the wrapped formatter is,
//     as logrus 1.10 requires: it calls Format without holding the logger's
//     lock.
type Formatter struct {
	inner logrus.Formatter
	w     walker
}

// NewFormatter returns a Formatter that redacts entries with r and formats
// them with inner. A nil inner means a default &logrus.TextFormatter{}, as
// in a new logrus.Logger; a nil r means [redact.New] with no options.
// NewFormatter panics if that default Redactor cannot be built, which only
// a broken built-in catalog can cause.
func NewFormatter(inner logrus.Formatter, r *redact.Redactor) *Formatter {
	if inner == nil {
		inner = &logrus.TextFormatter{}
	}
	return &Formatter{inner: inner, w: newWalker(orDefault(r), inner)}
}

// Format redacts entry and formats the result with the wrapped formatter.
// It never modifies entry.
func (f *Formatter) Format(entry *logrus.Entry) ([]byte, error) {
	msg, data, changed := f.w.entry(entry)
	if !changed {
		return f.inner.Format(entry)
	}
	cp := *entry
	cp.Message = msg
	if data != nil {
		cp.Data = data
	}
	return f.inner.Format(&cp)
}
