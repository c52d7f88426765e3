// Package kwmatch finds many literal keywords in text at once, ignoring ASCII
// case. It is the prefilter of package redact: one pass over the input tells
// which patterns are worth running and where.
//
// The matcher is an Aho-Corasick automaton compiled into a dense DFA:
//
//   - ASCII case is folded at build time through a byte→class table, so the
//     input is never copied or lowered. Every byte that occurs in no keyword
//     shares class 0; each other folded byte has a class of its own, which is
//     the fewest classes a DFA for these keywords can have.
//   - States are premultiplied by the number of classes, so a step is one
//     load: next = trans[state+class[b]].
//   - Each transition value carries the target state, a flag telling that
//     some keyword ends there, and the union of the group masks of the
//     keywords that end there (following dictionary suffix links), so the
//     scan loop tests one value per byte and [Matcher.Any] stops at the first
//     qualifying state.
//   - A plain DFA walk is bound by the latency of each table load. Inputs
//     of a few dozen bytes and more are cut into two or four streams walked
//     in lock step, which hides most of that latency; occurrences across a
//     seam are recovered by walking the previous stream on until it
//     coincides with the next one (see any4).
package kwmatch

import (
	"errors"
	"fmt"
	"slices"
)

// Hit is one occurrence of a keyword: the bytes s[End-len(keyword):End].
type Hit struct {
	Keyword int32 // index into the keywords given to New
	End     int32 // offset just past the last byte of the occurrence
}

// Transition value layout: the low bits hold the premultiplied target
// state, bit 23 says some keyword ends in the target state and the top 8
// bits hold the union of their group masks.
const (
	stateBits  = 23
	stateMask  = 1<<stateBits - 1
	outFlag    = 1 << stateBits
	groupShift = 24
)

// Matcher is immutable after New and safe for concurrent use.
type Matcher struct {
	class  [256]uint8 // byte -> class; ASCII upper case maps as lower case
	stride uint32     // number of classes
	trans  []uint32   // premultiplied state + class -> transition value
	// outStart[i]:outStart[i+1] indexes outKw for state i (not
	// premultiplied): the keywords ending in that state, ascending.
	outStart []uint32
	outKw    []int32
	kwLen    []int32
	// depthStart[d] is the first premultiplied state of depth d or more;
	// states are numbered breadth first, so depth grows with the number.
	depthStart []uint32
	maxLen     int
	n          int
}

