package redact

import (
	"regexp/syntax"
	"unicode"
)

// The fast matcher. Most patterns are a sequence: a literal keyword, a few
// separators, and a run of one character class for the secret (ghp_ and 36
// alphanumerics; "Bearer", blanks, a token). stdlib regexp spends a few
// microseconds on each anchored try of such a pattern, setting up its
// backtracker for the whole view; walking the sequence directly costs a
// few nanoseconds per byte.
//
// The walk is possessive: a repeated class takes every character it can
// and never gives one back. That finds exactly what leftmost-first
// backtracking finds when giving back could never help, which fastFor
// checks for each repeated class when it builds the matcher:
//
//   - no character of the class can start what follows it (the rest of
//     the sequence up to and including its first item that must consume);
//   - or every such character is also taken by a later unbounded run of a
//     superset class, reached through optional items only, with no group
//     boundary or assertion in between (blanks around a separator:
//     `[ \t]*:[ \t]*\[?[ \t]*`): giving characters back to it ends in
//     the same state;
//   - a \b or \B right after the class sees the same answer wherever the
//     run is cut, because the class holds only word or only non-word
//     characters.
//
// Alternations of sequences are tried branch by branch, as regexp does.
// The matcher reads ASCII only: at a byte of 0x80 or more that a class
// could take, or where case folding could match a multi-byte rune (the
// Kelvin sign folds to k), it gives up and the regexp decides. Anything
// else (lazy quantifiers, nested repetition, line anchors) gets no fast
// matcher.

// fastMatcher matches one pattern's regex anchored at a position.
type fastMatcher struct {
	seq  []fmItem
	ncap int // capture groups, the whole match included
}

type fmKind uint8

const (
	fmClass    fmKind = iota // a character class repeated min..max times
	fmBegin                  // ^ (start of text)
	fmEnd                    // $ or \z (end of text)
	fmWord                   // \b
	fmNotWord                // \B
	fmCapOpen                // start of group cap
	fmCapClose               // end of group cap
	fmAlt                    // alternation: alts, tried in order
	fmRun                    // classes taken once each, in order: run
)

type fmItem struct {
	kind     fmKind
	set      asciiSet
	tab      *[256]bool // set as a table, for the walk
	run      []fmStep   // fmRun: its classes
	high     bool       // the class takes some rune of 0x80 and above
	min, max int        // max < 0: unbounded
	cap      int
	alts     [][]fmItem
}

// asciiSet is a set of bytes below 0x80.
type asciiSet [2]uint64

func (a *asciiSet) add(c byte)           { a[c>>6] |= 1 << (c & 63) }
func (a asciiSet) has(c byte) bool       { return c < 0x80 && a[c>>6]&(1<<(c&63)) != 0 }
func (a asciiSet) meets(b asciiSet) bool { return a[0]&b[0] != 0 || a[1]&b[1] != 0 }
func (a asciiSet) within(b asciiSet) bool {
	return a[0]&^b[0] == 0 && a[1]&^b[1] == 0
}

var wordSet = func() (w asciiSet) {
	for c := byte(0); c < 0x80; c++ {
		if isWordByte(c) {
			w.add(c)
		}
	}
	return w
}()

// maxFastPaths bounds the branch combinations a matcher may explore.
const maxFastPaths = 64

// fastFor builds the fast matcher of expr, or returns nil when expr is not
// a sequence it can walk exactly.
func fastFor(expr string) *fastMatcher {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil || re.MaxCap()+1 > maxFastCaps {
		return nil
	}
	b := fmBuilder{paths: 1}
	seq, ok := b.seq(re, nil)
	if !ok || b.paths > maxFastPaths {
		return nil
	}
	seq, ok = flatten(seq, maxFastItems)
	if !ok || !possessiveOK(seq) {
		return nil
	}
	seq = tables(seq)
	return &fastMatcher{seq: seq, ncap: re.MaxCap() + 1}
}

const (
	maxFastCaps  = 8    // groups, the whole match included
	maxFastItems = 4096 // items after flattening alternations
)

// flatten makes each alternation the last item of its sequence: each
// branch is followed by the rest of the sequence, so a walk that enters a
// branch never returns to the enclosing sequence.
func flatten(seq []fmItem, budget int) ([]fmItem, bool) {
	if len(seq) > budget {
		return nil, false
	}
	for i, it := range seq {
		if it.kind != fmAlt {
			continue
		}
		alt := fmItem{kind: fmAlt}
		for _, br := range it.alts {
			joined := append(append(make([]fmItem, 0, len(br)+len(seq)-i-1), br...), seq[i+1:]...)
			fl, ok := flatten(joined, budget-len(seq))
			if !ok {
				return nil, false
			}
			budget -= len(fl)
			alt.alts = append(alt.alts, fl)
		}
		return append(seq[:i:i], alt), true
	}
	return seq, true
}

