package redact

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// maxJSONDepth is how deeply AppendJSON follows nested objects and arrays. A
// container nested deeper is not walked but replaced whole by the marker,
// which keeps the output valid JSON and the stack bounded whatever the input.
const maxJSONDepth = 1000

// AppendJSON appends the JSON value src to dst with secrets redacted and
// returns the extended slice. It is the key-aware counterpart of
// [Redactor.AppendBytes] for structured logs: one JSON log event, or one
// line of a JSON-lines stream.
//
// The rules it follows:
//
//   - src holds one JSON value, normally an object, optionally surrounded by
//     whitespace (such as a trailing newline), which is kept. Anything but
//     whitespace after the value is an error.
//   - A value under a sensitive key (see [Redactor.IsSensitiveKey]; the key is
//     compared after JSON unescaping, so "pass\u0077ord" is "password") is
//     replaced whole, whatever its JSON type: a string, number, boolean,
//     object or array becomes one JSON string holding the replacement. null
//     and the empty string are kept, since they hold no secret.
//   - Every other string, array elements and object keys included, is
//     scanned by the patterns on its decoded content: escapes such as \",
//     \n, \/ and \uXXXX (surrogate pairs too) are understood, so an escape
//     cannot hide a secret. Only the secret spans are replaced. Numbers,
//     booleans and null outside sensitive keys are kept as they are. A key
//     that holds a secret is redacted, and is judged sensitive or not on
//     its original content.
//   - A string value whose key holds a pattern keyword is also scanned as
//     the text "key":"value", the way a text scan of the line sees it, so
//     that rules recognising a secret by the name before it (such as
//     client_key=...) apply to JSON too. Should such a secret reach from
//     the key into the value, the whole value is replaced.
//   - A string that itself holds a JSON object or array (a logged request
//     body, say) is redacted as JSON, with sensitive keys applying inside
//     it, and stays a string. If its content is not valid JSON it is
//     scanned as text.
//   - Nested objects and arrays are walked up to a depth of 1000 (JSON in a
//     string counts towards it); a container nested deeper is replaced by
//     the [Redactor.Marker], as a JSON string, rather than walked.
//   - Bytes are preserved: when nothing is redacted, exactly src is appended
//     (key order, spacing, number formatting, escapes and even invalid UTF-8
//     inside strings are kept). When something is, only the changed strings
//     and values differ; a changed string is re-encoded with minimal JSON
//     escaping. Duplicate keys and numbers of any size are accepted and kept.
//   - Input in which no keyword of any rule occurs, and which has no escape
//     that could hide one, cannot hold a secret: it is appended as it is,
//     without being parsed and so without being validated, and err is nil.
//     This is the fast path: clean events cost one prefilter scan and no
//     allocation.
//   - Otherwise invalid JSON is an error: AppendJSON returns dst unchanged
//     and an error giving the byte offset of the problem and what it is,
//     never any input text. Secrets found before the error may already have
//     been reported to the observer (see [WithObserver]).
//   - Redaction fails closed: should anything inside panic, the whole value
//     is replaced by the Marker as a JSON string (surrounding whitespace
//     kept) and err is nil.
//
// src and dst must not overlap. AppendJSON does not retain src.
func (r *Redactor) AppendJSON(dst, src []byte) ([]byte, error) {
	if len(r.always) == 0 && !r.kw.Any(unsafe.String(unsafe.SliceData(src), len(src)), groupPattern|groupKey) {
		i := bytes.IndexByte(src, '\\')
		if i < 0 || !r.escapesMayHide(src, i) {
			return append(dst, src...), nil
		}
	}
	return r.rewriteJSON(dst, src)
}

// escapesMayHide reports whether a keyword could be hidden by a JSON escape in
// src, whose first backslash is at i. Every escape is decoded in a copy of
// src: the copy holds the decoded content of every string contiguously, so a
// keyword hidden in any string (or key) occurs in it. Malformed escapes answer
// true so that the full parser reports them.
func (r *Redactor) escapesMayHide(src []byte, i int) bool {
	// Decoding never lengthens text, so the copy fits in len(src) bytes.
	if len(src) <= 512 {
		var stack [512]byte
		return r.unescapedMayHold(stack[:0], src, i)
	}
	pooled := viewPool.Get().(*[]byte)
	buf := slices.Grow((*pooled)[:0], len(src))
	hide := r.unescapedMayHold(buf, src, i)
	if cap(buf) <= maxPooledBuf {
		*pooled = buf
		viewPool.Put(pooled)
	}
	return hide
}

