package filter

import (
	"bytes"
	"regexp"
)

// Multi-line PEM private keys.
//
// A key logged across lines ("-----BEGIN RSA PRIVATE KEY-----", base64
// lines, "-----END RSA PRIVATE KEY-----") is a secret no single line shows:
// each base64 line alone looks like any other token. So the filter keeps,
// from one line to the next, whether it is inside such a block (see
// pemState) and masks the body lines there.
//
// No line is held back: whether a line inside the block is masked does not
// depend on an END arriving later (without one, masking is what failing
// closed means), so each line is decided and written as it is read, `tail
// -f` sees it at once, and the state is a few hundred bytes. The END line,
// the bound on the block's length ([Options.PEMLines]) or the end of the
// input closes the block.

// DefaultPEMLines is the default of [Options.PEMLines]: an 8192-bit RSA key
// takes about 75 lines, with room left for interleaved lines.
const DefaultPEMLines = 100

// maxShape bounds the normalised prefix and suffix kept from a BEGIN line.
const maxShape = 512

var (
	privKey  = []byte("PRIVATE KEY")
	beginPEM = regexp.MustCompile(`-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----`)
	endPEM   = regexp.MustCompile(`-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----`)
)

// pemState is where the stream stands before a line. The reader advances a
// copy over every batch it hands on, so that each batch, redacted on any
// worker, starts from the state the lines before it left.
type pemState struct {
	blk    *pemBlock // nil outside a block
	n      int       // lines read since the BEGIN line
	masked bool      // a line of the block was masked (and the observer told)
}

// pemBlock is the shape of the BEGIN line of a block, shared read-only by
// the states that copy it. A body line is a run of base64 between a prefix
// and a suffix of the same shape as the BEGIN line's text around its
// armour: every line of the block may carry the log's prefix (a timestamp,
// a level, a container runtime's "stdout F ") or only an outer part of it,
// or none, and the same suffix (the rest of a JSON record).
type pemBlock struct {
	pre    []byte // shape of the text before the BEGIN armour
	preCut bool   // pre was longer than maxShape and is cut there
	post   []byte // shape of the text after the armour, blanks at its end aside
}

// shape appends the normalised form of b to dst: a run of digits becomes
// "0" and a run of blanks " ", so that a line's timestamp, process ID or
// padded day number, which change from line to line, compare equal.
func shape(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		c := b[i]
		j := i + 1
		switch {
		case isDigit(c):
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			c = '0'
		case isBlank(c):
			for j < len(b) && isBlank(b[j]) {
				j++
			}
			c = ' '
		}
		dst = append(dst, c)
		i = j
	}
	return dst
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isBase64(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || c == '+' || c == '/' || c == '='
}

// trimLine returns line without its '\r' and trailing blanks.
func trimLine(line []byte) []byte {
	j := len(line)
	if j > 0 && line[j-1] == '\r' {
		j--
	}
	for j > 0 && isBlank(line[j-1]) {
		j--
	}
	return line[:j]
}

// pemStep advances st past line and returns the span [s, e) of line that
// is a key's body, to be masked, or s == e. A line longer than MaxLine
// (long) counts as a line of the block but is never masked as its body.
func (f *Filter) pemStep(st *pemState, line []byte, long bool) (s, e int) {
	if f.pemLines <= 0 {
		return 0, 0
	}
	text := trimLine(line)
	if st.blk == nil {
		if bytes.Contains(text, privKey) {
			f.pemOpen(st, text, 0)
		}
		return 0, 0
	}
	if bytes.Contains(text, privKey) {
		if loc := endPEM.FindIndex(text); loc != nil {
			// The END closes the block; a BEGIN after it opens the next.
			*st = pemState{}
			f.pemOpen(st, text, loc[1])
			return 0, 0
		}
		if beginPEM.Match(text) {
			// A new key before the last one ended: follow the new one.
			*st = pemState{}
			f.pemOpen(st, text, 0)
			return 0, 0
		}
	}
	st.n++
	if !long {
		s, e = st.blk.body(text)
	}
	if s < e {
		st.masked = true
	}
	if st.n >= f.pemLines {
		*st = pemState{}
	}
	return s, e
}