type fmBuilder struct{ paths int }

// seq appends the items of re to dst.
func (b *fmBuilder) seq(re *syntax.Regexp, dst []fmItem) ([]fmItem, bool) {
	switch re.Op {
	case syntax.OpConcat:
		for _, s := range re.Sub {
			var ok bool
			if dst, ok = b.seq(s, dst); !ok {
				return nil, false
			}
		}
		return dst, true
	case syntax.OpEmptyMatch:
		return dst, true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			it, ok := literalItem(r, re.Flags&syntax.FoldCase != 0)
			if !ok {
				return nil, false
			}
			dst = append(dst, it)
		}
		return dst, true
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		it, ok := classItem(re)
		if !ok {
			return nil, false
		}
		return append(dst, it), true
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		if re.Flags&syntax.NonGreedy != 0 {
			return nil, false
		}
		sub, ok := b.seq(re.Sub[0], nil)
		if !ok || len(sub) != 1 || sub[0].kind != fmClass || sub[0].min != 1 || sub[0].max != 1 {
			return nil, false
		}
		it := sub[0]
		switch re.Op {
		case syntax.OpStar:
			it.min, it.max = 0, -1
		case syntax.OpPlus:
			it.min, it.max = 1, -1
		case syntax.OpQuest:
			it.min, it.max = 0, 1
		default:
			it.min, it.max = re.Min, re.Max
		}
		return append(dst, it), true
	case syntax.OpCapture:
		dst = append(dst, fmItem{kind: fmCapOpen, cap: re.Cap})
		dst, ok := b.seq(re.Sub[0], dst)
		if !ok {
			return nil, false
		}
		return append(dst, fmItem{kind: fmCapClose, cap: re.Cap}), true
	case syntax.OpBeginText:
		return append(dst, fmItem{kind: fmBegin}), true
	case syntax.OpEndText:
		return append(dst, fmItem{kind: fmEnd}), true
	case syntax.OpWordBoundary:
		return append(dst, fmItem{kind: fmWord}), true
	case syntax.OpNoWordBoundary:
		return append(dst, fmItem{kind: fmNotWord}), true
	case syntax.OpAlternate:
		alt := fmItem{kind: fmAlt}
		for _, s := range re.Sub {
			br, ok := b.seq(s, nil)
			if !ok {
				return nil, false
			}
			alt.alts = append(alt.alts, br)
		}
		b.paths *= len(re.Sub)
		if b.paths > maxFastPaths {
			return nil, false
		}
		return append(dst, alt), true
	}
	return nil, false
}

func literalItem(r rune, fold bool) (fmItem, bool) {
	if r >= 0x80 {
		return fmItem{}, false
	}
	it := fmItem{kind: fmClass, min: 1, max: 1}
	it.set.add(byte(r))
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < 0x80 {
				it.set.add(byte(f))
			} else {
				it.high = true // k and s fold to the Kelvin sign and long s
			}
		}
	}
	return it, true
}

func classItem(re *syntax.Regexp) (fmItem, bool) {
	it := fmItem{kind: fmClass, min: 1, max: 1}
	var ranges []rune
	switch re.Op {
	case syntax.OpAnyChar:
		ranges = []rune{0, unicode.MaxRune}
	case syntax.OpAnyCharNotNL:
		ranges = []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}
	default:
		ranges = re.Rune
	}
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		for c := lo; c <= hi && c < 0x80; c++ {
			it.set.add(byte(c))
		}
		if hi >= 0x80 {
			it.high = true
		}
	}
	return it, true
}

// fmStep is one class of a run, taken exactly once.
type fmStep struct {
	tab  *[256]bool
	high bool
}

// tables fills in the lookup table of every class item and merges
// consecutive classes taken exactly once (a literal keyword) into one run
// item, walked without the per-item dispatch.
func tables(seq []fmItem) []fmItem {
	out := seq[:0]
	for _, it := range seq {
		switch it.kind {
		case fmClass:
			it.tab = new([256]bool)
			for c := range 0x80 {
				it.tab[c] = it.set.has(byte(c))
			}
			if it.min == 1 && it.max == 1 {
				step := fmStep{tab: it.tab, high: it.high}
				if n := len(out); n > 0 && out[n-1].kind == fmRun {
					out[n-1].run = append(out[n-1].run, step)
					continue
				}
				it = fmItem{kind: fmRun, run: []fmStep{step}}
			}
		case fmAlt:
			for i, br := range it.alts {
				it.alts[i] = tables(br)
			}
		}
		out = append(out, it)
	}
	return out
}

