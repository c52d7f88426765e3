package redact

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/internal/race"
	"github.com/logredact/logredact/patterns"
)

// adversarial inputs for the linear-time guarantee: each makes a naive
// confirm step rescan the rest of the input from every keyword hit.
type adversary struct {
	name string
	r    func(testing.TB) *Redactor
	gen  func(r *Redactor, n int) string
}

func builtinRedactor(tb testing.TB) *Redactor {
	tb.Helper()
	r, err := New()
	require.NoError(tb, err)
	return r
}

func repeatTo(unit string, n int) string {
	return strings.Repeat(unit, n/len(unit)+1)[:n]
}

var adversaries = []adversary{
	{"auth=", builtinRedactor, func(_ *Redactor, n int) string { return repeatTo("auth=", n) }},
	{"password=", builtinRedactor, func(_ *Redactor, n int) string { return repeatTo("password=", n) }},
	{"pem-header", builtinRedactor, func(_ *Redactor, n int) string {
		return repeatTo("-----BEGIN "+"RSA PRIVATE KEY-----", n)
	}},
	{"password-every-200", builtinRedactor, func(_ *Redactor, n int) string {
		return repeatTo(strings.Repeat("x", 190)+" password=", n)
	}},
	{"token-json-array", builtinRedactor, func(_ *Redactor, n int) string {
		return repeatTo(`{"token":"t`+strings.Repeat("k", 20)+`","authorization":"Bearer x"},`, n)
	}},
	{"keyword-soup", builtinRedactor, func(r *Redactor, n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(r.keywordText[(i*7919)%len(r.keywordText)])
			switch i % 4 {
			case 0:
				b.WriteByte('=')
			case 1:
				b.WriteString(`:"`)
			}
		}
		return b.String()[:n]
	}},
	{"abab-keywordless-rule", func(tb testing.TB) *Redactor {
		tb.Helper()
		r, err := New(WithPatterns(patterns.Pattern{ID: "anything", Regex: `([A-Za-z0-9]{16,})`, SecretGroup: 1, Entropy: 3.5}))
		require.NoError(tb, err)
		return r
	}, func(_ *Redactor, n int) string { return repeatTo("ab", n) }},
}

// work runs the confirm step on s and returns what it cost: regexp calls
// and the bytes charged to the budget.
func work(r *Redactor, s string) (calls, charged int) {
	sc := new(spanScratch)
	cf := confirm{r: r, s: s, budget: budgetBase + budgetPerByte*len(s)}
	r.confirmAll(sc, &cf)
	return cf.calls, budgetBase + budgetPerByte*len(s) - cf.budget
}

// TestLinearWork doubles adversarial inputs from 1 KB to 1 MB and checks
// that the work of the confirm step per input byte does not grow: the
// counts are exact, so this test cannot flake.
func TestLinearWork(t *testing.T) {
	for _, a := range adversaries {
		t.Run(a.name, func(t *testing.T) {
			r := a.r(t)
			var perByte []float64
			for n := 1 << 10; n <= 1<<20; n <<= 2 {
				calls, charged := work(r, a.gen(r, n))
				perByte = append(perByte, float64(charged)/float64(n))
				assert.LessOrEqual(t, charged, budgetBase+budgetPerByte*n+maxReach*viewCost(maxReach), "n=%d: over the budget", n)
				t.Logf("n=%7d calls=%6d charged/byte=%.2f", n, calls, float64(charged)/float64(n))
			}
			// From 64 KB on the base of the budget no longer dominates.
			assert.LessOrEqual(t, perByte[len(perByte)-1], 2*perByte[len(perByte)-3]+1, "work per byte grows with the input")
		})
	}
}

// TestLinearTime compares the time per byte at 64 KB and 1 MB in one
// process. Each size is timed several times and the fastest run kept, and
// the bound is loose (a quadratic cost would be 16 times worse). A timed
// test still fails on a machine busy enough, so it runs only when
// LOGREDACT_TIMING is set; TestLinearWork checks the same property by
// exact work counts on every run, and BenchmarkAdversarial reports times.
func TestLinearTime(t *testing.T) {
	if os.Getenv("LOGREDACT_TIMING") == "" || race.Enabled {
		t.Skip("timing: set LOGREDACT_TIMING to run (not under -race)")
	}
	fastest := func(r *Redactor, s string) time.Duration {
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			r.String(s)
			best = min(best, time.Since(start))
		}
		return best
	}
	for _, a := range adversaries {
		t.Run(a.name, func(t *testing.T) {
			r := a.r(t)
			small, large := a.gen(r, 64<<10), a.gen(r, 1<<20)
			ts, tl := fastest(r, small), fastest(r, large)
			ps := float64(ts) / float64(len(small))
			pl := float64(tl) / float64(len(large))
			t.Logf("64 KB: %v (%.0f ns/byte), 1 MB: %v (%.0f ns/byte)", ts, ps, tl, pl)
			assert.Less(t, pl, 4*ps+20, "time per byte grows with the input")
		})
	}
}

// TestAdversarialOutput checks that fast is not careless: what the
// adversarial inputs hold is still decided as before (nothing in them is a
// secret except where a value is long enough to fail closed).
func TestAdversarialOutput(t *testing.T) {
	r := builtinRedactor(t)
	out := r.String(strings.Repeat("auth=", 3200))
	assert.LessOrEqual(t, len(out), len("auth=[REDACTED]"), "a value too long to examine is masked to its end: %q", out)
	in := strings.Repeat("x", 190) + " password=" + "hunter2-" + "Secret9"
	assert.Equal(t, strings.Repeat("x", 190)+" password=[REDACTED]", r.String(in))
	pem := strings.Repeat("-----BEGIN "+"RSA PRIVATE KEY-----", 64)
	assert.Equal(t, pem, r.String(pem), "armour lines alone hold no key")
}

func BenchmarkAdversarial(b *testing.B) {
	for _, a := range adversaries {
		r := a.r(b)
		for _, n := range []int{1 << 10, 16 << 10, 64 << 10, 1 << 20} {
			s := a.gen(r, n)
			b.Run(fmt.Sprintf("%s/%dKB", a.name, n>>10), func(b *testing.B) {
				b.SetBytes(int64(n))
				b.ReportAllocs()
				for b.Loop() {
					r.String(s)
				}
			})
		}
	}
}
