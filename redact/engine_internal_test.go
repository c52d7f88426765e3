package redact

import (
	"math"
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/patterns"
)

func TestMaxWidth(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want int
	}{
		{`abc`, 3},
		{`ab|cde`, 3},
		{`(?:ab){3}`, 6},
		{`a{2,5}`, 5},
		{`a?b`, 2},
		{`[a-z]`, 1},
		{`[^\s]`, 4},     // any rune but a blank: up to 4 bytes
		{`\p{Greek}`, 4}, // the widest Greek rune takes 4 bytes
		{`é`, 2},
		{`(?i)k`, 3}, // also matches the Kelvin sign
		{`(?i)s`, 2}, // and the long s
		{`.`, 4},
		{`\bfoo\b`, 3},
		{`^$`, 0},
		{`(x)(y)?`, 2},
		{`a+`, unboundedWidth},
		{`a*b`, unboundedWidth},
		{`a{3,}`, unboundedWidth},
		{`(?:ab|c+)`, unboundedWidth},
		{`x{1000}{1000}{1000}`, unboundedWidth}, // over the cap
		{`(`, unboundedWidth},                   // does not parse
	} {
		assert.Equal(t, tc.want, maxWidth(tc.expr), tc.expr)
	}
}

func parseLead(t *testing.T, expr string, kws ...string) lead {
	t.Helper()
	re, err := syntax.Parse(expr, syntax.Perl)
	require.NoError(t, err)
	return leadOf(re.Simplify(), kws)
}

func TestLeadOf(t *testing.T) {
	for _, tc := range []struct {
		name, expr string
		kws        []string
		post       int
		run        bool
	}{
		{"keyword first", `password=(\S+)`, []string{"password"}, 0, false},
		{"case-insensitive keyword", `(?i)password=(\S+)`, []string{"PassWord"}, 0, false},
		{"one byte before", `(?:\b|[_.-])(?i:pass(?:word)?)=(\S+)`, []string{"pass"}, 1, false},
		{"factored alternation", `(?i:pass(?:word|wd)?|pwd)\s*=`, []string{"pass", "pwd"}, 0, false},
		{"keyword inside literal", `xyz-token=`, []string{"token"}, 4, false},
		{"short optional prefix", `(?:ab)?key=`, []string{"key"}, 2, false},
		{"alternation of keywords", `(?:ghp|gho)_[a-z]{36}`, []string{"ghp_", "gho_"}, 0, false},
		{"class before", `[?&]key=`, []string{"key="}, 1, false},
		{"unbounded run before", `(?:\b|[_.-])[A-Za-z0-9]*(?i:token)=`, []string{"token"}, 0, true},
		{"long bounded run before", `\b[A-Za-z][A-Za-z0-9+.-]{1,30}://`, []string{"://"}, 0, true},
	} {
		l := parseLead(t, tc.expr, tc.kws...)
		assert.Equal(t, tc.post, l.post, tc.name)
		assert.Equal(t, tc.run, l.run != nil, tc.name)
	}
	// \S is not a run (it takes any rune) but its width is bounded.
	assert.Equal(t, 400, parseLead(t, `\S{0,100}password`, "password").post)
	for _, expr := range []string{`.*password`, `[^\s]+password`, `password`} {
		kws := []string{"secret"} // never in the regex
		if expr != `password` {
			kws = []string{"password"}
		}
		assert.Equal(t, unboundedWidth, parseLead(t, expr, kws...).post, expr)
	}
}

func TestLeadStart(t *testing.T) {
	l := parseLead(t, `(?:\b|[_.-])[A-Za-z0-9]*(?i:token)=(\w+)`, "token")
	s := "x my_accessToken=abc"
	kw := strings.Index(s, "Token")
	// The run "access" is walked back over, then one byte for [_.-].
	assert.Equal(t, strings.Index(s, "_access"), l.start(s, kw, maxReach))

	l = parseLead(t, `\b[A-Za-z][A-Za-z0-9+.-]{1,30}://[^@\s]+@`, "://")
	s = "dsn=postgres://u:p@h"
	// At or before the byte preceding the scheme, and not much earlier.
	lo := l.start(s, strings.Index(s, "://"), maxReach)
	assert.LessOrEqual(t, lo, strings.Index(s, "postgres")-1)
	assert.GreaterOrEqual(t, lo, strings.Index(s, "postgres")-2)

	l = parseLead(t, `(?:ab)?key=`, "key")
	assert.Equal(t, 0, l.start("key=", 0, maxReach), "clamped at the start of the input")
}

