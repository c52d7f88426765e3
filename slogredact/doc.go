// Package slogredact redacts secrets from everything logged through log/slog.
//
// [NewHandler] wraps any [slog.Handler] (JSON, text, third-party) so that no
// record reaches it with a secret in it. Wrap the root handler once, at
// program start:
//
//	r := redact.MustNew()
//	slog.SetDefault(slog.New(slogredact.NewHandler(slog.NewJSONHandler(os.Stdout, nil), r)))
//
// The rules the wrapper follows:
//
//   - The message and every attribute are redacted, in groups at any depth,
//     whether they come with the record or from [slog.Logger.With].
//   - A value under a sensitive key (see [redact.Redactor.IsSensitiveKey]) is
//     replaced whole, whatever its kind. A sensitive group key, or a
//     sensitive name given to [slog.Logger.WithGroup], masks everything
//     below it. Empty strings and nil stay as they are: they hold no secret.
//     Empty attributes and groups are dropped as slog drops them.
//   - Strings, keys and group names are scanned by the patterns; only the
//     secret is replaced.
//   - Values keep the kind the inner handler expects: an error stays an
//     error, []byte (or a named byte-slice type) stays that type, and a
//     struct, map or slice whose encoded form holds a secret is replaced by
//     its redacted form as a map[string]any or []any, which handlers still
//     render as an object or array, with every non-secret field kept.
//   - Each [slog.LogValuer] is resolved, at every level, once: the inner
//     handler receives the resolved value, so a LogValue that would answer
//     differently the second time cannot slip a secret past the check.
//   - Redaction fails closed: a panic in a LogValue, String, Error or
//     MarshalJSON method, a value that cannot be encoded, or groups nested
//     deeper than 64 levels are replaced by the redactor's
//     [redact.Redactor.Marker]. The panic never reaches the caller.
//   - A record holding nothing to redact is passed on untouched: the output
//     is byte for byte the inner handler's, and with a [*slog.JSONHandler]
//     no allocation is added, except for maps logged as Any (encoding/json
//     allocates to sort their keys when they are encoded to be checked) and
//     values of type [slog.LogValuer], whose resolved values need a new
//     record. With
//     other handlers, checking the fmt form of a struct can allocate too.
//
// What it cannot do:
//
//   - Attributes that a handler pre-formatted before it was wrapped (with
//     WithAttrs on the inner handler) are already encoded and are not seen:
//     wrap the root handler, then derive loggers from the wrapper.
//   - A value of kind Any is checked in the form the inner handler renders
//     it. With a [*slog.JSONHandler] that is the JSON form (or Error for
//     errors): a String method is not called, since that handler does not
//     call it. With any other handler it is both the JSON form and the fmt
//     "%+v" form. A ReplaceAttr function on the inner handler that renders
//     values in yet another way sees the original of a value whose checked
//     forms were clean.
//   - Inside a struct, map or slice, a []byte field is encoded as base64 by
//     encoding/json before it can be checked; only []byte values logged
//     directly are scanned as text.
//   - A redacted error keeps errors.Is working but does not unwrap (and
//     errors.As does not reach the original): a handler that walked the
//     chain would print the raw causes.
//
// [ReplaceAttr] offers the same redaction as a [slog.HandlerOptions]
// ReplaceAttr function, for programs that build their own handlers.
package slogredact
