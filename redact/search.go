package redact

import (
	"slices"
	"strings"
	"sync"

	"github.com/logredact/logredact/internal/kwmatch"
)

// The confirm step, and why it runs in linear time.
//
// The prefilter reports keyword hits; each hit opens a window of start
// positions for the patterns that own the keyword, and a pattern's regular
// expression only runs there (see plan). Regular expressions are linear in
// the text they are given, but the text they are given, summed over every
// hit, need not be: a pattern whose value has no length limit ("password="
// followed by anything but a blank) sees the rest of the input from every
// one of 3,000 hits in a 16 KB field of repeated "password=". Three rules
// bound the work:
//
//   - Bounded reach. A try sees firstView bytes after its start, then
//     shortView, and maxReach at most; it is given more only when the text
//     it saw is the start of some longer match (see liveness). A match that
//     runs into the end of a short view is cut off, and its secret is
//     extended to the natural end of the value (the next blank, quote or
//     delimiter) and replaced without the entropy and allowlist checks: a
//     value too long to examine is not let through.
//   - One pass per pattern. Each start position is tried at most once per
//     pattern, and a pattern's next match starts at or after the end of its
//     previous one, so a hit inside a secret already found costs nothing; no
//     try of any pattern starts inside a value replaced unexamined. A match
//     that is rejected (allowed, or too predictable) is not searched again
//     from inside: the keyword hits inside it have windows of their own.
//   - A budget. The bytes handed to regular expressions for one input are
//     counted; past budgetBase + budgetPerByte·len(input), every window not
//     yet searched is replaced whole (fail closed) instead of searched.
//
// So the confirm step costs O(len(input)) regexp steps whatever the input,
// with the constants above; the prefilter is a DFA, one table step per byte.

const (
	// maxReach is the longest text after its start position one try sees.
	// It exceeds the longest single-line secret worth keeping whole (a
	// 4096-bit RSA key in PEM, about 3.3 KB with its "\n" escapes).
	maxReach = 8 << 10
	// shortView is what a try sees first; only a match that runs into its
	// end is tried again with maxReach. Most secrets are far shorter, and
	// stdlib regexp's backtracker clears memory in proportion to the text
	// it is given, so a short first view is also a fast one.
	shortView = 512
	// firstView is the view of a first try: most tries fail within a few
	// bytes of their start, and a try costs in proportion to its view.
	firstView = 128
	// rangeView is the most text one unanchored search is given.
	rangeView = 4 * maxReach
	// budgetBase and budgetPerByte bound the bytes given to regexps for one
	// input of n bytes: budgetBase + budgetPerByte·n.
	budgetBase    = 64 << 10
	budgetPerByte = 64
	// maxAnchoredTries is the most start positions of a window tried one
	// by one; the rest of a window with more candidates is searched
	// unanchored, which costs less per position.
	maxAnchoredTries = 48
	// snapSlack is how far an unanchored view may reach back to start on a
	// non-word byte, so that \b at its start means what it means in the
	// whole input.
	snapSlack = 64
)

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// span is one secret: s[start:end], found by pattern pat.
type span struct {
	start, end int
	pat        int32
}

// window is a stretch of start positions, [lo, hi], at which pattern pat
// must be tried: one by one with the anchored regex, or with unanchored
// searches if rng is set (a hit whose lead allows too many start
// positions to try one by one).
type window struct {
	pat    int32
	lo, hi int
	rng    bool
}

// spanScratch is the per-call working memory of spans, pooled so that the
// confirm step allocates only what it returns.
type spanScratch struct {
	hits []kwmatch.Hit
	// Per pattern, indexed by pattern, reset to their zero state after
	// each call for the patterns listed in touched.
	resume  []int    // where the pattern's next try may start
	lastLo  []int    // first start position of its latest anchored window
	tried   []int    // its start positions up to tried-1 have been tried
	pending []window // its open unanchored window (pending.hi < 0: none)
	touched []int32
}

var spanScratchPool = sync.Pool{New: func() any { return new(spanScratch) }}

