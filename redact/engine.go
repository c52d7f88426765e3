package redact

import (
	"math"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The confirm step. The prefilter reports keyword hits; a pattern's regular
// expression then runs only near the hits of its own keywords. Every match
// contains a keyword occurrence, so a hit bounds where a match can start:
//
//   - The lead of a pattern is the farthest the start of a match can lie
//     before the keyword occurrence the match must contain. Most patterns
//     name the secret right before the value ("password=…", "ghp_…"), so
//     the lead is 0–2 bytes. For those the engine tries the few possible
//     start positions with an anchored copy of the regex that sees one byte
//     of left context, which makes \b and ^ mean what they mean in the whole
//     input. stdlib regexp has no literal to skip to in case-insensitive
//     patterns and otherwise walks every start position of the input, which
//     costs 20–100 ns per byte per pattern: the anchored tries cost a fixed
//     few hundred ns per hit instead.
//   - The width of a pattern is its longest match. A bounded width bounds
//     the text after the hit that a try needs to see.
//   - Patterns whose lead cannot be bounded, or is long, run unanchored
//     over a window around the hits (the whole input when the width is
//     unbounded too).

// unboundedWidth marks a pattern whose matches have no length limit, or a
// lead that cannot be bounded.
const unboundedWidth = -1

// plan is how the engine searches for one pattern, derived from its regex
// and keywords by newPlan.
type plan struct {
	lead lead
	// atStart matches only at offset 0 of its input; afterByte only at
	// offset 1, the first byte being left context for assertions. Both are
	// nil when the lead is unbounded.
	atStart, afterByte *regexp.Regexp
	// fast runs the anchored tries without regexp where it can decide
	// (see fastmatch.go); nil when the regex is not a simple sequence.
	fast *fastMatcher
	// required holds literals one of which every match contains, beyond
	// the keywords (see required.go); set only for patterns the fast
	// matcher does not serve.
	required []string
	// live answers whether a view is a prefix of some match (see
	// aliveSet); set only for patterns whose matches can outgrow a first
	// view.
	live *liveness
	// prefix is literal text every match starts with ("" if none): a
	// try where it does not occur costs a comparison, not a regexp run.
	prefix string
	// first holds the bytes a match can start with; a try at a position
	// holding another byte cannot succeed. nil: any.
	first *[256]bool
	// allow is the pattern's allow list with a first-byte filter each:
	// most allow regexes are anchored and start with a fixed character or
	// a narrow class, so most never need to run.
	allow []allowCheck
}

type allowCheck struct {
	re *regexp.Regexp
	// fast decides an allow regex anchored at the start of the secret
	// without regexp (see fastmatch.go); lits answers one that is an
	// alternation of literals (such as the built-in "already redacted"
	// check) with string searches. Either may be nil.
	fast *fastMatcher
	lits *literalAlts
	// first holds the bytes a match can start with (nil: any). A secret
	// the regex matches holds one of them, at its start if anchored.
	first    *[256]bool
	anchored bool
	last     *[256]bool // bytes a match ending the text ends with; nil: any
	// maxLen is the longest secret the regex can match whole when it is
	// anchored at both ends (word lists); -1 if not known.
	maxLen int
}

// planCache maps a pattern's regex, keywords and allow list to its plan:
// like compiled regexps, plans are immutable and shared by every Redactor
// built from the same catalog.
var planCache sync.Map // string -> plan

// newPlan derives the search plan of a pattern. It never fails: a regex it
// cannot analyse gets an unbounded lead, which is slower but finds the same.
func newPlan(expr string, keywords, allow []string) plan {
	key := expr + "\x00" + strings.Join(keywords, "\x00") + "\x01" + strings.Join(allow, "\x00")
	if p, ok := planCache.Load(key); ok {
		return p.(plan)
	}
	p := buildPlan(expr, keywords, allow)
	planCache.Store(key, p)
	return p
}

func buildPlan(expr string, keywords, allow []string) plan {
	p := plan{lead: lead{post: unboundedWidth}}
	for _, a := range allow {
		re, err := compileCached(a)
		if err != nil {
			// compile has already rejected the pattern.
			continue
		}
		first, anchored := firstBytes(a)
		ac := allowCheck{re: re, first: first, anchored: anchored, last: lastBytes(a), maxLen: wholeWidth(a), lits: literalAltsOf(a)}
		if f := fastFor(a); f != nil && len(f.seq) > 0 && f.seq[0].kind == fmBegin {
			ac.fast = f
		}
		if ac.lits != nil {
			// Its substring searches (IndexByte underneath) cost less than
			// walking the secret for its first bytes.
			ac.first = nil
		}
		p.allow = append(p.allow, ac)
	}
	if w := maxWidth(expr); w == unboundedWidth || w > firstView {
		p.live = &liveness{expr: expr}
	}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil || len(keywords) == 0 {
		return p
	}
	l := leadOf(re.Simplify(), keywords)
	if l.post == unboundedWidth {
		return p
	}
	a, err1 := compileCached(`^(?:` + expr + `)`)
	b, err2 := compileCached(`^(?s:.)(?:` + expr + `)`)
	if err1 != nil || err2 != nil {
		return p
	}
	p.lead, p.atStart, p.afterByte = l, a, b
	p.fast = fastFor(expr)
	if p.fast == nil {
		p.required = requiredSet(expr, keywords)
	}
	p.first, _ = firstBytes(expr)
	if re, err := compileCached(expr); err == nil {
		p.prefix, _ = re.LiteralPrefix()
	}
	return p
}

// allowed reports whether the secret is a known non-secret for pattern c
// or for the whole redactor.
func (r *Redactor) allowed(c *compiled, secret string) bool {
	for i := range c.plan.allow {
		a := &c.plan.allow[i]
		if a.maxLen >= 0 && len(secret) > a.maxLen {
			continue
		}
		if a.first != nil && !holdsFirst(secret, a.first, a.anchored) {
			continue
		}
		if a.last != nil && (len(secret) == 0 || !a.last[secret[len(secret)-1]]) {
			continue
		}
		if a.matches(secret) {
			return true
		}
	}
	return allowed(r.allow, secret)
}

func (a *allowCheck) matches(secret string) bool {
	if a.lits != nil {
		return a.lits.match(secret)
	}
	if a.fast != nil {
		var buf [2 * maxFastCaps]int
		if m, decided, _ := a.fast.match(secret, 0, buf[:0]); decided {
			return m != nil
		}
	}
	return a.re.MatchString(secret)
}

// literalAlts is a regex that is an alternation of literals, each
// optionally anchored at the start: ^REDACTED|\[REDACTED.
type literalAlts struct {
	prefixes, anywhere []string
}

func (l *literalAlts) match(s string) bool {
	for _, p := range l.prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	for _, w := range l.anywhere {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// literalAltsOf returns the literal alternation expr is, or nil.
func literalAltsOf(expr string) *literalAlts {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	alts := []*syntax.Regexp{re}
	if re.Op == syntax.OpAlternate {
		alts = re.Sub
	}
	var l literalAlts
	for _, a := range alts {
		anchored := false
		if a.Op == syntax.OpConcat && len(a.Sub) == 2 && a.Sub[0].Op == syntax.OpBeginText {
			anchored, a = true, a.Sub[1]
		}
		if a.Op != syntax.OpLiteral || a.Flags&syntax.FoldCase != 0 {
			return nil
		}
		if anchored {
			l.prefixes = append(l.prefixes, string(a.Rune))
		} else {
			l.anywhere = append(l.anywhere, string(a.Rune))
		}
	}
	return &l
}

// wholeWidth returns the longest text the regex expr can match when it is
// anchored at both ends (^…$ or \A…\z, without (?m)), or -1.
func wholeWidth(expr string) int {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return -1
	}
	re = re.Simplify()
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 {
		return -1
	}
	b, e := re.Sub[0], re.Sub[len(re.Sub)-1]
	if b.Op != syntax.OpBeginText || e.Op != syntax.OpEndText {
		return -1
	}
	w := width(re)
	if w >= infWidth {
		return -1
	}
	return w
}

// holdsFirst reports whether s can hold a match starting with a byte in
// set: at its start if anchored, anywhere otherwise.
func holdsFirst(s string, set *[256]bool, anchored bool) bool {
	if anchored {
		return len(s) > 0 && set[s[0]]
	}
	for i := 0; i < len(s); i++ {
		if set[s[i]] {
			return true
		}
	}
	return false
}

// firstBytes returns the bytes a match of the regex expr can start with,
// and whether every match starts at the start of the text. The set is nil
// when expr can match the empty string.
func firstBytes(expr string) (*[256]bool, bool) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, false
	}
	re = re.Simplify()
	var set [256]bool
	anchored, nullable := edge(re, &set, false, false)
	if nullable {
		return nil, false
	}
	return &set, anchored
}

