package redact

import (
	"strings"
	"unsafe"
)

// CleanLines returns the length of the longest prefix of b made of whole
// lines that hold nothing any entry point redacts, whatever their format.
// A line ends just after a '\n'; the last line of b counts without one.
//
// The rules it follows:
//   - A line is clean when it holds no keyword of any rule, no last word of
//     a sensitive key name, and no '%' or backslash (either could start an
//     escape that hides one).
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
	n := r.kw.CleanLines(s, groupPattern|groupKey)
	if i := strings.IndexByte(s[:n], '%'); i >= 0 {
		n = strings.LastIndexByte(s[:i], '\n') + 1
	}
	if i := strings.IndexByte(s[:n], '\\'); i >= 0 {
		n = strings.LastIndexByte(s[:i], '\n') + 1
	}
	return n
}
