package kwmatch

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// naive is the reference matcher: every keyword compared at every offset.
type naive struct {
	keywords []string // lower-cased
	groups   []uint8
}

func newNaive(keywords []string, groups []uint8) *naive {
	n := &naive{groups: groups}
	for _, k := range keywords {
		n.keywords = append(n.keywords, lowerASCII(k))
	}
	return n
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = fold(c)
	}
	return string(b)
}

func eqFold(s, lowerKw string) bool {
	for i := 0; i < len(lowerKw); i++ {
		if fold(s[i]) != lowerKw[i] {
			return false
		}
	}
	return true
}

func (n *naive) Any(s string, mask uint8) bool {
	for i := 0; i < len(s); i++ {
		for k, kw := range n.keywords {
			if n.groups[k]&mask != 0 && len(s)-i >= len(kw) && eqFold(s[i:], kw) {
				return true
			}
		}
	}
	return false
}

func (n *naive) AppendHits(dst []Hit, s string) []Hit {
	for i := 0; i < len(s); i++ {
		for k, kw := range n.keywords {
			if len(kw) <= i+1 && eqFold(s[i+1-len(kw):], kw) {
				dst = append(dst, Hit{Keyword: int32(k), End: int32(i + 1)})
			}
		}
	}
	return dst
}

func mustNew(t testing.TB, kws []string, groups []uint8) *Matcher {
	t.Helper()
	if groups == nil {
		groups = make([]uint8, len(kws))
		for i := range groups {
			groups[i] = 1 << (i % 8)
		}
	}
	m, err := New(kws, groups)
	require.NoError(t, err)
	return m
}

func TestNewErrors(t *testing.T) {
	_, err := New([]string{"a", ""}, []uint8{1, 1})
	require.ErrorContains(t, err, "keyword 1 is empty")
	_, err = New([]string{"a"}, nil)
	require.Error(t, err)
	m, err := New(nil, nil)
	require.NoError(t, err)
	assert.False(t, m.Any("anything", 0xff))
	assert.Empty(t, m.AppendHits(nil, "anything"))
}

func TestHitsTable(t *testing.T) {
	kws := []string{"he", "she", "his", "hers", "HE", "ghp_", "ü"}
	m := mustNew(t, kws, nil)
	for _, tc := range []struct {
		in   string
		want []Hit
	}{
		{"", nil},
		{"x", nil},
		{"ushers", []Hit{{0, 4}, {1, 4}, {4, 4}, {3, 6}}},
		{"USHERS", []Hit{{0, 4}, {1, 4}, {4, 4}, {3, 6}}},
		{"he", []Hit{{0, 2}, {4, 2}}},
		{"hhis", []Hit{{2, 4}}},
		{"xghp_", []Hit{{5, 5}}},
		{"GhP_abc", []Hit{{5, 4}}},
		{"\xffü\xc3", []Hit{{6, 3}}},
		{"Ü", nil}, // only ASCII case is folded
	} {
		got := m.AppendHits(nil, tc.in)
		assert.Equal(t, tc.want, got, "%q", tc.in)
		assert.Equal(t, newNaive(kws, m.groupsFor(kws)).AppendHits(nil, tc.in), got, "%q", tc.in)
	}
}

// groupsFor repeats the groups mustNew assigns.
func (m *Matcher) groupsFor(kws []string) []uint8 {
	g := make([]uint8, len(kws))
	for i := range g {
		g[i] = 1 << (i % 8)
	}
	return g
}

func TestAnyGroups(t *testing.T) {
	m := mustNew(t, []string{"password", "pass", "token"}, []uint8{1, 2, 2})
	assert.True(t, m.Any("my PASSWORD", 1))
	assert.True(t, m.Any("my PASSWORD", 2)) // "pass" occurs inside it
	assert.False(t, m.Any("my PASSWORD", 4))
	assert.False(t, m.Any("my pass", 1))
	assert.True(t, m.Any("Token", 2))
	assert.False(t, m.Any("Token", 1))
	assert.False(t, m.Any("", 0xff))
	assert.False(t, m.Any("token", 0))
}

func randomKeywords(r *rand.Rand, alphabet string) []string {
	n := 1 + r.IntN(12)
	kws := make([]string, n)
	for i := range kws {
		l := 1 + r.IntN(6)
		if r.IntN(8) == 0 {
			l += r.IntN(30)
		}
		b := make([]byte, l)
		for j := range b {
			b[j] = alphabet[r.IntN(len(alphabet))]
		}
		kws[i] = string(b)
	}
	return kws
}

