package logredactprocessor

import (
	"strings"
	"sync"
)

// maxCachedKeys bounds the key cache. Attribute keys come from a small,
// stable set in practice; past the bound (keys built from ids, say) keys are
// classified on every use, as without a cache.
const maxCachedKeys = 4096

// keyCache remembers, per attribute key, whether it is a sensitive name.
// Classifying a key costs two scans (the key-name normalisation and the
// patterns, since a key may itself hold a secret), more than a map lookup,
// and the same few dozen keys occur on every record.
//
// Only keys that hold no secret are cached, as copies: the cache never
// keeps a secret nor pins the memory of a batch.
type keyCache struct {
	mu sync.RWMutex
	m  map[string]bool // key → sensitive
}

// classify reports whether k is a sensitive key name and whether k itself
// holds a secret.
func (w *walker) classify(k string) (sensitive, secret bool) {
	c := &w.keys
	c.mu.RLock()
	sensitive, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return sensitive, false
	}
	sensitive = w.r.IsSensitiveKey(k)
	if w.r.String(k) != k {
		return sensitive, true
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = make(map[string]bool)
	}
	if len(c.m) < maxCachedKeys {
		c.m[strings.Clone(k)] = sensitive
	}
	c.mu.Unlock()
	return sensitive, false
}
