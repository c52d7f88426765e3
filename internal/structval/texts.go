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
// that was clean once stays in its slot; texts holding a secret are never
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
	slot := &w.texts.slots[textHash(s)%textSlots]
	if p := slot.Load(); p != nil && *p == s {
		return s
	}
	red := w.r.String(s)
	if red == s && slot.Load() == nil {
		c := strings.Clone(s)
		slot.CompareAndSwap(nil, &c)
	}
	return red
}