// lastBytes returns the bytes a match of the regex expr can end with when
// every match ends at the end of the text, or nil.
func lastBytes(expr string) *[256]bool {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	var set [256]bool
	anchored, nullable := edge(re, &set, false, true)
	if nullable || !anchored {
		return nil
	}
	return &set
}

// edge adds to set the bytes a match of re can start with (or end with,
// if rev). It reports whether every match is anchored at the start (end)
// of the text, given whether an anchor was met before any byte on entry,
// and whether re can match without consuming a byte.
func edge(re *syntax.Regexp, set *[256]bool, anchored, rev bool) (bool, bool) {
	addRune := func(r rune) {
		var b [utf8.UTFMax]byte
		n := utf8.EncodeRune(b[:], r)
		if rev {
			set[b[n-1]] = true
		} else {
			set[b[0]] = true
		}
	}
	switch re.Op {
	case syntax.OpBeginText:
		return anchored || !rev, true
	case syntax.OpEndText:
		return anchored || rev, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		// With (?m), ^ and $ also match at a newline: not anchors.
		return anchored, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return anchored, true
		}
		r := re.Rune[0]
		if rev {
			r = re.Rune[len(re.Rune)-1]
		}
		addRune(r)
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				addRune(f)
			}
		}
		return anchored, false
	case syntax.OpCharClass:
		for i := 0; i < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
				set[r] = true
			}
			if hi >= utf8.RuneSelf {
				for b := 0x80; b < 0x100; b++ {
					set[b] = true
				}
			}
		}
		return anchored, false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		for b := range set {
			set[b] = true
		}
		return anchored, false
	case syntax.OpCapture, syntax.OpPlus:
		return edge(re.Sub[0], set, anchored, rev)
	case syntax.OpStar, syntax.OpQuest:
		a, _ := edge(re.Sub[0], set, anchored, rev)
		return a, true
	case syntax.OpRepeat:
		a, n := edge(re.Sub[0], set, anchored, rev)
		return a, n || re.Min == 0
	case syntax.OpConcat:
		for k := range re.Sub {
			sub := re.Sub[k]
			if rev {
				sub = re.Sub[len(re.Sub)-1-k]
			}
			a, n := edge(sub, set, anchored, rev)
			anchored = a
			if !n {
				return anchored, false
			}
		}
		return anchored, true
	case syntax.OpAlternate:
		all, null := true, false
		for _, sub := range re.Sub {
			a, n := edge(sub, set, anchored, rev)
			all = all && a
			null = null || n
		}
		return all, null
	}
	return false, true
}

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

