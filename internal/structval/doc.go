// Package structval is the one walker of Go values shared by the logger
// adapters (slogredact, zapredact, logrusredact, and zerologredact through
// its encoders for zerolog): everything logged that
// is not a plain string or number goes through it, so one value gets the
// same decision whichever logger writes it.
//
// The rules it follows:
//
//   - A pre-scan decides "nothing to redact" without encoding anything: it
//     walks structs, maps, slices, arrays, pointers and interfaces by
//     reflection, checks every string and map key with the patterns and
//     every field name and map key against the key tiers, and allocates
//     nothing. What it learns of a type (field names, their tiers, tags,
//     methods) is computed once per type and Walker and cached. A value
//     it clears is handed to the logger as it is.
//   - Otherwise the value is rendered once into a tree in the shape
//     encoding/json gives it (JSON field names, omitempty, embedded
//     structs, sorted map keys), encoded, redacted by
//     [redact.Redactor.AppendJSON] and returned in the form the logger
//     renders best (see [Sink]): the redacted JSON for JSON sinks, the
//     redacted tree decoded as map[string]any, []any and scalars for the
//     others. Field order is kept in the JSON form.
//   - Keys (struct field names, map keys) are judged by their tiers: a
//     value under a strong key is masked whole unless it is empty; under
//     a weak key a scalar is masked when it looks like a credential, and
//     a struct, map or list is walked. A key that holds a secret is
//     redacted, in every adapter.
//   - []byte (and byte arrays) is checked as the text of its bytes, which
//     encoding/json would hide as base64 and fmt as numbers; under a
//     sensitive key both its text and its base64 are judged. A dirty one
//     is written as its redacted text.
//   - Struct tags: `redact:"true"` masks a field whole (unless it is its
//     type's zero value), `redact:"-"` drops it. The tag key is the
//     Redactor's [redact.Redactor.StructTag].
//   - [redact.Secret] values are masked wherever they sit, even in an
//     unexported field that fmt would print field by field.
//   - Values whose rendering comes from a method of the program (String,
//     Error, Format, MarshalJSON, MarshalText, and LogValue in slog) have
//     that method called once; what it returned is what is checked and
//     written. A few standard-library types whose methods only render
//     their own data (time, net, netip, url, errors.New, fmt.Errorf) are
//     passed on when clean.
//   - Errors become one stand-in type ([Walker.Error]) keeping Error, the
//     "%+v" verbose form, zap's causes (Errors) and errors.Is, and
//     unwrapping to stand-ins of the causes, never to the originals.
//   - Fail closed: a panic in a method, a value nested deeper than
//     [MaxDepth], a pointer cycle or a value that cannot be encoded is
//     replaced by the marker at that point; the log call completes.
package structval