// pemOpen opens a block at the last BEGIN armour of text[from:] that no END
// follows on the same line (a one-line key is the redactor's to find).
func (f *Filter) pemOpen(st *pemState, text []byte, from int) {
	if !bytes.Contains(text[from:], privKey) {
		return
	}
	locs := beginPEM.FindAllIndex(text[from:], -1)
	if locs == nil {
		return
	}
	start, end := from+locs[len(locs)-1][0], from+locs[len(locs)-1][1]
	if endPEM.Match(text[end:]) {
		return
	}
	// The base64 that may follow the armour on its own line (a logger
	// that joined the first lines) is the key's, not the suffix.
	post := text[end:]
	i := 0
	for i < len(post) && isBlank(post[i]) {
		i++
	}
	if i < len(post) && isBase64(post[i]) {
		for i < len(post) && (isBase64(post[i]) || isBlank(post[i])) {
			i++
		}
		post = post[i:]
	}
	blk := &pemBlock{}
	pre := text[:start]
	if len(pre) > maxShape {
		pre, blk.preCut = pre[:maxShape], true
	}
	blk.pre = shape(nil, pre)
	if len(post) <= maxShape {
		blk.post = shape(nil, post)
	} else {
		blk.post = nil // a suffix that long is no record's tail: require none
	}
	*st = pemState{blk: blk}
}

// body returns the span of text (a line, trimmed) that is the base64 body
// of the block: the run of base64 just before a suffix shaped like the
// BEGIN line's, after a prefix shaped like the BEGIN line's or an outer
// part of it. s == e means text is no body line (a header such as
// "Proc-Type: 4,ENCRYPTED", a blank line, an interleaved log line).
func (b *pemBlock) body(text []byte) (s, e int) {
	// Match the suffix backwards, run for run.
	e = len(text)
	for p := len(b.post) - 1; p >= 0; p-- {
		if e == 0 {
			return 0, 0
		}
		c := text[e-1]
		j := e - 1
		switch {
		case isDigit(c):
			for j > 0 && isDigit(text[j-1]) {
				j--
			}
			c = '0'
		case isBlank(c):
			for j > 0 && isBlank(text[j-1]) {
				j--
			}
			c = ' '
		}
		if c != b.post[p] {
			return 0, 0
		}
		e = j
	}
	end := e
	if len(b.post) > 0 && b.post[0] == '0' {
		// The suffix starts with digits, and the body may end with some:
		// the run was taken whole by the suffix, so mask it too.
		for end < len(text) && isDigit(text[end]) {
			end++
		}
	}
	s = e
	for s > 0 && isBase64(text[s-1]) {
		s--
	}
	if s == e {
		return 0, 0
	}
	if !b.prefixFits(text[:s]) {
		return 0, 0
	}
	return s, end
}

// prefixFits reports whether pre, the text before a body candidate, has the
// shape of the BEGIN line's prefix or of an outer part of it, or is blank.
func (b *pemBlock) prefixFits(pre []byte) bool {
	if len(bytes.Trim(pre, " \t")) == 0 {
		return true
	}
	var buf [maxShape + 1]byte
	got := shape(buf[:0], pre[:min(len(pre), maxShape+1)])
	if bytes.HasPrefix(b.pre, got) {
		return true
	}
	return b.preCut && bytes.HasPrefix(got, b.pre)
}

// pemScan advances st over in, whole lines (a last one without '\n'
// included), as [Filter.appendLines] will when it redacts them. Outside a
// block it skips to the next line naming a private key, so the reader's
// cost on ordinary input is one search of each batch.
func (f *Filter) pemScan(st *pemState, in []byte) {
	if f.pemLines <= 0 {
		return
	}
	for len(in) > 0 {
		if st.blk == nil {
			i := bytes.Index(in, privKey)
			if i < 0 {
				return
			}
			in = in[bytes.LastIndexByte(in[:i], '\n')+1:]
		}
		line := in
		if i := bytes.IndexByte(in, '\n'); i >= 0 {
			line, in = in[:i], in[i+1:]
		} else {
			in = nil
		}
		f.pemStep(st, line, len(line) > f.maxLine)
	}
}

// appendPEMBody appends line, whose span [s, e) is a key's body, with the
// span replaced by the marker and the rest redacted as text.
// The observer is told once per block, at its first masked line.
func (f *Filter) appendPEMBody(dst, line []byte, s, e int, first bool) []byte {
	if first && f.observe != nil {
		f.observe(pemRule)
	}
	dst = f.r.AppendBytes(dst, line[:s])
	dst = append(dst, f.r.Marker()...)
	rest := line[e:]
	tail := trimLine(rest)
	dst = f.r.AppendBytes(dst, tail)
	return append(dst, rest[len(tail):]...)
}

// pemRule is the rule ID the observer is told for each block masked.
const pemRule = "private-key"
