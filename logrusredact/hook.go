package logrusredact

import (
	"github.com/sirupsen/logrus"

	"github.com/logredact/logredact/redact"
)

// Hook is a [logrus.Hook] that redacts each entry in place, for the hooks
// that fire after it: hooks that ship entries elsewhere (Sentry, syslog,
// a message queue) see the entry before any formatter runs, and so would
// see the secrets a [Formatter] removes only from the logger's output.
// Build one with [NewHook].
//
// The rules Fire follows:
//
//   - Hooks fire in the order they were added, so a Hook protects only the
//     hooks added after it: add it first, with logger.AddHook, before any
//     other hook.
//   - Fire changes the entry it is given, which every later hook and the
//     formatter see: entry.Message is replaced by its redacted form, and
//     entry.Data by a new, redacted map when a field changes. It redacts
//     exactly what [Formatter] redacts, in the same way. It never writes into
//     the old Data map or into nested maps and slices, which logrus shares
//     with the parent entries the caller keeps.
//   - A Hook does not replace a Formatter: entry.Bytes and entry.String
//     format an entry without firing hooks, and entries can be formatted
//     by code that never fires them. Set a [Formatter] for the logger's own
//     output; add a Hook as well when other hooks must not see secrets.
//   - A Hook is safe for concurrent use.
type Hook struct{ w walker }

// NewHook returns a Hook that redacts entries of every level with r. A nil r
// means [redact.New] with no options, as for [NewFormatter].
func NewHook(r *redact.Redactor) *Hook {
	return &Hook{w: newWalker(orDefault(r), nil)}
}

// Levels returns every logrus level: secrets are redacted whatever the
// level.
func (h *Hook) Levels() []logrus.Level { return logrus.AllLevels }

// Fire redacts entry in place as described at [Hook]. It never returns an
// error: logrus would stop firing the hooks after it, and a failure to
// inspect a value already replaces that value by the marker.
func (h *Hook) Fire(entry *logrus.Entry) error {
	msg, data, changed := h.w.entry(entry)
	if !changed {
		return nil
	}
	entry.Message = msg
	if data != nil {
		entry.Data = data
	}
	return nil
}