// unescapedMayHold decodes src into buf, which has room for it, and runs the
// prefilter on the result.
func (r *Redactor) unescapedMayHold(buf, src []byte, i int) bool {
	buf = append(buf, src[:i]...)
	buf, ok := appendUnescaped(buf, src[i:])
	if !ok {
		return true
	}
	return r.kw.Any(unsafe.String(unsafe.SliceData(buf), len(buf)), groupPattern|groupKey)
}

// maxPooledBuf keeps one huge input from pinning its buffers in a pool.
const maxPooledBuf = 64 << 10

var viewPool = sync.Pool{New: func() any { return new([]byte) }}

// jsonScratch holds the buffers one jsonRewriter reuses from string to
// string.
type jsonScratch struct {
	key    []byte // the current key, decoded
	keyRed []byte // the current key, redacted
	dec    []byte // decoded content of the current string
	red    []byte // redacted text waiting to be quoted into dst
	ctx    []byte // a member as text, for inContext
	ctxRed []byte // inContext's redacted text
	sub    []byte // output of a nested JSON-in-string rewrite
}

var scratchPool = sync.Pool{New: func() any { return new(jsonScratch) }}

func (sc *jsonScratch) release() {
	for _, b := range []*[]byte{&sc.key, &sc.keyRed, &sc.dec, &sc.red, &sc.ctx, &sc.ctxRed, &sc.sub} {
		if cap(*b) > maxPooledBuf {
			*b = nil
		}
	}
	scratchPool.Put(sc)
}

// jsonSyntaxError describes invalid JSON by offset and cause only: the input
// may be a secret, so no input text is ever quoted.
type jsonSyntaxError struct {
	off int
	msg string
}

func (e *jsonSyntaxError) Error() string {
	return "redact: invalid JSON at byte offset " + strconv.Itoa(e.off) + ": " + e.msg
}

// rewriteJSON is the slow path of AppendJSON: a single pass that validates
// src and copies it to dst lazily, so that runs of untouched input are
// appended in one piece and an input with nothing to redact is appended
// exactly.
func (r *Redactor) rewriteJSON(dst, src []byte) (out []byte, err error) {
	start := len(dst)
	defer func() {
		if recover() != nil {
			out = appendJSONQuoted(dst[:start], r.mask)
			out = append(out, src[len(bytes.TrimRight(src, " \t\r\n")):]...)
			err = nil
		}
	}()
	w := jsonRewriter{r: r, src: src, dst: dst}
	ok := w.document()
	w.release()
	if !ok {
		return dst[:start], &jsonSyntaxError{off: w.errOff, msg: w.errMsg}
	}
	out = w.finish()
	if len(w.masked) > 0 {
		out = r.maskRepeats(out, start, w.masked)
	}
	return out, nil
}

// maskRepeats replaces, in the strings of the JSON document out[start:],
// every occurrence of a value that a sensitive key had masked: a program
// that logs {"password":"x","msg":"login with x"} must not leak x in the
// message. Values are looked for as the rewriter encodes them.
func (r *Redactor) maskRepeats(out []byte, start int, masked []string) []byte {
	doc := out[start:]
	var encs [][]byte
	for _, v := range masked {
		enc := unsafe.Slice(unsafe.StringData(v), len(v))
		if strings.ContainsFunc(v, func(c rune) bool {
			return c < ' ' || c == '"' || c == '\\' || c >= 0x7f || c == '<' || c == '>' || c == '&'
		}) {
			enc = appendJSONQuoted(nil, v)
			enc = enc[1 : len(enc)-1]
		}
		if bytes.Contains(doc, enc) {
			encs = append(encs, enc)
		}
	}
	if len(encs) == 0 {
		return out
	}
	// The document is our own output, so valid JSON: a string runs from a
	// quote to the next quote not escaped by a backslash.
	res := make([]byte, 0, len(out)+16)
	res = append(res, out[:start]...)
	for i := 0; i < len(doc); {
		q := bytes.IndexByte(doc[i:], '"')
		if q < 0 {
			res = append(res, doc[i:]...)
			break
		}
		q += i
		res = append(res, doc[i:q+1]...)
		e := q + 1
		for e < len(doc) && doc[e] != '"' {
			if doc[e] == '\\' {
				e++
			}
			e++
		}
		e = min(e, len(doc))
		res = r.appendMaskedIn(res, doc[q+1:e], encs)
		if e < len(doc) {
			res = append(res, '"')
		}
		i = e + 1
	}
	return res
}

