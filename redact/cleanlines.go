package redact

import (
	"slices"
	"strings"
	"unsafe"

	"github.com/logredact/logredact/internal/kwmatch"
)

// CleanLines returns the length of the longest prefix of b made of whole
// lines that hold nothing any entry point redacts, whatever their format.
// A line ends just after a '\n'; the last line of b counts without one.
//
// The rules it follows:
//   - A line is clean when it holds no keyword of any rule, no last word of
//     a sensitive key name that could end a key (see below), and no '%' or
//     backslash (either could start an escape that hides one).
//   - A key name's last word glued inside a longer word does not count
//     when no pattern but the key grammar uses it: followed by a lower-case
//     letter ("authorized", "tokenizer") it cannot end a key, and preceded
//     by a lower-case letter or digit with its own first letter in lower
//     case ("publickey", "monkey") it cannot start the key's last word,
//     except for the names recognised glued ("pgpassword", see
//     [Redactor.IsSensitiveKey]).
//   - With a custom rule that has no keywords, no line is clean: CleanLines
//     returns 0.
//   - For every line of the prefix, [Redactor.String], [Redactor.AppendBytes]
//     and [Redactor.AppendJSON] return it unchanged, [Redactor.Find] returns
//     nil, and IsSensitiveKey is false for every key in it.
//
// It is the first test a line filter makes: a clean prefix can be written
// as it is, without being parsed or copied, and the line just after it is
// the next one to look at closely. It never allocates.
func (r *Redactor) CleanLines(b []byte) int {
	if len(r.always) > 0 {
		return 0
	}
	s := unsafe.String(unsafe.SliceData(b), len(b))
	n := 0
	for {
		m := r.kw.CleanLines(s[n:], groupPattern|groupKey)
		if i := escapeAt(s[n : n+m]); i >= 0 {
			return strings.LastIndexByte(s[:n+i], '\n') + 1
		}
		n += m
		if n == len(s) {
			return n
		}
		// The line at n has a hit: it is clean after all only if every
		// hit is a key word glued inside a longer word.
		e, next := len(s), len(s)
		if i := strings.IndexByte(s[n:], '\n'); i >= 0 {
			e, next = n+i, n+i+1
		}
		if escapeAt(s[n:e]) >= 0 || !r.gluedOnly(s[n:e]) {
			return n
		}
		n = next
	}
}

// escapeAt returns the index of the first '%' or backslash in s, or -1.
func escapeAt(s string) int {
	i := strings.IndexByte(s, '%')
	if j := strings.IndexByte(s, '\\'); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	return i
}

// glueRule says when a hit of a keyword inside a longer word may be
// ignored by CleanLines.
type glueRule uint8

const (
	glueNever glueRule = iota // every hit counts
	glueRight                 // not when a lower-case letter follows
	glueBoth                  // nor when it is glued to a word on its left
)

// glueRules returns the rule of every keyword. Only the last words of key
// names that no pattern uses get one: the key grammar and the key checks
// decide by the normalised key (see normalizeKey and keySet.tier), whose
// last word, bar trailing digits and decorations that begin a new word,
// must be the name's last word, or end with a name of runTogether. Such a
// word is followed by a non-letter, an upper-case letter (a camelCase
// boundary) or the end, never by a lower-case letter; and unless it is a
// runTogether name it is preceded by a separator, the start or a camelCase
// boundary, never by a lower-case letter or digit glued to its lower-case
// first letter. The grammar's command keywords keep every hit.
func (r *Redactor) glueRules() []glueRule {
	rules := make([]glueRule, len(r.keywordText))
	for i, k := range r.keywordText {
		if r.keywordGroups[i]&groupKey == 0 || len(r.kwPatterns[i]) > 0 {
			continue
		}
		if g := &r.g; int32(i) == g.kwIdentified || int32(i) == g.kwSSHPass || int32(i) == g.kwRedisCLI {
			continue
		}
		rules[i] = glueBoth
		if slices.Contains(runTogether, k) {
			rules[i] = glueRight
		}
	}
	return rules
}

// gluedOnly reports whether every hit on the line s of a keyword CleanLines
// looks for is ignorable by its keyword's glue rule.
func (r *Redactor) gluedOnly(s string) bool {
	var arr [16]kwmatch.Hit
	for _, h := range r.kw.AppendHits(arr[:0], s) {
		if r.keywordGroups[h.Keyword]&(groupPattern|groupKey) == 0 {
			continue
		}
		end := int(h.End)
		start := end - len(r.keywordText[h.Keyword])
		switch r.glue[h.Keyword] {
		case glueBoth:
			if start > 0 && isLowerOrDigit(s[start-1]) && isLower(s[start]) {
				continue
			}
			fallthrough
		case glueRight:
			if end < len(s) && isLower(s[end]) {
				continue
			}
		}
		return false
	}
	return true
}

func isLower(c byte) bool        { return 'a' <= c && c <= 'z' }
func isLowerOrDigit(c byte) bool { return isLower(c) || '0' <= c && c <= '9' }
