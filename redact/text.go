package redact

import (
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/logredact/logredact/internal/kwmatch"
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

// maxEmbedBuf is the largest buffer embedPool keeps: big enough for the
// long strings loggers are handed (a batch of JSON lines), small enough not
// to pin much memory between collections.
const maxEmbedBuf = 4 << 20

// redactText appends s to dst with every secret replaced and reports
// whether anything was. embed is how deep s lies in JSON found in text.
func (r *Redactor) redactText(dst []byte, s string, embed int) ([]byte, bool) {
	if embed >= maxEmbedDepth {
		return r.redact(dst, s)
	}
	starts := newJSONStarts(s)
	j := starts.next(0)
	if j < 0 {
		return r.redact(dst, s)
	}
	start := len(dst)
	changed := false
	flushed := 0 // s[:flushed] is accounted for in dst
	look := newLookahead(r, s)
	defer look.release()
	// text redacts the text s[a:b], writing only when it changes.
	text := func(a, b int) {
		if a >= b {
			return
		}
		seg := s[a:b]
		if !look.mayHold(a, b) && !r.mayHideInEscapes(seg) {
			return
		}
		sps := r.textSpansOf(seg, look.hitsIn(a, b), true)
		if len(sps) == 0 {
			return
		}
		dst = append(dst, s[flushed:a]...)
		dst = r.appendSpans(dst, seg, sps)
		flushed, changed = b, true
	}
	pooled := embedPool.Get().(*[]byte)
	defer func() {
		if cap(*pooled) <= maxEmbedBuf {
			embedPool.Put(pooled)
		}
	}()
	textFrom := 0 // s[textFrom:j] is text not yet redacted
	for j >= 0 {
		// A document is worth reading as JSON only where a key could be
		// sensitive or an escape could hide something; elsewhere the text
		// scan sees the same secrets, and parsing would cost more than
		// the prefilter. The line the document starts on decides.
		line := look.lineEnd(j)
		if !look.worthJSON(j, line) {
			j = starts.next(line)
			continue
		}
		src := unsafe.Slice(unsafe.StringData(s[j:]), len(s)-j)
		w := jsonRewriter{r: r, src: src, dst: (*pooled)[:0], embed: embed + 1, lenient: true}
		end := w.value(0)
		truncated := end < 0 && w.errOff >= len(src)
		if end < 0 && !truncated {
			w.release()
			// Not JSON: its bytes up to the error are text, and no
			// document is looked for inside them again.
			j = starts.next(j + max(1, w.errOff))
			continue
		}
		text(textFrom, j)
		if truncated {
			// What was read stays rewritten key-aware; what follows
			// (a string cut off inside, say) is scanned as text.
			out := w.dst
			rest := j + w.last
			w.release()
			if w.changed {
				dst = append(dst, s[flushed:j]...)
				dst = append(dst, out...)
				flushed, changed = rest, true
			}
			*pooled = out
			textFrom = rest
			break
		}
		out := append(w.dst, w.src[w.last:end]...)
		w.release()
		if w.changed {
			dst = append(dst, s[flushed:j]...)
			dst = append(dst, out...)
			flushed, changed = j+end, true
		}
		*pooled = out
		textFrom = j + end
		j = starts.next(textFrom)
	}
	text(textFrom, len(s))
	if !changed {
		return append(dst[:start], s...), false
	}
	return append(dst, s[flushed:]...), true
}

// lookahead answers, for stretches of s taken left to right, whether one
// holds a sensitive key's keyword or a backslash, with one scan of s for
// all of them: asking each stretch's rest of s again would be quadratic.
type lookahead struct {
	s   string
	buf *lookBuf
	r   *Redactor
	k   int // keyEnds[:k] end before the last stretch asked
	p   int // pats[:p] end before the last stretch asked
	h   int // hits[:h] end before the last stretch asked
	// nextBS is a backslash at or after the last stretch asked, or -1;
	// nextNL likewise a line break.
	nextBS, nextNL int
	always         bool // some pattern runs on every input
}

// lookBuf holds what one keyword scan of the whole input found, so that
// neither the documents nor the text between them are scanned again to
// decide whether they are worth reading.
type lookBuf struct {
	keyEnds []int32       // ends of key keyword hits, ascending
	pats    [][2]int32    // [start, end) of pattern keyword hits, by end
	hits    []kwmatch.Hit // all hits, by end
	seg     []kwmatch.Hit // the hits of one stretch, relative to it
}

var lookBufPool = sync.Pool{New: func() any { return new(lookBuf) }}

func newLookahead(r *Redactor, s string) lookahead {
	buf := lookBufPool.Get().(*lookBuf)
	buf.keyEnds, buf.pats = buf.keyEnds[:0], buf.pats[:0]
	buf.hits = r.kw.AppendHits(buf.hits[:0], s)
	for _, h := range buf.hits {
		g := r.keywordGroups[h.Keyword]
		if g&groupKey != 0 {
			buf.keyEnds = append(buf.keyEnds, h.End)
		}
		if g&groupPattern != 0 {
			buf.pats = append(buf.pats, [2]int32{h.End - int32(len(r.keywordText[h.Keyword])), h.End})
		}
	}
	return lookahead{s: s, r: r, buf: buf, nextBS: strings.IndexByte(s, '\\'), nextNL: strings.IndexByte(s, '\n'), always: len(r.always) > 0}
}

// mayHold is [Redactor.mayHold] of s[a:b], answered from the hits: a
// pattern keyword lies wholly inside. Successive calls must not move a
// backwards.
func (l *lookahead) mayHold(a, b int) bool {
	if l.always {
		return true
	}
	pats := l.buf.pats
	for l.p < len(pats) && int(pats[l.p][1]) <= a {
		l.p++
	}
	for i := l.p; i < len(pats) && int(pats[i][1]) <= b; i++ {
		if int(pats[i][0]) >= a {
			return true
		}
	}
	return false
}

// lineEnd returns the end of the line holding a: the next '\n' or len(s).
// Successive calls must not move a backwards.
func (l *lookahead) lineEnd(a int) int {
	if l.nextNL >= 0 && l.nextNL < a {
		if i := strings.IndexByte(l.s[a:], '\n'); i >= 0 {
			l.nextNL = a + i
		} else {
			l.nextNL = -1
		}
	}
	if l.nextNL < 0 {
		return len(l.s)
	}
	return l.nextNL
}

// hitsIn returns the hits lying wholly inside s[a:b], relative to a.
// Successive calls must not move a backwards. The slice is reused by the
// next call.
func (l *lookahead) hitsIn(a, b int) []kwmatch.Hit {
	hits := l.buf.hits
	for l.h < len(hits) && int(hits[l.h].End) <= a {
		l.h++
	}
	seg := l.buf.seg[:0]
	for i := l.h; i < len(hits) && int(hits[i].End) <= b; i++ {
		h := hits[i]
		if int(h.End)-len(l.r.keywordText[h.Keyword]) >= a {
			h.End -= int32(a)
			seg = append(seg, h)
		}
	}
	l.buf.seg = seg
	return seg
}

func (l *lookahead) release() {
	if cap(l.buf.keyEnds) <= 1<<14 && cap(l.buf.pats) <= 1<<14 && cap(l.buf.hits) <= 1<<14 {
		lookBufPool.Put(l.buf)
	}
}

// worthJSON reports whether s[a:b] holds a key keyword or a backslash.
// Successive calls must not move a backwards.
func (l *lookahead) worthJSON(a, b int) bool {
	ends := l.buf.keyEnds
	for l.k < len(ends) && int(ends[l.k]) <= a {
		l.k++
	}
	if l.k < len(ends) && int(ends[l.k]) <= b {
		return true
	}
	if l.nextBS >= 0 && l.nextBS < a {
		if i := strings.IndexByte(l.s[a:], '\\'); i >= 0 {
			l.nextBS = a + i
		} else {
			l.nextBS = -1
		}
	}
	return l.nextBS >= a && l.nextBS < b
}

// jsonStarts finds, left to right, the offsets where a JSON document may
// start in s: a '{' or '[' that can start an object, or an array of
// objects or arrays. An array of strings is left to the text scan: it has
// no keys to be aware of, and in text it is more often code
// (os.environ["KEY"]) whose context the scan must see whole. It remembers
// the next '{' and the next '[' it has seen, so that asking for ever later
// offsets searches each byte once.
type jsonStarts struct {
	s              string
	brace, bracket int // the next '{' / '[' seen, or -1 for none
}

func newJSONStarts(s string) jsonStarts {
	return jsonStarts{s: s, brace: strings.IndexByte(s, '{'), bracket: strings.IndexByte(s, '[')}
}

// next returns the first document start at or after i, or -1. Successive
// calls must not move i backwards.
func (j *jsonStarts) next(i int) int {
	s := j.s
	for i < len(s) {
		if j.brace >= 0 && j.brace < i {
			j.brace = indexFrom(s, i, '{')
		}
		if j.bracket >= 0 && j.bracket < i {
			j.bracket = indexFrom(s, i, '[')
		}
		k := j.brace
		if k < 0 || j.bracket >= 0 && j.bracket < k {
			k = j.bracket
		}
		if k < 0 {
			return -1
		}
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

// indexFrom is strings.IndexByte of s[i:], as an offset in s.
func indexFrom(s string, i int, c byte) int {
	if k := strings.IndexByte(s[i:], c); k >= 0 {
		return i + k
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

// hasEscape reports whether s holds an escape decodedView decodes. It
// looks for each escape byte with IndexByte, which is vectorised: this runs
// on every clean string.
func hasEscape(s string) bool {
	for i := strings.IndexByte(s, '%'); i >= 0; {
		if i+2 < len(s) && isHexByte(s[i+1]) && isHexByte(s[i+2]) {
			return true
		}
		j := strings.IndexByte(s[i+1:], '%')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	for i := strings.IndexByte(s, '\\'); i >= 0; {
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
		j := strings.IndexByte(s[i+1:], '\\')
		if j < 0 {
			break
		}
		i += 1 + j
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

// textSpans finds the secrets of s, in s itself and in its decoded view,
// and every other occurrence of them in s (see repeats).
func (r *Redactor) textSpans(s string) []span {
	return r.textSpansOf(s, nil, false)
}

// textSpansOf is textSpans with the prefilter's hits in s given when known
// (see spansOf).
func (r *Redactor) textSpansOf(s string, hits []kwmatch.Hit, known bool) []span {
	sps := r.spansOf(s, hits, known)
	if view, off, ok := decodedView(s); ok && r.mayHold(view) {
		for _, sp := range r.spans(view) {
			sps = append(sps, span{start: int(off[sp.start]), end: int(endOffset(off, sp.end)), pat: sp.pat})
		}
		sps = mergeSpans(sps)
	}
	return repeats(s, sps)
}

const (
	// minRepeat is the shortest secret whose other occurrences are
	// replaced too: shorter ones would match ordinary words.
	minRepeat = 6
	// maxRepeatSecrets bounds the secrets looked for again, which keeps
	// the cost linear: each one is one more pass over the text.
	maxRepeatSecrets = 16
)

// repeats adds to the sorted, disjoint spans sps every other occurrence in
// s of a secret they hold: an application that echoes a credential it just
// set ("password=x … login with x") must not leak it in the echo.
func repeats(s string, sps []span) []span {
	if len(sps) == 0 {
		return sps
	}
	n := len(sps)
	for k := 0; k < n && k < maxRepeatSecrets; k++ {
		sp := sps[k]
		secret := s[sp.start:sp.end]
		if len(secret) < minRepeat {
			continue
		}
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], secret)
			if i < 0 {
				break
			}
			i += from
			if i != sp.start && !covered(sps[:n], i, i+len(secret)) {
				sps = append(sps, span{start: i, end: i + len(secret), pat: sp.pat})
			}
			from = i + len(secret)
		}
	}
	if len(sps) == n {
		return sps
	}
	return mergeSpans(sps)
}

// covered reports whether [a, b) lies inside one of the sorted spans.
func covered(sps []span, a, b int) bool {
	i, _ := slices.BinarySearchFunc(sps, a, func(sp span, a int) int {
		if sp.end <= a {
			return -1
		}
		if sp.start > a {
			return 1
		}
		return 0
	})
	return i < len(sps) && sps[i].start <= a && b <= sps[i].end
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
