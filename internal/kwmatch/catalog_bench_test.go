package kwmatch

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/logredact/logredact/bench/loggen"
	"github.com/logredact/logredact/patterns"
)

// Group bits as package redact uses them.
const (
	catPattern uint8 = 1 << iota
	catKey
)

// catalogKeywords returns the keyword set package redact builds from the
// built-in catalog: every pattern keyword, and the last words of the
// default sensitive key names (the key group; all but "key" also flag text,
// as in redact's keyGroups).
func catalogKeywords() ([]string, []uint8) {
	var kws []string
	var groups []uint8
	seen := map[string]int{}
	add := func(k string, g uint8) {
		k = strings.ToLower(k)
		if i, ok := seen[k]; ok {
			groups[i] |= g
			return
		}
		seen[k] = len(kws)
		kws = append(kws, k)
		groups = append(groups, g)
	}
	for _, p := range patterns.Builtin() {
		for _, k := range p.Keywords {
			add(k, catPattern)
		}
	}
	for _, w := range strings.Fields(`password passwd pwd pass passphrase pgpassword
		secret token value credential credentials creds authorization apikey auth
		cookie session sessionid jsessionid phpsessid ticket signature sid
		identified sshpass redis-cli`) {
		add(w, catKey|catPattern)
	}
	add("key", catKey)
	return kws, groups
}

// catalogStream returns n bytes of the loggen stream the filter benchmarks
// use, split into the lines holding no keyword of mask and the others.
func catalogStream(m *Matcher, n int, mask uint8) (clean []byte, cleanLines, flagged int) {
	s := loggen.Stream(20261127, 0.01, n)
	for len(s) > 0 {
		i := bytes.IndexByte(s, '\n')
		line := s[:i+1]
		s = s[i+1:]
		if m.Any(string(line), mask) {
			flagged++
			continue
		}
		cleanLines++
		clean = append(clean, line...)
	}
	return clean, cleanLines, flagged
}

// BenchmarkCatalog runs the matcher built from the built-in catalog over
// the clean lines of the filter benchmark's stream, as one block and line
// by line, and reports the automaton's size.
func BenchmarkCatalog(b *testing.B) {
	kws, groups := catalogKeywords()
	m, err := New(kws, groups)
	if err != nil {
		b.Fatal(err)
	}
	st := m.stats()
	b.Logf("%d keywords, %d states, %d classes, table %d KiB", len(kws), st.States, st.Classes, st.TableBytes>>10)
	clean, nClean, nFlagged := catalogStream(m, 4<<20, catPattern|catKey)
	b.Logf("lines: %d clean, %d hold a keyword (%.1f%%)", nClean, nFlagged, 100*float64(nFlagged)/float64(nClean+nFlagged))
	s := string(clean)
	lines := strings.SplitAfter(s, "\n")
	b.Run("block/Any", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			if m.Any(s, catPattern|catKey) {
				b.Fatal("hit")
			}
		}
	})
	b.Run("block/AppendHits", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		var h []Hit
		for b.Loop() {
			h = m.AppendHits(h[:0], s)
		}
	})
	all := string(loggen.Stream(20261127, 0.01, 4<<20))
	b.Run("stream/CleanLines", func(b *testing.B) {
		b.SetBytes(int64(len(all)))
		for b.Loop() {
			for s := all; len(s) > 0; {
				s = s[m.CleanLines(s, catPattern|catKey):]
				if i := strings.IndexByte(s, '\n'); i >= 0 {
					s = s[i+1:]
				} else {
					s = ""
				}
			}
		}
	})
	b.Run("lines/Any", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			for _, l := range lines {
				m.Any(l, catPattern|catKey)
			}
		}
	})
}

type matcherStats struct{ States, Classes, TableBytes int }

func (m *Matcher) stats() matcherStats {
	return matcherStats{
		States:     len(m.trans) / int(m.stride),
		Classes:    int(m.stride),
		TableBytes: len(m.trans) * 4,
	}
}

// BenchmarkStreams compares one stream with four on short clean inputs of
// the built-in catalog: it is where minStreams4 comes from.
func BenchmarkStreams(b *testing.B) {
	kws, groups := catalogKeywords()
	m, err := New(kws, groups)
	if err != nil {
		b.Fatal(err)
	}
	clean, _, _ := catalogStream(m, 1<<20, catPattern|catKey)
	mb := uint32(catPattern|catKey) << groupShift
	for _, n := range []int{16, 24, 32, 40, 48, 64, 75, 150} {
		var ss [64]string
		for i := range ss {
			ss[i] = string(clean[i*997 : i*997+n])
		}
		b.Run(fmt.Sprintf("%d/1", n), func(b *testing.B) {
			b.SetBytes(int64(n))
			for i := 0; b.Loop(); i++ {
				m.any1(ss[i&63], 0, mb)
			}
		})
		b.Run(fmt.Sprintf("%d/4", n), func(b *testing.B) {
			b.SetBytes(int64(n))
			for i := 0; b.Loop(); i++ {
				m.any4(ss[i&63], mb)
			}
		})
	}
}
