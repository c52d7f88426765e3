package filter

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/redact"
)

// family is a secret with the context its rule needs, built at run time.
type family struct {
	name, piece, secret string
}

func windowFamilies() []family {
	curlPW := "Cu" + spread(14)
	bearerTok := "ey" + "JhbGciOiJIUzI1NiJ9." + "eyJzdWIiOiIxMjM0NTY3ODkwIn0." + spread(24)
	pemBody := "MHcCAQEE" + spread(56) + "oAoGCCqGSM49" + spread(40) + "=="
	urlPW := "Ur" + spread(14)
	return []family{
		{
			// The context (from "curl" to "-u") is most of the match.
			name:   "curl -u",
			piece:  "curl -s -X POST https://ci.example.com/api/v1/builds/queue?branch=main -H 'Accept: application/json' -u admin:" + curlPW,
			secret: curlPW,
		},
		{name: "password=", piece: "password=" + password, secret: password},
		{name: "bearer", piece: "Authorization: Bearer " + bearerTok, secret: bearerTok},
		{name: "ghp token", piece: ghToken, secret: ghToken},
		{name: "url credentials", piece: "postgres://app:" + urlPW + "@db.internal:5432/x", secret: urlPW},
		{
			name:   "pem one line",
			piece:  "-----BEGIN EC " + "PRIVATE KEY-----" + pemBody + "-----END EC " + "PRIVATE KEY-----",
			secret: pemBody[8:40],
		},
	}
}

// filler returns n bytes of words separated by blanks, ending in a blank.
func filler(n int) string {
	if n <= 0 {
		return ""
	}
	s := strings.Repeat("lorem ipsum ", n/12+1)[:n-1]
	return s + " "
}

// TestLongLineSlidingSecret slides each family's secret, context first,
// over every offset around the first window cut of a small MaxLine: the
// output must be the redaction of the line as a whole, byte for byte, so
// no secret is missed because its context fell in the previous window and
// none is redacted twice.
func TestLongLineSlidingSecret(t *testing.T) {
	r := redact.MustNew()
	for _, maxLine := range []int{MinMaxLine, 4096} {
		f, err := New(r, &Options{MaxLine: maxLine, Workers: 1})
		require.NoError(t, err)
		cutAt := f.window - f.overlap // where a clean window is cut
		for _, fam := range windowFamilies() {
			require.NotContains(t, r.String(fam.piece), fam.secret, "%s alone", fam.name)
			require.Less(t, len(fam.piece), f.overlap, "%s: longer than the guarantee", fam.name)
			t.Run(fmt.Sprintf("max=%d/%s", maxLine, fam.name), func(t *testing.T) {
				for off := cutAt - len(fam.piece) - 48; off <= cutAt+48; off++ {
					line := filler(off) + fam.piece + " " + filler(3*f.window)
					got := runString(t, f, line+"\n")
					want := r.String(line) + "\n"
					if !assert.NotContains(t, got, fam.secret, "offset %d", off) ||
						!assert.Empty(t, cmp.Diff(want, got), "offset %d", off) {
						return
					}
				}
			})
		}
	}
}

// TestLongLineRepeatedFamilies puts one family after another, again and
// again, into a long line read by several workers: every secret must go.
func TestLongLineRepeatedFamilies(t *testing.T) {
	r := redact.MustNew()
	fams := windowFamilies()
	var b strings.Builder
	var secrets []string
	for i := 0; b.Len() < 40000; i++ {
		fam := fams[i%len(fams)]
		// Vary the gaps so that the families meet the cuts at every phase.
		b.WriteString(filler(7 + (i*37)%151))
		b.WriteString(fam.piece)
		b.WriteByte(' ')
		secrets = append(secrets, fam.secret)
	}
	line := b.String()
	for _, maxLine := range []int{MinMaxLine, 4096} {
		for _, workers := range []int{1, 2} {
			t.Run(fmt.Sprintf("max=%d/workers=%d", maxLine, workers), func(t *testing.T) {
				f, err := New(r, &Options{MaxLine: maxLine, Workers: workers})
				require.NoError(t, err)
				got := runString(t, f, line+"\nnext "+ghToken+"\n")
				for _, s := range secrets {
					require.NotContains(t, got, s)
				}
				assert.Equal(t, r.String(line)+"\nnext [REDACTED]\n", got)
			})
		}
	}
}