// state returns the per-pattern state of pattern p, marking it for reset.
func (sc *spanScratch) touch(p int32, n int) {
	if len(sc.resume) < n {
		sc.resume = make([]int, n)
		sc.lastLo = make([]int, n)
		sc.tried = make([]int, n)
		sc.pending = make([]window, n)
		for i := range sc.pending {
			sc.pending[i].hi = -1
		}
	}
	if sc.tried[p] == 0 && sc.pending[p].hi < 0 && sc.resume[p] == 0 && sc.lastLo[p] == 0 {
		sc.touched = append(sc.touched, p)
	}
}

func (sc *spanScratch) reset() {
	for _, p := range sc.touched {
		sc.resume[p], sc.lastLo[p], sc.tried[p] = 0, 0, 0
		sc.pending[p] = window{hi: -1}
	}
	sc.touched = sc.touched[:0]
}

// spans finds every secret in s and returns them sorted and merged: no two
// spans overlap. Callers run it only after the prefilter said s may hold a
// secret.
//
// Hits come in order of their end, and each opens its windows at once:
// nothing is sorted, and a window never starts inside a value already
// replaced unexamined (see decide). Each pattern tries a
// start position at most once and resumes after its own previous match, as
// FindAll does. Unanchored windows of one pattern are merged while they
// touch and searched when they stop touching.
func (r *Redactor) spans(s string) []span {
	return r.spansOf(s, nil, false)
}

// spansOf is spans with the prefilter's hits in s given when known (the
// text path scans a whole input once and confirms its parts).
func (r *Redactor) spansOf(s string, hits []kwmatch.Hit, known bool) []span {
	sc := spanScratchPool.Get().(*spanScratch)
	defer func() {
		sc.reset()
		if cap(sc.hits) <= 1<<12 {
			spanScratchPool.Put(sc)
		}
	}()
	cf := confirm{r: r, s: s, budget: budgetBase + budgetPerByte*len(s)}
	if known {
		sc.hits = append(sc.hits[:0], hits...)
	} else {
		sc.hits = r.kw.AppendHits(sc.hits[:0], s)
	}
	r.confirmHits(sc, &cf)
	cf.out = r.assignSpans(cf.out, s, sc.hits)
	return mergeSpans(cf.out)
}

// confirmAll runs the confirm step of cf.s.
func (r *Redactor) confirmAll(sc *spanScratch, cf *confirm) {
	sc.hits = r.kw.AppendHits(sc.hits[:0], cf.s)
	r.confirmHits(sc, cf)
}

// confirmHits runs the confirm step of cf.s on the hits in sc.hits.
func (r *Redactor) confirmHits(sc *spanScratch, cf *confirm) {
	s := cf.s
	for _, h := range sc.hits {
		end := int(h.End)
		start := end - len(r.keywordText[h.Keyword])
		for _, p := range r.kwPatterns[h.Keyword] {
			c := r.pats[p].get()
			sc.touch(p, len(r.pats))
			if c.plan.atStart == nil {
				// A match holds the keyword, so it starts at or before
				// the keyword and, its reach being bounded, at most that
				// far before the keyword's end.
				cf.pend(sc, window{pat: p, lo: max(0, end-c.reach), hi: start, rng: true})
				continue
			}
			// Start positions below tried[p] were tried already, so the
			// lead's run is not followed back past them.
			lo := c.plan.lead.start(s, start, min(c.reach, max(0, start-sc.tried[p]+1)))
			w := window{pat: p, lo: lo, hi: start}
			if lo >= sc.lastLo[p] {
				w.lo = max(w.lo, sc.tried[p])
			}
			sc.lastLo[p] = lo
			sc.tried[p] = max(sc.tried[p], start+1)
			cf.run(sc, w)
		}
	}
	for _, p := range sc.touched {
		if sc.pending[p].hi >= 0 {
			cf.run(sc, sc.pending[p])
		}
	}
	for _, p := range r.always {
		sc.touch(p, len(r.pats))
		cf.run(sc, window{pat: p, lo: 0, hi: len(s), rng: true})
	}
}

// pend merges an unanchored window into its pattern's open one, or
// searches the open one and opens w.
func (cf *confirm) pend(sc *spanScratch, w window) {
	open := &sc.pending[w.pat]
	if open.hi >= 0 && w.lo <= open.hi+1 && w.lo >= open.lo {
		open.hi = max(open.hi, w.hi)
		return
	}
	if open.hi >= 0 {
		cf.run(sc, *open)
	}
	*open = w
}