// appendMaskedIn appends the raw string content raw with every occurrence
// of the encoded values encs replaced by the marker of a masked value.
func (r *Redactor) appendMaskedIn(dst, raw []byte, encs [][]byte) []byte {
	for len(raw) > 0 {
		at, which := -1, -1
		for k, enc := range encs {
			if i := bytes.Index(raw, enc); i >= 0 && (at < 0 || i < at) {
				at, which = i, k
			}
		}
		if at < 0 {
			break
		}
		dst = append(dst, raw[:at]...)
		// The marker is text; re-encode it as string content.
		rep := appendJSONQuoted(nil, string(r.appendWhole(nil, unescapeOwn(encs[which]))))
		dst = append(dst, rep[1:len(rep)-1]...)
		raw = raw[at+len(encs[which]):]
	}
	return append(dst, raw...)
}

// unescapeOwn decodes string content the rewriter encoded.
func unescapeOwn(enc []byte) string {
	if bytes.IndexByte(enc, '\\') < 0 {
		return string(enc)
	}
	out, ok := appendUnescaped(nil, enc)
	if !ok {
		return string(enc)
	}
	return string(out)
}

// jsonRewriter walks one JSON document. Positions are offsets into src; a
// method that fails records the error and returns -1.
type jsonRewriter struct {
	r       *Redactor
	src     []byte
	dst     []byte
	last    int // src[:last] has been accounted for in dst
	changed bool
	depth   int
	// embed is how deep this document lies in JSON found inside text (see
	// redactText); lenient says the document may be cut off by the end
	// of src, and a value under a sensitive key that runs into the end is
	// replaced to the end.
	embed   int
	lenient bool
	sc      *jsonScratch
	errOff  int
	errMsg  string
	tier    tier // of the key whose value is read next (tiers.go)
	// masked collects the values sensitive keys masked whole, up to
	// maxRepeatSecrets, for maskRepeats.
	masked []string
}

func (w *jsonRewriter) scratch() *jsonScratch {
	if w.sc == nil {
		w.sc = scratchPool.Get().(*jsonScratch)
	}
	return w.sc
}

func (w *jsonRewriter) release() {
	if w.sc != nil {
		w.sc.release()
		w.sc = nil
	}
}

func (w *jsonRewriter) fail(off int, msg string) int {
	w.errOff, w.errMsg = off, msg
	return -1
}

// finish appends the untouched tail of src.
func (w *jsonRewriter) finish() []byte {
	return append(w.dst, w.src[w.last:]...)
}

// replace puts text, JSON-quoted, in place of src[start:end].
func (w *jsonRewriter) replace(start, end int, text []byte) {
	w.dst = append(w.dst, w.src[w.last:start]...)
	w.dst = appendJSONQuoted(w.dst, unsafe.String(unsafe.SliceData(text), len(text)))
	w.last = end
	w.changed = true
}

// document parses the whole of src: one value between optional whitespace.
func (w *jsonRewriter) document() bool {
	i := skipSpace(w.src, 0)
	if i = w.value(i); i < 0 {
		return false
	}
	if i = skipSpace(w.src, i); i != len(w.src) {
		w.fail(i, "unexpected data after the top-level value")
		return false
	}
	return true
}

func (w *jsonRewriter) value(i int) int {
	if i >= len(w.src) {
		return w.fail(i, "unexpected end of input, expecting a value")
	}
	switch w.src[i] {
	case '{':
		return w.object(i)
	case '[':
		return w.array(i)
	case '"':
		return w.stringValue(i, nil)
	default:
		return w.scalar(i)
	}
}