func TestMergeSpans(t *testing.T) {
	for _, tc := range []struct {
		name   string
		in     []span
		expect []span
	}{
		{"empty", nil, nil},
		{"one", []span{{2, 5, 0}}, []span{{2, 5, 0}}},
		{"overlapping", []span{{4, 10, 1}, {2, 6, 0}}, []span{{2, 10, 0}}},
		{"nested", []span{{3, 4, 1}, {2, 9, 0}}, []span{{2, 9, 0}}},
		{"same start, longer leads", []span{{2, 4, 1}, {2, 9, 0}}, []span{{2, 9, 0}}},
		{"adjacent stay apart", []span{{5, 9, 1}, {2, 5, 0}}, []span{{2, 5, 0}, {5, 9, 1}}},
		{"chain", []span{{0, 3, 0}, {2, 6, 1}, {5, 8, 2}, {9, 10, 3}}, []span{{0, 8, 0}, {9, 10, 3}}},
	} {
		got := mergeSpans(append([]span(nil), tc.in...))
		if diff := cmp.Diff(tc.expect, got, cmp.AllowUnexported(span{})); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}

func TestEntropy(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want float64
	}{
		{"", 0},
		{"aaaa", 0},
		{"ab", 1},
		{"abcd", 2},
		{strings.Repeat("ab", 100), 1}, // counts past the c·log2(c) table
		{"aab", -(2.0/3*math.Log2(2.0/3) + 1.0/3*math.Log2(1.0/3))},
	} {
		assert.InDelta(t, tc.want, entropy(tc.s), 1e-9, "%q", tc.s)
	}
	var all strings.Builder
	for c := range 256 {
		all.WriteByte(byte(c))
	}
	assert.InDelta(t, 8, entropy(all.String()), 1e-9)
}

func engRedactor(t testing.TB, ps ...patterns.Pattern) *Redactor {
	t.Helper()
	r, err := New(WithoutBuiltins(), WithoutSensitiveKeys(defaultSensitiveKeys...), WithPatterns(ps...))
	require.NoError(t, err)
	return r
}

func engFind(r *Redactor, s string) []string {
	var out []string
	for _, m := range r.Find(s) {
		out = append(out, s[m.Start:m.End])
	}
	return out
}

func TestWordBoundaryAtWindowEdge(t *testing.T) {
	// The keyword occurs inside "monkey", where \b does not hold: neither
	// the anchored tries (which see the byte before) nor the snapped
	// unanchored window may find "key1234" there.
	anchored := engRedactor(t, patterns.Pattern{ID: "k", Keywords: []string{"key"}, Regex: `\bkey[0-9]{4}\b`})
	require.NotNil(t, anchored.pats[0].get().plan.atStart)
	assert.Equal(t, []string{"key5678"}, engFind(anchored, "monkey1234 key5678"))
	assert.Nil(t, engFind(anchored, "monkey1234 key56789"), "\\b after the match sees the next byte")

	// A lead too long to try position by position: the unanchored search
	// snaps its window to word boundaries and finds what a search of the
	// whole input finds.
	long := engRedactor(t, patterns.Pattern{ID: "k", Keywords: []string{"key"}, Regex: `\b\S{0,60}key[0-9]{4}\b`})
	require.Greater(t, long.pats[0].get().plan.lead.post, maxAnchoredTries)
	in := "1monkey1234 xkey5678 key1234x"
	assert.Equal(t, long.pats[0].get().re.FindAllString(in, -1), engFind(long, in))
}

func TestKeywordFarFromBoundedMatch(t *testing.T) {
	hex := strings.Repeat("0123456789abcdef", 2)
	for _, tc := range []struct {
		name string
		p    patterns.Pattern
		in   string
	}{
		{
			"keyword first, secret far after",
			patterns.Pattern{ID: "a", Keywords: []string{"secret"}, Regex: `secret.{0,40}?\b([0-9a-f]{32})\b`, SecretGroup: 1},
			"the secret is " + strings.Repeat(" ", 30) + hex + " done",
		},
		{
			"keyword last, secret far before",
			patterns.Pattern{ID: "b", Keywords: []string{"trailer"}, Regex: `\b([0-9a-f]{32})\b.{0,40}trailer`, SecretGroup: 1},
			"x " + hex + strings.Repeat(" ", 35) + "trailer",
		},
		{
			"unbounded before the keyword",
			patterns.Pattern{ID: "c", Keywords: []string{"trailer"}, Regex: `\b([0-9a-f]{32})\b[ ]*trailer`, SecretGroup: 1},
			"x " + hex + strings.Repeat(" ", 500) + "trailer",
		},
	} {
		r := engRedactor(t, tc.p)
		assert.Equal(t, []string{hex}, engFind(r, tc.in), tc.name)
		assert.NotContains(t, r.String(tc.in), hex, tc.name)
	}
}

func TestOverlappingAndAdjacentSecrets(t *testing.T) {
	r := engRedactor(t,
		patterns.Pattern{ID: "tok", Keywords: []string{"tok_"}, Regex: `tok_[a-z0-9]{8}`},
		patterns.Pattern{ID: "num", Keywords: []string{"1"}, Regex: `[0-9]{6,}`},
	)
	// "tok_abc12345" and "12345678" overlap: one merged span.
	assert.Equal(t, []string{"tok_abc12345678"}, engFind(r, "x tok_abc12345678 y"))
	// Two tokens back to back stay two spans, and both are masked.
	in := "tok_aaaaaaaatok_bbbbbbbb"
	assert.Equal(t, []string{"tok_aaaaaaaa", "tok_bbbbbbbb"}, engFind(r, in))
	assert.Equal(t, "[REDACTED][REDACTED]", r.String(in))
	// Secrets at the very start and end of the input.
	assert.Equal(t, "[REDACTED] [REDACTED]", r.String("tok_12345678 tok_87654321"))
}

