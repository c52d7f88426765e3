package zapredact

import (
	"sync"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

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

	// mask is the sensitive key of a namespace opened by context fields
	// (With); every value logged after it lands inside that namespace and
	// is masked whole. Empty when no such namespace is open.
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
// inner: the entry's message and stack trace, the fields given at the log
// site and the context fields added with With. A nil r means a Redactor
// built by [redact.New] with no options; a nil inner means
// [zapcore.NewNopCore].
//
// The rules it follows:
//
//   - inner keeps every decision: Enabled, Level and Check are answered by
//     inner, so samplers, tees and level filters behave as without
//     redaction. Only entries inner accepts are redacted.
//   - A string, byte string, binary value, Stringer or error is scanned by
//     the patterns of r; only the secret is replaced.
//   - A value whose key is sensitive (see [redact.Redactor.IsSensitiveKey])
//     is replaced whole by a string, whatever its type, at any depth of
//     objects, arrays and namespaces. After a namespace with a sensitive
//     key, every value in that namespace is replaced whole.
//   - Objects and arrays (zap.Object, zap.Array, zap.Inline, zap.Strings,
//     zap.Errors ...) are redacted while they are encoded, key by key, so
//     they stay objects and arrays. zap.Any of maps, structs and slices
//     (zap.Reflect) is redacted through its JSON form and stays an object.
//   - Errors keep zap's layout (key, keyVerbose, keyCauses), redacted.
//   - Fail closed: a String, Error or MarshalLogObject method that panics,
//     or an object nested too deep, is replaced by r.Marker(); the log call
//     never panics because of redaction.
//   - An entry with nothing to redact reaches inner unchanged (the same
//     field slice), so its output is byte for byte what inner alone writes,
//     and redaction allocates nothing for it.
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
	c := &core{inner: inner, r: r, mask: mask}
	c.hook = c.before
	return c
}

// WrapCore returns a [zap.Option] that wraps a logger's core with
// [NewCore], for zap.Config.Build, zap.New and Logger.WithOptions:
//
//	logger, err := zap.NewProduction(zapredact.WrapCore(r))
//
// As with NewCore, apply it to the root logger: fields that the logger
// already carries from With are encoded and stay as they are.
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
// entry, and then registers the redacting hook. The message is redacted
// here, on the CheckedEntry itself, because zap reads ce.Message after
// writing (the panic value of Panic and DPanic, CheckWriteHooks); the
// stack trace is only added by the Logger after Check returns, so it is
// redacted by the hook.
func (c *core) Check(ent zapcore.Entry, ce *zapcore.CheckedEntry) *zapcore.CheckedEntry {
	ce = c.inner.Check(ent, ce)
	if ce == nil {
		return nil
	}
	ce.Message = c.r.String(ce.Message)
	return ce.Before(ent, c.hook)
}

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
	ent.Message = c.r.String(ent.Message)
	ent, fields = c.before(ent, fields)
	return c.inner.Write(ent, fields)
}

// Sync flushes inner.
func (c *core) Sync() error { return c.inner.Sync() }
