package kwmatch

import "strings"

// CleanLines returns the length of the longest prefix of s made of whole
// lines in none of which a keyword whose group mask intersects mask occurs.
// A line ends just after a '\n', or at the end of s. It returns 0 when some
// keyword contains a '\n': lines are not independent then. It never
// allocates.
//
// It is the test a line filter makes before anything else: the lines of a
// clean prefix can be written as they are, and the line just after it is
// the next one to look at closely.
func (m *Matcher) CleanLines(s string, mask uint8) int {
	if m.nlKeyword {
		return 0
	}
	n := 0
	for n < len(s) {
		line, next := s[n:], len(s)
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i], n+i+1
		}
		if m.Any(line, mask) {
			return n
		}
		n = next
	}
	return n
}

// CleanLinesFrom is CleanLines for s when its first known bytes are known
// to be clean: they hold no '\n' and are the first bytes of a line in which
// CleanLines found no keyword of mask (usually the previous line a writer
// saw, which s repeats up to there). Of those bytes it scans only the last
// ones a keyword crossing into the rest could start in, as many as the
// longest keyword is long. A known of 0 makes it CleanLines;
// the result is wrong, not unsafe to compute, when the promise is broken.
func (m *Matcher) CleanLinesFrom(s string, mask uint8, known int) int {
	if m.nlKeyword {
		return 0
	}
	known = max(0, min(known, len(s)))
	if known == 0 {
		return m.CleanLines(s, mask)
	}
	// A keyword that starts before from ends inside the known bytes, and
	// so does not occur in them. One byte more than that is read again, so
	// that every keyword not read again also has the byte after it inside
	// them (a caller may decide by that byte whether a hit counts).
	from := max(0, known-m.maxLen)
	end, next := len(s), len(s)
	if i := strings.IndexByte(s[known:], '\n'); i >= 0 {
		end, next = known+i, known+i+1
	}
	if m.Any(s[from:end], mask) {
		return 0
	}
	return next + m.CleanLines(s[next:], mask)
}