func TestAllowFilters(t *testing.T) {
	for _, tc := range []struct {
		expr, s string
		want    bool
	}{
		{`^x{3,}$`, "xxxx", true},
		{`^x{3,}$`, "xxxxy", false},
		{`(?i)^(?:changeme|placeholder)$`, "PlaceHolder", true},
		{`(?i)^(?:changeme|placeholder)$`, "placeholder1", false},
		{`(?i)\.(?:pem|key)$`, "/etc/ssl/server.KEY", true},
		{`(?i)\.(?:pem|key)$`, "serverkey", false},
		{`^REDACTED|\[REDACTED`, "a[REDACTED]", true},
		{`^[\s,;]*$`, "", true},
		{`(?m)^abc$`, "x\nabc", true},
		{`k`, "\u212a", false},
		{`(?i)k`, "\u212a", true},
	} {
		r := engRedactor(t, patterns.Pattern{ID: "p", Keywords: []string{"q"}, Regex: `q(.*)`, Allow: []string{tc.expr}})
		assert.Equal(t, tc.want, r.allowed(r.pats[0].get(), tc.s), "%s on %q", tc.expr, tc.s)
	}
}

// FuzzSpans checks the confirm step against running every pattern's regex
// over the whole input: each secret the full search finds in a match that
// holds one of the pattern's keywords is covered by the engine's spans.
func FuzzSpans(f *testing.F) {
	gh := "ghp_" + strings.Repeat("a1B2", 9)
	pw := "Pw" + "9-quartz-Lamp"
	f.Add("password="+pw, "")
	f.Add("postgres://app:"+pw+"@db:5432/x", "Authorization: Bearer "+gh)
	f.Add("x-"+gh+"-y", "\xff"+gh)
	f.Add(`{"api_key":"`+pw+`","token":"`+gh+`"}`, "--password "+pw)
	r := MustNew()
	f.Fuzz(func(t *testing.T, a, b string) {
		s := a + " " + b
		got := r.spans(s)
		covered := func(lo, hi int) bool {
			for _, sp := range got {
				if sp.start <= lo && hi <= sp.end {
					return true
				}
			}
			return false
		}
		lower := asciiLower(s)
		// Patterns the assignment grammar decides for (the generic
		// key-named ones) have no regex search: their regex is not the rule.
		searched := map[int32]bool{}
		for _, ps := range r.kwPatterns {
			for _, p := range ps {
				searched[p] = true
			}
		}
		for _, p := range r.always {
			searched[p] = true
		}
		for i := range r.pats {
			c := r.pats[i].get()
			if !searched[int32(i)] {
				continue
			}
			for _, m := range c.re.FindAllStringSubmatchIndex(s, -1) {
				holds := false
				for _, k := range c.Keywords {
					if strings.Contains(lower[m[0]:m[1]], asciiLower(k)) {
						holds = true
					}
				}
				cf := confirm{r: r, s: s, budget: budgetBase}
				cf.keep(int32(i), m, 0, false)
				ref := cf.out
				if !holds || len(ref) == 0 {
					continue
				}
				if !covered(ref[0].start, ref[0].end) {
					t.Fatalf("pattern %s: secret at [%d,%d) of %q not covered by %v", c.ID, ref[0].start, ref[0].end, s, got)
				}
			}
		}
	})
}

// TestBuiltinsCompile compiles every built-in pattern as its first keyword
// hit would: New trusts the built-in catalog and defers these compiles, so
// this test is what guarantees none of them fails (a failure would make a
// pattern silently match nothing).
func TestBuiltinsCompile(t *testing.T) {
	for _, p := range patterns.Builtin() {
		require.NoError(t, validate(p), p.ID)
		_, err := compile(p)
		require.NoError(t, err, p.ID)
	}
}

// TestValidateAgreesWithCompile: the cheap validation New runs on custom
// patterns rejects exactly what compiling rejects.
func TestValidateAgreesWithCompile(t *testing.T) {
	for _, expr := range []string{`(a`, `a{1001}`, `[z-a]`, `\8`, `(?P<x>a)(?P<x>b)`, `x**`, `(?i)ok`, `a{2,1}`, `\pN`, `\p{Foo}`, `(?<n>a)`} {
		p := patterns.Pattern{ID: "t", Regex: expr, Keywords: []string{"a"}}
		_, cerr := compile(p)
		verr := validate(p)
		assert.Equal(t, cerr == nil, verr == nil, "%q: compile %v, validate %v", expr, cerr, verr)
	}
}
