//go:build !binary_log

package zerologredact_test

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/redact"
	"github.com/logredact/logredact/zerologredact"
)

// secretEvent is one zerolog event holding several secrets, as bare
// zerolog encodes it (the secrets in clear), and the secrets.
func secretEvent(t *testing.T) ([]byte, []string) {
	t.Helper()
	var buf bytes.Buffer
	l := zerolog.New(&buf)
	l.Info().
		Str("password", testPW).
		Str("note", "token "+testGH).
		Str("hdr", testBearer).
		Msg("connecting to " + testDSN)
	require.True(t, bytes.HasSuffix(buf.Bytes(), []byte("\n")))
	return buf.Bytes(), []string{testPW, testGH, testTok}
}

// redactWhole is what the Writer makes of ev written in one call.
func redactWhole(t *testing.T, r *redact.Redactor, ev []byte) string {
	t.Helper()
	var buf bytes.Buffer
	_, err := zerologredact.NewWriter(&buf, r).Write(ev)
	require.NoError(t, err)
	return buf.String()
}

// TestSplitWriteEveryPoint cuts an event with secrets at every byte and
// writes the two parts in two calls: the output must be what writing it
// whole gives, so that neither half of any secret leaks.
func TestSplitWriteEveryPoint(t *testing.T) {
	r := testRedactor(t)
	ev, secrets := secretEvent(t)
	want := redactWhole(t, r, ev)
	for _, s := range secrets {
		require.NotContains(t, want, s)
	}
	for k := 1; k < len(ev); k++ {
		var buf bytes.Buffer
		w := zerologredact.NewWriter(&buf, r)
		for _, part := range [][]byte{ev[:k], ev[k:]} {
			n, err := w.Write(part)
			require.NoError(t, err)
			require.Equal(t, len(part), n)
		}
		require.Equal(t, want, buf.String(), "split at %d", k)
	}
}

func TestSplitWriteShapes(t *testing.T) {
	r := testRedactor(t)
	ev, _ := secretEvent(t)
	want := redactWhole(t, r, ev)
	tests := []struct {
		name  string
		parts func() [][]byte
	}{
		{"one byte at a time", func() [][]byte {
			var ps [][]byte
			for i := range ev {
				ps = append(ps, ev[i:i+1])
			}
			return ps
		}},
		{"three parts", func() [][]byte { return [][]byte{ev[:10], ev[10:60], ev[60:]} }},
		{"newline alone", func() [][]byte { return [][]byte{ev[:len(ev)-1], ev[len(ev)-1:]} }},
		{"two events, cut inside the second", func() [][]byte {
			two := append(bytes.Clone(ev), ev...)
			cut := len(ev) + 40
			return [][]byte{two[:cut], two[cut:]}
		}},
		{"empty writes between", func() [][]byte { return [][]byte{ev[:30], {}, ev[30:]} }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := zerologredact.NewWriter(&buf, r)
			var in int
			for _, p := range tc.parts() {
				_, err := w.Write(p)
				require.NoError(t, err)
				in += len(p)
			}
			require.NoError(t, w.Flush())
			assert.Equal(t, strings.Repeat(want, in/len(ev)), buf.String())
		})
	}
}

// TestBufioChain puts a small bufio.Writer between zerolog and the Writer:
// every event reaches the Writer in 16-byte pieces.
func TestBufioChain(t *testing.T) {
	r := testRedactor(t)
	var out bytes.Buffer
	w := zerologredact.NewWriter(&out, r)
	bw := bufio.NewWriterSize(w, 16)
	l := zerolog.New(bw)
	for i := range 20 {
		l.Info().Int("i", i).Str("password", testPW).Msg("clone " + testGH)
	}
	require.NoError(t, bw.Flush())
	require.NoError(t, w.Close())
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	require.Len(t, lines, 20)
	for i, line := range lines {
		assert.Equal(t, fmt.Sprintf(`{"level":"info","i":%d,"password":"[REDACTED]","message":"clone [REDACTED]"}`, i), line)
	}
}

