// Package kwmatch finds many literal keywords in text at once, ignoring ASCII
// case. It is the prefilter of package redact: one pass over the input tells
// which patterns are worth running and where.
package kwmatch

import (
	"errors"
	"fmt"
)

// Hit is one occurrence of a keyword: the bytes s[End-len(keyword):End].
type Hit struct {
	Keyword int32 // index into the keywords given to New
	End     int32 // offset just past the last byte of the occurrence
}

// Matcher is immutable after New and safe for concurrent use.
type Matcher struct {
	keywords []string // lower-cased
	groups   []uint8
	// TODO(perf): replace the naive search with a case-folded DFA.
}

// New builds a Matcher. groups[i] is a bit mask attached to keywords[i]; Any
// asks about keywords whose mask intersects a given mask. Keywords are folded
// to ASCII lower case; an empty keyword is an error.
func New(keywords []string, groups []uint8) (*Matcher, error) {
	if len(groups) != len(keywords) {
		return nil, errors.New("kwmatch: keywords and groups differ in length")
	}
	m := &Matcher{keywords: make([]string, len(keywords)), groups: append([]uint8(nil), groups...)}
	for i, k := range keywords {
		if k == "" {
			return nil, fmt.Errorf("kwmatch: keyword %d is empty", i)
		}
		m.keywords[i] = lower(k)
	}
	return m, nil
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func eqFold(s, lowerKw string) bool {
	for i := 0; i < len(lowerKw); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lowerKw[i] {
			return false
		}
	}
	return true
}

// Any reports whether s contains a keyword whose group mask intersects mask.
func (m *Matcher) Any(s string, mask uint8) bool {
	for i := 0; i < len(s); i++ {
		for k, kw := range m.keywords {
			if m.groups[k]&mask != 0 && len(s)-i >= len(kw) && eqFold(s[i:], kw) {
				return true
			}
		}
	}
	return false
}

// AppendHits appends every occurrence of every keyword in s to dst, ordered
// by End, and returns the extended slice.
func (m *Matcher) AppendHits(dst []Hit, s string) []Hit {
	for i := 0; i < len(s); i++ {
		for k, kw := range m.keywords {
			if len(kw) <= i+1 && eqFold(s[i+1-len(kw):], kw) {
				dst = append(dst, Hit{Keyword: int32(k), End: int32(i + 1)})
			}
		}
	}
	return dst
}
