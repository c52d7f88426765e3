package structval

import (
	"encoding/binary"
	"strings"
	"sync/atomic"
	"unsafe"

	"github.com/logredact/logredact/redact"
)

// keyCacheSize is the number of keys a Keys cache can remember.
const keyCacheSize = 256

// maxCachedKey bounds the keys worth remembering: attribute keys are short
// names, and longer text is likelier to be data than a name.
const maxCachedKey = 64

// Keys remembers, for clean keys, their tier. Field keys are few and repeat
// on every record, while checking one means two prefilter scans (patterns,
// then sensitive names). It only ever fills empty slots, so it allocates at
// most keyCacheSize times in its life, and it compares whole keys, so a
// collision costs a check, never a wrong answer. Keys holding a secret are
// never kept: they are rare, and the observer must hear of each one.
type Keys struct {
	r     *redact.Redactor
	slots [keyCacheSize]atomic.Pointer[keyEntry]
}

type keyEntry struct {
	key  string
	tier redact.KeyTier
}

// keyHash spreads keys over the slots. It reads the length and at most
// the first and the last 8 bytes, which tell short names apart, with two
// loads: a collision only means one of the keys is checked afresh.
func keyHash(k string) uint64 {
	return (uint64(len(k)) ^ ends(k)) * 0x9e3779b97f4a7c15
}

// ends returns the first and the last (up to) 8 bytes of s mixed into one
// word.
func ends(s string) uint64 {
	if len(s) >= 8 {
		// A view, only read; the compiler turns each into one load.
		b := unsafe.Slice(unsafe.StringData(s), len(s))
		first := binary.LittleEndian.Uint64(b)
		last := binary.LittleEndian.Uint64(b[len(b)-8:])
		return first ^ (last * 0xff51afd7ed558ccd)
	}
	var h uint64
	for i := 0; i < len(s); i++ {
		h = h<<8 | uint64(s[i])
	}
	return h
}

// Key returns key redacted and the tier of the result. It allocates only
// for keys seen the first time or holding a secret.
func (c *Keys) Key(key string) (string, redact.KeyTier) {
	if len(key) > maxCachedKey {
		red := c.r.String(key)
		return red, c.r.KeyTier(red)
	}
	// Two candidate slots (the top bits of the hash, then the next
	// ones), so that two keys that share one both find a place.
	h := keyHash(key)
	a, b := &c.slots[(h>>56)%keyCacheSize], &c.slots[(h>>48)%keyCacheSize]
	if ke := a.Load(); ke != nil && ke.key == key {
		return key, ke.tier
	}
	if ke := b.Load(); ke != nil && ke.key == key {
		return key, ke.tier
	}
	red := c.r.String(key)
	tier := c.r.KeyTier(red)
	if red == key {
		for _, slot := range [2]*atomic.Pointer[keyEntry]{a, b} {
			if slot.Load() == nil && slot.CompareAndSwap(nil, &keyEntry{key: strings.Clone(key), tier: tier}) {
				break
			}
		}
	}
	return red, tier
}