// lockedWriter serialises a writer chain, as a user would put a mutex in
// front of a bufio.Writer shared by goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestConcurrentSplitAndWhole runs, at once and under -race: goroutines
// logging whole events straight to the Writer (the lock-free path),
// goroutines whose events reach it through one shared, locked bufio.Writer
// that splits them, and calls to Flush.
func TestConcurrentSplitAndWhole(t *testing.T) {
	var out syncBuffer
	w := zerologredact.NewWriter(&out, testRedactor(t))
	bw := bufio.NewWriterSize(w, 37)
	split := &lockedWriter{w: bw}
	direct := zerolog.New(w).With().Str("password", testPW).Logger()
	viaBufio := zerolog.New(split).With().Str("password", testPW).Logger()
	const goroutines, events = 4, 200
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range events {
				direct.Info().Int("g", g).Int("i", i).Msg("token " + testGH)
			}
		}()
		go func() {
			defer wg.Done()
			for i := range events {
				viaBufio.Info().Int("g", g).Int("i", i).Str("hdr", testBearer).Msg("split")
			}
		}()
	}
	stop := make(chan struct{})
	flushed := make(chan struct{})
	go func() {
		defer close(flushed)
		for {
			select {
			case <-stop:
				return
			default:
				assert.NoError(t, w.Flush())
			}
		}
	}()
	wg.Wait()
	close(stop)
	<-flushed
	split.mu.Lock()
	require.NoError(t, bw.Flush())
	split.mu.Unlock()
	require.NoError(t, w.Close())

	got := out.String()
	for _, s := range []string{testPW, testGH, testTok} {
		require.NotContains(t, got, s)
	}
	// A Flush racing the bufio chain may write part of a line early (as
	// text, redacted); the lines that were not cut are whole events.
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	var whole int
	for _, line := range lines {
		if json.Valid([]byte(line)) {
			whole++
		}
	}
	assert.GreaterOrEqual(t, whole, goroutines*events, "at least the direct events are whole")
}

// TestHeldLineBound writes a line longer than the 1 MiB bound in pieces
// without a newline: it is written before it ends, redacted, and nothing
// is lost.
func TestHeldLineBound(t *testing.T) {
	r := testRedactor(t)
	var out bytes.Buffer
	w := zerologredact.NewWriter(&out, r)
	chunk := []byte("x=1 token " + testGH + " pad " + strings.Repeat("y", 200) + " ")
	var in int
	for in < 3<<20 {
		_, err := w.Write(chunk)
		require.NoError(t, err)
		in += len(chunk)
	}
	assert.NotZero(t, out.Len(), "a held line past the bound is written before it ends")
	// Each chunk shrinks by the same amount when redacted: convert the
	// output written so far back into input bytes.
	written := out.Len() * len(chunk) / len(r.String(string(chunk)))
	assert.LessOrEqual(t, in-written, 1<<20+len(chunk), "at most about 1 MiB is held")
	require.NoError(t, w.Close())
	got := out.String()
	assert.NotContains(t, got, testGH)
	assert.Equal(t, in/len(chunk), strings.Count(got, "token [REDACTED]"), "no piece dropped")
	assert.Equal(t, in/len(chunk), strings.Count(got, " pad "))
}

func TestHeldLineHugeWrite(t *testing.T) {
	r := testRedactor(t)
	var out bytes.Buffer
	w := zerologredact.NewWriter(&out, r)
	chunk := "token " + testGH + " "
	in := strings.Repeat(chunk, (5<<20)/len(chunk))
	_, err := w.Write([]byte(in)) // one write, no newline
	require.NoError(t, err)
	require.NoError(t, w.Flush())
	assert.NotContains(t, out.String(), testGH)
	assert.Equal(t, strings.Count(in, "token "), strings.Count(out.String(), "token [REDACTED]"))
}