func (w *jsonRewriter) object(i int) int {
	if w.depth >= maxJSONDepth {
		return w.tooDeep(i)
	}
	w.depth++
	src := w.src
	i = skipSpace(src, i+1)
	if i < len(src) && src[i] == '}' {
		w.depth--
		return i + 1
	}
	for {
		if i >= len(src) || src[i] != '"' {
			return w.fail(i, "expecting a string key")
		}
		end, esc := w.scanString(i)
		if end < 0 {
			return -1
		}
		keyStart, keyEnd := i, end
		sensitive, kctx := w.key(i, end, esc)
		i = skipSpace(src, end)
		if i >= len(src) || src[i] != ':' {
			return w.fail(i, "expecting ':' after an object key")
		}
		i = skipSpace(src, i+1)
		if kctx != nil && !sensitive && i < len(src) && src[i] == '"' {
			// The key is scanned together with its value.
			i = w.stringValue(i, &member{kctx, keyStart, keyEnd})
		} else {
			if kctx != nil {
				w.redactKey(keyStart, keyEnd, kctx)
			}
			if sensitive {
				i = w.sensitiveValue(i)
			} else {
				i = w.value(i)
			}
		}
		if i < 0 {
			return -1
		}
		i = skipSpace(src, i)
		if i < len(src) {
			switch src[i] {
			case ',':
				i = skipSpace(src, i+1)
				continue
			case '}':
				w.depth--
				return i + 1
			}
		}
		return w.fail(i, "expecting ',' or '}' after an object member")
	}
}

func (w *jsonRewriter) array(i int) int {
	if w.depth >= maxJSONDepth {
		return w.tooDeep(i)
	}
	w.depth++
	src := w.src
	i = skipSpace(src, i+1)
	if i < len(src) && src[i] == ']' {
		w.depth--
		return i + 1
	}
	for {
		if i = w.value(i); i < 0 {
			return -1
		}
		i = skipSpace(src, i)
		if i < len(src) {
			switch src[i] {
			case ',':
				i = skipSpace(src, i+1)
				continue
			case ']':
				w.depth--
				return i + 1
			}
		}
		return w.fail(i, "expecting ',' or ']' after an array element")
	}
}

// tooDeep replaces the container at i, which lies beyond maxJSONDepth, by the
// marker after checking that it is valid.
func (w *jsonRewriter) tooDeep(i int) int {
	end := w.skip(i)
	if end < 0 {
		return -1
	}
	w.replace(i, end, unsafe.Slice(unsafe.StringData(w.r.mask), len(w.r.mask)))
	return end
}

// content returns the decoded content of the string src[start:end] (quotes
// included), decoding into buf only when the string has escapes.
func (w *jsonRewriter) content(buf *[]byte, start, end int, esc bool) []byte {
	raw := w.src[start+1 : end-1]
	if !esc {
		return raw
	}
	b, _ := appendUnescaped((*buf)[:0], raw) // scanString validated the escapes
	*buf = b
	return b
}

// member is an object key that holds a pattern keyword: its decoded text
// and where it lies in src.
type member struct {
	key        []byte
	start, end int
}

// key examines the object key src[start:end]. It reports whether the key is
// sensitive and, when the key holds a pattern keyword (so it must be scanned
// by the patterns), returns it decoded; k is nil otherwise. The caller
// redacts the key, with redactKey or together with a string value.
func (w *jsonRewriter) key(start, end int, esc bool) (sensitive bool, k []byte) {
	r := w.r
	raw := w.src[start+1 : end-1]
	if len(raw) == 0 {
		return false, nil
	}
	if len(r.always) == 0 && !esc && !r.kw.Any(unsafe.String(unsafe.SliceData(raw), len(raw)), groupPattern|groupKey) {
		return false, nil
	}
	sc := w.scratch()
	k = w.content(&sc.key, start, end, esc)
	ks := unsafe.String(unsafe.SliceData(k), len(k))
	w.tier = r.keyTier(ks)
	sensitive = w.tier != tierNone
	if !r.mayHold(ks) {
		return sensitive, nil
	}
	return sensitive, k
}

// redactKey replaces the secrets in the key src[start:end], decoded as k.
func (w *jsonRewriter) redactKey(start, end int, k []byte) {
	sc := w.scratch()
	red, changed := w.r.redact(sc.keyRed[:0], unsafe.String(unsafe.SliceData(k), len(k)))
	sc.keyRed = red
	if changed {
		w.replace(start, end, red)
	}
}

