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
//     of a few dozen bytes and more are cut into four streams walked
//     in lock step, which hides most of that latency; occurrences across a
//     seam are recovered by walking the previous stream on until it
//     coincides with the next one (see any4).
//   - The lock-step loops are bound by the number of instructions per byte
//     once the latency is hidden, so they are written to keep every state in
//     a register (see scan.go): the class table and the transitions share
//     one block addressed from one base pointer, loads are not bounds
//     checked (every value the automaton can produce indexes the block, by
//     construction), and [Matcher.Any] tests for a keyword once per run of
//     64 steps instead of once per byte.
package kwmatch

import (
	"errors"
	"fmt"
	"slices"
	"unsafe"
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
	// tab is the one block the scan loops read: classWords words holding
	// the byte -> class table (ASCII upper case maps as lower case), then
	// the transitions, which trans is a view of.
	tab    []uint32
	trans  []uint32 // premultiplied state + class -> transition value
	stride uint32   // number of classes
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
	nlKeyword  bool // some keyword contains '\n' (see CleanLines)
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
	var class [256]uint8

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
	m.nlKeyword = used['\n']
	nc := 1
	for b := range 256 {
		if used[b] {
			class[b] = uint8(nc)
			nc++
		}
	}
	for b := 'A'; b <= 'Z'; b++ {
		class[b] = class[b+'a'-'A']
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
	// The tables are sized once: growing them node by node costs more
	// than the rest of New for a catalog of a thousand keywords.
	count := trieNodes(keywords)
	nodes := make([]node, 1, count)
	next := make([]int32, count*nc)
	for i := range next {
		next[i] = -1
	}
	for i, k := range keywords {
		cur := int32(0)
		for j := 0; j < len(k); j++ {
			c := int(class[k[j]])
			nx := next[int(cur)*nc+c]
			if nx < 0 {
				nx = int32(len(nodes))
				nodes = append(nodes, node{depth: j + 1})
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
		row := next[int(u)*nc : int(u)*nc+nc]
		// The failure state's row is complete: it is shallower. The
		// root's own row stands in for it at the root, whose missing
		// edges lead back to the root.
		frow := next[int(nodes[u].fail)*nc : int(nodes[u].fail)*nc+nc]
		for c, v := range row {
			if v >= 0 {
				if u == 0 {
					nodes[v].fail = 0
				} else {
					nodes[v].fail = frow[c]
				}
				order = append(order, v)
				continue
			}
			if u == 0 {
				row[c] = 0
			} else {
				row[c] = frow[c]
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
	m.tab = make([]uint32, classWords+len(nodes)*nc)
	copy(unsafe.Slice((*byte)(unsafe.Pointer(&m.tab[0])), 256), class[:])
	m.trans = m.tab[classWords:]
	for i, u := range order {
		out := m.trans[i*nc : i*nc+nc]
		for c, v := range next[int(u)*nc : int(u)*nc+nc] {
			out[c] = value[v]
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

// trieNodes is the number of nodes of the trie of the keywords, folded to
// lower case, the root included: each keyword in sorted order adds the
// bytes it does not share with the one before.
func trieNodes(keywords []string) int {
	folded := make([]string, len(keywords))
	for i, k := range keywords {
		b := []byte(k)
		for j, c := range b {
			b[j] = fold(c)
		}
		folded[i] = string(b)
	}
	slices.Sort(folded)
	n, prev := 1, ""
	for _, k := range folded {
		common := 0
		for common < len(k) && common < len(prev) && k[common] == prev[common] {
			common++
		}
		n += len(k) - common
		prev = k
	}
	return n
}
