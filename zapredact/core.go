package zapredact

import (
	"sync"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/logredact/logredact/internal/structval"
	"github.com/logredact/logredact/redact"
)

// defaultRedactor backs a nil *redact.Redactor: nil options mean defaults.
var defaultRedactor = sync.OnceValue(func() *redact.Redactor { return redact.MustNew() })

// core redacts what a wrapped Core writes. It never writes itself: Check
// lets the inner core decide and register itself, and attaches a pre-write
// hook that rewrites the entry and fields first.
type core struct {
	inner zapcore.Core
	r     *redact.Redactor
	w     *structval.Walker

	// mask is the strong sensitive key of a namespace opened by context
	// fields (With); every value logged after it lands inside that
	// namespace and is masked whole. Empty when no such namespace is open.
	mask string

	// hook is c.before, bound once: passing a stored func value to
	// CheckedEntry.Before does not allocate, a fresh method value would.
	hook zapcore.CheckPreWriteHook
}

var (
	_ zapcore.Core                       = (*core)(nil)
	_ interface{ Level() zapcore.Level } = (*core)(nil)
)

// NewCore returns a Core that redacts secrets from everything it passes to
// inner: the entry's message, logger name (Logger.Named) and stack trace,
// the fields given at the log site and the context fields added with With.
// A nil r means a Redactor built by [redact.New] with no options; a nil
// inner means [zapcore.NewNopCore].
//
// The rules it follows:
//
//   - inner keeps every decision: Enabled, Level and Check are answered by
//     inner, so samplers, tees and level filters behave as without
//     redaction. Only entries inner accepts are redacted.
//   - Every text written goes through r: strings, byte strings, binary
//     values, the text of Stringers and errors, and the strings inside
//     objects and arrays are redacted as by [redact.Redactor.String]; only
//     the secret is replaced.
//   - Values under sensitive keys follow the key tiers of r, at any depth
//     of objects, arrays and namespaces. A scalar (a string, byte string,
//     number, boolean, time, duration, or the text of a Stringer or an
//     error) is replaced whole by a string when
//     [redact.Redactor.MasksValue] says so for its printed text: under a
//     strong name (password, api_key, auth_token …) any value but a
//     placeholder, under a weak name (token, auth, session …) only a value
//     that looks like a credential. A scalar not masked keeps its type and
//     is redacted as under any key. An object, array or reflected value is
//     replaced whole under a strong name and walked under a weak one, so
//     that the keys inside it decide. After a namespace with a strong name,
//     every value in that namespace is replaced whole; a namespace with a
//     weak name is walked.
//   - What is written is what was redacted. A value whose text comes from
//     the caller's methods has them run once per write: a Stringer's
//     String once per entry, written as a string field; an error's Error
//     (and Errors, and Format with "%+v", as zap calls them) once per
//     entry, written as an error holding only the redacted text, in zap's
//     layout (key, keyVerbose, keyCauses). Errors made by errors.New and
//     fmt.Errorf, whose text is fixed, are passed on when clean.
//   - Objects and arrays (zap.Object, zap.Array, zap.Inline, zap.Errors,
//     zap.Dict ...) are redacted while they are encoded, key by key, so
//     they stay objects and arrays; their marshalers run once per core
//     that writes the entry. zap's own arrays of strings, numbers and
//     times (zap.Strings, zap.Ints ...) are read directly. zap.Any of
//     maps, structs and slices (zap.Reflect) is redacted through the JSON
//     form its one encoding produces and stays an object; it reaches
//     inner as a [json.Marshaler], which zap's reflected encoder (and any
//     that honours json.Marshaler) writes as that JSON.
//   - Fail closed: a String or Error method that panics is replaced by
//     r.Marker(). A marshaler that panics while it is encoded ends its
//     object or array where it stopped, and zap writes keyError
//     "PANIC=" + r.Marker() beside it; an object nested too deep ends in
//     r.Marker(). The log call never panics because of redaction.
//   - An entry whose fields are all plain values (strings, byte strings,
//     numbers, times, durations, errors from errors.New and fmt.Errorf,
//     zap's own arrays of those, namespaces) and hold nothing to redact
//     reaches inner unchanged (the same field slice), and redaction
//     allocates nothing for it. An entry with values that have methods
//     reaches inner with a copy of its fields in which those values are
//     replaced, which costs one allocation for the copy (the wrappers of
//     objects and arrays are stored in it, Stringers become strings) and
//     one per error or reflected value replaced. Either way, when nothing is
//     redacted the output is byte for byte what inner alone writes.
//
// NewCore must wrap the root of the logger (see the package documentation):
// fields attached with With before wrapping are already encoded by inner
// and are not redacted. Wrapping a core that NewCore already wrapped with
// the same r returns it unchanged.
func NewCore(inner zapcore.Core, r *redact.Redactor) zapcore.Core {
	if r == nil {
		r = defaultRedactor()
	}
	if inner == nil {
		inner = zapcore.NewNopCore()
	}
	if c, ok := inner.(*core); ok && c.r == r {
		return c
	}
	return newCore(inner, r, "")
}

