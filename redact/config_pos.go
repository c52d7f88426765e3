package redact

import (
	"strconv"
	"strings"
)

// The TOML decoder reports where syntax errors are but not where each key of
// a valid document is, and it names keys inside arrays of tables without the
// element they belong to ("rules.regex", not "the regex of the third rule").
// keyLines recovers that: one pass over a document the decoder has already
// accepted, recording the line of every table header and key.
//
// Paths are stored as pieces joined by pathSep. An element of an array of
// tables adds a piece "#n", so the regex of the third [[rules]] has the
// pieces "rules", "#2", "regex"; without the "#n" pieces a path is what the
// decoder reports.

const pathSep = "\x00"

type keyLine struct {
	indexed string // with "#n" element pieces
	plain   string // as the decoder names it
	line    int
}

type keyLines struct {
	all  []keyLine
	line map[string]int // indexed path -> line
}

// lineOf returns the line of the key or header at the indexed path, or 0.
func (kl *keyLines) lineOf(pieces ...string) int {
	return kl.line[strings.Join(pieces, pathSep)]
}

// ruleLine returns the line of key in rule i, or of the rule's header when
// the key is not written in the rule, or 0 when neither is known.
func (kl *keyLines) ruleLine(i int, key ...string) int {
	el := elemPiece(i)
	if len(key) > 0 {
		if l := kl.lineOf(append([]string{"rules", el}, key...)...); l > 0 {
			return l
		}
	}
	return kl.lineOf("rules", el)
}

func elemPiece(i int) string { return "#" + strconv.Itoa(i) }

// scanKeyLines records the line of every header and key in src, which must
// be valid TOML. Keys inside inline tables are recorded too; keys of inline
// tables inside arrays are not (the array's key stands for them).
func scanKeyLines(src string) *keyLines {
	s := &keyScanner{src: src, line: 1, arrays: map[string]int{}}
	kl := &keyLines{line: map[string]int{}}
	s.out = kl
	s.document()
	return kl
}

type keyScanner struct {
	src    string
	i      int
	line   int
	table  []string       // indexed path of the current table
	arrays map[string]int // indexed path of an array of tables -> elements so far
	out    *keyLines
}

func (s *keyScanner) add(indexed []string, line int) {
	var plain []string
	for _, p := range indexed {
		if !strings.HasPrefix(p, "#") {
			plain = append(plain, p)
		}
	}
	k := keyLine{indexed: strings.Join(indexed, pathSep), plain: strings.Join(plain, pathSep), line: line}
	s.out.all = append(s.out.all, k)
	if _, ok := s.out.line[k.indexed]; !ok {
		s.out.line[k.indexed] = line
	}
}

func (s *keyScanner) peek(off int) byte {
	if s.i+off < len(s.src) {
		return s.src[s.i+off]
	}
	return 0
}

// skipSpace skips blanks, and also newlines and comments when nl is set.
func (s *keyScanner) skipSpace(nl bool) {
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case c == '\n' && nl:
			s.line++
			s.i++
		case c == '#' && nl:
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.i++
			}
		default:
			return
		}
	}
}

func (s *keyScanner) document() {
	for {
		s.skipSpace(true)
		if s.i >= len(s.src) {
			return
		}
		start := s.i
		if s.src[s.i] == '[' {
			s.header()
		} else {
			key := s.key()
			s.add(append(cloneStrings(s.table), key...), s.line)
			s.skipSpace(false)
			if s.peek(0) == '=' {
				s.i++
			}
			s.value(append(cloneStrings(s.table), key...), true)
		}
		if s.i == start { // cannot happen on valid TOML; never loop forever
			s.i++
		}
	}
}

func (s *keyScanner) header() {
	array := s.peek(1) == '['
	if array {
		s.i += 2
	} else {
		s.i++
	}
	s.skipSpace(false)
	pieces := s.key()
	s.skipSpace(false)
	for s.i < len(s.src) && s.src[s.i] == ']' {
		s.i++
	}
	var cur []string
	for n, p := range pieces {
		cur = append(cur, p)
		if array && n == len(pieces)-1 {
			k := strings.Join(cur, pathSep)
			s.arrays[k]++
			cur = append(cur, elemPiece(s.arrays[k]-1))
			break
		}
		if c, ok := s.arrays[strings.Join(cur, pathSep)]; ok {
			cur = append(cur, elemPiece(c-1))
		}
	}
	s.table = cur
	s.add(cur, s.line)
}

