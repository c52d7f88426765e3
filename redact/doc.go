// Package redact finds secrets in log text and replaces them.
//
// A [Redactor] is built once, at program start, with [New]. It compiles every
// active pattern (the built-in catalog of package patterns plus any custom
// ones) into a single case-insensitive keyword prefilter and one regular
// expression per pattern. Each input is scanned once by the prefilter; a
// pattern's regular expression runs only when one of its keywords occurred,
// and only on a window of text around that occurrence. Text with no keyword
// at all is returned as it is, without allocating.
//
// Two kinds of rule decide what is secret:
//
//   - Patterns recognise a secret by its shape wherever it appears in text:
//     a GitHub token, a PEM private key, the password in a URL, the value of
//     password=... in a line of text.
//   - Sensitive keys recognise a secret by its name in structured data: the
//     value of a field called "password", "apiKey" or "X-Api-Key" is replaced
//     whole, whatever it looks like. Key names are compared after
//     normalisation (see [Redactor.IsSensitiveKey]).
//
// The rules every method follows:
//
//   - Only the secret is replaced; everything around it is kept byte for
//     byte. Input holding nothing to redact is returned unchanged.
//   - Redaction fails closed: if something goes wrong while redacting a value
//     (a panic, input too deep to walk), the whole value is replaced by the
//     mask rather than passed through.
//   - Errors never contain text that a rule matched.
//   - A Redactor is immutable and safe for concurrent use.
package redact
