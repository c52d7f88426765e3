// Package redact finds secrets in log text and replaces them.
//
// A [Redactor] is built once, at program start, with [New]. It turns the
// keywords of every active pattern (the built-in catalog of package
// patterns plus any custom ones) and every sensitive key name into a single
// case-insensitive keyword prefilter, and adds one hand-written assignment
// grammar. Each input is scanned once by the prefilter; a pattern's regular
// expression runs only when one of its keywords occurred, and only near that
// occurrence. Text with no keyword at all is returned as it is, without
// allocating.
//
// New is cheap (about a millisecond for the whole catalog once a process
// has built one Redactor, a few more for the first): it validates custom
// patterns but compiles no regular expression. A pattern is compiled the
// first time one of its keywords occurs, once per process, and shared by
// every Redactor; after that, using it costs one atomic load. Patterns that
// are a plain sequence (a literal, separators, a run of one character
// class: most token formats) are then matched by a direct walk of the
// sequence instead of a regexp, which finds exactly what regexp finds.
//
// Three kinds of rule decide what is secret:
//
//   - Patterns recognise a secret by its shape wherever it appears in text:
//     a GitHub token, a PEM private key, the password in a URL.
//   - The assignment grammar reads what follows a sensitive name in text —
//     password=…, "api_key": "…", --password …, export TOKEN=…, SQL
//     IDENTIFIED BY '…', XML <password>…</password> — and replaces the value.
//   - Sensitive keys recognise a secret by its name in structured data. Key
//     names are compared after normalisation (see [Redactor.IsSensitiveKey])
//     and come in two tiers: a strong name ("password", "api_key",
//     "client_secret") masks any value that is not a placeholder; a weak name
//     ("token", "session", "cookie", see [WithWeakKeys]) masks only values
//     that look like credentials, so token counts and session ids stay.
//
// The rules every method follows:
//
//   - Only the secret is replaced; everything around it is kept byte for
//     byte. Input holding nothing to redact is returned unchanged.
//   - Text is read the way logs carry it: a JSON object inside text (a
//     request body logged as a string, a Kubernetes or syslog prefix before
//     a JSON event, a document cut off by a size limit) is rewritten
//     key-aware, and percent-encoding and backslash escapes are decoded
//     before deciding, while the encoding of everything kept is left alone.
//   - Placeholders (${DB_PASSWORD}, <token>, {{ .Token }}, ****, an existing
//     [REDACTED] marker) are not secrets and are left as they are.
//   - Redaction fails closed: if something goes wrong while redacting a value
//     (a panic, input too deep to walk), the whole value is replaced by the
//     mask rather than passed through.
//   - Errors never contain text that a rule matched, nor the arguments that
//     caused them.
//   - A Redactor is immutable and safe for concurrent use.
//
// # Linear time
//
// Every method runs in time linear in its input, whatever the input: a
// logging call cannot be stalled by what a request put in a field. The
// prefilter is a DFA (one table step per byte). The confirm step bounds its
// work by design:
//
//   - A try of a pattern sees at most 8 KiB after its start, and first only
//     128 bytes, then 512; it is given more only when the text it saw could
//     be the start of a longer match. A match that runs into the end of the
//     view it was given is extended to the natural end of its value (the
//     next blank, quote or delimiter) and replaced without further checks.
//   - Each start position is tried at most once per pattern, a pattern's
//     next try starts after its previous match, and no try starts inside a
//     value already replaced unexamined.
//   - The bytes handed to regular expressions for one input are counted;
//     past 64 KiB + 64 per input byte, the windows not yet searched are
//     replaced whole (fail closed). Ordinary logs use a few bytes per byte.
//   - The assignment grammar reads each key once with at most 128 bytes of
//     look-around and remembers where values end; a value over 4 KiB is
//     masked to its natural end without being judged.
//   - JSON found inside text is followed at most four levels deep, and a
//     document that fails to parse is never parsed again from inside.
//
// On this project's 2-core test machine the adversarial inputs of the
// package's benchmarks (repeated "auth=", "password=", PEM armour lines,
// keyword soup, a keyword-less custom rule) cost the same per byte at 1 MiB
// as at 64 KiB; TestLinearWork checks the work counts exactly.
package redact
