package structval

import (
	"strings"
	"sync/atomic"
)

// textSlots is the number of clean texts a texts cache can remember.
const textSlots = 1024

// maxCachedText bounds the texts worth remembering: log messages and
// short values that repeat ("GET", "admin", "request handled").
const maxCachedText = 128

// texts remembers short texts found clean, so a message or value logged
// again costs a comparison instead of a scan. Log messages are mostly
// constants of the program, and many values repeat (methods, roles,
// states). It is exact: a text is only ever answered from the cache when
// it equals, byte for byte, a text the Redactor found clean, and the
// Redactor is immutable. It only fills empty slots, with a copy of the
// text, so it allocates at most textSlots times in its life and a text
// that was clean once stays in its slot (each text has two candidate
// slots); texts holding a secret are never
// kept (the observer hears of each one).
type texts struct {
	slots [textSlots]atomic.Pointer[string]
}

// textHash mixes the length and up to 16 bytes from the ends of s.
func textHash(s string) uint64 {
	h := (uint64(len(s)) ^ ends(s)) * 0x9e3779b97f4a7c15
	return h ^ h>>31
}

// Text returns s redacted as [redact.Redactor.String] does, answering
// from a cache of clean short texts. Use it for texts that repeat: log
// messages, logger names, short field values.
func (w *Walker) Text(s string) string {
	if len(s) == 0 {
		return s
	}
	if len(s) > maxCachedText {
		return w.r.String(s)
	}
	// Two candidate slots, so that two hot texts that hash to one slot
	// both find a place.
	h := textHash(s)
	a, b := &w.texts.slots[h%textSlots], &w.texts.slots[(h>>32)%textSlots]
	if p := a.Load(); p != nil && *p == s {
		return s
	}
	if p := b.Load(); p != nil && *p == s {
		return s
	}
	red := w.r.String(s)
	if red == s {
		for _, slot := range [2]*atomic.Pointer[string]{a, b} {
			if slot.Load() == nil {
				c := strings.Clone(s)
				if slot.CompareAndSwap(nil, &c) {
					break
				}
			}
		}
	}
	return red
}
