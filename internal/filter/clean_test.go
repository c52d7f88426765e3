package filter

import (
	"bytes"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/bench/loggen"
)

// oracleCleaner is a lineCleaner that calls a line clean exactly when the
// per-line path leaves it unchanged: the answer the engine's prefilter
// approximates from the safe side. It counts the bytes it was asked about.
type oracleCleaner struct {
	f     *Filter
	asked atomic.Int64
}

func (o *oracleCleaner) CleanLines(b []byte) int {
	o.asked.Add(int64(len(b)))
	n := 0
	for n < len(b) {
		line, next := b[n:], len(b)
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i], n+i+1
		}
		if len(line) > o.f.maxLine || !bytes.Equal(o.f.AppendLine(nil, line), line) {
			return n
		}
		n = next
	}
	return n
}

// countingWriter records the writes it takes.
type countingWriter struct {
	bytes.Buffer
	writes int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	return w.Buffer.Write(p)
}

// cleanPathInput mixes clean runs longer and shorter than minPassRun,
// lines with secrets, a multi-line private key (whose armour lines the
// oracle calls clean) and a last line without '\n'.
func cleanPathInput() string {
	var b strings.Builder
	b.Write(loggen.Stream(5, 0, 3*minPassRun))
	b.Write(loggen.Stream(6, 0.2, minPassRun/2))
	begin, end := armour("EC PRIVATE KEY")
	b.WriteString(begin + "\n")
	for _, l := range pemBody(300) {
		b.WriteString(l + "\n")
	}
	b.WriteString(end + "\n")
	b.Write(loggen.Stream(7, 0.05, 2*minPassRun))
	b.WriteString("password=" + password + "\n")
	b.Write(loggen.Stream(8, 0, minPassRun+100))
	b.WriteString(`{"msg":"last line","token":"` + ghToken + `"}`)
	return b.String()
}

// TestCleanPathSameOutput: a filter whose redactor has the whole-line
// prefilter writes exactly what the per-line path writes, whatever the
// worker count and however the input is read.
func TestCleanPathSameOutput(t *testing.T) {
	in := cleanPathInput()
	slow := newFilter(t, &Options{Workers: 1})
	slow.clean = func([]byte) int { return 0 }
	want := runString(t, slow, in)
	require.NotContains(t, want, password)
	require.NotContains(t, want, ghToken)
	require.Contains(t, want, "[REDACTED]\n", "the key body is masked")

	for _, workers := range []int{1, 3} {
		for _, oneByte := range []bool{false, true} {
			t.Run(fmt.Sprintf("workers=%d/oneByte=%v", workers, oneByte), func(t *testing.T) {
				f := newFilter(t, &Options{Workers: workers})
				oracle := &oracleCleaner{f: f}
				f.clean = oracle.CleanLines
				var out countingWriter
				_, err := f.Run(&out, iotestReader(strings.NewReader(in), oneByte))
				require.NoError(t, err)
				assert.Equal(t, want, out.String())
				assert.Positive(t, oracle.asked.Load())
			})
		}
	}
}

// TestCleanPathInPlace: clean input reaches the writer as the input
// buffer's own bytes, in one write per batch, and a long clean run among
// dirty lines is not copied either.
func TestCleanPathInPlace(t *testing.T) {
	clean := loggen.Stream(9, 0, 1<<20)
	f := newFilter(t, &Options{Workers: 1})
	f.clean = (&oracleCleaner{f: f}).CleanLines
	var out countingWriter
	_, err := f.Run(&out, bytes.NewReader(clean))
	require.NoError(t, err)
	require.Equal(t, string(clean), out.String())
	assert.LessOrEqual(t, out.writes, 1+len(clean)/f.batch, "one write per batch")

	run := loggen.Stream(10, 0, 2*minPassRun)
	first := "password=" + password + "\n"
	b := &batch{in: []byte(first + string(run) + "token=" + ghToken + "\n")}
	f.redactIn(b)
	require.Len(t, b.segs, 3)
	assert.Equal(t, seg{start: len(first), end: len(first) + len(run), fromIn: true}, b.segs[1],
		"the clean run is taken in place")
	var got bytes.Buffer
	require.NoError(t, b.writeTo(&got))
	assert.NotContains(t, got.String(), password)
	assert.NotContains(t, got.String(), ghToken)
	assert.Contains(t, got.String(), "\n"+string(run))
}
