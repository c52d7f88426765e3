package redact

import (
	"strings"
	"sync"
	"unsafe"
)

// The text path. Every entry point that redacts free text (String,
// AppendBytes, the string values of the JSON rewriter, and so every
// adapter and the command) comes here, so they all agree on three things
// a plain pattern scan gets wrong:
//
//   - JSON inside text. A JSON document that is the whole text, or that
//     follows a prefix (a request body logged as a string, a Kubernetes
//     CRI line "…Z stdout F {…}", a syslog header), is rewritten key-aware
//     by the JSON rewriter: values under sensitive keys are replaced whole
//     and escapes are understood. A document cut off by the end of the text
//     keeps the key-aware view of what was read: a value under a sensitive
//     key that runs into the end is replaced to the end, and the rest is
//     scanned as text. A document that turns out not to be JSON is text.
//   - Escapes. Percent-encoding (%3D, %20, %2F …) and backslash escapes
//     (\u0067, \x41, \/, \", \\) can hide a secret's context or the secret
//     itself. Text that holds them is also scanned decoded; a secret found
//     in the decoded view is replaced in the original, whose encoding
//     elsewhere is kept.
//   - Bounded work. JSON inside JSON inside text is followed maxEmbedDepth
//     levels deep, each level on text strictly inside the one before, and a
//     failed document is never parsed again from inside: the text path
//     stays linear in its input.

// maxEmbedDepth is how many levels of JSON found inside text are rewritten
// as JSON; deeper documents are scanned as text.
const maxEmbedDepth = 4

var embedPool = sync.Pool{New: func() any { return new([]byte) }}

// redactText appends s to dst with every secret replaced and reports
// whether anything was. embed is how deep s lies in JSON found in text.
func (r *Redactor) redactText(dst []byte, s string, embed int) ([]byte, bool) {
	if embed >= maxEmbedDepth {
		return r.redact(dst, s)
	}
	j := nextJSONStart(s, 0)
	if j < 0 {
		return r.redact(dst, s)
	}
	start := len(dst)
	changed := false
	last := 0 // s[last:] has not been written yet
	pooled := embedPool.Get().(*[]byte)
	defer func() {
		if cap(*pooled) <= maxPooledBuf {
			embedPool.Put(pooled)
		}
	}()
	for j >= 0 {
		src := unsafe.Slice(unsafe.StringData(s[j:]), len(s)-j)
		w := jsonRewriter{r: r, src: src, dst: (*pooled)[:0], embed: embed + 1, lenient: true}
		end := w.value(0)
		truncated := end < 0 && w.errOff >= len(src)
		if end < 0 && !truncated {
			w.release()
			// Not JSON: its bytes up to the error are text, and no
			// document is looked for inside them again.
			j = nextJSONStart(s, j+max(1, w.errOff))
			continue
		}
		var ch bool
		dst, ch = r.redact(dst, s[last:j])
		changed = changed || ch
		if truncated {
			// What was read stays rewritten key-aware; what follows
			// (a string cut off inside, say) is scanned as text.
			out := append(w.dst, w.src[:0]...)
			tail := s[j+w.last:]
			w.release()
			dst = append(dst, out...)
			dst, ch = r.redact(dst, tail)
			changed = changed || ch || w.changed
			*pooled = out
			last = len(s)
			break
		}
		out := append(w.dst, w.src[w.last:end]...)
		w.release()
		dst = append(dst, out...)
		changed = changed || w.changed
		*pooled = out
		last = j + end
		j = nextJSONStart(s, last)
	}
	if last < len(s) {
		var ch bool
		dst, ch = r.redact(dst, s[last:])
		changed = changed || ch
	}
	if !changed {
		return append(dst[:start], s...), false
	}
	return dst, true
}

// nextJSONStart returns the offset of the first '{' or '[' at or after i
// that can start a JSON object, or an array of objects or arrays, or -1.
// An array of strings is left to the text scan: it has no keys to be
// aware of, and in text it is more often code (os.environ["KEY"]) whose
// context the scan must see whole.
func nextJSONStart(s string, i int) int {
	for i < len(s) {
		k := strings.IndexAny(s[i:], "{[")
		if k < 0 {
			return -1
		}
		k += i
		c := s[k]
		n := k + 1
		for n < len(s) && (s[n] == ' ' || s[n] == '\t' || s[n] == '\n' || s[n] == '\r') {
			n++
		}
		if n < len(s) && (c == '{' && s[n] == '"' || c == '[' && (s[n] == '{' || s[n] == '[')) {
			return k
		}
		i = k + 1
	}
	return -1
}

