package zerologredact

import (
	"encoding/binary"
	"math/bits"
	"sync"
)

// lastClean remembers the last clean event a Writer's fast path saw, so
// that the next one is scanned only from where it stops repeating it. One
// logger's events share their start: zerolog writes the level first, then
// the fields of the logger's context (With), then the event's own, and a
// logger that repeats itself repeats whole events. Those bytes were found
// clean once and are not scanned again (see [redact.Redactor.CleanLinesFrom]).
//
// It is a best effort that never waits: a write that finds it in use by
// another goroutine scans its event whole, and events longer than the
// buffer are not remembered. It costs a comparison of the two events,
// which is several times cheaper per byte than the scan it saves.
type lastClean struct {
	mu sync.Mutex
	n  int
	b  [lastCleanMax]byte
}

// lastCleanMax bounds the remembered event: zerolog events are mostly
// shorter, and a longer one gains less from skipping its start.
const lastCleanMax = 1024

// clean reports whether p, one or more whole lines, holds nothing to
// redact, as cleanFrom (r.CleanLinesFrom) decides.
func (lc *lastClean) clean(p []byte, cleanFrom func([]byte, int) int) bool {
	if len(p) > len(lc.b) || !lc.mu.TryLock() {
		return cleanFrom(p, 0) == len(p)
	}
	defer lc.mu.Unlock()
	prev := lc.b[:lc.n]
	same := commonPrefix(prev, p)
	if same == len(p) && same == len(prev) {
		return true // the last clean event again
	}
	// CleanLinesFrom trusts a prefix of one clean line only.
	for i, c := range p[:same] {
		if c == '\n' {
			same = i
			break
		}
	}
	if cleanFrom(p, same) != len(p) {
		return false
	}
	lc.n = copy(lc.b[:], p)
	return true
}

// commonPrefix returns the length of the longest common prefix of a and b,
// comparing eight bytes at a time.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for ; i+8 <= n; i += 8 {
		if x := binary.LittleEndian.Uint64(a[i:]) ^ binary.LittleEndian.Uint64(b[i:]); x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}