func TestFlushAndClose(t *testing.T) {
	r := testRedactor(t)
	t.Run("Flush writes the held line redacted", func(t *testing.T) {
		var out bytes.Buffer
		// A truncated event is text: the built-in catalog knows the
		// "password":"..." shape in text, the test patterns do not.
		w := zerologredact.NewWriter(&out, redact.MustNew())
		_, err := w.Write([]byte(`{"password":"` + testPW + `","msg":"`))
		require.NoError(t, err)
		_, err = w.Write([]byte(testGH))
		require.NoError(t, err)
		assert.Zero(t, out.Len(), "an incomplete line is held")
		require.NoError(t, w.Flush())
		assert.NotContains(t, out.String(), testPW)
		assert.NotContains(t, out.String(), testGH)
		assert.NotZero(t, out.Len())
		require.NoError(t, w.Flush(), "nothing left to flush")
	})
	t.Run("Flush of a held JSON object is key-aware", func(t *testing.T) {
		var out bytes.Buffer
		w := zerologredact.NewWriter(&out, r)
		_, err := w.Write([]byte(`{"auth_token":`))
		require.NoError(t, err)
		_, err = w.Write([]byte(`"x"}`))
		require.NoError(t, err)
		require.NoError(t, w.Flush())
		assert.Equal(t, `{"auth_token":"[REDACTED]"}`, out.String())
	})
	t.Run("Close flushes, then closes", func(t *testing.T) {
		c := &closeRecorder{}
		w := zerologredact.NewWriter(c, r)
		_, err := w.Write([]byte("text with " + testGH))
		require.NoError(t, err)
		require.NoError(t, w.Close())
		assert.Equal(t, []string{"write:text with [REDACTED]", "close"}, c.calls)
	})
	t.Run("Close joins both errors", func(t *testing.T) {
		writeErr, closeErr := errors.New("write failed"), errors.New("close failed")
		c := &closeRecorder{writeErr: writeErr, closeErr: closeErr}
		w := zerologredact.NewWriter(c, r)
		_, err := w.Write([]byte("held"))
		require.NoError(t, err)
		err = w.Close()
		assert.ErrorIs(t, err, writeErr)
		assert.ErrorIs(t, err, closeErr)
		assert.Equal(t, []string{"write:held", "close"}, c.calls)
	})
	t.Run("held line keeps the level of the write that completes it", func(t *testing.T) {
		rec := &levelRecorder{}
		w := zerologredact.NewWriter(rec, r)
		_, err := w.WriteLevel(zerolog.WarnLevel, []byte(`{"a":`))
		require.NoError(t, err)
		_, err = w.WriteLevel(zerolog.ErrorLevel, []byte(`1}`+"\n"))
		require.NoError(t, err)
		assert.Equal(t, []zerolog.Level{zerolog.ErrorLevel}, rec.levels)
		assert.Equal(t, `{"a":1}`+"\n", rec.buf.String())
	})
}

// closeRecorder records writes and Close, and fails them as told.
type closeRecorder struct {
	calls              []string
	writeErr, closeErr error
}

func (c *closeRecorder) Write(p []byte) (int, error) {
	c.calls = append(c.calls, "write:"+string(p))
	if c.writeErr != nil {
		return 0, c.writeErr
	}
	return len(p), nil
}

func (c *closeRecorder) Close() error {
	c.calls = append(c.calls, "close")
	return c.closeErr
}

func TestSplitWriteErrors(t *testing.T) {
	r := testRedactor(t)
	boom := errors.New("disk full")
	c := &closeRecorder{writeErr: boom}
	w := zerologredact.NewWriter(c, r)
	_, err := w.Write([]byte(`{"password":"` + testPW))
	require.NoError(t, err, "held, nothing written yet")
	n, err := w.Write([]byte(`"}` + "\n"))
	assert.ErrorIs(t, err, boom)
	assert.Zero(t, n)
	// The failed line is not retried nor kept.
	c.writeErr = nil
	c.calls = nil
	require.NoError(t, w.Flush())
	assert.Empty(t, c.calls)
	for _, call := range c.calls {
		assert.NotContains(t, call, testPW)
	}
}

// TestWholeObjectWithoutNewline: a JSON object written by itself is
// forwarded at once even without its newline, as before split writes
// were held.
func TestWholeObjectWithoutNewline(t *testing.T) {
	var out bytes.Buffer
	w := zerologredact.NewWriter(&out, testRedactor(t))
	_, err := w.Write([]byte(`{"password":"x"}`))
	require.NoError(t, err)
	assert.Equal(t, `{"password":"[REDACTED]"}`, out.String())
	_, err = w.Write([]byte("\n"))
	require.NoError(t, err)
	assert.Equal(t, `{"password":"[REDACTED]"}`+"\n", out.String())
}

// TestCBORByteIsText: without the binary_log tag, input starting with
// CBOR's map byte is not trusted to be CBOR; it is redacted as text.
func TestCBORByteIsText(t *testing.T) {
	r := testRedactor(t)
	tests := []struct {
		name string
		in   []byte
	}{
		{"0xbf then text", append([]byte{0xbf}, "token "+testGH+"\n"...)},
		{"0xbf ... 0xff, shaped like a CBOR event", append(append([]byte{0xbf, 0x65}, "token "+testGH...), 0xff)},
		{"CBOR-encoded string holding a secret", append(append([]byte{0xbf, 0x64, 'n', 'o', 't', 'e', 0x78, byte(len("token " + testGH))}, "token "+testGH...), 0xff)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			w := zerologredact.NewWriter(&out, r)
			n, err := w.Write(tc.in)
			require.NoError(t, err)
			assert.Equal(t, len(tc.in), n)
			require.NoError(t, w.Flush())
			assert.NotContains(t, out.String(), testGH)
			assert.Contains(t, out.String(), "[REDACTED]")
		})
	}
}