// TestLongLineCurlDense is the case: `curl … -u admin:<pw>` repeated
// with --max-line 1KiB, with contexts long enough that some cut must fall
// between a "curl" and its "-u" whatever the filter does.
func TestLongLineCurlDense(t *testing.T) {
	r := redact.MustNew()
	f, err := New(r, &Options{MaxLine: MinMaxLine, Workers: 1})
	require.NoError(t, err)
	var b strings.Builder
	var pws []string
	for i := 0; b.Len() < 20000; i++ {
		pw := fmt.Sprintf("Pw%04d", i) + spread(10)
		pws = append(pws, pw)
		fmt.Fprintf(&b, "curl -sS https://example.com/%s -H 'X-Trace: %d' -u admin"+":%s ", strings.Repeat("p/", 20+i%60), i, pw)
	}
	line := b.String()
	got := runString(t, f, line)
	for _, pw := range pws {
		require.NotContains(t, got, pw)
	}
	assert.Equal(t, strings.Count(line, "curl"), strings.Count(got, "curl"), "text around the secrets is kept")
}

// TestCutFailsClosed checks the decision of a single window whose cut
// candidates all split a secret from its context: the secrets after the
// cut are owed to the next piece, or masked.
func TestCutFailsClosed(t *testing.T) {
	r := redact.MustNew()
	f, err := New(r, &Options{MaxLine: MinMaxLine, Workers: 1})
	require.NoError(t, err)
	// One curl whose "-u" lies 250 bytes after it, repeated so that every
	// candidate cut has a curl before it and its password after it.
	var b strings.Builder
	for b.Len() < f.window {
		b.WriteString("curl " + strings.Repeat("x", 240) + " -u a:" + spread(12) + " ")
	}
	win := []byte(b.String()[:f.window])
	c := f.cut(win, nil)
	var out []byte
	if c.mask == nil {
		out = r.AppendBytes(nil, win[:c.at])
	} else {
		out = appendMasked(nil, win[:c.at], c.mask, r.Marker())
	}
	assert.NotContains(t, string(out), spread(12))
	// Whatever the window found after the cut is owed or redacted there.
	next := win[c.at:]
	after := r.Find(string(next))
	whole := clip(r.Find(string(win)), c.at, len(win))
	assert.True(t, covers(union(after, c.owed), shift(whole, -c.at)), "secrets after the cut are owed")
}

func TestSpanHelpers(t *testing.T) {
	m := func(s, e int) redact.Match { return redact.Match{Rule: "x", Start: s, End: e} }
	assert.True(t, covers([]redact.Match{m(0, 5), m(5, 9)}, []redact.Match{m(2, 8)}))
	assert.False(t, covers([]redact.Match{m(0, 5), m(6, 9)}, []redact.Match{m(2, 8)}))
	assert.True(t, covers(nil, nil))
	assert.False(t, covers(nil, []redact.Match{m(1, 2)}))
	assert.Equal(t, []redact.Match{m(0, 9), m(10, 12)}, union([]redact.Match{m(5, 9), m(10, 12)}, []redact.Match{m(0, 6)}))
	assert.Equal(t, []redact.Match{m(3, 5), m(5, 6)}, clip([]redact.Match{m(0, 5), m(5, 9)}, 3, 6))
	assert.Equal(t, "a[M]b[M]", string(appendMasked(nil, []byte("a12b34"), []redact.Match{m(1, 3), m(4, 6)}, "[M]")))
	assert.Equal(t, "[M]", string(appendMasked(nil, []byte("1234"), []redact.Match{m(0, 2), m(2, 4)}, "[M]")[:3]))
}