// stringValue handles the string at i that is not under a sensitive key.
// m is the key it is the value of when that key must be scanned too; the
// key is then redacted here, before the value, since output is written in
// order.
func (w *jsonRewriter) stringValue(i int, m *member) int {
	end, esc := w.scanString(i)
	if end < 0 {
		return end
	}
	r := w.r
	if m == nil {
		if end-i == 2 {
			return end
		}
		if len(r.always) == 0 && !esc {
			raw := w.src[i+1 : end-1]
			if !r.kw.Any(unsafe.String(unsafe.SliceData(raw), len(raw)), groupPattern|groupKey) {
				return end
			}
		}
	}
	sc := w.scratch()
	text := w.content(&sc.dec, i, end, esc)
	ts := unsafe.String(unsafe.SliceData(text), len(text))
	if len(r.always) > 0 || r.kw.Any(ts, groupPattern|groupKey) {
		if looksLikeJSON(text) {
			if out, ok := w.nested(text); ok {
				if m != nil {
					w.redactKey(m.start, m.end, m.key)
				}
				if out != nil {
					w.replace(i, end, out)
				}
				return end
			}
		}
	} else if m == nil {
		return end
	}
	cur, changed := text, false
	if r.mayHold(ts) {
		red, ch := r.redactText(sc.red[:0], ts, w.embed)
		sc.red = red
		if ch {
			cur, changed = red, true
		}
	}
	if m != nil {
		newKey, keyChanged, newValue, valueChanged := w.inContext(m.key, cur)
		if keyChanged {
			w.replace(m.start, m.end, newKey)
		}
		if valueChanged {
			cur, changed = newValue, true
		}
	}
	if changed {
		w.replace(i, end, cur)
	}
	return end
}

// inContext scans a member as the text "key":"value", the way the patterns
// see it in a line of JSON text. This redacts the key, and applies to the
// value the rules that recognise a secret by the name before it
// ("client_key=...", "PGPASSWORD: ..."), so the rewriter never catches less
// than a text scan of the same line. value has already been scanned alone;
// the markers put in it are not matched again. It returns the new key and
// value and whether each changed. If a secret reaches from the key into the
// value, the whole value becomes the marker (fail closed).
func (w *jsonRewriter) inContext(key, value []byte) (newKey []byte, keyChanged bool, newValue []byte, valueChanged bool) {
	sc := w.scratch()
	ctx := append(sc.ctx[:0], '"')
	ctx = append(ctx, key...)
	ctx = append(ctx, `":"`...)
	p := len(ctx)
	ctx = append(ctx, value...)
	ctx = append(ctx, '"')
	sc.ctx = ctx
	red, changed := w.r.redact(sc.ctxRed[:0], unsafe.String(unsafe.SliceData(ctx), len(ctx)))
	sc.ctxRed = red
	tail := ctx[p-3:] // ":"value"
	switch {
	case !changed:
		return nil, false, nil, false
	case len(red) > len(tail) && red[0] == '"' && bytes.HasSuffix(red, tail):
		return red[1 : len(red)-len(tail)], true, nil, false
	case len(red) > p && bytes.Equal(red[:p], ctx[:p]) && red[len(red)-1] == '"':
		return nil, false, red[p : len(red)-1], true
	}
	// Both parts changed, or one secret spans them: redact the key alone,
	// and the value whole.
	newKey, keyChanged = w.r.redact(sc.keyRed[:0], unsafe.String(unsafe.SliceData(key), len(key)))
	sc.keyRed = newKey
	return newKey, keyChanged, unsafe.Slice(unsafe.StringData(w.r.mask), len(w.r.mask)), true
}

// nested rewrites text, the decoded content of a string, as a JSON document.
// ok is false when text is not valid JSON; out is nil when nothing in it
// was redacted. text is validated first so that a string that only looks
// like JSON is not reported to the observer twice, as JSON and as text.
func (w *jsonRewriter) nested(text []byte) (out []byte, ok bool) {
	v := jsonRewriter{src: text}
	if end := v.skip(skipSpace(text, 0)); end < 0 || skipSpace(text, end) != len(text) {
		return nil, false
	}
	sc := w.scratch()
	sub := jsonRewriter{r: w.r, src: text, dst: sc.sub[:0], depth: w.depth, embed: w.embed}
	ok = sub.document()
	sub.release()
	w.masked = append(w.masked, sub.masked[:min(len(sub.masked), maxRepeatSecrets-len(w.masked))]...)
	if !ok {
		return nil, false
	}
	if !sub.changed {
		return nil, true
	}
	sc.sub = sub.finish()
	return sc.sub, true
}

