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
//   - Values of kind Any go through the walker the four adapters share
//     (internal/structval), so a value gets the same decision whichever
//     logger writes it. Values keep the kind the inner handler expects: an
//     error stays an error, []byte (or a named byte-slice type) stays that
//     type. A struct, map or slice is checked without being encoded (a
//     reflection pre-scan of its strings, keys, field names and bytes,
//     with a per-type cache): a clean one is passed on as it is. One that
//     holds a secret is replaced, for a [*slog.JSONHandler] by its
//     redacted JSON encoding (a json.RawMessage, fields in their order),
//     for other handlers by its redacted form as map[string]any or []any.
//   - The [*slog.TextHandler] therefore prints a struct holding a secret
//     as a map with its JSON field names in sorted order, not in the
//     "{Name:… Password:…}" shape of fmt: slog.Any("u", User{Name: "ada",
//     Password: "…"}) prints u=map[Name:ada Password:[REDACTED]]. A
//     struct whose secret is only in unexported fields keeps fmt's shape,
//     redacted as text.
//   - Struct tags: a field tagged `redact:"true"` is masked whole, one
//     tagged `redact:"-"` is dropped (the key is set by
//     [redact.WithStructTag]). A [redact.Secret] is masked wherever it
//     sits, even in an unexported field.
//   - A value rendered by a method of its own (MarshalJSON for the JSON
//     handler, MarshalText or String, Error and Format for the text
//     handler, any of them for other handlers; LogValue for every handler)
//     has that method called once per log call: what it returned is what
//     is checked and written. Values of a few standard-library types whose
//     methods only render their own data (errors.New, fmt.Errorf, time,
//     net, net/netip and net/url values) are passed on when clean.
//   - An error other than those of errors.New and fmt.Errorf is written as
//     a stand-in: Error and "%+v" give the redacted texts, errors.Is sees
//     the original chain, Unwrap gives stand-ins of the causes.
//   - Byte slices and arrays, which encoding/json writes as base64 (or
//     numbers) and fmt as numbers, are checked as text: one holding a
//     secret is written as its redacted text, one under a strong field
//     name or map key (or under a weak one, when its text or its base64
//     looks like a credential) as the marker. An error whose data holds
//     such bytes is masked whole: its message may show them as numbers.
//   - Redaction fails closed: a panic in a LogValue, String, Error,
//     MarshalText or MarshalJSON method (or an error it returns), a value
//     that cannot be encoded, a pointer cycle and groups or values nested
//     deeper than 32 levels are replaced by the redactor's
//     [redact.Redactor.Marker] at that point. The panic never reaches the
//     caller.
//   - A record holding nothing to redact is passed on untouched: the output
//     is byte for byte the inner handler's, and with a [*slog.JSONHandler]
//     no allocation is added, except for values of type [slog.LogValuer],
//     whose resolved values need a new record, and values whose rendering
//     calls a method of the program, which get a stand-in.
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
//   - A redacted error keeps errors.Is working and unwraps to stand-ins,
//     so errors.As does not reach the original types.
//
// [ReplaceAttr] offers the same redaction as a [slog.HandlerOptions]
// ReplaceAttr function, for programs that build their own handlers.
package slogredact