const infWidth = math.MaxInt32

func addWidth(a, b int) int {
	if a >= infWidth || b >= infWidth {
		return infWidth
	}
	return min(a+b, infWidth)
}

func width(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += runeWidth(r, re.Flags&syntax.FoldCase != 0)
		}
		return n
	case syntax.OpCharClass:
		hi := rune(0)
		for i := 1; i < len(re.Rune); i += 2 {
			hi = max(hi, re.Rune[i])
		}
		return utf8Len(hi)
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return width(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return infWidth
	case syntax.OpRepeat:
		if re.Max < 0 {
			return infWidth
		}
		w := width(re.Sub[0])
		if w >= infWidth || re.Max > 0 && w > infWidth/re.Max {
			return infWidth
		}
		return w * re.Max
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			n = addWidth(n, width(s))
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

// runeWidth is the longest encoding of a rune a literal matches: with case
// folding, 'k' also matches the Kelvin sign, which takes 3 bytes.
func runeWidth(r rune, fold bool) int {
	w := utf8Len(r)
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			w = max(w, utf8Len(f))
		}
	}
	return w
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

// lead bounds how far before a keyword occurrence a match containing it
// can start: at most post bytes before it starts a run of bytes in run (at
// most runMax of them, or any number if runMax < 0), and at most pre bytes
// before that run. Without a run, pre is 0. post is unboundedWidth when no
// bound is known.
type lead struct {
	pre, post int
	run       *[256]bool
	runMax    int
}