// sensitiveValue handles the value at i under a sensitive key: anything but
// null and "" is replaced whole.
func (w *jsonRewriter) sensitiveValue(i int) int {
	src := w.src
	if i >= len(src) {
		return w.fail(i, "unexpected end of input, expecting a value")
	}
	var value []byte
	var end int
	switch src[i] {
	case 'n':
		return w.scalar(i)
	case '"':
		var esc bool
		if end, esc = w.scanString(i); end < 0 || end-i == 2 {
			return w.cutOff(i, end)
		}
		value = w.content(&w.scratch().dec, i, end, esc)
	default:
		if end = w.skip(i); end < 0 {
			return w.cutOff(i, end)
		}
		value = src[i:end]
	}
	if !w.masksJSON(src[i], value) {
		return w.value(i)
	}
	if len(value) >= minRepeat && len(w.masked) < maxRepeatSecrets {
		w.masked = append(w.masked, string(value))
	}
	sc := w.scratch()
	sc.red = w.r.appendWhole(sc.red[:0], unsafe.String(unsafe.SliceData(value), len(value)))
	w.replace(i, end, sc.red)
	return end
}

// cutOff handles the end of a value under a sensitive key at i that
// failed with end < 0: in a lenient document cut off by the end of src,
// everything from i on is replaced (fail closed).
func (w *jsonRewriter) cutOff(i, end int) int {
	if end >= 0 || !w.lenient || w.errOff < len(w.src) {
		return end
	}
	rest := w.src[i:]
	sc := w.scratch()
	sc.red = w.r.appendWhole(sc.red[:0], unsafe.String(unsafe.SliceData(rest), len(rest)))
	w.replace(i, len(w.src), sc.red)
	return w.fail(len(w.src), "unexpected end of input")
}

// stringSpecial marks the bytes that end a plain run inside a JSON string.
var stringSpecial = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// scanString validates the string starting with the quote at i and returns
// the offset just past its closing quote and whether it holds escapes.
func (w *jsonRewriter) scanString(i int) (end int, esc bool) {
	src := w.src
	j := i + 1
	for {
		for j < len(src) && !stringSpecial[src[j]] {
			j++
		}
		if j >= len(src) {
			return w.fail(j, "unexpected end of input inside a string"), false
		}
		switch c := src[j]; {
		case c == '"':
			return j + 1, esc
		case c == '\\':
			esc = true
			if j+1 >= len(src) {
				return w.fail(j+1, "unexpected end of input inside a string"), false
			}
			switch src[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j += 2
			case 'u':
				if _, ok := hex4(src[j+2:]); !ok {
					return w.fail(j, `invalid \u escape in a string`), false
				}
				j += 6
			default:
				return w.fail(j, "invalid escape in a string"), false
			}
		default:
			return w.fail(j, "control character in a string"), false
		}
	}
}

// scalar validates the literal or number at i.
func (w *jsonRewriter) scalar(i int) int {
	src := w.src
	switch src[i] {
	case 't':
		return w.literal(i, "true")
	case 'f':
		return w.literal(i, "false")
	case 'n':
		return w.literal(i, "null")
	}
	j := i
	if src[j] == '-' {
		j++
	}
	switch {
	case j < len(src) && src[j] == '0':
		j++
	case j < len(src) && '1' <= src[j] && src[j] <= '9':
		j = skipDigits(src, j)
	default:
		if j == i {
			return w.fail(i, "unexpected byte, expecting a value")
		}
		return w.fail(j, "invalid number")
	}
	if j < len(src) && src[j] == '.' {
		k := skipDigits(src, j+1)
		if k == j+1 {
			return w.fail(k, "invalid number: no digit after the decimal point")
		}
		j = k
	}
	if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
		j++
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		k := skipDigits(src, j)
		if k == j {
			return w.fail(k, "invalid number: no digit in the exponent")
		}
		j = k
	}
	return j
}

func (w *jsonRewriter) literal(i int, lit string) int {
	if !bytes.HasPrefix(w.src[i:], unsafe.Slice(unsafe.StringData(lit), len(lit))) {
		return w.fail(i, "unexpected byte, expecting a value")
	}
	return i + len(lit)
}