// run searches window w unless its start positions are decided already.
func (cf *confirm) run(sc *spanScratch, w window) {
	w.lo = max(w.lo, sc.resume[w.pat])
	if w.lo >= cf.decidedFrom && w.lo < cf.decidedTo {
		w.lo = cf.decidedTo
	}
	if w.lo > w.hi {
		return
	}
	sc.resume[w.pat] = max(sc.resume[w.pat], cf.search(w))
}

// decide marks s[start:end], replaced without being fully examined (a cut
// off value, or a window the budget could not pay for), as decided: no try
// of any pattern starts inside it. Ordinary secrets are not marked, since
// another pattern may start on them as its context (an AWS key ID before
// its secret key).
func (cf *confirm) decide(start, end int) {
	if end > cf.decidedTo {
		cf.decidedFrom, cf.decidedTo = start, end
	}
}

// mergeSpans sorts spans by start and merges overlapping ones; spans that
// only touch stay apart, each keeping its own rule.
func mergeSpans(out []span) []span {
	if len(out) == 0 {
		return nil
	}
	if len(out) == 1 {
		return out
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

// confirm is the state of one input's confirm step.
type confirm struct {
	r      *Redactor
	s      string
	budget int // bytes regexps may still be given
	// decidedFrom, decidedTo: the decided stretch (see decide) that ends
	// last.
	decidedFrom, decidedTo int
	calls                  int // regexp calls made, for tests
	out                    []span
	// natLo, natHi memoise the last natural end found: every position in
	// [natLo, natHi) has its natural end at natHi.
	natLo, natHi int
	// fastM holds the submatches of the last fast try (see fastmatch.go):
	// a try's match is read before the next try.
	fastM [2 * maxFastCaps]int
	// entA, entB, entV: the stretch whose entropy was last computed, and
	// that entropy (entA == entB: none).
	entA, entB int
	entV       float64
}

// search tries pattern w.pat at the start positions of w and returns where
// the pattern's next search may start.
func (cf *confirm) search(w window) int {
	if cf.budget <= 0 {
		return cf.failClosed(w)
	}
	if !w.rng {
		return cf.searchAnchored(w)
	}
	return cf.searchRange(w)
}

// failClosed replaces everything a window's matches could cover: the
// budget is spent, so this window cannot be searched.
func (cf *confirm) failClosed(w window) int {
	c := cf.r.pats[w.pat].get()
	end := min(len(cf.s), w.hi+c.reach)
	if end > w.lo {
		cf.out = append(cf.out, span{start: w.lo, end: end, pat: w.pat})
		cf.decide(w.lo, end)
	}
	return end
}

// searchAnchored finds the matches that start in [w.lo, w.hi], as FindAll
// would: leftmost first, each further match starting at or after the end
// of the previous one. Each try sees the byte before its start as context,
// and the text after it up to the pattern's reach plus one byte, so that
// assertions at both ends see what they would see in the whole input.
func (cf *confirm) searchAnchored(w window) int {
	c := cf.r.pats[w.pat].get()
	s := cf.s
	next, tries := w.lo, 0
	for pos := w.lo; pos <= w.hi && pos < len(s); {
		if c.plan.first != nil && !c.plan.first[s[pos]] ||
			len(c.plan.prefix) > 1 && !strings.HasPrefix(s[pos:], c.plan.prefix) {
			pos++
			continue
		}
		if tries++; tries > maxAnchoredTries {
			// Too many candidates to try one by one: one unanchored
			// search costs less per position.
			return max(next, cf.searchRange(window{pat: w.pat, lo: pos, hi: w.hi, rng: true}))
		}
		if cf.budget <= 0 {
			return max(next, cf.failClosed(window{pat: w.pat, lo: pos, hi: w.hi}))
		}
		m, base, cut := cf.try(c, pos)
		if m == nil {
			pos++
			continue
		}
		if !cf.keep(w.pat, m, base, cut) {
			// Rejected: a secret may still start inside this match.
			pos++
			continue
		}
		pos = max(pos+1, base+m[1])
		next = pos
	}
	return next
}

// try runs the anchored regex of c at pos on a short view. It returns the
// match relative to base, and whether the match was cut off by the view.
// A view with no match in it is tried again on the full reach only when
// the whole view is the start of a longer match: a secret that needs its
// end to be recognised, such as a PEM block, is longer than a short view.
// A match that runs into the end of the short view is not tried again: the
// longer try would cost far more (stdlib regexp switches from its
// backtracker to its NFA on long texts) and decide nothing a scan to the
// natural end of the value does not.
func (cf *confirm) try(c *compiled, pos int) (m []int, base int, cut bool) {
	s := cf.s
	view := min(c.reach, firstView)
	if c.plan.required != nil {
		// No view of this try can match without one of these.
		reach := s[pos:min(len(s), pos+c.reach)]
		cf.budget -= len(reach) / 8
		if !holdsAny(reach, c.plan.required) {
			return nil, 0, false
		}
	}
	for {
		end := min(len(s), pos+view+1)
		base = max(0, pos-1)
		cf.calls++
		decided, touched := false, false
		if c.plan.fast != nil {
			m, decided, touched = c.plan.fast.match(s[base:end], pos-base, cf.fastM[:0])
		}
		switch {
		case decided:
		case pos == 0:
			m = c.plan.atStart.FindStringSubmatchIndex(s[:end])
		default:
			m = c.plan.afterByte.FindStringSubmatchIndex(s[base:end])
			if m != nil {
				m[0]++ // the whole match starts after the context byte
			}
		}
		// more: the input goes on past the view, and the pattern could
		// use it.
		more := end < len(s) && view < c.reach
		if m == nil {
			cf.budget -= (end - base) * viewCost(view)
			if !more || decided && !touched || !decided && !c.plan.alive(s[base:end], pos == 0) {
				return nil, 0, false
			}
			view = nextView(view, c.reach)
			continue
		}
		cf.budget -= (base + m[1] - pos) * viewCost(view)
		// A match that runs into the end of the view may go on. So may
		// one that ends inside it when the view is the start of a longer
		// match: an optional tail (a signature after '_') that the view
		// cut off makes the regex settle for less.
		cut = end < len(s) && base+m[1] >= end
		if more && !cut {
			if decided {
				cut = touched
			} else if c.plan.live != nil {
				cut = c.plan.alive(s[base:end], pos == 0)
			}
		}
		if cut && view < shortView && view < c.reach {
			view = min(shortView, c.reach)
			continue
		}
		// Still cut: the secret is taken to its natural end (see keep).
		return m, base, cut && (c.capped || view < c.reach)
	}
}

// nextView is the view after one that was too short: shortView, then the
// full reach.
func nextView(view, reach int) int {
	if view < shortView {
		return min(shortView, reach)
	}
	return reach
}

// viewCost weighs the bytes of a view by what stdlib regexp spends on
// them: texts longer than a short view run on its NFA, which costs about
// ten times its backtracker per byte.
func viewCost(view int) int {
	if view > shortView {
		return 8
	}
	return 1
}

// searchRange finds the matches that start in [w.lo, w.hi] with unanchored
// searches. A search sees the window and a short stretch after it; the
// stretch grows, as an anchored try's view does, only when something
// that starts in the window could be a longer match. No search is given
// more than rangeView bytes.
func (cf *confirm) searchRange(w window) int {
	c := cf.r.pats[w.pat].get()
	s := cf.s
	pos, next := w.lo, w.lo
	ext := min(c.reach, firstView)
	for pos <= w.hi && pos < len(s) {
		if cf.budget <= 0 {
			return max(next, cf.failClosed(window{pat: w.pat, lo: pos, hi: w.hi}))
		}
		lo := pos
		for n := 0; lo > 0 && n < snapSlack && isWordByte(s[lo-1]); n++ {
			lo--
		}
		limit := w.hi + ext + 1
		end := min(len(s), limit, pos+rangeView)
		for n := 0; end < len(s) && n < snapSlack && isWordByte(s[end]); n++ {
			end++
		}
		cf.calls++
		m := c.re.FindStringSubmatchIndex(s[lo:end])
		if m != nil && lo+m[0] <= w.hi {
			cut := end < len(s) && lo+m[1] >= end
			if a := lo + m[0]; !cut && end < len(s) && ext < c.reach && c.plan.live != nil {
				// As in try: an optional tail the view cut off.
				cut = a == 0 && c.plan.alive(s[:end], true) || a > 0 && c.plan.alive(s[a-1:end], false)
			}
			if cut && end >= limit && ext < shortView && ext < c.reach {
				cf.budget -= (end - lo) * viewCost(ext)
				ext = min(shortView, c.reach)
				continue
			}
			cf.budget -= max(0, lo+m[1]-pos) * viewCost(ext)
			if lo+m[1] > pos {
				// A match that ends before pos lies in the stretch the
				// view reached back for context: already seen.
				cf.keep(w.pat, m, lo, cut && (c.capped || ext < c.reach))
			}
			pos = max(pos+1, lo+m[1], lo+m[0]+1)
			next = pos
			continue
		}
		cf.budget -= (end - lo) * viewCost(ext)
		if end >= len(s) {
			return next
		}
		if end >= limit {
			// The view ended after the window: search on only if a
			// match starting in the window could be longer than it.
			if ext < c.reach && lo+c.plan.aliveFrom(s[lo:end]) <= w.hi {
				ext = nextView(ext, c.reach)
				continue
			}
			return next
		}
		// The view ended inside the window: matches starting near its
		// end may have been cut off, so the next view starts a reach
		// earlier.
		pos = max(pos+1, end-c.reach)
	}
	return next
}

// entropy is entropy(cf.s[a:b]), remembered for the last stretch asked:
// overlapping patterns (a Bearer token that is also a JWT) often keep
// the same secret.
func (cf *confirm) entropy(a, b int) float64 {
	if a != cf.entA || b != cf.entB {
		cf.entA, cf.entB, cf.entV = a, b, entropy(cf.s[a:b])
	}
	return cf.entV
}

// keep records the secret of the match m, offset by base, unless it is
// empty, too predictable or allowed, and reports whether it did. A secret
// cut off by the end of a view is extended to its natural end and kept
// without those checks.
func (cf *confirm) keep(pat int32, m []int, base int, cut bool) bool {
	c := cf.r.pats[pat].get()
	g := c.SecretGroup
	a, b := m[2*g], m[2*g+1]
	if a < 0 || a == b {
		return false
	}
	a, b = a+base, b+base
	if cut && b >= base+m[1]-1 {
		b = cf.naturalEnd(a, b)
		cf.decide(a, b)
	} else {
		secret := cf.s[a:b]
		if c.Entropy > 0 && cf.entropy(a, b) < c.Entropy {
			return false
		}
		if cf.r.allowed(c, secret) {
			return false
		}
		if int(pat) < len(cf.r.ctx) && cf.r.ctx[pat] != nil && cf.r.ctx[pat].allows(cf.s, base+m[0], base+m[1]) {
			return false
		}
	}
	if cf.out == nil {
		cf.out = make([]span, 0, 4) // one allocation for the usual few secrets
	}
	cf.out = append(cf.out, span{start: a, end: b, pat: pat})
	return true
}

// naturalEnd returns where the value that starts at a and runs through
// b-1 ends. A value that follows a quote ends at the next unescaped quote
// of the same kind or at a line break; any other at the first blank,
// quote, backtick, angle bracket, ',', ';', '&' or '|', or at an escaped
// quote. Each byte is looked at once per input however many cut-off
// secrets end in the same value.
func (cf *confirm) naturalEnd(a, b int) int {
	if b >= cf.natLo && b < cf.natHi {
		return cf.natHi
	}
	s := cf.s
	j := b
	if q := quoteBefore(s, a); q != 0 {
		for j < len(s) && s[j] != q && s[j] != '\n' && s[j] != '\r' {
			if s[j] == '\\' {
				j++
			}
			j++
		}
		j = min(j, len(s))
	} else {
		for j < len(s) && !endsValue(s, j) {
			j++
		}
	}
	cf.natLo, cf.natHi = b, j
	return j
}

func quoteBefore(s string, a int) byte {
	if a > 0 {
		switch s[a-1] {
		case '"', '\'', '`':
			return s[a-1]
		}
	}
	return 0
}

func endsValue(s string, j int) bool {
	switch s[j] {
	case ' ', '\t', '\n', '\r', '\v', '\f', '"', '\'', '`', '<', '>', ',', ';', '&', '|':
		return true
	case '\\':
		return j+1 < len(s) && (s[j+1] == '"' || s[j+1] == '\'')
	}
	return false
}
