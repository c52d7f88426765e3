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
//   - Sensitive keys (see [redact.Redactor.IsSensitiveKey]) come in two
//     tiers. A value under a strong name (password, secret, api_key,
//     access_token, auth_token, credentials …) is replaced whole, whatever
//     its kind, except a string that is a placeholder ("${DB_PASSWORD}",
//     "****"). A strong group key, or a strong name given to
//     [slog.Logger.WithGroup], masks everything below it. Under a weak name
//     (token, auth, session, cookie, sid, ticket, signature …; see
//     [redact.WithWeakKeys]) a scalar is replaced whole only when its text
//     looks like a credential ([redact.Redactor.MasksValue]): a number, a
//     boolean, a duration or a short word is kept. A group, struct, map or
//     slice under a weak name, or below a weak name given to WithGroup, is
//     walked, and the keys inside it decide. Empty strings and nil stay as
//     they are: they hold no secret. Empty attributes and groups are
//     dropped as slog drops them.
//   - Strings, keys and group names are scanned by the patterns; only the
//     secret is replaced.
//   - Values keep the kind the inner handler expects: an error stays an
//     error, []byte (or a named byte-slice type) stays that type, and a
//     struct, map or slice whose encoded form holds a secret is replaced by
//     its redacted form as a map[string]any or []any, which handlers still
//     render as an object or array, with every non-secret field kept.
//   - A value of kind Any is checked in the renderings the inner handler
//     uses. A [*slog.JSONHandler] writes the JSON encoding (Error for an
//     error without MarshalJSON). A [*slog.TextHandler] writes MarshalText
//     when the value has it, and the fmt "%+v" form otherwise; a value fmt
//     renders field by field is also checked as JSON, whose field names
//     tell which values are under a sensitive key. Any other handler may
//     render a value any way: its JSON encoding, MarshalText, fmt form and
//     Error are all checked.
//   - Each rendering is produced once per log call, so each method of a
//     value (MarshalJSON, MarshalText, String, Format, Error, LogValue) runs
//     at most once for it, and what is written is what was checked. When a
//     rendering called a method of the program, which could answer
//     differently the next time, or held a secret, the inner handler is
//     given a stand-in that renders as the checked text, redacted, rather
//     than the value: a json.RawMessage for the JSON handler, a string for
//     the text handler, an error whose Error, fmt form and MarshalText are
//     the checked ones for an error, and for other handlers a value whose
//     String, fmt form, MarshalText and MarshalJSON are. Values of a few
//     standard-library types whose methods only render their own data
//     (errors.New, fmt.Errorf, time, net, net/netip and net/url values) are
//     passed on as they are when clean.
//   - Byte slices and arrays inside a struct, map, slice or pointer, which
//     encoding/json writes as base64 (or numbers) and fmt as numbers, are
//     checked as bytes: one holding a secret is written as its redacted
//     text, one under a strong field name or map key (or under a weak one,
//     when its text looks like a credential) as the marker.
//   - Redaction fails closed: a panic in a LogValue, String, Error,
//     MarshalText or MarshalJSON method (or an error it returns), a value
//     that cannot be encoded or walked, groups or values nested deeper than
//     64 levels, and byte slices holding a secret that a method of the
//     program may have written in a form of its own (they are not found in
//     its output as base64 or numbers) are replaced by the redactor's
//     [redact.Redactor.Marker]. The panic never reaches the caller.
//   - A record holding nothing to redact is passed on untouched: the output
//     is byte for byte the inner handler's, and with a [*slog.JSONHandler]
//     no allocation is added, except for maps logged as Any (encoding/json
//     allocates to sort their keys when they are encoded to be checked),
//     values of type [slog.LogValuer], whose resolved values need a new
//     record, and values whose rendering calls a method of the program,
//     which get a stand-in. With other handlers, checking the fmt form of
//     a struct can allocate too.
//
// What it cannot do:
//
//   - Attributes that a handler pre-formatted before it was wrapped (with
//     WithAttrs on the inner handler) are already encoded and are not seen:
//     wrap the root handler, then derive loggers from the wrapper.
//   - A ReplaceAttr function on the inner handler that renders values in
//     a way of its own (fmt's %x, say) sees the original of a value whose
//     checked renderings were clean and called no method of the program.
//   - Strings are not decoded from base64: only byte slices, which the
//     encoders turn into base64 themselves, are checked as bytes.
//   - A redacted error keeps errors.Is working but does not unwrap (and
//     errors.As does not reach the original): a handler that walked the
//     chain would print the raw causes.
//
// [ReplaceAttr] offers the same redaction as a [slog.HandlerOptions]
// ReplaceAttr function, for programs that build their own handlers.
package slogredact