// start returns the first position at which a match containing the keyword
// occurrence that starts at kwStart can start, given that no match is
// longer than reach bytes.
func (l *lead) start(s string, kwStart, reach int) int {
	lo := max(0, kwStart-l.post)
	if l.run != nil {
		floor := max(0, kwStart-reach)
		for n := 0; lo > floor && l.run[s[lo-1]] && (l.runMax < 0 || n < l.runMax); n++ {
			lo--
		}
		lo = max(0, lo-l.pre)
	}
	return lo
}

// leadOf computes the lead of re. It follows the regex from the left,
// expanding short literal stretches (literals, small classes, alternations)
// into the strings they match, until every string holds a keyword;
// everything before only adds its width, except that one long or unbounded
// stretch of known bytes becomes the run, whose length is measured on the
// input instead.
//
// Keywords are compared in ASCII lower case, as the prefilter does: a match
// that spells its keyword with a non-ASCII case fold (the Kelvin sign for
// 'k') is not recognised by the prefilter anyway.
func leadOf(re *syntax.Regexp, keywords []string) lead {
	w := leadWalker{budget: 20000}
	for _, k := range keywords {
		w.kws = append(w.kws, asciiLower(k))
	}
	l, ok := w.walk([]*syntax.Regexp{re}, walkState{cur: []leadString{{}}})
	if !ok || l.post >= infWidth || l.pre >= infWidth {
		return lead{post: unboundedWidth}
	}
	return l
}

// leadString is one literal stretch: its text in ASCII lower case and the
// widest encoding of its prefixes.
type leadString struct {
	text  string
	width []int // width[i]: the widest encoding of text[:i]
}

func (a leadString) plus(text string, w int) leadString {
	out := leadString{text: a.text + text, width: slices.Clip(a.width)}
	base := 0
	if len(a.width) > 0 {
		base = a.width[len(a.width)-1]
	} else {
		out.width = append(out.width, 0)
	}
	for i := 1; i <= len(text); i++ {
		extra := 0
		if i == len(text) {
			extra = w - len(text)
		}
		out.width = append(out.width, base+i+extra)
	}
	return out
}

func (a leadString) total() int {
	if len(a.width) == 0 {
		return 0
	}
	return a.width[len(a.width)-1]
}

type leadWalker struct {
	kws    []string
	budget int
	widths map[*syntax.Regexp]int // width of visited nodes: walk asks often
}

func (l *leadWalker) width(re *syntax.Regexp) int {
	if w, ok := l.widths[re]; ok {
		return w
	}
	if l.widths == nil {
		l.widths = map[*syntax.Regexp]int{}
	}
	w := width(re)
	l.widths[re] = w
	return w
}

// walkState is what precedes the elements still to walk: a run (if any)
// preceded by pre bytes, then prefix bytes, then one of the stretches cur.
type walkState struct {
	pre    int
	run    *[256]bool
	runMax int
	prefix int
	cur    []leadString
}

const (
	maxLeadStrings = 64
	minRunWidth    = 8
)

