package kwmatch

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// naiveCleanLines is the reference: lines tested one by one.
func naiveCleanLines(ref *naive, s string, mask uint8) int {
	n := 0
	for _, line := range strings.SplitAfter(s, "\n") {
		if ref.Any(strings.TrimSuffix(line, "\n"), mask) {
			return n
		}
		n += len(line)
	}
	return n
}

func TestCleanLinesTable(t *testing.T) {
	m := mustNew(t, []string{"password", "key"}, []uint8{1, 2})
	for _, tc := range []struct {
		in   string
		mask uint8
		want int
	}{
		{"", 3, 0},
		{"clean\n", 3, 6},
		{"clean", 3, 5},
		{"clean\nalso clean\n", 3, 17},
		{"clean\nmy PASSWORD\nclean\n", 3, 6},
		{"clean\nmy PASSWORD\nclean\n", 2, 24},
		{"a\nb\npublickey", 3, 4},
		{"a\nb\npublickey", 1, 13},
		{"pass\nword\n", 1, 10}, // a keyword never spans a line break
		{"key\n", 0, 4},
	} {
		assert.Equal(t, tc.want, m.CleanLines(tc.in, tc.mask), "%q mask %d", tc.in, tc.mask)
	}
	nl := mustNew(t, []string{"a\nb"}, nil)
	assert.Zero(t, nl.CleanLines("x\ny\n", 0xff), "a keyword with a line break")
}

func TestCleanLinesAgainstNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alpha := "abcdefghijklmnopqrstuvwxyz_-.=:/ \n\n"
	for range 2000 {
		kws := randomKeywords(r, "abcdefgh")
		groups := make([]uint8, len(kws))
		for i := range groups {
			groups[i] = uint8(r.IntN(256))
		}
		m, err := New(kws, groups)
		require.NoError(t, err)
		ref := newNaive(kws, groups)
		s := randomText(r, alpha, r.IntN(600))
		for _, mask := range []uint8{1, 0x0f, 0xff} {
			require.Equal(t, naiveCleanLines(ref, s, mask), m.CleanLines(s, mask), "%q keywords %q mask %#x", s, kws, mask)
		}
	}
}
