package zerologredact

import (
	"bytes"
	"testing"

	"github.com/rs/zerolog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oracleCleaner vouches for the lines the redactor leaves unchanged, as the
// engine's whole-line prefilter does (from the safe side).
type oracleCleaner struct{ w *Writer }

func (o oracleCleaner) CleanLines(b []byte) int {
	if bytes.Equal(o.w.redact(nil, b), b) {
		return len(b)
	}
	return 0
}

// sliceWriter keeps the slices it is given.
type sliceWriter struct{ got [][]byte }

func (s *sliceWriter) Write(p []byte) (int, error) {
	s.got = append(s.got, p)
	return len(p), nil
}

// TestCleanEventForwardedInPlace: with the engine's prefilter, a clean
// event reaches the writer below as zerolog's own bytes, and an event with
// a secret is still redacted.
func TestCleanEventForwardedInPlace(t *testing.T) {
	var sw sliceWriter
	w := NewWriter(&sw, nil)
	w.clean = oracleCleaner{w}.CleanLines
	clean := []byte(`{"level":"info","message":"request handled"}` + "\n")
	n, err := w.WriteLevel(zerolog.InfoLevel, clean)
	require.NoError(t, err)
	assert.Equal(t, len(clean), n)
	require.Len(t, sw.got, 1)
	assert.Same(t, &clean[0], &sw.got[0][0], "forwarded without a copy")

	pw := "Zq7" + "xW9" + "vK2" + "mN4pL8"
	dirty := []byte(`{"level":"info","password":"` + pw + `"}` + "\n")
	_, err = w.WriteLevel(zerolog.InfoLevel, dirty)
	require.NoError(t, err)
	require.Len(t, sw.got, 2)
	assert.NotContains(t, string(sw.got[1]), pw)
}
