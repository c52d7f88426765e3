// Package logrusredact removes secrets from logrus entries before they are
// written.
//
// Wrap the logger's formatter once, at startup:
//
//	logger.SetFormatter(logrusredact.NewFormatter(&logrus.JSONFormatter{}, r))
//
// where r is a [redact.Redactor] built with [redact.New]. Any formatter can
// be wrapped: logrus' JSONFormatter and TextFormatter, or a third-party one.
// Every entry the logger writes then has its message, its fields (values
// under strong sensitive keys such as "password" or "apiKey" replaced
// whole, values under weak ones such as "token" only when they look like
// credentials, and
// secrets found by the patterns in every string, error, Stringer, []byte,
// map, struct and slice, at any depth) and its error field redacted. Entries
// holding nothing to redact are formatted exactly as the wrapped formatter
// would format them, without copying.
//
// Hooks run before the formatter. If the logger has hooks that send entries
// elsewhere, add a [Hook] before them, as the first hook:
//
//	logger.AddHook(logrusredact.NewHook(r)) // before every other hook
//
// The Formatter remains the guarantee for the logger's own output:
// entry.Bytes and entry.String skip hooks.
//
// Limits:
//
//   - Only what reaches the Formatter, and with a Hook the hooks added
//     after it, is redacted. Hooks added before the Hook see raw entries;
//     bytes written to logger.Out directly bypass logrus altogether.
//   - logrus records the names of fields it drops (functions) in an
//     unexported error string, which formatters print as "logrus_error";
//     it cannot be reached and is not redacted. It holds key names only.
//   - A value is judged by its JSON encoding and its fmt.Sprint form, the
//     two renderings of logrus' own formatters. A third-party formatter
//     that renders values another way (%#v, its own reflection) may show
//     what neither rendering shows.
//   - A struct, map or slice that holds a secret is replaced by its
//     redacted JSON form (map[string]any, []any…): TextFormatter then prints
//     it as a Go map rather than with the original type's fmt layout.
//   - Values nested deeper than 32 levels, or that cannot be encoded, are
//     replaced by the marker rather than inspected.
//   - Checking costs little and allocates nothing for strings, numbers,
//     errors made by errors.New and fmt.Errorf, times, durations, []byte
//     and plain maps, structs and slices of them. A value whose rendering
//     comes from its own methods (a Stringer, another error, a
//     MarshalJSON or MarshalText other than the time package's, at any
//     depth) is rendered once to be checked, on every log call, and the
//     entry is copied so that the formatter writes that rendering rather
//     than calling the methods again.
//   - With the HMAC mode, a Hook and a Formatter on one logger mark each
//     secret alike. A value under a sensitive key that already has the
//     form of a marker (the core treats it as a placeholder) is taken as
//     redacted and left as it is.
package logrusredact