// TestSplitInsideARune cuts "¿" (0xc2 0xbf) in two: the second write starts
// with 0xbf and continues the held line.
func TestSplitInsideARune(t *testing.T) {
	r := testRedactor(t)
	ev := []byte(`{"note":"¿` + testGH + `?"}` + "\n")
	i := bytes.IndexByte(ev, 0xbf)
	require.Positive(t, i)
	var out bytes.Buffer
	w := zerologredact.NewWriter(&out, r)
	_, err := w.Write(ev[:i])
	require.NoError(t, err)
	_, err = w.Write(ev[i:])
	require.NoError(t, err)
	assert.Equal(t, `{"note":"¿[REDACTED]?"}`+"\n", out.String())
}

// TestBytesInStruct: encoding/json writes a []byte field as base64, so the
// Writer sees only the base64 text; InterfaceMarshalFunc reads the bytes
// before they are encoded.
func TestBytesInStruct(t *testing.T) {
	r := redact.MustNew()
	type req struct {
		User     string `json:"user"`
		Body     []byte `json:"body"`
		Password []byte `json:"password"`
	}
	t.Run("under a sensitive key", func(t *testing.T) {
		var out bytes.Buffer
		l := zerolog.New(zerologredact.NewWriter(&out, r))
		l.Info().Interface("req", req{User: "bob", Password: []byte(testPW)}).Send()
		assert.NotContains(t, out.String(), base64.StdEncoding.EncodeToString([]byte(testPW)))
		assert.Contains(t, out.String(), `"password":"[REDACTED]"`)
	})
	t.Run("token in a byte slice, with the walker's encoder", func(t *testing.T) {
		withEncoders(t, r)
		var out bytes.Buffer
		l := zerolog.New(zerologredact.NewWriter(&out, r))
		l.Info().Interface("req", req{User: "bob", Body: []byte("token " + testGH)}).Send()
		assert.NotContains(t, out.String(), base64.StdEncoding.EncodeToString([]byte("token "+testGH)))
		assert.NotContains(t, out.String(), testGH)
	})
}

type panicky struct{}

func (panicky) String() string { panic("String sees " + testGH) }
func (panicky) Error() string  { panic("Error sees " + testGH) }

// TestPanicsInZerolog pins what the package doc says: zerolog calls String
// and Error itself, so their panics reach the caller, Writer or not; Safe
// recovers a Stringer's.
func TestPanicsInZerolog(t *testing.T) {
	var out bytes.Buffer
	l := zerolog.New(zerologredact.NewWriter(&out, testRedactor(t)))
	assert.Panics(t, func() { l.Info().Stringer("v", panicky{}).Send() })
	assert.Panics(t, func() { l.Info().Err(panicky{}).Send() })
	require.NotPanics(t, func() { l.Info().Stringer("v", zerologredact.Safe(panicky{})).Send() })
	assert.Equal(t, `{"level":"info","v":"[REDACTED]"}`+"\n", out.String())
}

func TestSafe(t *testing.T) {
	assert.Nil(t, zerologredact.Safe(nil))
	assert.Equal(t, redact.MustNew().Marker(), zerologredact.Safe(panicky{}).String(), "the marker is redact's default mask")
	assert.Equal(t, "ok", zerologredact.Safe(stringer("ok")).String())
	var nilPtr *nilDeref
	assert.Equal(t, "[REDACTED]", zerologredact.Safe(nilPtr).String())
	assert.Equal(t, "[REDACTED]", zerologredact.Safe(panicNil{}).String())

	var out bytes.Buffer
	l := zerolog.New(zerologredact.NewWriter(&out, testRedactor(t)))
	l.Info().Stringer("a", zerologredact.Safe(nil)).Stringer("b", zerologredact.Safe(stringer("token "+testGH))).Send()
	assert.Equal(t, `{"level":"info","a":null,"b":"token [REDACTED]"}`+"\n", out.String())
}

type nilDeref struct{ s string }

func (n *nilDeref) String() string { return n.s }

type panicNil struct{}

func (panicNil) String() string { panic(nil) }
