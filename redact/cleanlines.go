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

// CleanLinesFrom is [Redactor.CleanLines] for b when its first known bytes
// are known to be clean: they hold no '\n' and are the first bytes of a
// line CleanLines found clean. A writer that keeps the last clean line it
// saw passes the length of what b repeats of it: the level, the context
// fields and often the whole event of one logger repeat from one line to
// the next, and those bytes are then not scanned again. Only the bytes
// after them, and as many before as a keyword crossing into them could
// start in, are read.
//
// known is clamped to [0, len(b)]; 0 makes it CleanLines. If the promise
// does not hold, the result may count a line that is not clean.
func (r *Redactor) CleanLinesFrom(b []byte, known int) int {
	if len(r.always) > 0 {
		return 0
	}
	known = max(0, min(known, len(b)))
	s := unsafe.String(unsafe.SliceData(b), len(b))
	n := r.kw.CleanLinesFrom(s, groupPattern|groupKey, known)
	// The known bytes hold neither '%' nor a backslash either.
	for _, c := range [...]byte{'%', '\\'} {
		if n <= known {
			break
		}
		if i := strings.IndexByte(s[known:n], c); i >= 0 {
			n = strings.LastIndexByte(s[:known+i], '\n') + 1
		}
	}
	return n
}