// walk returns the lead of the sequence elems preceded by st.
func (l *leadWalker) walk(elems []*syntax.Regexp, st walkState) (lead, bool) {
	if l.budget--; l.budget < 0 || st.prefix >= infWidth {
		return lead{}, false
	}
	if off, ok := l.covered(st.cur); ok {
		return lead{pre: st.pre, post: addWidth(st.prefix, off), run: st.run, runMax: st.runMax}, true
	}
	if len(elems) == 0 {
		return lead{}, false
	}
	e, rest := elems[0], elems[1:]
	switch e.Op {
	case syntax.OpCapture:
		return l.walk(append([]*syntax.Regexp{e.Sub[0]}, rest...), st)
	case syntax.OpConcat:
		return l.walk(append(slices.Clone(e.Sub), rest...), st)
	case syntax.OpAlternate, syntax.OpQuest:
		branches := e.Sub
		if e.Op == syntax.OpQuest {
			branches = []*syntax.Regexp{e.Sub[0], {Op: syntax.OpEmptyMatch}}
		}
		// A long stretch is better measured as the run than expanded
		// branch by branch: each branch would add its full width.
		if st.run == nil && l.width(e) >= minRunWidth {
			if out, ok := l.asRun(e, rest, st); ok {
				return out, true
			}
		}
		if out, ok := l.branches(branches, rest, st); ok {
			return out, true
		}
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return l.walk(rest, st)
	case syntax.OpLiteral:
		var sb strings.Builder
		w := 0
		for _, r := range e.Rune {
			w += runeWidth(r, e.Flags&syntax.FoldCase != 0)
			if r < utf8.RuneSelf {
				sb.WriteByte(asciiLowerByte(byte(r)))
			} else {
				sb.WriteRune(r)
			}
		}
		st.cur = l.extend(st.cur, []string{sb.String()}, w, &st.prefix)
		return l.walk(rest, st)
	case syntax.OpCharClass:
		if alts, w, ok := smallClass(e); ok {
			st.cur = l.extend(st.cur, alts, w, &st.prefix)
			return l.walk(rest, st)
		}
	}
	// Anything else is opaque: only its width counts, or it becomes the run.
	st.prefix = addWidth(st.prefix, maxTotal(st.cur))
	st.cur = []leadString{{}}
	if st.run == nil && l.width(e) >= minRunWidth {
		if out, ok := l.asRun(e, rest, st); ok {
			return out, true
		}
	}
	st.prefix = addWidth(st.prefix, l.width(e))
	return l.walk(rest, st)
}

// asRun walks rest after making e the run.
func (l *leadWalker) asRun(e *syntax.Regexp, rest []*syntax.Regexp, st walkState) (lead, bool) {
	var set [256]bool
	if !runBytes(e, &set) {
		return lead{}, false
	}
	w := l.width(e)
	st.pre = addWidth(st.prefix, maxTotal(st.cur))
	st.run, st.runMax, st.prefix, st.cur = &set, w, 0, []leadString{{}}
	if w >= infWidth {
		st.runMax = -1
	}
	return l.walk(rest, st)
}

// branches returns the lead of an alternation followed by rest: the
// bound of every branch.
func (l *leadWalker) branches(branches, rest []*syntax.Regexp, st walkState) (lead, bool) {
	var out lead
	for i, b := range branches {
		bl, ok := l.walk(append([]*syntax.Regexp{b}, rest...), st)
		if !ok {
			return lead{}, false
		}
		if i == 0 {
			out = bl
		} else {
			out = mergeLeads(out, bl)
		}
	}
	return out, true
}

// mergeLeads returns a lead that bounds both a and b.
func mergeLeads(a, b lead) lead {
	out := lead{pre: max(a.pre, b.pre), post: max(a.post, b.post), run: a.run, runMax: a.runMax}
	switch {
	case a.run == nil:
		out.run, out.runMax = b.run, b.runMax
	case b.run != nil:
		set := *a.run
		for i, in := range b.run {
			set[i] = set[i] || in
		}
		out.run = &set
		if a.runMax < 0 || b.runMax < 0 {
			out.runMax = -1
		} else {
			out.runMax = max(a.runMax, b.runMax)
		}
	}
	return out
}

