// Package filter is the core of the logredact command: it copies a stream of
// log lines from a reader to a writer with secrets redacted.
//
// The rules a [Filter] follows:
//
//   - Lines are redacted one at a time, each by its format (see [Format]):
//     a JSON object is rewritten key-aware by [redact.Redactor.AppendJSON],
//     a logfmt line key-aware by package logfmt, anything else as text by
//     [redact.Redactor.AppendBytes]. A line that fails to parse in its
//     format falls back to text, so it is never passed through unscanned.
//   - Output has exactly the lines of the input, in order. A line with
//     nothing to redact is written byte for byte, invalid UTF-8 included;
//     "\r\n" endings stay "\r\n"; a last line without '\n' stays without.
//   - Memory is bounded whatever the line length. A line longer than
//     [Options.MaxLine] is redacted as text in overlapping windows (see
//     [Options.Overlap]): no secret shorter than the overlap is missed or
//     redacted twice, and no byte is dropped.
//   - Output is written as soon as the input pauses: when a read returns
//     fewer bytes than asked for, the complete lines read so far are
//     redacted and written before the next read, so a `tail -f` producer
//     sees its lines at once.
//   - With more than one worker, batches of lines are redacted concurrently
//     and written in input order.
package filter

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/logredact/logredact/internal/logfmt"
	"github.com/logredact/logredact/redact"
)

// Format selects how lines are parsed.
type Format int

const (
	// Auto detects the format of every line: a line that starts with '{'
	// and ends with '}' (blanks aside) is JSON, a line made only of
	// key=value pairs is logfmt, anything else is text.
	Auto Format = iota
	// JSON treats every line as a JSON value.
	JSON
	// Logfmt treats every line as logfmt.
	Logfmt
	// Text scans every line with the patterns only; keys mean nothing.
	Text
)

var formatNames = [...]string{Auto: "auto", JSON: "json", Logfmt: "logfmt", Text: "text"}

// String returns the name [ParseFormat] accepts.
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ParseFormat returns the Format named s: auto, json, logfmt or text.
func ParseFormat(s string) (Format, error) {
	for i, n := range formatNames {
		if n == s {
			return Format(i), nil
		}
	}
	return 0, fmt.Errorf("unknown format %q (want auto, json, logfmt or text)", s)
}

// Defaults of [Options].
const (
	DefaultMaxLine = 64 << 20
	DefaultOverlap = 64 << 10
	// MinMaxLine is the smallest accepted [Options.MaxLine].
	MinMaxLine = 1 << 10
)

// batchSize is how much a batch reads at a time. Large enough that per-batch
// costs (a write, a channel hand-off) vanish, small enough that a worker's
// share of a stream stays in cache.
const batchSize = 256 << 10

// Options configure a [Filter]. The zero value, like a nil *Options, means
// every default.
type Options struct {
	// Format selects the per-line parser; the default is [Auto].
	Format Format

	// Workers is the number of goroutines redacting batches of lines; zero
	// or less means runtime.GOMAXPROCS(0). One worker redacts on the
	// calling goroutine.
	Workers int

	// MaxLine is the length from which a line is no longer held whole but
	// redacted as text in overlapping windows; zero means [DefaultMaxLine].
	// It must be at least [MinMaxLine].
	MaxLine int

	// Overlap is the guaranteed length of secret found across window
	// boundaries of long lines; zero means [DefaultOverlap], capped at a
	// quarter of MaxLine. It must not exceed a quarter of MaxLine.
	Overlap int
}

// Filter redacts streams of log lines. It is immutable and safe for
// concurrent use.
type Filter struct {
	r       *redact.Redactor
	format  Format
	workers int
	maxLine int
	overlap int
	window  int // window length for long lines
	ctx     int // clearance kept between a window cut and any secret
}