// New builds a Matcher. groups[i] is a bit mask attached to keywords[i]; Any
// asks about keywords whose mask intersects a given mask. Keywords are folded
// to ASCII lower case; an empty keyword is an error. The same keyword may be
// given more than once: each index is reported.
func New(keywords []string, groups []uint8) (*Matcher, error) {
	if len(groups) != len(keywords) {
		return nil, errors.New("kwmatch: keywords and groups differ in length")
	}
	m := &Matcher{n: len(keywords)}

	// Classes: 0 for bytes in no keyword, then one per folded byte.
	var used [256]bool
	for i, k := range keywords {
		if k == "" {
			return nil, fmt.Errorf("kwmatch: keyword %d is empty", i)
		}
		m.maxLen = max(m.maxLen, len(k))
		for j := 0; j < len(k); j++ {
			used[fold(k[j])] = true
		}
	}
	nc := 1
	for b := range 256 {
		if used[b] {
			m.class[b] = uint8(nc)
			nc++
		}
	}
	for b := 'A'; b <= 'Z'; b++ {
		m.class[b] = m.class[b+'a'-'A']
	}
	if nc > 256 {
		// Only possible with keywords using all 256 byte values, which
		// folding makes impossible: 26 upper-case letters share classes.
		return nil, errors.New("kwmatch: too many byte classes")
	}

	// Trie, nodes numbered in insertion order; -1 is no edge.
	type node struct {
		fail  int32
		depth int
		kws   []int32
	}
	nodes := []node{{}}
	next := make([]int32, nc)
	for i := range next {
		next[i] = -1
	}
	for i, k := range keywords {
		cur := int32(0)
		for j := 0; j < len(k); j++ {
			c := int(m.class[k[j]])
			nx := next[int(cur)*nc+c]
			if nx < 0 {
				nx = int32(len(nodes))
				nodes = append(nodes, node{depth: j + 1})
				for range nc {
					next = append(next, -1)
				}
				next[int(cur)*nc+c] = nx
			}
			cur = nx
		}
		nodes[cur].kws = append(nodes[cur].kws, int32(i))
	}
	if uint64(len(nodes))*uint64(nc) > stateMask {
		return nil, fmt.Errorf("kwmatch: %d keywords make too large an automaton", len(keywords))
	}

	// Breadth-first: failure links, complete transitions, outputs. order
	// lists nodes shallowest first, which is also the numbering of the
	// final states, so the states a scan visits most sit together.
	order := make([]int32, 0, len(nodes))
	order = append(order, 0)
	for q := 0; q < len(order); q++ {
		u := order[q]
		for c := range nc {
			v := next[int(u)*nc+c]
			if v >= 0 {
				if u == 0 {
					nodes[v].fail = 0
				} else {
					nodes[v].fail = next[int(nodes[u].fail)*nc+c]
				}
				order = append(order, v)
				continue
			}
			if u == 0 {
				next[c] = 0
			} else {
				next[int(u)*nc+c] = next[int(nodes[u].fail)*nc+c]
			}
		}
		if u != 0 {
			// Dictionary suffix links, materialised: a state outputs its
			// own keywords and those of its failure state, computed
			// earlier because the failure state is shallower.
			f := nodes[u].fail
			if len(nodes[f].kws) > 0 {
				kws := append(slices.Clone(nodes[u].kws), nodes[f].kws...)
				slices.Sort(kws)
				nodes[u].kws = kws
			}
		}
	}
	rank := make([]uint32, len(nodes))
	for i, u := range order {
		rank[u] = uint32(i)
	}
	value := make([]uint32, len(nodes)) // transition value into each node
	m.outStart = make([]uint32, len(nodes)+1)
	for i, u := range order {
		var g uint8
		for _, k := range nodes[u].kws {
			g |= groups[k]
		}
		v := rank[u] * uint32(nc)
		if len(nodes[u].kws) > 0 {
			v |= outFlag | uint32(g)<<groupShift
		}
		value[u] = v
		m.outKw = append(m.outKw, nodes[u].kws...)
		m.outStart[i+1] = uint32(len(m.outKw))
	}
	m.stride = uint32(nc)
	m.kwLen = make([]int32, len(keywords))
	for i, k := range keywords {
		m.kwLen[i] = int32(len(k))
	}
	m.depthStart = make([]uint32, m.maxLen+2)
	for d := range m.depthStart {
		m.depthStart[d] = uint32(len(order) * nc)
	}
	for i := len(order) - 1; i >= 0; i-- {
		for d := 0; d <= nodes[order[i]].depth; d++ {
			m.depthStart[d] = uint32(i * nc)
		}
	}
	m.trans = make([]uint32, len(nodes)*nc)
	for i, u := range order {
		for c := range nc {
			m.trans[i*nc+c] = value[next[int(u)*nc+c]]
		}
	}
	return m, nil
}

