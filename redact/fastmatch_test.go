package redact

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/logredact/logredact/internal/cases"
	"github.com/logredact/logredact/patterns"
)

// fastInputs are texts to compare the fast matcher and regexp on: every
// case of the catalog, and mutations of them that cut, repeat and swap
// characters around the places where runs end.
func fastInputs(rng *rand.Rand) []string {
	var in []string
	for _, c := range cases.All() {
		in = append(in, c.Input)
	}
	alphabet := "aZ09_-./+=:;\"' \t\\[]{}()@%\u00e9\u212a"
	n := len(in)
	for i := range n * 3 {
		s := []byte(in[i%n])
		for range 1 + rng.IntN(4) {
			if len(s) == 0 {
				break
			}
			j := rng.IntN(len(s))
			switch rng.IntN(4) {
			case 0:
				s = slices.Delete(s, j, min(len(s), j+1+rng.IntN(8)))
			case 1:
				s = slices.Insert(s, j, s[j:min(len(s), j+1+rng.IntN(8))]...)
			case 2:
				r := []rune(alphabet)[rng.IntN(len([]rune(alphabet)))]
				s = slices.Insert(s, j, []byte(string(r))...)
			default:
				s = s[:j]
			}
		}
		in = append(in, string(s))
	}
	return in
}

// TestFastMatchAgreesWithRegexp: wherever the fast matcher decides, it
// decides what regexp decides, for every built-in pattern it serves, at
// every start position of every input.
func TestFastMatchAgreesWithRegexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	inputs := fastInputs(rng)
	if testing.Short() {
		inputs = inputs[:len(inputs)/4]
	}
	served, decided := 0, 0
	m := make([]int, 0, 2*maxFastCaps)
	for _, p := range patterns.Builtin() {
		f := fastFor(p.Regex)
		if f == nil {
			continue
		}
		served++
		atStart := regexp.MustCompile(`^(?:` + p.Regex + `)`)
		afterByte := regexp.MustCompile(`^(?s:.)(?:` + p.Regex + `)`)
		for _, s := range inputs {
			lower := asciiLower(s)
			for pos := 0; pos < len(s); pos++ {
				// Only where a keyword could put a try: keep the test
				// fast, and cover every position of short inputs.
				if len(s) > 64 && !slices.ContainsFunc(p.Keywords, func(k string) bool {
					return strings.HasPrefix(lower[pos:], asciiLower(k)) || pos > 0 && strings.HasPrefix(lower[pos-1:], asciiLower(k))
				}) && pos%17 != 0 {
					continue
				}
				if checkFast(t, f, atStart, afterByte, s, pos, m[:0]) {
					decided++
				}
			}
		}
	}
	t.Logf("fast matcher serves %d built-in patterns; %d tries decided", served, decided)
}

// checkFast compares the fast matcher with regexp at pos of s and reports
// whether the fast matcher decided.
func checkFast(t testing.TB, f *fastMatcher, atStart, afterByte *regexp.Regexp, s string, pos int, m []int) bool {
	t.Helper()
	base := max(0, pos-1)
	want := func(end int) []int {
		if pos == 0 {
			return atStart.FindStringSubmatchIndex(s[:end])
		}
		w := afterByte.FindStringSubmatchIndex(s[base:end])
		if w != nil {
			w[0]++
		}
		return w
	}
	end := min(len(s), pos+40)
	got, ok, touched := f.match(s[base:end], pos-base, m)
	if !ok {
		return false
	}
	if w := want(end); !slices.Equal(got, w) {
		t.Fatalf("regex %q at %d of %q: fast %v, regexp %v", atStart.String(), pos, s, got, w)
	}
	// Not touched: the whole input gives the same answer.
	if !touched && end < len(s) {
		if w := want(len(s)); !slices.Equal(got, w) {
			t.Fatalf("regex %q at %d of %q: fast %v on a view said final, regexp on the whole %v", atStart.String(), pos, s, got, w)
		}
	}
	return true
}

// FuzzFastMatch: the fast matcher of every built-in pattern it serves
// agrees with regexp at every position of any input.
func FuzzFastMatch(f *testing.F) {
	type served struct {
		fm                 *fastMatcher
		atStart, afterByte *regexp.Regexp
	}
	var all []served
	for _, p := range patterns.Builtin() {
		if fm := fastFor(p.Regex); fm != nil {
			all = append(all, served{fm, regexp.MustCompile(`^(?:` + p.Regex + `)`), regexp.MustCompile(`^(?s:.)(?:` + p.Regex + `)`)})
		}
	}
	for _, c := range cases.All()[:200] {
		f.Add(uint16(len(c.Input)), c.Input)
	}
	m := make([]int, 0, 2*maxFastCaps)
	f.Fuzz(func(t *testing.T, which uint16, s string) {
		sv := all[int(which)%len(all)]
		for pos := 0; pos < len(s) && pos < 64; pos++ {
			checkFast(t, sv.fm, sv.atStart, sv.afterByte, s, pos, m)
		}
	})
}
