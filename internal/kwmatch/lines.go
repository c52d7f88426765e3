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