func fold(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Len returns the number of keywords given to New.
func (m *Matcher) Len() int { return m.n }

// MaxLen returns the length of the longest keyword.
func (m *Matcher) MaxLen() int { return m.maxLen }

// streams returns how many interleaved streams to walk an input of n
// bytes in. The thresholds come from BenchmarkAny on 2-core x86-64.
func streams(n int) int {
	switch {
	case n >= minStreams4:
		return 4
	case n >= minStreams2:
		return 2
	}
	return 1
}

const (
	minStreams2 = 24
	minStreams4 = 48
)

// Any reports whether s contains a keyword whose group mask intersects mask.
// It stops at the first such keyword and never allocates.
func (m *Matcher) Any(s string, mask uint8) bool {
	if mask == 0 || len(s) == 0 {
		return false
	}
	mb := uint32(mask) << groupShift
	switch streams(len(s)) {
	case 4:
		return m.any4(s, mb)
	case 2:
		return m.any2(s, mb)
	}
	_, hit := m.any1(s, 0, mb)
	return hit
}

// any1 walks s from state st and reports whether a transition carried a
// group in mb, with the state reached.
func (m *Matcher) any1(s string, st uint32, mb uint32) (uint32, bool) {
	trans, class := m.trans, &m.class
	for i := 0; i < len(s); i++ {
		t := trans[st+uint32(class[s[i]])]
		if t&mb != 0 {
			return 0, true
		}
		st = t & stateMask
	}
	return st, false
}

// Streams. s is cut into k equal chunks (the last one takes the remainder)
// walked in lock step, each from the root. A stream started at the root
// finds exactly the occurrences that begin inside its chunk; the ones that
// straddle a seam are found by walking on the previous stream's final state
// past the seam until it is no deeper than the distance walked: from there on
// it equals the state of the next stream, which has already seen the rest.
// On log text the previous stream is usually at the root or one step from
// it, so a seam costs a byte or two instead of a keyword length.

// seamAny walks s from offset seam in state st until st is shallow enough
// to coincide with the stream that started at seam.
func (m *Matcher) seamAny(s string, seam int, st uint32, mb uint32) bool {
	trans, class, ds := m.trans, &m.class, m.depthStart
	for d := 0; seam+d < len(s) && d+1 < len(ds) && st >= ds[d+1]; d++ {
		t := trans[st+uint32(class[s[seam+d]])]
		if t&mb != 0 {
			return true
		}
		st = t & stateMask
	}
	return false
}

func (m *Matcher) any2(s string, mb uint32) bool {
	c := len(s) / 2
	a0, a1 := s[:c], s[c:]
	trans, class := m.trans, &m.class
	var st0, st1 uint32
	b1 := a1[:len(a0)]
	for j := 0; j < len(a0); j++ {
		t0 := trans[st0+uint32(class[a0[j]])]
		t1 := trans[st1+uint32(class[b1[j]])]
		if (t0|t1)&mb != 0 {
			return true
		}
		st0, st1 = t0&stateMask, t1&stateMask
	}
	if _, hit := m.any1(a1[c:], st1, mb); hit {
		return true
	}
	return m.seamAny(s, c, st0, mb)
}

func (m *Matcher) any4(s string, mb uint32) bool {
	c := len(s) / 4
	a0, a1, a2, a3 := s[:c], s[c:2*c], s[2*c:3*c], s[3*c:]
	trans, class := m.trans, &m.class
	var st0, st1, st2, st3 uint32
	b1, b2, b3 := a1[:len(a0)], a2[:len(a0)], a3[:len(a0)]
	for j := 0; j < len(a0); j++ {
		t0 := trans[st0+uint32(class[a0[j]])]
		t1 := trans[st1+uint32(class[b1[j]])]
		t2 := trans[st2+uint32(class[b2[j]])]
		t3 := trans[st3+uint32(class[b3[j]])]
		if (t0|t1|t2|t3)&mb != 0 {
			return true
		}
		st0, st1, st2, st3 = t0&stateMask, t1&stateMask, t2&stateMask, t3&stateMask
	}
	if _, hit := m.any1(a3[c:], st3, mb); hit {
		return true
	}
	return m.seamAny(s, c, st0, mb) || m.seamAny(s, 2*c, st1, mb) || m.seamAny(s, 3*c, st2, mb)
}

// AppendHits appends every occurrence of every keyword in s to dst, ordered
// by End and, for equal End, by keyword index, and returns the extended
// slice. It allocates only to grow dst. Offsets are int32: s must be
// shorter than 2 GiB.
func (m *Matcher) AppendHits(dst []Hit, s string) []Hit {
	switch streams(len(s)) {
	case 4:
		return m.hits4(dst, s)
	case 2:
		return m.hits2(dst, s)
	}
	dst, _ = m.hits1(dst, s, 0, 0)
	return dst
}

// emit appends the keywords of the premultiplied state st, ending at end.
func (m *Matcher) emit(dst []Hit, st uint32, end int) []Hit {
	i := st / m.stride
	for _, k := range m.outKw[m.outStart[i]:m.outStart[i+1]] {
		dst = append(dst, Hit{Keyword: k, End: int32(end)})
	}
	return dst
}

// hits1 walks s, which starts at offset base of the whole input, from state
// st and appends the hits.
func (m *Matcher) hits1(dst []Hit, s string, base int, st uint32) ([]Hit, uint32) {
	trans, class := m.trans, &m.class
	for i := 0; i < len(s); i++ {
		t := trans[st+uint32(class[s[i]])]
		st = t & stateMask
		if t&outFlag != 0 {
			dst = m.emit(dst, st, base+i+1)
		}
	}
	return dst, st
}

// seamHits is seamAny for AppendHits: it appends the occurrences that begin
// before seam, which the stream starting at seam cannot see.
func (m *Matcher) seamHits(dst []Hit, s string, seam int, st uint32) []Hit {
	trans, class, ds := m.trans, &m.class, m.depthStart
	for d := 0; seam+d < len(s) && d+1 < len(ds) && st >= ds[d+1]; d++ {
		t := trans[st+uint32(class[s[seam+d]])]
		st = t & stateMask
		if t&outFlag != 0 {
			i := st / m.stride
			end := seam + d + 1
			for _, k := range m.outKw[m.outStart[i]:m.outStart[i+1]] {
				if end-int(m.kwLen[k]) < seam {
					dst = append(dst, Hit{Keyword: k, End: int32(end)})
				}
			}
		}
	}
	return dst
}

func (m *Matcher) hits2(dst []Hit, s string) []Hit {
	base := len(dst)
	c := len(s) / 2
	a0, a1 := s[:c], s[c:]
	trans, class := m.trans, &m.class
	var st0, st1 uint32
	b1 := a1[:len(a0)]
	for j := 0; j < len(a0); j++ {
		t0 := trans[st0+uint32(class[a0[j]])]
		t1 := trans[st1+uint32(class[b1[j]])]
		st0, st1 = t0&stateMask, t1&stateMask
		if (t0|t1)&outFlag != 0 {
			if t0&outFlag != 0 {
				dst = m.emit(dst, st0, j+1)
			}
			if t1&outFlag != 0 {
				dst = m.emit(dst, st1, c+j+1)
			}
		}
	}
	dst, _ = m.hits1(dst, a1[c:], 2*c, st1)
	dst = m.seamHits(dst, s, c, st0)
	return sortHits(dst, base)
}

func (m *Matcher) hits4(dst []Hit, s string) []Hit {
	base := len(dst)
	c := len(s) / 4
	a0, a1, a2, a3 := s[:c], s[c:2*c], s[2*c:3*c], s[3*c:]
	trans, class := m.trans, &m.class
	var st0, st1, st2, st3 uint32
	b1, b2, b3 := a1[:len(a0)], a2[:len(a0)], a3[:len(a0)]
	for j := 0; j < len(a0); j++ {
		t0 := trans[st0+uint32(class[a0[j]])]
		t1 := trans[st1+uint32(class[b1[j]])]
		t2 := trans[st2+uint32(class[b2[j]])]
		t3 := trans[st3+uint32(class[b3[j]])]
		st0, st1, st2, st3 = t0&stateMask, t1&stateMask, t2&stateMask, t3&stateMask
		if (t0|t1|t2|t3)&outFlag != 0 {
			if t0&outFlag != 0 {
				dst = m.emit(dst, st0, j+1)
			}
			if t1&outFlag != 0 {
				dst = m.emit(dst, st1, c+j+1)
			}
			if t2&outFlag != 0 {
				dst = m.emit(dst, st2, 2*c+j+1)
			}
			if t3&outFlag != 0 {
				dst = m.emit(dst, st3, 3*c+j+1)
			}
		}
	}
	dst, _ = m.hits1(dst, a3[c:], 4*c, st3)
	dst = m.seamHits(dst, s, c, st0)
	dst = m.seamHits(dst, s, 2*c, st1)
	dst = m.seamHits(dst, s, 3*c, st2)
	return sortHits(dst, base)
}

// sortHits restores the End order of dst[base:], which lock-step streams
// interleave. (End, Keyword) is a total order on hits, so an unstable sort
// is deterministic and matches the order of a single stream.
func sortHits(dst []Hit, base int) []Hit {
	h := dst[base:]
	for i := 1; i < len(h); i++ {
		if h[i].End < h[i-1].End || h[i].End == h[i-1].End && h[i].Keyword < h[i-1].Keyword {
			slices.SortFunc(h, func(a, b Hit) int {
				if a.End != b.End {
					return int(a.End - b.End)
				}
				return int(a.Keyword - b.Keyword)
			})
			break
		}
	}
	return dst
}