func newCore(inner zapcore.Core, r *redact.Redactor, mask string) *core {
	c := &core{inner: inner, r: r, w: structval.For(r), mask: mask}
	c.hook = c.before
	return c
}

// WrapCore returns a [zap.Option] that wraps a logger's core with
// [NewCore], for zap.Config.Build, zap.New and Logger.WithOptions:
//
//	logger, err := zap.NewProduction(zapredact.WrapCore(r))
//
// Fields attached to the inner core before it is wrapped are already
// encoded and are not redacted: fields the logger carries from With, and
// with zap.Config.Build the config's InitialFields (zap encodes them into
// the core it builds, before options run). Apply WrapCore to the root
// logger, and build from a zap.Config with [Build], which redacts
// InitialFields.
func WrapCore(r *redact.Redactor) zap.Option {
	return zap.WrapCore(func(c zapcore.Core) zapcore.Core { return NewCore(c, r) })
}

// Enabled reports whether inner is enabled at lvl.
func (c *core) Enabled(lvl zapcore.Level) bool { return c.inner.Enabled(lvl) }

// Level reports the minimum enabled level of inner.
func (c *core) Level() zapcore.Level { return zapcore.LevelOf(c.inner) }

// With redacts the context fields once and returns a redacting core around
// inner.With: inner keeps pre-encoding them, and the result still redacts
// (an embedded Core's With would return the bare inner core).
func (c *core) With(fields []zapcore.Field) zapcore.Core {
	fs, mask := c.redactFields(fields, c.mask)
	return newCore(c.inner.With(fs), c.r, mask)
}

// Check forwards to inner, which adds itself to ce when it accepts the
// entry, and then registers the redacting hook. The message and the
// logger name are redacted here, on the CheckedEntry itself, because zap
// reads ce.Message after writing (the panic value of Panic and DPanic,
// CheckWriteHooks); the
// stack trace is only added by the Logger after Check returns, so it is
// redacted by the hook.
func (c *core) Check(ent zapcore.Entry, ce *zapcore.CheckedEntry) *zapcore.CheckedEntry {
	ce = c.inner.Check(ent, ce)
	if ce == nil {
		return nil
	}
	ce.Message = c.w.Text(ce.Message)
	ce.LoggerName = c.name(ce.LoggerName)
	return ce.Before(ent, c.hook)
}

// name returns the logger name redacted. Logger.Named joins names with
// dots, and a name built from data ("client." + id) may carry a secret. A
// logger keeps its name for every entry: the walker's cache of clean
// texts answers for it.
func (c *core) name(n string) string { return c.w.Text(n) }

// before is the pre-write hook registered by Check.
func (c *core) before(ent zapcore.Entry, fields []zapcore.Field) (zapcore.Entry, []zapcore.Field) {
	if ent.Stack != "" {
		ent.Stack = c.r.String(ent.Stack)
	}
	fields, _ = c.redactFields(fields, c.mask)
	return ent, fields
}

// Write redacts the entry and fields and writes them to inner. zap's
// Logger never calls it (Check registers inner, not c); it serves code
// that drives a Core by hand.
func (c *core) Write(ent zapcore.Entry, fields []zapcore.Field) error {
	ent.Message = c.w.Text(ent.Message)
	ent.LoggerName = c.name(ent.LoggerName)
	ent, fields = c.before(ent, fields)
	return c.inner.Write(ent, fields)
}

// Sync flushes inner.
func (c *core) Sync() error { return c.inner.Sync() }
