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
//   - The Message and every value in Data are redacted. A value under a
//     sensitive key (see [redact.Redactor.IsSensitiveKey]) is replaced whole,
//     whatever its type, unless it is nil or "". Strings, []byte, errors
//     (including the [logrus.ErrorKey] field), fmt.Stringers, maps, structs
//     and slices at any depth are searched for secrets. Keys are searched
//     too, except short identifier-like keys ("status", "user.id"), which
//     no pattern can match.
//   - A redacted value keeps a type the wrapped formatter renders as it
//     rendered the original: a string stays a string, []byte stays []byte,
//     an error stays an error (one without Unwrap, so the original cannot be
//     recovered from it). A Stringer becomes its redacted String text. A
//     map, struct or slice becomes its redacted JSON form, built from
//     map[string]any, []any, string, json.Number and bool.
//   - The caller's entry is never modified. When something must change,
//     Format formats a shallow copy of the entry with a new Data map;
//     nested maps and slices, which logrus shares between an entry and the
//     entries derived from it, are copied where they change, never written.
//   - An entry holding nothing to redact is passed to the wrapped formatter
//     itself, so its output is byte for byte what the wrapped formatter
//     alone produces, and nothing is copied.
//   - Redaction fails closed: a value whose Error, String or MarshalJSON
//     method panics or fails, or that is nested too deeply, is replaced by
//     [redact.Redactor.Marker].
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
	return &Formatter{inner: inner, w: walker{orDefault(r)}}
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

func orDefault(r *redact.Redactor) *redact.Redactor {
	if r == nil {
		return redact.MustNew()
	}
	return r
}
