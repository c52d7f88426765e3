package zerologredact

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sync"
	"sync/atomic"

	"github.com/rs/zerolog"

	"github.com/logredact/logredact/redact"
)

// Writer redacts zerolog events and writes them to another writer. Create
// one with [NewWriter]; do not copy it.
//
// A Writer is safe for concurrent use whenever the writer it wraps is,
// which zerolog already requires. Its only state is the incomplete last
// line of a split write (see [NewWriter]), guarded by a mutex. A write that
// is one or more whole lines while nothing is held, which is what zerolog
// produces, reads one atomic flag and takes no lock; only split writes
// serialise on the mutex, for as long as redacting and forwarding the line
// they complete takes.
type Writer struct {
	w  io.Writer
	lw zerolog.LevelWriter // w, when it takes levels
	r  *redact.Redactor
	// clean is r.CleanLines (tests put an oracle in its place).
	clean func(b []byte) int
	// holding is true while tail holds bytes. It is written under mu and
	// read without it by the fast path: a write that is ordered after the
	// one that started a tail (same goroutine, or synchronised with it)
	// sees it set.
	holding atomic.Bool

	mu      sync.Mutex
	tail    []byte              // the incomplete last line, at most maxTail bytes
	tailLW  zerolog.LevelWriter // how the last write into tail was made, for Flush
	tailLvl zerolog.Level
}

var (
	_ zerolog.LevelWriter = (*Writer)(nil)
	_ io.Closer           = (*Writer)(nil)
)

var defaultRedactor = sync.OnceValue(func() *redact.Redactor { return redact.MustNew() })

// maxTail bounds the incomplete line a Writer holds. zerolog never writes
// a partial event, so only a writer chain that splits events (a
// bufio.Writer, io.Copy, a custom writer) fills it, and only an event
// longer than this ends up redacted in pieces.
const maxTail = 1 << 20

// cutWindow is how far back from maxTail a held line that overflows is cut
// at a separator rather than in the middle of a word.
const cutWindow = 4 << 10

// NewWriter returns a Writer that redacts each event with r before writing
// it to w. A nil r means redact.New() with no options: every built-in
// pattern and the default sensitive keys. A nil w means io.Discard.
//
// The rules the Writer follows, for each call to Write or WriteLevel:
//
//   - Input is a stream of lines. A write that ends with '\n' (zerolog ends
//     every JSON event with one) is redacted and forwarded at once,
//     together with the incomplete line held from earlier writes, if any.
//     A write that does not end with '\n' forwards the lines it completes
//     and holds the rest until a later write ends the line, or until
//     [Writer.Flush] or [Writer.Close]. An event split across several
//     writes is thus redacted whole, as if it had been written at once.
//   - Exceptions to holding: a write that is a whole JSON object by itself
//     while nothing is held is forwarded at once, newline or not. A held
//     line that grows past 1 MiB is redacted as text and forwarded in
//     pieces of about 1 MiB, cut at a separator (space, quote, comma ...)
//     near the limit when there is one: held bytes are never dropped, but
//     a secret that straddles a cut can be missed.
//   - A JSON line (starting with '{') is rewritten by
//     [redact.Redactor.AppendJSON]. If it is not valid JSON it is redacted
//     as text by [redact.Redactor.AppendBytes] instead: a malformed event
//     is neither dropped nor passed on unredacted. Other lines are
//     redacted as text.
//   - Built with the binary_log tag only: a write that starts with 0xbf
//     and ends with 0xff while nothing is held is taken for one of
//     zerolog's CBOR events and redacted item by item, or as text if it is
//     not well-formed CBOR (see the package documentation). Without the
//     tag such input is text.
//   - The result is written to w with WriteLevel when w is a
//     [zerolog.LevelWriter] and the level is known, otherwise with Write;
//     a held line is written with the level of the write that completes it.
//   - On success the return value is len(p), nil, whatever the length of
//     the redacted output; otherwise 0 and w's error ([io.ErrShortWrite] if
//     w wrote less without one). After an error the line being written and
//     any held bytes are discarded; nothing is retried.
//   - p is never modified nor retained: zerolog reuses it.
//   - An event with nothing to redact reaches w byte for byte as zerolog
//     made it, and, written whole, costs no allocation.
func NewWriter(w io.Writer, r *redact.Redactor) *Writer {
	if w == nil {
		w = io.Discard
	}
	if r == nil {
		r = defaultRedactor()
	}
	lw, _ := w.(zerolog.LevelWriter)
	return &Writer{w: w, lw: lw, r: r, clean: r.CleanLines}
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

// Flush redacts the incomplete line held from split writes, if any, and
// writes it to the underlying writer, as JSON if it is a JSON object and
// as text otherwise. It does not flush the underlying writer. Call it when
// a writer chain in front of this one may have split an event and no more
// writes will come to end its line.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.tail) == 0 {
		return nil
	}
	err := w.emit(w.tailLW, w.tailLvl, w.tail)
	w.dropTail()
	w.holding.Store(false)
	return err
}