// skip validates the value at i without recursion, so that values of any
// depth can be skipped (under a sensitive key, or beyond maxJSONDepth), and
// returns its end.
func (w *jsonRewriter) skip(i int) int {
	src := w.src
	var stackBuf [64]byte
	open := stackBuf[:0] // '{' or '[' for each open container
	for {
		// A value is expected at i.
		i = skipSpace(src, i)
		if i >= len(src) {
			return w.fail(i, "unexpected end of input, expecting a value")
		}
		switch src[i] {
		case '{', '[':
			c := src[i]
			i = skipSpace(src, i+1)
			if i < len(src) && src[i] == c+2 { // '}' is '{'+2, ']' is '['+2
				i++
				break
			}
			open = append(open, c)
			if c == '{' {
				if i = w.skipKey(i); i < 0 {
					return -1
				}
			}
			continue
		case '"':
			end, _ := w.scanString(i)
			if end < 0 {
				return -1
			}
			i = end
		default:
			if i = w.scalar(i); i < 0 {
				return -1
			}
		}
		// A value ended at i: close containers until one expects more.
		for {
			if len(open) == 0 {
				return i
			}
			i = skipSpace(src, i)
			c := open[len(open)-1]
			if i < len(src) && src[i] == c+2 {
				open = open[:len(open)-1]
				i++
				continue
			}
			if i < len(src) && src[i] == ',' {
				i++
				if c == '{' {
					if i = w.skipKey(skipSpace(src, i)); i < 0 {
						return -1
					}
				}
				break
			}
			if c == '{' {
				return w.fail(i, "expecting ',' or '}' after an object member")
			}
			return w.fail(i, "expecting ',' or ']' after an array element")
		}
	}
}

// skipKey validates `"key" :` at i and returns the offset after the colon.
func (w *jsonRewriter) skipKey(i int) int {
	if i >= len(w.src) || w.src[i] != '"' {
		return w.fail(i, "expecting a string key")
	}
	end, _ := w.scanString(i)
	if end < 0 {
		return -1
	}
	i = skipSpace(w.src, end)
	if i >= len(w.src) || w.src[i] != ':' {
		return w.fail(i, "expecting ':' after an object key")
	}
	return i + 1
}

func skipSpace(src []byte, i int) int {
	for i < len(src) {
		switch src[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

func skipDigits(src []byte, i int) int {
	for i < len(src) && '0' <= src[i] && src[i] <= '9' {
		i++
	}
	return i
}

// looksLikeJSON reports whether text is worth parsing as JSON: it starts
// with '{' or '[' and ends with the matching bracket, surrounding
// whitespace aside.
func looksLikeJSON(text []byte) bool {
	i := skipSpace(text, 0)
	j := len(text)
	for j > i {
		if c := text[j-1]; c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			j--
			continue
		}
		break
	}
	if j-i < 2 {
		return false
	}
	return text[i] == '{' && text[j-1] == '}' || text[i] == '[' && text[j-1] == ']'
}

// hex4 decodes the four hex digits that start b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// appendUnescaped appends raw, the inside of a JSON string, decoded. A lone
// or mismatched surrogate decodes to U+FFFD, as in encoding/json. ok is false
// if raw holds a malformed escape. Decoded text is never longer than raw.
func appendUnescaped(dst, raw []byte) (_ []byte, ok bool) {
	for i := 0; i < len(raw); {
		j := bytes.IndexByte(raw[i:], '\\')
		if j < 0 {
			return append(dst, raw[i:]...), true
		}
		dst = append(dst, raw[i:i+j]...)
		i += j
		if i+1 >= len(raw) {
			return dst, false
		}
		c := raw[i+1]
		switch c {
		case '"', '\\', '/':
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		case 'u':
			r1, ok := hex4(raw[i+2:])
			if !ok {
				return dst, false
			}
			i += 6
			if utf16.IsSurrogate(r1) {
				dec := utf8.RuneError
				if i+1 < len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
					if r2, ok := hex4(raw[i+2:]); ok {
						if d := utf16.DecodeRune(r1, r2); d != utf8.RuneError {
							dec = d
							i += 6
						}
					}
				}
				r1 = dec
			}
			dst = utf8.AppendRune(dst, r1)
			continue
		default:
			return dst, false
		}
		dst = append(dst, c)
		i += 2
	}
	return dst, true
}

const hexDigits = "0123456789abcdef"

// appendJSONQuoted appends s as a JSON string with minimal escaping: quote,
// backslash and control characters. Other bytes, invalid UTF-8 included, are
// kept as they are, as in the input.
func appendJSONQuoted(dst []byte, s string) []byte {
	dst = append(dst, '"')
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !stringSpecial[c] {
			continue
		}
		dst = append(dst, s[last:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		last = i + 1
	}
	dst = append(dst, s[last:]...)
	return append(dst, '"')
}
