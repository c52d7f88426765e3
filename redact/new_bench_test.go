package redact

import (
	"strings"
	"sync"
	"testing"
)

// coldStart forgets what New caches per process, so that a benchmark sees
// the cost of the first New of a program.
func coldStart() {
	lazyPatterns.Clear()
	matchers.Clear()
	regexCache.Clear()
	planCache.Clear()
	builtinPatterns = sync.OnceValue(makeBuiltinPatterns)
}

// BenchmarkNewCold is the first New of a process: the built-in catalog
// turned into lazy patterns and the prefilter built. No regexp is
// compiled.
func BenchmarkNewCold(b *testing.B) {
	for b.Loop() {
		coldStart()
		MustNew()
	}
}

// BenchmarkNew is New with every built-in pattern, as a program's second
// and later Redactors see it: the catalog and the prefilter are shared.
func BenchmarkNew(b *testing.B) {
	MustNew()
	b.ReportAllocs()
	for b.Loop() {
		MustNew()
	}
}

// TestLazyCompileConcurrent: goroutines that fire the same not yet
// compiled patterns at once all get the compiled form (run with -race).
func TestLazyCompileConcurrent(t *testing.T) {
	coldStart()
	r := MustNew()
	in := "token=ghp_" + strings.Repeat("a1B2", 9) + " password=" + strings.Repeat("q7", 8)
	var wg sync.WaitGroup
	outs := make([]string, 8)
	for i := range outs {
		wg.Go(func() { outs[i] = r.String(in) })
	}
	wg.Wait()
	for _, o := range outs {
		if o != outs[0] || strings.Contains(o, "a1B2a1B2") {
			t.Fatalf("lazy compile raced: %q vs %q", o, outs[0])
		}
	}
}