func randomText(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		if r.IntN(50) == 0 {
			b[i] = byte(r.IntN(256))
		} else {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
	}
	return string(b)
}

func checkAgainstNaive(t *testing.T, kws []string, groups []uint8, s string) {
	t.Helper()
	m, err := New(kws, groups)
	require.NoError(t, err)
	ref := newNaive(kws, groups)
	want := ref.AppendHits(nil, s)
	prefix := []Hit{{Keyword: -1, End: -1}}
	got := m.AppendHits(append([]Hit(nil), prefix...), s)
	if diff := cmp.Diff(append(append([]Hit(nil), prefix...), want...), got); diff != "" {
		t.Fatalf("AppendHits(%q) keywords %q (-want +got):\n%s", s, kws, diff)
	}
	for _, mask := range []uint8{1, 2, 4, 0x80, 0x0f, 0xff} {
		if w, g := ref.Any(s, mask), m.Any(s, mask); w != g {
			t.Fatalf("Any(%q, %#x) keywords %q = %v, want %v", s, mask, kws, g, w)
		}
	}
	// Every walk strategy agrees with the reference on every length.
	for name, hits := range map[string]func([]Hit, string) []Hit{
		"hits1": func(d []Hit, s string) []Hit { d, _ = m.hits1(d, s, 0, 0); return d },
		"hits4": m.hits4,
	} {
		if diff := cmp.Diff(want, hits(nil, s)); diff != "" {
			t.Fatalf("%s(%q) keywords %q (-want +got):\n%s", name, s, kws, diff)
		}
	}
	for _, mask := range []uint8{1, 0x80, 0xff} {
		mb := uint32(mask) << groupShift
		w := ref.Any(s, mask)
		_, g1 := m.any1(s, 0, mb)
		require.Equal(t, w, g1, "any1(%q, %#x) keywords %q", s, mask, kws)
		require.Equal(t, w, m.any4(s, mb), "any4(%q, %#x) keywords %q", s, mask, kws)
	}
}

func TestRandomAgainstNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabets := []string{"ab", "abcAB", "heRsHIS_", "abcdefghijklmnopqrstuvwxyz_-.=:/ ", "aA\xff\xc3\x80"}
	for iter := range 3000 {
		alpha := alphabets[iter%len(alphabets)]
		kws := randomKeywords(r, alpha)
		if iter%3 == 0 { // case variants of one keyword
			kws = append(kws, strings.ToUpper(kws[0]), kws[0])
		}
		groups := make([]uint8, len(kws))
		for i := range groups {
			groups[i] = uint8(r.IntN(256))
		}
		n := r.IntN(40)
		if iter%4 == 0 {
			n = r.IntN(3000)
		}
		s := randomText(r, alpha, n)
		if n > 0 && iter%5 == 0 { // keywords at start and end
			s = kws[r.IntN(len(kws))] + s + strings.ToUpper(kws[r.IntN(len(kws))])
		}
		checkAgainstNaive(t, kws, groups, s)
	}
}

func TestZeroAllocs(t *testing.T) {
	m := mustNew(t, []string{"password", "token", "ghp_"}, nil)
	long := strings.Repeat(`{"level":"info","msg":"request done","status":200} token `, 100)
	dst := make([]Hit, 0, 1024)
	for _, s := range []string{"short clean", "a token here", long} {
		assert.Zero(t, testing.AllocsPerRun(100, func() { m.Any(s, 0xff) }), "Any %d", len(s))
		assert.Zero(t, testing.AllocsPerRun(100, func() { dst = m.AppendHits(dst[:0], s) }), "AppendHits %d", len(s))
	}
}

func FuzzAgainstNaive(f *testing.F) {
	f.Add("he,she,hers,his", "ushers say HIS hers")
	f.Add("ghp_,password,://", strings.Repeat("x password=1 ghp_ ", 40))
	f.Add("a,aa,aaa", strings.Repeat("a", 700))
	f.Fuzz(func(t *testing.T, kwList, s string) {
		var kws []string
		for _, k := range strings.Split(kwList, ",") {
			if k != "" && len(kws) < 32 {
				kws = append(kws, k)
			}
		}
		groups := make([]uint8, len(kws))
		for i := range groups {
			groups[i] = uint8(1 << (i % 8))
		}
		checkAgainstNaive(t, kws, groups, s)
	})
}