// runBytes adds to set every byte a match of re can contain. It fails on
// wide classes of non-ASCII runes ([^\s] and the like); the few non-ASCII
// case folds of ASCII letters (the Kelvin sign, the long s) are fine.
func runBytes(re *syntax.Regexp, set *[256]bool) bool {
	addRune := func(r rune) {
		var b [utf8.UTFMax]byte
		for _, c := range b[:utf8.EncodeRune(b[:], r)] {
			set[c] = true
		}
	}
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			addRune(r)
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					addRune(f)
				}
			}
		}
		return true
	case syntax.OpCharClass:
		wide := 0
		for i := 0; i < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi >= utf8.RuneSelf {
				wide += int(hi-max(lo, utf8.RuneSelf)) + 1
				if wide > 4 {
					return false
				}
			}
			for r := lo; r <= hi; r++ {
				addRune(r)
			}
		}
		return true
	case syntax.OpCapture, syntax.OpConcat, syntax.OpAlternate, syntax.OpStar, syntax.OpPlus,
		syntax.OpQuest, syntax.OpRepeat:
		for _, s := range re.Sub {
			if !runBytes(s, set) {
				return false
			}
		}
		return true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	return false
}

// extend appends each of alts to each stretch in cur. When that would make
// too many stretches it forgets cur, adding its width to *prefix: the
// result is still a correct, if larger, bound.
func (l *leadWalker) extend(cur []leadString, alts []string, w int, prefix *int) []leadString {
	if len(cur)*len(alts) > maxLeadStrings {
		*prefix = addWidth(*prefix, maxTotal(cur))
		cur = []leadString{{}}
	}
	out := make([]leadString, 0, len(cur)*len(alts))
	for _, c := range cur {
		for _, a := range alts {
			out = append(out, c.plus(a, w))
		}
	}
	return out
}

func maxTotal(cur []leadString) int {
	n := 0
	for _, c := range cur {
		n = max(n, c.total())
	}
	return n
}

// covered reports whether every stretch holds a keyword, and the farthest
// start of the first keyword in one.
func (l *leadWalker) covered(cur []leadString) (int, bool) {
	off := 0
	for _, c := range cur {
		first := -1
		for _, k := range l.kws {
			if i := strings.Index(c.text, k); i >= 0 && (first < 0 || i < first) {
				first = i
			}
		}
		if first < 0 {
			return 0, false
		}
		off = max(off, c.width[first])
	}
	return off, true
}

// smallClass returns the ASCII members of a class of at most four runes, in
// lower case, and the widest encoding of any member. Non-ASCII members only
// count for the width (see leadOf).
func smallClass(e *syntax.Regexp) ([]string, int, bool) {
	n := 0
	for i := 0; i < len(e.Rune); i += 2 {
		n += int(e.Rune[i+1]-e.Rune[i]) + 1
		if n > 4 {
			return nil, 0, false
		}
	}
	var alts []string
	w := 1
	for i := 0; i < len(e.Rune); i += 2 {
		for r := e.Rune[i]; r <= e.Rune[i+1]; r++ {
			w = max(w, utf8Len(r))
			if r < utf8.RuneSelf {
				s := string(rune(asciiLowerByte(byte(r))))
				if !slices.Contains(alts, s) {
					alts = append(alts, s)
				}
			}
		}
	}
	if len(alts) == 0 {
		return nil, 0, false
	}
	return alts, w, true
}

func asciiLowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = asciiLowerByte(c)
	}
	return string(b)
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
	var counts [256]uint32
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	// H = log2(n) - Σ c·log2(c) / n over the distinct bytes, each visited
	// once by clearing its count: a short secret has few distinct bytes,
	// so this beats walking all 256 counts.
	sum := 0.0
	for i := 0; i < len(s); i++ {
		if c := counts[s[i]]; c > 0 {
			sum += clog2(c)
			counts[s[i]] = 0
		}
	}
	n := float64(len(s))
	return math.Log2(n) - sum/n
}

// clog2Table[c] is c·log2(c).
var clog2Table = func() (t [64]float64) {
	for c := 1; c < len(t); c++ {
		t[c] = float64(c) * math.Log2(float64(c))
	}
	return t
}()

func clog2(c uint32) float64 {
	if c < uint32(len(clog2Table)) {
		return clog2Table[c]
	}
	return float64(c) * math.Log2(float64(c))
}