// Close flushes the held line as [Writer.Flush] does, then closes the
// underlying writer if it is an [io.Closer], as zerolog's own wrapping
// writers do, so that a diode writer this one writes to can be flushed and
// stopped. It returns both errors, joined.
func (w *Writer) Close() error {
	err := w.Flush()
	if c, ok := w.w.(io.Closer); ok {
		err = errors.Join(err, c.Close())
	}
	return err
}

// maxPooled keeps a rare huge event from pinning its buffer in the pool,
// or a huge held line its buffer in the Writer.
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

func (w *Writer) write(lw zerolog.LevelWriter, level zerolog.Level, p []byte) (int, error) {
	if len(p) == 0 {
		return w.forward(lw, level, p, 0)
	}
	if !w.holding.Load() && (p[len(p)-1] == '\n' || isCBOR(p)) {
		// The fast path: whole lines, or a CBOR event, and nothing held.
		var err error
		if isCBOR(p) {
			err = w.emitCBOR(lw, level, p)
		} else {
			err = w.emit(lw, level, p)
		}
		if err != nil {
			return 0, err
		}
		return len(p), nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	err := w.stream(lw, level, p)
	w.holding.Store(len(w.tail) > 0)
	if err != nil {
		return 0, err
	}
	return len(p), nil
}

// stream adds p to the line stream: the held line is completed and
// written if p ends it, the whole lines in p are written, and the rest is
// held. w.mu is held.
func (w *Writer) stream(lw zerolog.LevelWriter, level zerolog.Level, p []byte) error {
	if len(w.tail) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			return w.hold(lw, level, p)
		}
		if err := w.hold(lw, level, p[:i+1]); err != nil {
			return err
		}
		err := w.emit(lw, level, w.tail)
		w.dropTail()
		if err != nil {
			return err
		}
		p = p[i+1:]
	} else if isCBOR(p) {
		return w.emitCBOR(lw, level, p)
	}
	j := bytes.LastIndexByte(p, '\n')
	if j < 0 && isObject(p) {
		// A whole JSON object without its newline, written by itself. A
		// split event's first part never is one: an object ends at its
		// closing brace, and only the newline follows it.
		j = len(p) - 1
	}
	if j >= 0 {
		if err := w.emit(lw, level, p[:j+1]); err != nil {
			return err
		}
		p = p[j+1:]
	}
	return w.hold(lw, level, p)
}

// isObject reports whether p is one complete JSON object. It checks p with
// encoding/json rather than AppendJSON's error so that the decision cannot
// change with how leniently the core parses.
func isObject(p []byte) bool {
	i := firstNonSpace(p)
	return i < len(p) && p[i] == '{' && json.Valid(p)
}

// hold appends p to the held line. While the line is longer than maxTail,
// its front is redacted as text and written, so that the Writer never
// holds more than maxTail bytes. w.mu is held.
func (w *Writer) hold(lw zerolog.LevelWriter, level zerolog.Level, p []byte) error {
	if len(p) == 0 {
		return nil
	}
	w.tailLW, w.tailLvl = lw, level
	for len(w.tail)+len(p) > maxTail {
		room := maxTail - len(w.tail)
		w.tail = append(w.tail, p[:room]...)
		p = p[room:]
		cut := cutPoint(w.tail)
		err := w.emitText(lw, level, w.tail[:cut])
		// The rest is shorter than cutWindow: copying it down keeps the
		// whole loop linear in len(p).
		w.tail = w.tail[:copy(w.tail, w.tail[cut:])]
		if err != nil {
			w.dropTail()
			return err
		}
	}
	w.tail = append(w.tail, p...)
	return nil
}

// cutPoint returns where to cut b, a held line at its bound: after the
// last separator in its final cutWindow bytes, so that a token is less
// likely to be split, or at its end if there is none.
func cutPoint(b []byte) int {
	start := max(len(b)-cutWindow, 0)
	if i := bytes.LastIndexAny(b[start:], " \t\r,;\"'&"); i >= 0 {
		return start + i + 1
	}
	return len(b)
}

func (w *Writer) dropTail() {
	w.tail = w.tail[:0]
	if cap(w.tail) > maxPooled {
		w.tail = nil
	}
}

// emit redacts p, one or more lines, and writes the result once.
func (w *Writer) emit(lw zerolog.LevelWriter, level zerolog.Level, p []byte) error {
	if w.clean(p) == len(p) {
		// Nothing to redact (one scan of the keyword automaton): forward
		// zerolog's own bytes. The writer
		// below may not retain them, as with bare zerolog.
		_, err := w.forward(lw, level, p, len(p))
		return err
	}
	bf := bufPool.Get().(*buffer)
	out := w.redact(bf.b[:0], p)
	_, err := w.forward(lw, level, out, len(p))
	if cap(out) <= maxPooled {
		bf.b = out[:0]
		bufPool.Put(bf)
	}
	return err
}

// emitText redacts p as text, whatever it looks like, and writes it.
func (w *Writer) emitText(lw zerolog.LevelWriter, level zerolog.Level, p []byte) error {
	bf := bufPool.Get().(*buffer)
	out := w.r.AppendBytes(bf.b[:0], p)
	_, err := w.forward(lw, level, out, len(p))
	if cap(out) <= maxPooled {
		bf.b = out[:0]
		bufPool.Put(bf)
	}
	return err
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
