// Package zapredact removes secrets from go.uber.org/zap logs before they
// are written, with a [zapcore.Core] that wraps another.
//
// Wrap the root logger once, at program start:
//
//	r := redact.MustNew()
//	logger := zap.New(zapredact.NewCore(core, r))
//
// or, for a logger built by zap.Config or a constructor:
//
//	logger, err := zap.NewProduction(zapredact.WrapCore(r))
//	logger, err = cfg.Build(zapredact.WrapCore(r)) // cfg is a zap.Config
//	zap.ReplaceGlobals(logger)                     // zap.L() and zap.S() too
//
// Everything logged through the wrapped core is redacted: the message,
// the logger name, the stack trace, the fields of Logger and SugaredLogger
// calls (Infow, Infof...) and context fields added with With, at any depth
// of objects and arrays. What is redacted and how is described at [NewCore]; which
// text is a secret is decided by the [redact.Redactor].
//
// # How it works
//
// The core forwards Check to the core it wraps, which keeps every decision
// (level, sampling, which branch of a Tee accepts the entry), and
// registers a pre-write hook with [zapcore.CheckedEntry.Before] that
// rewrites the entry and its fields before any core writes them. An entry
// of plain fields with nothing to redact is passed on as it is: the output
// is byte for byte that of the bare core and redaction allocates nothing. Objects and
// arrays are replaced by a wrapper that redacts them, key by key, as the
// inner encoder encodes them; Stringers and errors are read once and
// replaced by their redacted text.
//
// # Wrap at the root
//
// Wrap the core before anything is derived from it. The core of a logger
// made by With has already encoded its context fields, so
//
//	child := logger.With(zap.String("token", tok))
//	child = child.WithOptions(zapredact.WrapCore(r)) // too late for "token"
//
// protects later fields and messages but not the token. The same holds for
// a core wrapped below a Tee or a sampler: zap's pre-write hooks act on the
// whole entry, so wrapping one branch of a Tee redacts the entry for every
// branch that accepted it; wrap the Tee itself.
//
// # What it cannot do
//
//   - Fields added before wrapping (see above) and output written by other
//     means (a core's ErrorOutput, zap's internal error messages, the
//     standard library's log package unless redirected with
//     zap.RedirectStdLog from a wrapped logger) are not redacted.
//   - Logger.Panic and Logger.Fatal on a core that does not accept the
//     entry still pass the raw message to the panic: no core sees it.
//   - Values whose text comes from the caller's methods (Stringers,
//     errors other than errors.New and fmt.Errorf, objects, arrays and
//     zap.Any of composite values) are replaced in a copy of the fields,
//     clean or not, so that their methods run once and what is written is
//     what was redacted: such an entry costs one allocation for the copy,
//     which also holds the wrappers of its objects and arrays, and one
//     per error or reflected value replaced (see [NewCore]); entries of
//     plain fields cost none. Objects and arrays are redacted while each
//     core encodes them, so under a Tee their marshalers run once per
//     core.
//   - A core may see the replacements rather than the values logged: an
//     error arrives as a stand-in holding only the redacted texts, in
//     zap's layout (key, keyVerbose, keyCauses); errors.Is still finds the
//     original chain, Unwrap gives stand-ins, errors.As no longer finds
//     the original types. A Stringer arrives as a string, and zap.Any of a
//     composite value holding a secret as its redacted JSON encoding (a
//     json.RawMessage). A custom reflected encoder
//     (EncoderConfig.NewReflectedEncoder) must honour json.Marshaler, as
//     JSON encoders do.
//   - zap.Any of structs, maps and slices (zap.Reflect) goes through the
//     walker the four adapters share (internal/structval): a reflection
//     pre-scan clears a clean value without encoding it, and it is passed
//     on as it is; struct tags `redact:"true"` and `redact:"-"` and
//     [redact.Secret] values are honoured.
//   - Keys are redacted like values, at every depth (a token used as a map
//     key or field key does not survive), as in the other adapters.
//   - Fields attached to the inner core before it was wrapped are already
//     encoded: wrap the root, and build from a zap.Config with [Build],
//     which redacts InitialFields.
package zapredact
