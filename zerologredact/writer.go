package zerologredact

import (
	"bytes"
	"io"
	"sync"

	"github.com/rs/zerolog"

	"github.com/logredact/logredact/redact"
)

// Writer redacts zerolog events and writes them to another writer. Create
// one with [NewWriter]. It has no mutable state: it is safe for concurrent
// use whenever the writer it wraps is, which zerolog already requires.
type Writer struct {
	w  io.Writer
	lw zerolog.LevelWriter // w, when it takes levels
	r  *redact.Redactor
}

var (
	_ zerolog.LevelWriter = (*Writer)(nil)
	_ io.Closer           = (*Writer)(nil)
)

var defaultRedactor = sync.OnceValue(func() *redact.Redactor { return redact.MustNew() })

// NewWriter returns a Writer that redacts each event with r before writing
// it to w. A nil r means redact.New() with no options: every built-in
// pattern and the default sensitive keys. A nil w means io.Discard.
//
// The rules the Writer follows, for each call to Write or WriteLevel:
//
//   - A JSON event (input starting with '{') is rewritten by
//     [redact.Redactor.AppendJSON]. If it is not valid JSON it is redacted as
//     text by [redact.Redactor.AppendBytes] instead: a malformed event is
//     neither dropped nor passed on unredacted.
//   - A CBOR event (zerolog's binary_log build tag) is written unchanged:
//     its length-prefixed strings cannot be rewritten in place. Any other
//     input is redacted as text.
//   - The result is written to w exactly once, with WriteLevel when w is a
//     [zerolog.LevelWriter] and the level is known, otherwise with Write.
//   - On success the return value is len(p), nil, whatever the length of
//     the redacted event; otherwise 0 and w's error ([io.ErrShortWrite] if w
//     wrote less without one).
//   - p is never modified nor retained: zerolog reuses it.
//   - An event with nothing to redact reaches w byte for byte as zerolog
//     made it, and costs no allocation.
func NewWriter(w io.Writer, r *redact.Redactor) *Writer {
	if w == nil {
		w = io.Discard
	}
	if r == nil {
		r = defaultRedactor()
	}
	lw, _ := w.(zerolog.LevelWriter)
	return &Writer{w: w, lw: lw, r: r}
}

// Write redacts the event p and writes it to the underlying writer's
// Write method. zerolog itself calls WriteLevel.
func (w *Writer) Write(p []byte) (int, error) {
	return w.write(nil, 0, p)
}

// WriteLevel redacts the event p and writes it with the underlying
// writer's WriteLevel, or its Write if it does not take levels.
func (w *Writer) WriteLevel(level zerolog.Level, p []byte) (int, error) {
	return w.write(w.lw, level, p)
}

// Close closes the underlying writer if it is an [io.Closer], as zerolog's
// own wrapping writers do, so that a diode writer this one writes to can be
// flushed and stopped. Otherwise it does nothing.
func (w *Writer) Close() error {
	if c, ok := w.w.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// maxPooled keeps a rare huge event from pinning its buffer in the pool.
const maxPooled = 64 << 10

// buffer holds its first kilobyte inline, so that a pool miss costs one
// allocation.
type buffer struct {
	b   []byte
	arr [1024]byte
}

var bufPool = sync.Pool{New: func() any {
	bf := new(buffer)
	bf.b = bf.arr[:0]
	return bf
}}

// cborMapStart begins every event of zerolog's CBOR encoding (an
// indefinite-length map). It is a UTF-8 continuation byte, so text never
// starts with it.
const cborMapStart = 0xbf

func (w *Writer) write(lw zerolog.LevelWriter, level zerolog.Level, p []byte) (int, error) {
	if len(p) == 0 || p[0] == cborMapStart {
		return w.forward(lw, level, p, len(p))
	}
	bf := bufPool.Get().(*buffer)
	out := w.redact(bf.b[:0], p)
	n, err := w.forward(lw, level, out, len(p))
	if cap(out) <= maxPooled {
		bf.b = out[:0]
		bufPool.Put(bf)
	}
	return n, err
}

// redact appends the redacted event p to dst.
func (w *Writer) redact(dst, p []byte) []byte {
	if i := firstNonSpace(p); i < len(p) && p[i] == '{' {
		if out, err := w.r.AppendJSON(dst, p); err == nil {
			return out
		}
		// The event may be several JSON lines written at once; a line
		// that is not JSON is redacted as text.
		return w.appendLines(dst, p)
	}
	return w.r.AppendBytes(dst, p)
}

// appendLines redacts p line by line, each line as JSON if it is, as text
// otherwise.
func (w *Writer) appendLines(dst, p []byte) []byte {
	for len(p) > 0 {
		line := p
		if i := bytes.IndexByte(p, '\n'); i >= 0 {
			line = p[:i+1]
		}
		p = p[len(line):]
		out, err := w.r.AppendJSON(dst, line)
		if err != nil {
			out = w.r.AppendBytes(dst, line)
		}
		dst = out
	}
	return dst
}

func firstNonSpace(p []byte) int {
	for i, c := range p {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return i
		}
	}
	return len(p)
}

// forward writes out, the redacted form of an event of inLen bytes.
func (w *Writer) forward(lw zerolog.LevelWriter, level zerolog.Level, out []byte, inLen int) (int, error) {
	var n int
	var err error
	if lw != nil {
		n, err = lw.WriteLevel(level, out)
	} else {
		n, err = w.w.Write(out)
	}
	if err == nil && n < len(out) {
		err = io.ErrShortWrite
	}
	if err != nil {
		return 0, err
	}
	return inLen, nil
}