// TestLinesLongerThanABatch streams lines longer than a batch but shorter
// than MaxLine, which go one at a time through the large buffer, mixed
// with short ones: the output is the same whatever the workers and reads.
func TestLinesLongerThanABatch(t *testing.T) {
	r := redact.MustNew()
	var in, want strings.Builder
	for i := range 12 {
		n := 1000
		if i%3 != 2 {
			n = batchMax + (i*97_001)%(600<<10)
		}
		line := filler(n/2) + `password=` + password + " " + filler(n/2) + ghToken
		if i%4 == 0 {
			line = `{"password":"` + password + `","msg":"` + filler(n) + `"}`
		}
		in.WriteString(line + "\n")
		want.WriteString(f1(t, r).AppendLineString(line) + "\n")
	}
	for _, workers := range []int{1, 2, 5} {
		f, err := New(r, &Options{MaxLine: 1 << 20, Workers: workers})
		require.NoError(t, err)
		for _, src := range []func() *strings.Reader{func() *strings.Reader { return strings.NewReader(in.String()) }} {
			var out bytes.Buffer
			st, err := f.Run(&out, iotestHalfReader(src()))
			require.NoError(t, err)
			assert.Equal(t, int64(12), st.Lines)
			require.Equal(t, want.String(), out.String(), "workers=%d", workers)
			out.Reset()
			_, err = f.Run(&out, src())
			require.NoError(t, err)
			require.Equal(t, want.String(), out.String(), "workers=%d", workers)
		}
	}
}

type lineFilter struct{ *Filter }

func (f lineFilter) AppendLineString(s string) string { return string(f.AppendLine(nil, []byte(s))) }

func f1(t *testing.T, r *redact.Redactor) lineFilter {
	f, err := New(r, &Options{MaxLine: 1 << 20, Workers: 1})
	require.NoError(t, err)
	return lineFilter{f}
}

// TestLongLineWorkPerByte bounds the work the windows add on adversarial
// long lines (the core's own cost per scanned byte is the core's tests'
// business; small windows keep this test fast before it is linear): the bytes handed to the redactor's Find per byte of input
// stay under a constant (2 + 4·maxTries for the cut, plus the pieces'
// own redaction) at every MaxLine, so overlapping windows never multiply
// the core's cost by the line's length.
func TestLongLineWorkPerByte(t *testing.T) {
	inputs := map[string]string{
		"auth=":     strings.Repeat("auth=", 24<<10/5),
		"password=": strings.Repeat("password=", 24<<10/9),
		"curl -u":   strings.Repeat("curl -"+"u a:"+spread(8)+" ", 24<<10/20),
		"clean":     filler(24 << 10),
	}
	var n atomic.Int64
	scanned = &n
	t.Cleanup(func() { scanned = nil })
	r := redact.MustNew()
	for name, in := range inputs {
		for _, maxLine := range []int{MinMaxLine, 2048} {
			f, err := New(r, &Options{MaxLine: maxLine, Workers: 1})
			require.NoError(t, err)
			n.Store(0)
			out := runString(t, f, in+"\n")
			require.Equal(t, 1, strings.Count(out, "\n"))
			perByte := float64(n.Load()) / float64(len(in))
			t.Logf("%s max=%d: %.2f bytes scanned per byte", name, maxLine, perByte)
			assert.LessOrEqual(t, perByte, float64(2+4*maxTries), "%s max=%d", name, maxLine)
		}
	}
}

// BenchmarkLongLineAdversarial measures long adversarial lines through the
// windows at a small MaxLine, doubling the length: the time per byte must
// not grow with it.
func BenchmarkLongLineAdversarial(b *testing.B) {
	r := redact.MustNew()
	f, err := New(r, &Options{MaxLine: 4096, Workers: 1})
	require.NoError(b, err)
	for _, unit := range []string{"auth=", "password=", "curl -u a:" + spread(8) + " "} {
		for size := 16 << 10; size <= 256<<10; size *= 4 {
			in := []byte(strings.Repeat(unit, size/len(unit)) + "\n")
			b.Run(fmt.Sprintf("%s/%dKiB", strings.Fields(unit)[0], size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(in)))
				for b.Loop() {
					if _, err := f.Run(io.Discard, bytes.NewReader(in)); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestMemoryBoundWorkers: the filter's own memory is a small multiple of
// MaxLine plus a constant, whatever the worker count.
func TestMemoryBoundWorkers(t *testing.T) {
	r := redact.MustNew()
	for _, maxLine := range []int{MinMaxLine, 1 << 20, DefaultMaxLine} {
		for _, workers := range []int{1, 2, 8, 64, 10000} {
			f, err := New(r, &Options{MaxLine: maxLine, Workers: workers})
			require.NoError(t, err)
			assert.LessOrEqual(t, f.MemoryBound(), int64(maxLine)*9/4+32<<20, "max=%d workers=%d", maxLine, workers)
		}
	}
}
