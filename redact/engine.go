package redact

import (
	"math"
	"regexp"
	"regexp/syntax"
	"slices"

	"github.com/logredact/logredact/internal/kwmatch"
)

// span is one secret: s[start:end], found by pattern pat.
type span struct {
	start, end int
	pat        int32
}

// window is a stretch of input on which pattern pat must run.
type window struct {
	pat    int32
	lo, hi int
}

// unboundedWidth marks a pattern whose matches have no length limit; it runs
// over the whole input once any of its keywords occurs.
const unboundedWidth = -1

// maxWidth returns the longest match, in bytes, of the regular expression
// expr, or unboundedWidth. A keyword occurrence inside a match lies at most
// that far from either end of the match, which bounds the window to search.
func maxWidth(expr string) int {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return unboundedWidth
	}
	w := width(re.Simplify())
	if w > 1<<20 {
		return unboundedWidth
	}
	return w
}

func width(re *syntax.Regexp) int {
	const inf = math.MaxInt32
	add := func(a, b int) int {
		if a >= inf || b >= inf {
			return inf
		}
		return a + b
	}
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += utf8Len(r)
		}
		return n
	case syntax.OpCharClass:
		hi := rune(0)
		for i := 1; i < len(re.Rune); i += 2 {
			hi = max(hi, re.Rune[i])
		}
		return utf8Len(hi)
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return 4
	case syntax.OpCapture:
		return width(re.Sub[0])
	case syntax.OpQuest:
		return width(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return inf
	case syntax.OpRepeat:
		if re.Max < 0 {
			return inf
		}
		w := width(re.Sub[0])
		if w >= inf {
			return inf
		}
		return min(w*re.Max, inf)
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			n = add(n, width(s))
		}
		return n
	case syntax.OpAlternate:
		n := 0
		for _, s := range re.Sub {
			n = max(n, width(s))
		}
		return n
	default: // empty-width assertions and empty matches
		return 0
	}
}

func utf8Len(r rune) int {
	switch {
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case r < 0x10000:
		return 3
	default:
		return 4
	}
}

// snapSlack is how far a window edge may move to land on a non-word byte,
// so that \b at the edge of a window means what it means in the full input.
const snapSlack = 64

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// spans finds every secret in s and returns them sorted and merged: no two
// spans overlap. It allocates; callers run it only after the prefilter
// said s may hold a secret.
func (r *Redactor) spans(s string) []span {
	var hitBuf [32]kwmatch.Hit
	hits := r.kw.AppendHits(hitBuf[:0], s)

	var wins []window
	for _, h := range hits {
		end := int(h.End)
		start := end - len(r.kwKeyword(h.Keyword))
		for _, p := range r.kwPatterns[h.Keyword] {
			w := r.pats[p].maxWidth
			if w == unboundedWidth {
				wins = append(wins, window{pat: p, lo: 0, hi: len(s)})
				continue
			}
			wins = append(wins, window{pat: p, lo: max(0, end-w), hi: min(len(s), start+w)})
		}
	}
	for _, p := range r.always {
		wins = append(wins, window{pat: p, lo: 0, hi: len(s)})
	}
	if len(wins) == 0 {
		return nil
	}
	slices.SortFunc(wins, func(a, b window) int {
		if a.pat != b.pat {
			return int(a.pat - b.pat)
		}
		return a.lo - b.lo
	})
	// Merge overlapping windows of one pattern so each byte is searched once.
	merged := wins[:1]
	for _, w := range wins[1:] {
		m := &merged[len(merged)-1]
		if w.pat == m.pat && w.lo <= m.hi {
			m.hi = max(m.hi, w.hi)
			continue
		}
		merged = append(merged, w)
	}

	var out []span
	for _, w := range merged {
		out = r.search(out, s, w)
	}
	if len(out) == 0 {
		return nil
	}
	slices.SortFunc(out, func(a, b span) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.end != b.end {
			return b.end - a.end // longer first, so it leads the merged span
		}
		return int(a.pat - b.pat)
	})
	res := out[:1]
	for _, sp := range out[1:] {
		m := &res[len(res)-1]
		if sp.start < m.end {
			m.end = max(m.end, sp.end)
			continue
		}
		res = append(res, sp)
	}
	return res
}

func (r *Redactor) kwKeyword(i int32) string { return r.keywordText[i] }

// search runs one pattern over one window and appends the secrets found.
func (r *Redactor) search(out []span, s string, w window) []span {
	lo, hi := w.lo, w.hi
	for n := 0; lo > 0 && n < snapSlack && isWordByte(s[lo-1]); n++ {
		lo--
	}
	for n := 0; hi < len(s) && n < snapSlack && isWordByte(s[hi]); n++ {
		hi++
	}
	c := &r.pats[w.pat]
	g := c.SecretGroup
	for _, m := range c.re.FindAllStringSubmatchIndex(s[lo:hi], -1) {
		a, b := m[2*g], m[2*g+1]
		if a < 0 || a == b {
			continue
		}
		a, b = a+lo, b+lo
		secret := s[a:b]
		if c.Entropy > 0 && entropy(secret) < c.Entropy {
			continue
		}
		if allowed(c.allow, secret) || allowed(r.allow, secret) {
			continue
		}
		out = append(out, span{start: a, end: b, pat: w.pat})
	}
	return out
}

func allowed(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// entropy returns the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	if len(s) == 0 {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	h := 0.0
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}