// key reads a dotted key and returns its pieces.
func (s *keyScanner) key() []string {
	var pieces []string
	for s.i < len(s.src) {
		s.skipSpace(false)
		switch s.peek(0) {
		case '"':
			pieces = append(pieces, s.basicKey())
		case '\'':
			end := strings.IndexByte(s.src[s.i+1:], '\'')
			if end < 0 {
				end = len(s.src) - s.i - 1
			}
			pieces = append(pieces, s.src[s.i+1:s.i+1+end])
			s.i += end + 2
		default:
			start := s.i
			for s.i < len(s.src) && isBareKeyByte(s.src[s.i]) {
				s.i++
			}
			pieces = append(pieces, s.src[start:s.i])
		}
		s.skipSpace(false)
		if s.peek(0) != '.' {
			return pieces
		}
		s.i++
	}
	return pieces
}

func isBareKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

func (s *keyScanner) basicKey() string {
	start := s.i
	s.i++
	for s.i < len(s.src) && s.src[s.i] != '"' {
		if s.src[s.i] == '\\' {
			s.i++
		}
		s.i++
	}
	s.i++
	raw := s.src[start:min(s.i, len(s.src))]
	if u, err := strconv.Unquote(raw); err == nil {
		return u
	}
	return strings.Trim(raw, `"`)
}

// value skips one value. Keys of an inline table are recorded under path
// when record is set.
func (s *keyScanner) value(path []string, record bool) {
	s.skipSpace(false)
	switch s.peek(0) {
	case '"', '\'':
		s.str()
	case '[':
		s.i++
		for s.i < len(s.src) {
			s.skipSpace(true)
			switch s.peek(0) {
			case ']':
				s.i++
				return
			case ',':
				s.i++
			default:
				start := s.i
				s.value(nil, false)
				if s.i == start {
					s.i++
				}
			}
		}
	case '{':
		s.i++
		for s.i < len(s.src) {
			s.skipSpace(true)
			switch s.peek(0) {
			case '}':
				s.i++
				return
			case ',':
				s.i++
			default:
				start := s.i
				key := s.key()
				full := append(cloneStrings(path), key...)
				if record {
					s.add(full, s.line)
				}
				s.skipSpace(false)
				if s.peek(0) == '=' {
					s.i++
				}
				s.value(full, record)
				if s.i == start {
					s.i++
				}
			}
		}
	default: // number, boolean, date
		for s.i < len(s.src) {
			c := s.src[s.i]
			if c == '\n' || c == ',' || c == ']' || c == '}' || c == '#' {
				return
			}
			s.i++
		}
	}
}

// str skips a string of any of the four kinds.
func (s *keyScanner) str() {
	q := s.src[s.i]
	if strings.HasPrefix(s.src[s.i:], strings.Repeat(string(q), 3)) {
		s.i += 3
		for s.i < len(s.src) {
			c := s.src[s.i]
			switch {
			case c == '\\' && q == '"':
				if s.peek(1) == '\n' {
					s.line++
				}
				s.i += 2
			case c == '\n':
				s.line++
				s.i++
			case c == q && strings.HasPrefix(s.src[s.i:], strings.Repeat(string(q), 3)):
				s.i += 3
				// Up to two more quotes may belong to the content.
				for n := 0; n < 2 && s.peek(0) == q; n++ {
					s.i++
				}
				return
			default:
				s.i++
			}
		}
		return
	}
	s.i++
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == '\\' && q == '"':
			s.i += 2
		case c == q:
			s.i++
			return
		case c == '\n': // not valid TOML; stop at the line end
			return
		default:
			s.i++
		}
	}
}

func cloneStrings(s []string) []string { return append([]string(nil), s...) }
