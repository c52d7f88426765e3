// Package logfmt redacts log lines written in logfmt, the key=value format
// of go-kit, slog's TextHandler, logrus' TextFormatter and Heroku:
//
//	time=2026-11-27T13:00:00Z level=info msg="user logged in" user=42
//
// The grammar accepted, chosen to recognise real logfmt and to reject prose
// that merely contains an '=':
//
//   - A line is one or more pairs separated by spaces or tabs, with optional
//     leading and trailing blanks.
//   - A key is a run of bytes above ' ' other than '=' and '"'; it is followed
//     directly by '='. Bare keys without '=' are not accepted, so ordinary text
//     is never taken for logfmt.
//   - A value is empty, a bare run of bytes above ' ' other than '"' (an '='
//     inside a bare value is tolerated, as in url=/x?a=b), or a double-quoted
//     string with backslash escapes that ends before a blank or the line's end.
package logfmt

import (
	"bytes"
	"unsafe"

	"github.com/logredact/logredact/redact"
)

// Append appends line, a logfmt line without its line ending, to dst with
// secrets redacted, and reports whether line is logfmt at all.
//
// The rules:
//
//   - When line is not logfmt, Append returns dst unchanged and false.
//   - The value of a pair is replaced whole by [redact.Redactor.Field] when
//     [redact.Redactor.MasksValue] says so for its key and its value
//     (unquoted): any value but a placeholder under a strong name such as
//     "password", only a credential-looking value under a weak name such as
//     "token" — the decision the JSON rewriter makes. An empty value stays
//     empty. A quoted value keeps its quotes; a replacement that needs
//     quoting is quoted, so the output is still logfmt.
//   - All other text, keys and values alike, is scanned by the redactor's
//     patterns ([redact.Redactor.AppendBytes]).
//   - A line with nothing to redact is appended byte for byte.
func Append(dst, line []byte, r *redact.Redactor) ([]byte, bool) {
	start := len(dst)
	last := 0 // line[last:] is not yet written
	pairs := 0
	i, n := 0, len(line)
	for {
		for i < n && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i == n {
			break
		}
		ks := i
		for i < n && keyByte[line[i]] {
			i++
		}
		if i == ks || i == n || line[i] != '=' {
			return dst[:start], false
		}
		ke := i
		i++ // '='
		vs := i
		quoted := false
		if i < n && line[i] == '"' {
			quoted = true
			i++
			for {
				j := bytes.IndexByte(line[i:], '"')
				if j < 0 {
					return dst[:start], false
				}
				q := i + j
				i = q + 1
				// The quote is escaped when an odd number of backslashes
				// precede it.
				bs := 0
				for m := q - 1; m > vs && line[m] == '\\'; m-- {
					bs++
				}
				if bs%2 == 0 {
					break
				}
			}
		} else {
			for i < n && valueByte[line[i]] {
				i++
			}
		}
		if i < n && line[i] != ' ' && line[i] != '\t' {
			return dst[:start], false
		}
		pairs++
		ve := i
		if ve-vs > 2 || (!quoted && ve > vs) {
			// line is not modified while the redactor reads the key.
			key := unsafe.String(&line[ks], ke-ks)
			if r.IsSensitiveKey(key) {
				raw := line[vs:ve]
				value := unsafe.String(unsafe.SliceData(raw), len(raw))
				if quoted {
					value = unquote(raw[1 : len(raw)-1])
				}
				// The tier decides, as for JSON: a weak name ("token",
				// "session") masks only a credential-looking value. A
				// value left alone is scanned with the rest of the line.
				if r.MasksValue(key, value) {
					dst = r.AppendBytes(dst, line[last:vs])
					dst = appendMasked(dst, r, key, value, quoted)
					last = ve
				}
			}
		}
	}
	if pairs == 0 {
		return dst[:start], false
	}
	return r.AppendBytes(dst, line[last:]), true
}

// keyByte and valueByte tell the bytes a key and a bare value are made of.
var keyByte, valueByte = func() (k, v [256]bool) {
	for c := '!'; c < 256; c++ {
		v[c] = c != '"'
		k[c] = c != '"' && c != '='
	}
	return k, v
}()

// appendMasked appends the replacement of value, the decoded value of the
// sensitive key, quoted when it was or when the replacement needs it.
func appendMasked(dst []byte, r *redact.Redactor, key, value string, quoted bool) []byte {
	rep := r.Field(key, value)
	if !quoted && !needsQuote(rep) {
		return append(dst, rep...)
	}
	dst = append(dst, '"')
	for i := 0; i < len(rep); i++ {
		switch c := rep[i]; c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}

func needsQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c == '"' || c == '=' || c == '\\' {
			return true
		}
	}
	return s == ""
}

// unquote decodes the escapes logfmt writers produce (\" \\ \n \t \r), so
// that an HMAC replacement digests the value itself. Other escapes are kept
// as written.
func unquote(b []byte) string {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' || i+1 == len(b) {
			out = append(out, c)
			continue
		}
		i++
		switch b[i] {
		case 'n':
			out = append(out, '\n')
		case 't':
			out = append(out, '\t')
		case 'r':
			out = append(out, '\r')
		case '"', '\\':
			out = append(out, b[i])
		default:
			out = append(out, '\\', b[i])
		}
	}
	return string(out)
}
