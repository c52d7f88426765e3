package kwmatch

import (
	"slices"
	"unsafe"
)

// The scan loops. They read m.tab through one base pointer without bounds
// checks; this is safe because of how New builds the block:
//
//   - the first classBytes bytes are the class table, indexed by a byte, so
//     every index 0..255 is inside it;
//   - every class is below m.stride and every state, the root included, is
//     a multiple of m.stride below len(m.trans), and a transition value
//     masked with stateMask is such a state, so state+class indexes
//     m.trans, which follows the class table.
//
// Input bytes are read at offsets the loops bound by the length of s.

const (
	classBytes = 256
	classWords = classBytes / 4
)

// base returns the address of m.tab for the scan loops.
func (m *Matcher) base() unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(m.tab)) }

// classAt returns the class of the input byte at p+i.
func classAt(base, p unsafe.Pointer, i int) uint32 {
	return uint32(*(*uint8)(unsafe.Add(base, *(*uint8)(unsafe.Add(p, i)))))
}

// step returns the transition value from the premultiplied state st on
// class c.
func step(base unsafe.Pointer, st, c uint32) uint32 {
	return *(*uint32)(unsafe.Add(base, classBytes+uintptr(st+c)*4))
}

// streams returns how many interleaved streams to walk an input of n
// bytes in: one below minStreams4, four from there. The threshold comes
// from BenchmarkStreams on 2-core x86-64, where two streams were never
// faster than the better of one and four.
func streams(n int) int {
	if n >= minStreams4 {
		return 4
	}
	return 1
}

const minStreams4 = 40

// run is how many lock-step steps [Matcher.Any] takes between two tests
// for a qualifying keyword: the transition values of a run are or-ed
// together and tested once. It is even, as the loops take two steps at a
// time.
const run = 64

// Any reports whether s contains a keyword whose group mask intersects mask.
// It stops soon after the first such keyword and never allocates.
func (m *Matcher) Any(s string, mask uint8) bool {
	if mask == 0 || len(s) == 0 {
		return false
	}
	mb := uint32(mask) << groupShift
	if streams(len(s)) == 4 {
		return m.any4(s, mb)
	}
	_, hit := m.any1(s, 0, mb)
	return hit
}