// decodedView returns s with percent-escapes (%XX) and backslash escapes
// (\uXXXX, \xXX, \/, \", \', \\) decoded, and off, which maps each offset
// of the view (and its end) to the offset in s where that byte's encoding
// starts. ok is false when s holds no such escape.
func decodedView(s string) (view string, off []int32, ok bool) {
	if !hasEscape(s) {
		return "", nil, false
	}
	b := make([]byte, 0, len(s))
	off = make([]int32, 0, len(s)+1)
	for i := 0; i < len(s); {
		c := s[i]
		if c == '%' && i+2 < len(s) && isHexByte(s[i+1]) && isHexByte(s[i+2]) {
			off = append(off, int32(i))
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			ok = true
			i += 3
			continue
		}
		if c == '\\' && i+1 < len(s) {
			switch d := s[i+1]; d {
			case '/', '"', '\'', '\\':
				off = append(off, int32(i))
				b = append(b, d)
				ok = true
				i += 2
				continue
			case 'x':
				if i+3 < len(s) && isHexByte(s[i+2]) && isHexByte(s[i+3]) {
					off = append(off, int32(i))
					b = append(b, unhex(s[i+2])<<4|unhex(s[i+3]))
					ok = true
					i += 4
					continue
				}
			case 'u':
				if rn, valid := hex4(unsafe.Slice(unsafe.StringData(s[i+2:]), len(s)-i-2)); valid {
					n := len(b)
					b = appendRune(b, rn)
					for range len(b) - n {
						off = append(off, int32(i))
					}
					ok = true
					i += 6
					continue
				}
			}
		}
		off = append(off, int32(i))
		b = append(b, c)
		i++
	}
	off = append(off, int32(len(s)))
	return unsafe.String(unsafe.SliceData(b), len(b)), off, ok
}

// hasEscape reports whether s holds an escape decodedView decodes.
func hasEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		j := strings.IndexAny(s[i:], "%\\")
		if j < 0 {
			return false
		}
		i += j
		if s[i] == '%' {
			if i+2 < len(s) && isHexByte(s[i+1]) && isHexByte(s[i+2]) {
				return true
			}
			continue
		}
		if i+1 < len(s) {
			switch s[i+1] {
			case '/', '"', '\'', '\\':
				return true
			case 'x':
				if i+3 < len(s) && isHexByte(s[i+2]) && isHexByte(s[i+3]) {
					return true
				}
			case 'u':
				if i+5 < len(s) && isHexByte(s[i+2]) && isHexByte(s[i+3]) && isHexByte(s[i+4]) && isHexByte(s[i+5]) {
					return true
				}
			}
		}
	}
	return false
}

func appendRune(b []byte, r rune) []byte {
	if r < 0x80 {
		return append(b, byte(r))
	}
	return append(b, string(r)...)
}

func isHexByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// textSpans finds the secrets of s, in s itself and in its decoded view.
func (r *Redactor) textSpans(s string) []span {
	sps := r.spans(s)
	view, off, ok := decodedView(s)
	if !ok || !r.mayHold(view) {
		return sps
	}
	for _, sp := range r.spans(view) {
		sps = append(sps, span{start: int(off[sp.start]), end: int(endOffset(off, sp.end)), pat: sp.pat})
	}
	return mergeSpans(sps)
}

// endOffset maps the end of a span in a decoded view to s: the start of
// the next view byte's encoding, which is past the whole escape of the
// span's last byte.
func endOffset(off []int32, end int) int32 {
	return off[end]
}

// mayHideInEscapes reports whether s, in which the prefilter found no
// keyword, could hold one behind an escape.
func (r *Redactor) mayHideInEscapes(s string) bool {
	view, _, ok := decodedView(s)
	return ok && r.mayHold(view)
}