// possessiveOK checks every repeated class of a flattened sequence with
// the rules of the fast matcher (see the comment at the top of the file).
func possessiveOK(seq []fmItem) bool {
	for i, it := range seq {
		switch it.kind {
		case fmAlt:
			for _, br := range it.alts {
				if !possessiveOK(br) {
					return false
				}
			}
		case fmClass:
			if it.min != it.max && !runOK(it, seq[i+1:], true) {
				return false
			}
		}
	}
	return true
}

// runOK checks one repeated class against what follows it. absorbing says
// that no group boundary or assertion lies between them.
func runOK(run fmItem, tail []fmItem, absorbing bool) bool {
	for _, it := range tail {
		switch it.kind {
		case fmCapOpen, fmCapClose, fmBegin, fmEnd:
			// Cutting the run makes $ false (text follows) and ^ is
			// false after a character anyway.
			absorbing = false
		case fmWord, fmNotWord:
			// A cut puts two of the run's characters side by side: the
			// test there says "no boundary" when all are word characters
			// or all are not (runes of 0x80 and above are not).
			word := run.set.meets(wordSet)
			if word && (!run.set.within(wordSet) || run.high) {
				return false
			}
			absorbing = false
		case fmAlt:
			for _, br := range it.alts {
				if !runOK(run, br, absorbing) {
					return false
				}
			}
			return true
		case fmClass:
			if absorbing && it.max < 0 && it.min == 0 && run.set.within(it.set) && (!run.high || it.high) {
				// This run takes whatever the cut run gives back.
				return true
			}
			if run.set.meets(it.set) || run.high && it.high {
				return false
			}
			if it.min > 0 {
				return true
			}
		}
	}
	return true
}

// match runs the matcher on text, the pattern's match starting at start
// (text[:start] is context for assertions). It reports the submatch
// indices as regexp would, or nil, and whether it could decide. touched
// says the walk looked at the end of text: had text gone on (a longer view
// of the same input), the answer could have been different; otherwise it
// is the answer for any longer text.
func (f *fastMatcher) match(text string, start int, m []int) (_ []int, decided, touched bool) {
	m = m[:0]
	for range 2 * f.ncap {
		m = append(m, -1)
	}
	if start > 0 && text[start-1] >= 0x80 {
		// regexp reads the context as a rune, which may start there.
		return nil, false, false
	}
	st := fmState{text: text, m: m}
	end, ok := st.walk(f.seq, start)
	if st.unknown {
		return nil, false, false
	}
	if !ok {
		return nil, true, st.touched
	}
	m = st.m
	m[0], m[1] = start, end
	return m, true, st.touched
}

type fmState struct {
	text    string
	m       []int
	unknown bool
	touched bool // some step looked at the end of text
}

// walk matches seq from p, returning the end.
func (st *fmState) walk(seq []fmItem, p int) (int, bool) {
	s := st.text
	for i := range seq {
		it := &seq[i]
		switch it.kind {
		case fmClass:
			n, limit := 0, len(s)
			if it.max >= 0 {
				limit = min(limit, p+it.max)
			}
			tab := it.tab
			n = limit - p
			for i, c := range []byte(s[p:limit]) {
				if !tab[c] {
					n = i
					break
				}
			}
			p += n
			if p == len(s) {
				st.touched = true
			}
			if p < limit && s[p] >= 0x80 && it.high {
				st.unknown = true
				return 0, false
			}
			if n < it.min {
				return 0, false
			}
		case fmRun:
			if len(s)-p < len(it.run) {
				// Too short; but a byte regexp would read as a longer
				// rune cannot make it match, so this is decided.
				st.touched = true
				return 0, false
			}
			for _, step := range it.run {
				c := s[p]
				if !step.tab[c] {
					if c >= 0x80 && step.high {
						st.unknown = true
					}
					return 0, false
				}
				p++
			}
		case fmBegin:
			if p != 0 {
				return 0, false
			}
		case fmEnd:
			if p != len(s) {
				return 0, false
			}
			st.touched = true
		case fmWord, fmNotWord:
			if p == len(s) {
				st.touched = true
			}
			a := p > 0 && isWordByte(s[p-1])
			b := p < len(s) && isWordByte(s[p])
			if (a != b) != (it.kind == fmWord) {
				return 0, false
			}
		case fmCapOpen:
			st.m[2*it.cap] = p
		case fmCapClose:
			st.m[2*it.cap+1] = p
		case fmAlt:
			// Flattened: each branch holds the rest of the pattern.
			var saved [2 * maxFastCaps]int
			copy(saved[:], st.m)
			for _, br := range it.alts {
				if end, ok := st.walk(br, p); ok || st.unknown {
					return end, ok
				}
				copy(st.m, saved[:len(st.m)])
			}
			return 0, false
		}
	}
	return p, true
}