// New returns a Filter that redacts with r.
func New(r *redact.Redactor, opts *Options) (*Filter, error) {
	if r == nil {
		return nil, errors.New("filter: nil Redactor")
	}
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Format < Auto || o.Format > Text {
		return nil, fmt.Errorf("filter: unknown format %d", int(o.Format))
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.MaxLine == 0 {
		o.MaxLine = DefaultMaxLine
	}
	if o.MaxLine < MinMaxLine {
		return nil, fmt.Errorf("filter: max line %d is below the minimum %d", o.MaxLine, MinMaxLine)
	}
	if o.Overlap == 0 {
		o.Overlap = min(DefaultOverlap, o.MaxLine/4)
	}
	if o.Overlap < 16 || o.Overlap > o.MaxLine/4 {
		return nil, fmt.Errorf("filter: overlap %d must lie between 16 and a quarter of the max line (%d)", o.Overlap, o.MaxLine/4)
	}
	return &Filter{
		r:       r,
		format:  o.Format,
		workers: o.Workers,
		maxLine: o.MaxLine,
		overlap: o.Overlap,
		window:  max(4*o.Overlap, min(o.MaxLine, 1<<20)),
		ctx:     min(o.Overlap/8, 512),
	}, nil
}

// AppendLine appends line, one line without its '\n', to dst with secrets
// redacted as its format requires, and returns the extended slice. A
// trailing '\r' is kept and not parsed. Lines of any length are redacted
// whole; [Filter.Run] is what bounds memory.
func (f *Filter) AppendLine(dst, line []byte) []byte {
	body := line
	cr := len(line) > 0 && line[len(line)-1] == '\r'
	if cr {
		body = line[:len(line)-1]
	}
	switch f.format {
	case Auto:
		if looksJSON(body) {
			if out, err := f.r.AppendJSON(dst, body); err == nil {
				dst = out
				break
			}
		} else if out, ok := logfmt.Append(dst, body, f.r); ok {
			dst = out
			break
		}
		dst = f.r.AppendBytes(dst, body)
	case JSON:
		if out, err := f.r.AppendJSON(dst, body); err == nil {
			dst = out
		} else {
			dst = f.r.AppendBytes(dst, body)
		}
	case Logfmt:
		if out, ok := logfmt.Append(dst, body, f.r); ok {
			dst = out
		} else {
			dst = f.r.AppendBytes(dst, body)
		}
	default:
		dst = f.r.AppendBytes(dst, body)
	}
	if cr {
		dst = append(dst, '\r')
	}
	return dst
}

// looksJSON reports whether b, blanks aside, starts with '{' and ends with '}'.
func looksJSON(b []byte) bool {
	i, j := 0, len(b)
	for i < j && isBlank(b[i]) {
		i++
	}
	for j > i && isBlank(b[j-1]) {
		j--
	}
	return j-i >= 2 && b[i] == '{' && b[j-1] == '}'
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// appendLines redacts in, a run of whole lines, onto dst.
func (f *Filter) appendLines(dst, in []byte) []byte {
	for len(in) > 0 {
		i := bytes.IndexByte(in, '\n')
		if i < 0 {
			return f.AppendLine(dst, in)
		}
		dst = f.AppendLine(dst, in[:i])
		dst = append(dst, '\n')
		in = in[i+1:]
	}
	return dst
}

// Stats describe the input a [Filter.Run] consumed.
type Stats struct {
	Bytes int64 // bytes read
	Lines int64 // lines read, a last line without '\n' included
}

// ReadError is returned by [Filter.Run] when reading the input failed; the
// lines read before the failure have been redacted and written.
type ReadError struct{ Err error }

// Error describes the failed read.
func (e *ReadError) Error() string { return "read: " + e.Err.Error() }

// Unwrap returns the reader's error.
func (e *ReadError) Unwrap() error { return e.Err }

// WriteError is returned by [Filter.Run] when writing the output failed;
// reading stops at the first failed write.
type WriteError struct{ Err error }

// Error describes the failed write.
func (e *WriteError) Error() string { return "write: " + e.Err.Error() }

// Unwrap returns the writer's error.
func (e *WriteError) Unwrap() error { return e.Err }

// Run copies src to dst with secrets redacted, as described in the package
// documentation, until src reports io.EOF or an error. It returns how much
// it read and a [*ReadError] or [*WriteError], or nil at EOF.
func (f *Filter) Run(dst io.Writer, src io.Reader) (Stats, error) {
	if f.workers <= 1 {
		return f.runSerial(dst, src)
	}
	return f.runParallel(dst, src)
}

// batch is a unit of work: whole lines in, their redaction out. A batch
// that is ready already holds its output (a window of a long line).
type batch struct {
	in, out []byte
	ready   bool
	done    chan struct{}
}

// recycle drops a batch's data, and its buffers when a long line made them
// grow, so that one huge line does not pin memory for the rest of the run.
func (b *batch) recycle() {
	b.in, b.out = b.in[:0], b.out[:0]
	if cap(b.in) > 4*batchSize {
		b.in = nil
	}
	if cap(b.out) > 4*batchSize {
		b.out = nil
	}
	b.ready = false
}

// stage is where the reader hands batches: get returns an empty batch,
// emit queues a filled one and reports false once writing has failed.
type stage struct {
	get  func() *batch
	emit func(*batch) bool
}

func (f *Filter) runSerial(dst io.Writer, src io.Reader) (Stats, error) {
	var werr error
	var spare []*batch
	st := stage{
		get: func() *batch {
			if n := len(spare); n > 0 {
				b := spare[n-1]
				spare = spare[:n-1]
				return b
			}
			return &batch{}
		},
		emit: func(b *batch) bool {
			if !b.ready {
				b.out = f.appendLines(b.out[:0], b.in)
			}
			if len(b.out) > 0 {
				if _, err := dst.Write(b.out); err != nil {
					werr = err
				}
			}
			b.recycle()
			spare = append(spare, b)
			return werr == nil
		},
	}
	stats, rerr := f.read(src, st)
	return stats, result(rerr, werr)
}

func (f *Filter) runParallel(dst io.Writer, src io.Reader) (Stats, error) {
	depth := 2 * f.workers
	free := make(chan *batch, depth)
	for range depth {
		free <- &batch{done: make(chan struct{}, 1)}
	}
	jobs := make(chan *batch, depth)
	order := make(chan *batch, depth)

	var wg sync.WaitGroup
	for range f.workers {
		wg.Go(func() {
			for b := range jobs {
				b.out = f.appendLines(b.out[:0], b.in)
				b.done <- struct{}{}
			}
		})
	}
	var werr error
	var failed atomic.Bool
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		for b := range order {
			<-b.done
			if werr == nil && len(b.out) > 0 {
				if _, err := dst.Write(b.out); err != nil {
					werr = err
					failed.Store(true)
				}
			}
			b.recycle()
			free <- b
		}
	}()

	st := stage{
		get: func() *batch { return <-free },
		emit: func(b *batch) bool {
			order <- b
			if b.ready {
				b.done <- struct{}{}
			} else {
				jobs <- b
			}
			return !failed.Load()
		},
	}
	stats, rerr := f.read(src, st)
	close(jobs)
	close(order)
	wg.Wait()
	<-writerDone
	return stats, result(rerr, werr)
}

func result(rerr, werr error) error {
	if werr != nil {
		return &WriteError{Err: werr}
	}
	if rerr != nil && rerr != io.EOF {
		return &ReadError{Err: rerr}
	}
	return nil
}

// errStopped ends reading after a failed write.
var errStopped = errors.New("output failed")

// read splits src into batches of whole lines and hands them to st. It
// returns io.EOF at the end of the input, errStopped after a failed write,
// or the read error.
func (f *Filter) read(src io.Reader, st stage) (Stats, error) {
	var stats Stats
	var carry []byte // start of a line whose end is not read yet
	var sticky error // a read error already seen, reported after carry
	for {
		b := st.get()
		in := b.in[:0]
		if cap(in) < len(carry)+batchSize/2 {
			in = make([]byte, 0, max(batchSize, len(carry)+batchSize))
		}
		in = append(in, carry...)
		carry = carry[:0]
		lastNL := -1
		var rerr error
		for {
			if sticky != nil {
				rerr = sticky
				break
			}
			room := cap(in) - len(in)
			if lastNL < 0 {
				room = min(room, f.maxLine-len(in))
			}
			if room <= 0 {
				// Full, or (after a carry longer than MaxLine) past full.
				if lastNL >= 0 {
					break
				}
				if len(in) >= f.maxLine {
					break // a long line: handled below
				}
				in = growTo(in, min(2*cap(in), f.maxLine))
				continue
			}
			n, err := src.Read(in[len(in) : len(in)+room])
			if n > 0 {
				if i := bytes.LastIndexByte(in[len(in):len(in)+n], '\n'); i >= 0 {
					lastNL = len(in) + i
				}
				in = in[:len(in)+n]
			}
			if err != nil {
				rerr = err
				break
			}
			if n < room && lastNL >= 0 {
				break // the input paused: write what is complete
			}
		}

		switch {
		case rerr != nil:
			// The end of the input (or a failure): everything read is
			// redacted, a last partial line included.
			stats.Bytes += int64(len(in))
			stats.Lines += int64(bytes.Count(in, nl))
			if len(in) > 0 && in[len(in)-1] != '\n' {
				stats.Lines++
			}
			b.in = in
			if !st.emit(b) {
				return stats, errStopped
			}
			return stats, rerr
		case lastNL >= 0:
			carry = append(carry, in[lastNL+1:]...)
			b.in = in[:lastNL+1]
			stats.Bytes += int64(len(b.in))
			stats.Lines += int64(bytes.Count(b.in, nl))
			if !st.emit(b) {
				return stats, errStopped
			}
		default:
			// No line break in MaxLine bytes.
			rest, n, err := f.longLine(src, in, st)
			stats.Bytes += n
			stats.Lines++
			// Hand the batch back through the output, empty.
			b.in = in
			b.recycle()
			b.ready = true
			if err == errStopped || !st.emit(b) {
				return stats, errStopped
			}
			if err != nil && len(rest) == 0 {
				return stats, err
			}
			// The input ended (or failed) after the long line's '\n' and
			// some of the next line: redact that before reporting it, and
			// do not read again (a terminal would block on a second EOF).
			sticky = err
			carry = append(carry, rest...)
		}
	}
}

var nl = []byte{'\n'}

func growTo(b []byte, n int) []byte {
	nb := make([]byte, len(b), n)
	copy(nb, b)
	return nb
}

// longLine redacts a line that has no '\n' in its first MaxLine bytes,
// data, reading the rest of it from src. It returns the bytes read after
// the line's '\n' (the start of the next line), the length of the line
// including its '\n', and the read error that ended the line, if any.
//
// The line is redacted in windows of f.window bytes. A window is redacted
// only up to a cut that leaves its last Overlap bytes to the next window,
// so a secret shorter than the overlap that crosses the window's end lies
// whole in the next one. The cut is placed where no secret found in the
// window lies within f.ctx bytes, so the context a pattern needs around a
// secret (a "password=" before it, an '@' after it) is never split from
// it: every secret is redacted by exactly one window, and text is never
// redacted twice.
func (f *Filter) longLine(src io.Reader, data []byte, st stage) (rest []byte, n int64, err error) {
	var buf []byte
	for {
		for len(data) >= f.window {
			win := data[:f.window]
			cut := f.cut(win)
			if !f.emitText(st, win[:cut], false) {
				return nil, n, errStopped
			}
			n += int64(cut)
			data = data[cut:]
		}
		// Refill: keep the uncut tail and read until a window is full,
		// the line ends or the input does.
		if buf == nil {
			buf = make([]byte, 0, f.window)
		}
		buf = append(buf[:0], data...)
		nlAt := -1
		for len(buf) < f.window && nlAt < 0 && err == nil {
			var k int
			k, err = src.Read(buf[len(buf):f.window])
			if i := bytes.IndexByte(buf[len(buf):len(buf)+k], '\n'); i >= 0 {
				nlAt = len(buf) + i
			}
			buf = buf[:len(buf)+k]
		}
		if nlAt >= 0 {
			if !f.emitText(st, buf[:nlAt], true) {
				return nil, n, errStopped
			}
			n += int64(nlAt + 1)
			return append([]byte(nil), buf[nlAt+1:]...), n, err
		}
		if err != nil {
			if !f.emitText(st, buf, false) {
				return nil, n, errStopped
			}
			n += int64(len(buf))
			return nil, n, err
		}
		data = buf
	}
}

// emitText queues text, a piece of a long line, redacted as text.
func (f *Filter) emitText(st stage, text []byte, newline bool) bool {
	b := st.get()
	b.out = f.r.AppendBytes(b.out[:0], text)
	if newline {
		b.out = append(b.out, '\n')
	}
	b.ready = true
	return st.emit(b)
}

// cut returns where to end the redacted part of win, a full window of a
// long line: in [len(win)-2*Overlap, len(win)-Overlap], as late as possible,
// at least f.ctx bytes away from every secret found in win, and just after
// a blank when one is near, so that a word is not split either.
func (f *Filter) cut(win []byte) int {
	hi := len(win) - f.overlap
	lo := len(win) - 2*f.overlap
	ms := f.r.Find(unsafeString(win))
	p := hi
	// Walk the secrets from the last one back: each one too close to p
	// pushes p before its context.
	for i := len(ms) - 1; i >= 0 && p >= lo; i-- {
		m := ms[i]
		if m.Start >= p+f.ctx {
			continue
		}
		if m.End+f.ctx <= p {
			break
		}
		p = m.Start - f.ctx
	}
	if p < lo {
		// Secrets everywhere near the end: take the widest gap between
		// them instead, so that at least that cut is clean.
		p = widestGap(ms, lo, hi)
	}
	// Prefer to end on a blank, not in the middle of a word.
	for q := p; q > p-f.ctx/2 && q > lo; q-- {
		if c := win[q-1]; c == ' ' || c == '\t' || c == ',' || c == ';' {
			return q
		}
	}
	return p
}

// widestGap returns the middle of the longest stretch of [lo, hi] that holds
// no secret of ms.
func widestGap(ms []redact.Match, lo, hi int) int {
	best, bestLen := hi, -1
	prev := lo
	consider := func(a, b int) {
		a, b = max(a, lo), min(b, hi)
		if b-a > bestLen {
			best, bestLen = a+(b-a)/2, b-a
		}
	}
	for _, m := range ms {
		if m.End <= lo {
			continue
		}
		if m.Start >= hi {
			break
		}
		consider(prev, m.Start)
		prev = max(prev, m.End)
	}
	consider(prev, hi)
	if bestLen < 0 {
		return hi
	}
	return best
}

// unsafeString views b as a string; b must not change while it is used.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