// any1 walks s from state st and reports whether a transition carried a
// group in mb, with the state reached.
func (m *Matcher) any1(s string, st uint32, mb uint32) (uint32, bool) {
	base := m.base()
	p := unsafe.Pointer(unsafe.StringData(s))
	for i := range len(s) {
		t := step(base, st, classAt(base, p, i))
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
	base, ds := m.base(), m.depthStart
	p := unsafe.Pointer(unsafe.StringData(s))
	for d := 0; seam+d < len(s) && d+1 < len(ds) && st >= ds[d+1]; d++ {
		t := step(base, st, classAt(base, p, seam+d))
		if t&mb != 0 {
			return true
		}
		st = t & stateMask
	}
	return false
}

func (m *Matcher) any4(s string, mb uint32) bool {
	c := len(s) / 4 &^ 1
	base := m.base()
	st0, st1, st2, st3, hit := walk4(base, unsafe.Pointer(unsafe.StringData(s)), c, mb)
	if hit {
		return true
	}
	if _, hit := m.any1(s[4*c:], st3, mb); hit {
		return true
	}
	return m.seamAny(s, c, st0, mb) || m.seamAny(s, 2*c, st1, mb) || m.seamAny(s, 3*c, st2, mb)
}

// walk4 walks the streams p[0:c], p[c:2c], p[2c:3c] and p[3c:4c] in lock
// step from the root, c even, and returns their final states, or hit when
// a transition value carried a bit of mb. It is a function of its own, two
// steps a round, and addresses the four streams from one pointer so that
// every value of the loop stays in a register.
func walk4(base, p unsafe.Pointer, c int, mb uint32) (st0, st1, st2, st3 uint32, hit bool) {
	for j := 0; j < c; {
		n := min(c, j+run)
		var acc uint32
		for ; j < n; j += 2 {
			q := unsafe.Add(p, j)
			t0 := step(base, st0, classAt(base, q, 0))
			t1 := step(base, st1, classAt(base, q, c))
			t2 := step(base, st2, classAt(base, q, 2*c))
			t3 := step(base, st3, classAt(base, q, 3*c))
			acc |= t0 | t1 | t2 | t3
			t0 = step(base, t0&stateMask, classAt(base, q, 1))
			t1 = step(base, t1&stateMask, classAt(base, q, c+1))
			t2 = step(base, t2&stateMask, classAt(base, q, 2*c+1))
			t3 = step(base, t3&stateMask, classAt(base, q, 3*c+1))
			acc |= t0 | t1 | t2 | t3
			st0, st1, st2, st3 = t0&stateMask, t1&stateMask, t2&stateMask, t3&stateMask
		}
		if acc&mb != 0 {
			return 0, 0, 0, 0, true
		}
	}
	return st0, st1, st2, st3, false
}

// AppendHits appends every occurrence of every keyword in s to dst, ordered
// by End and, for equal End, by keyword index, and returns the extended
// slice. It allocates only to grow dst. Offsets are int32: s must be
// shorter than 2 GiB.
func (m *Matcher) AppendHits(dst []Hit, s string) []Hit {
	if streams(len(s)) == 4 {
		return m.hits4(dst, s)
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
func (m *Matcher) hits1(dst []Hit, s string, off int, st uint32) ([]Hit, uint32) {
	base := m.base()
	p := unsafe.Pointer(unsafe.StringData(s))
	for i := range len(s) {
		t := step(base, st, classAt(base, p, i))
		st = t & stateMask
		if t&outFlag != 0 {
			dst = m.emit(dst, st, off+i+1)
		}
	}
	return dst, st
}

// seamHits is seamAny for AppendHits: it appends the occurrences that begin
// before seam, which the stream starting at seam cannot see.
func (m *Matcher) seamHits(dst []Hit, s string, seam int, st uint32) []Hit {
	base, ds := m.base(), m.depthStart
	p := unsafe.Pointer(unsafe.StringData(s))
	for d := 0; seam+d < len(s) && d+1 < len(ds) && st >= ds[d+1]; d++ {
		t := step(base, st, classAt(base, p, seam+d))
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

func (m *Matcher) hits4(dst []Hit, s string) []Hit {
	first := len(dst)
	c := len(s) / 4
	base := m.base()
	p := unsafe.Pointer(unsafe.StringData(s))
	var st0, st1, st2, st3, out uint32
	for j := 0; j < c; j++ {
		j, st0, st1, st2, st3, out = walkHits4(base, p, c, j, st0, st1, st2, st3)
		if out&1 != 0 {
			dst = m.emit(dst, st0, j+1)
		}
		if out&2 != 0 {
			dst = m.emit(dst, st1, c+j+1)
		}
		if out&4 != 0 {
			dst = m.emit(dst, st2, 2*c+j+1)
		}
		if out&8 != 0 {
			dst = m.emit(dst, st3, 3*c+j+1)
		}
	}
	dst, _ = m.hits1(dst, s[4*c:], 4*c, st3)
	dst = m.seamHits(dst, s, c, st0)
	dst = m.seamHits(dst, s, 2*c, st1)
	dst = m.seamHits(dst, s, 3*c, st2)
	return sortHits(dst, first)
}

// walkHits4 walks the four streams of c bytes from p, p+c, p+2c and p+3c
// in lock step from step j in the given states, up to the first step into
// a state where a keyword ends. It returns that step (c when there is none),
// the states after it and a bit per stream that entered such a state.
// Keeping the walk apart from the appending keeps its values in registers.
func walkHits4(base, p unsafe.Pointer, c, j int, st0, st1, st2, st3 uint32) (int, uint32, uint32, uint32, uint32, uint32) {
	for ; j < c; j++ {
		q := unsafe.Add(p, j)
		t0 := step(base, st0, classAt(base, q, 0))
		t1 := step(base, st1, classAt(base, q, c))
		t2 := step(base, st2, classAt(base, q, 2*c))
		t3 := step(base, st3, classAt(base, q, 3*c))
		st0, st1, st2, st3 = t0&stateMask, t1&stateMask, t2&stateMask, t3&stateMask
		if (t0|t1|t2|t3)&outFlag != 0 {
			out := t0>>stateBits&1 | t1>>stateBits&1<<1 | t2>>stateBits&1<<2 | t3>>stateBits&1<<3
			return j, st0, st1, st2, st3, out
		}
	}
	return c, st0, st1, st2, st3, 0
}

// sortHits restores the End order of dst[first:], which lock-step streams
// interleave. (End, Keyword) is a total order on hits, so an unstable sort
// is deterministic and matches the order of a single stream.
func sortHits(dst []Hit, first int) []Hit {
	h := dst[first:]
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
