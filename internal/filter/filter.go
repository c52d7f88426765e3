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
//   - Clean lines cost one pass: when the redactor can vouch for a run of
//     whole lines (redact.Redactor.CleanLines: no keyword, no sensitive key
//     name, no escape), the run is written as it is, without being split,
//     parsed or copied (a run of 32 KiB or more is written from the input
//     buffer itself). Only the other lines are parsed by their format.
//   - Memory is bounded whatever the line length and the worker count (see
//     [Filter.MemoryBound]): short lines travel in batches that share one
//     byte budget, a line longer than a batch is held in the one large
//     buffer (so such lines are redacted one at a time), and a line longer
//     than [Options.MaxLine] is redacted as text in windows.
//   - Windows lose nothing: each byte of a long line is decided by exactly
//     one window, at a cut where redacting the two sides apart finds what
//     redacting them together finds, so any match up to [Options.Overlap]
//     bytes long, the context its rule needs included (a "curl" before
//     "-u user:password"), is redacted once and no byte is dropped. Where
//     no such cut exists (text dense with secrets and keywords) the filter
//     fails closed: it carries what it found across the cut, or replaces
//     every span either side found with the marker ([redact.Redactor.Marker],
//     whatever the mode; an observer does not see those). A long JSON line
//     is redacted as text, so keys only count within a window.
//   - A line that is not entirely JSON (a container runtime's or syslog's
//     header before the object, an object cut short) is redacted by
//     [redact.Redactor.AppendBytes], which finds JSON after a prefix
//     itself: the filter never takes a path weaker than the core's.
//   - Output is written as soon as the input pauses: when a read returns
//     fewer bytes than asked for, the complete lines read so far are
//     redacted and written before the next read, so a `tail -f` producer
//     sees its lines at once.
//   - With more than one worker, batches of lines are redacted concurrently
//     and written in input order.
//   - A PEM private key logged across lines is redacted whole: after a line
//     holding "-----BEGIN … PRIVATE KEY-----", up to [Options.PEMLines]
//     lines (default [DefaultPEMLines]) until the END line, the base64 body
//     of each line is replaced by the marker, also when every line carries
//     the log's prefix; the armour lines stay, so a reader sees what was
//     removed. Without an END the block ends after PEMLines lines or at the
//     end of the input, what it masked staying masked. Lines are not held
//     back for this, so memory and `tail -f` latency are unchanged.
package filter

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
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
	// Text redacts every line as text by [redact.Redactor.AppendBytes]: no
	// line is parsed as JSON or logfmt by the filter, but the core's text
	// rules still apply key names to the assignments and JSON objects they
	// find in a line.
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

// Batching. Short lines travel in batches of up to batchMax bytes; the
// batches in flight share one byte budget, batchBudget, so that their memory
// does not grow with the number of workers (each batch is smaller when there
// are many). A line that does not fit a batch moves to the one large buffer,
// which holds at most one such line at a time whatever the worker count;
// windows of lines longer than MaxLine use two window buffers of their own.
const (
	batchMax    = 256 << 10
	batchMin    = 16 << 10
	batchBudget = 4 << 20
	// maxWorkers bounds the goroutines and batches of a Filter: more than
	// this brings nothing on any machine and would only thin the batches.
	maxWorkers = 256
)

// Options configure a [Filter]. The zero value, like a nil *Options, means
// every default.
type Options struct {
	// Format selects the per-line parser; the default is [Auto].
	Format Format

	// Workers is the number of goroutines redacting batches of lines; zero
	// or less means runtime.GOMAXPROCS(0), and more than 256 means 256. One
	// worker redacts on the calling goroutine.
	Workers int

	// MaxLine is the length from which a line is no longer held whole but
	// redacted as text in overlapping windows; zero means [DefaultMaxLine].
	// It must be at least [MinMaxLine].
	MaxLine int

	// Overlap is the guaranteed length of a match, from the start of the
	// context its rule needs (a "curl" before "-u user:password", a
	// "password=" before the value) to the end of the secret, that is found
	// across window boundaries of long lines; zero means [DefaultOverlap],
	// capped at a quarter of MaxLine. It must not exceed a quarter of
	// MaxLine.
	Overlap int

	// PEMLines is how many lines after a line holding the BEGIN armour of
	// a PEM private key ("-----BEGIN RSA PRIVATE KEY-----", any label
	// ending in PRIVATE KEY) may be the key's body; zero means
	// [DefaultPEMLines], less than zero turns multi-line keys off. Inside
	// the block, a line that is a run of base64 after a prefix shaped like
	// the BEGIN line's (digits and blanks aside: a timestamp, a level, a
	// container runtime's "stdout F ") or an outer part of it, or after
	// none, and before a suffix shaped like the BEGIN line's, has that run
	// replaced by the marker; other lines (headers, blank lines, unrelated
	// log lines) are redacted as usual. The block ends at its END line, a
	// new BEGIN, after PEMLines lines, or at the end of the input: without
	// an END the lines already masked stay masked (fail closed). No line
	// is held back to decide, so memory and latency do not change.
	PEMLines int

	// Observe, when set, is called with the rule ID "private-key" once for
	// each multi-line private key the filter masks itself, possibly from
	// several goroutines at once; what the redactor redacts is reported by
	// its own observer (see [redact.WithObserver]).
	Observe func(rule string)
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
	batch   int // bytes per batch of short lines

	pemLines int // see Options.PEMLines; <= 0: off
	observe  func(rule string)
	// clean is r.CleanLines (tests put an oracle in its place).
	clean func(b []byte) int
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
	o.Workers = min(o.Workers, maxWorkers)
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
	switch {
	case o.PEMLines == 0:
		o.PEMLines = DefaultPEMLines
	case o.PEMLines < 0:
		o.PEMLines = 0
	}
	return &Filter{
		clean:    r.CleanLines,
		pemLines: o.PEMLines,
		observe:  o.Observe,
		r:        r,
		format:   o.Format,
		workers:  o.Workers,
		maxLine:  o.MaxLine,
		overlap:  o.Overlap,
		window:   max(4*o.Overlap, min(o.MaxLine, 1<<20)),
		ctx:      min(o.Overlap/8, 512),
		batch:    max(batchMin, min(batchMax, batchBudget/(2*o.Workers))),
	}, nil
}

// MemoryBound returns the most memory, in bytes, that [Filter.Run] keeps in
// its own buffers: one line of up to MaxLine bytes and its redaction (about
// 2.25 × MaxLine), the batches of short lines (4 MiB, shared by the workers,
// and their output), and the windows of a line longer than MaxLine (3 ×
// min(MaxLine, 1 MiB)). What the redactor allocates while it rewrites a line
// comes on top: see the command's documentation for measured totals.
func (f *Filter) MemoryBound() int64 {
	big := int64(f.maxLine) + int64(outRoom(f.maxLine))
	small := 2 * int64(f.workers) * int64(f.batch+outRoom(f.batch))
	return big + small + 3*int64(f.window) + int64(f.batch)
}

// outRoom is the capacity an output buffer gets for n bytes of input: a
// redaction is rarely much longer than its input, and a buffer sized once
// is not regrown (and reallocated) by every append.
func outRoom(n int) int { return n + n/8 + 4<<10 }

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
	segs    []seg // see redactIn; empty: out is the whole output
	mark    int   // out[:mark] is in segs
	ready   bool
	kind    kind
	pem     pemState // the PEM state before in's first line
	done    chan struct{}
}

// kind is the pool a batch belongs to.
type kind int

const (
	small kind = iota // short lines; one pool slot per batch in flight
	large             // the one buffer for a line longer than a batch
	win               // a window of a line longer than MaxLine
	nKinds
)

// poolSize is how many batches of each kind exist per worker count.
func poolSize(k kind, workers int) int {
	switch k {
	case large:
		return 1
	case win:
		return min(2, workers)
	}
	return 2 * workers
}

// recycle drops a batch's data. Small batches also drop buffers a long
// carry made them grow, so that they do not pin memory for the rest of the
// run; the large and window buffers are kept, as reusing them is what
// keeps the garbage of a stream of big lines (and so the heap) bounded.
func (b *batch) recycle(f *Filter) {
	b.in, b.out, b.segs, b.mark = b.in[:0], b.out[:0], b.segs[:0], 0
	if b.kind == small {
		if cap(b.in) > 4*f.batch {
			b.in = nil
		}
		if cap(b.out) > 4*outRoom(f.batch) {
			b.out = nil
		}
	}
	b.ready = false
}

// stage is where the reader hands batches: get returns an empty batch of
// the kind asked, emit queues a filled one and reports false once writing
// has failed.
type stage struct {
	get  func(kind) *batch
	emit func(*batch) bool
}

func (f *Filter) runSerial(dst io.Writer, src io.Reader) (Stats, error) {
	var werr error
	var spare [nKinds][]*batch
	st := stage{
		get: func(k kind) *batch {
			if n := len(spare[k]); n > 0 {
				b := spare[k][n-1]
				spare[k] = spare[k][:n-1]
				return b
			}
			return &batch{kind: k}
		},
		emit: func(b *batch) bool {
			if !b.ready {
				f.redactIn(b)
			}
			if err := b.writeTo(dst); err != nil {
				werr = err
			}
			b.recycle(f)
			spare[b.kind] = append(spare[b.kind], b)
			return werr == nil
		},
	}
	stats, rerr := f.read(src, st)
	return stats, result(rerr, werr)
}

func (f *Filter) runParallel(dst io.Writer, src io.Reader) (Stats, error) {
	var free [nKinds]chan *batch
	total := 0
	for k := range nKinds {
		n := poolSize(k, f.workers)
		total += n
		free[k] = make(chan *batch, n)
		for range n {
			free[k] <- &batch{kind: k, done: make(chan struct{}, 1)}
		}
	}
	jobs := make(chan *batch, total)
	order := make(chan *batch, total)

	var wg sync.WaitGroup
	for range f.workers {
		wg.Go(func() {
			for b := range jobs {
				f.redactIn(b)
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
			if werr == nil {
				if err := b.writeTo(dst); err != nil {
					werr = err
					failed.Store(true)
				}
			}
			b.recycle(f)
			free[b.kind] <- b
		}
	}()

	st := stage{
		get: func(k kind) *batch { return <-free[k] },
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
//
// A batch is a small one until a line does not fit it; the lines read so
// far then move to the large batch, which is read into in chunks of at most
// f.batch bytes and ends at the first '\n'. So the large buffer never holds
// more than MaxLine bytes and the start of the next line carried over is
// never longer than a chunk.
func (f *Filter) read(src io.Reader, st stage) (Stats, error) {
	var stats Stats
	var carry []byte // start of a line whose end is not read yet
	var sticky error // a read error already seen, reported after carry
	// pem is the PEM state after the lines handed on so far: each batch
	// takes a copy, so that workers need not wait for one another.
	var pem pemState
	emit := func(b *batch) bool {
		if !b.ready {
			b.pem = pem
			f.pemScan(&pem, b.in)
		}
		return st.emit(b)
	}
	for {
		b := st.get(small)
		in := b.in[:0]
		if cap(in) < len(carry)+f.batch/2 {
			// Only after a long line, whose rest may be a window long.
			in = make([]byte, 0, max(f.batch, len(carry)+f.batch))
		}
		in = append(in, carry...)
		carry = carry[:0]
		// What a long line's read left over may hold whole lines: they
		// are lines, not the start of another long line.
		lastNL := bytes.LastIndexByte(in, '\n')
		var rerr error
		for {
			if sticky != nil {
				rerr = sticky
				break
			}
			if b.kind == large && lastNL >= 0 {
				break
			}
			room := cap(in) - len(in)
			if lastNL < 0 {
				room = min(room, f.maxLine-len(in))
			}
			if b.kind == large {
				room = min(room, f.batch)
			}
			if room <= 0 {
				// Full, or (after a carry longer than MaxLine) past full.
				if lastNL >= 0 || len(in) >= f.maxLine {
					break // full of lines, or a long line: handled below
				}
				if b.kind == small {
					// A line longer than a batch: move to the large
					// buffer, and hand the small one back, empty.
					lb := st.get(large)
					lb.in = append(lb.in[:0], in...)
					b.in = in
					b.recycle(f)
					b.ready = true
					if !emit(b) {
						return stats, errStopped
					}
					b, in = lb, lb.in
					continue
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
			if !emit(b) {
				return stats, errStopped
			}
			return stats, rerr
		case lastNL >= 0:
			carry = append(carry, in[lastNL+1:]...)
			b.in = in[:lastNL+1]
			stats.Bytes += int64(len(b.in))
			stats.Lines += int64(bytes.Count(b.in, nl))
			if !emit(b) {
				return stats, errStopped
			}
		default:
			// No line break in MaxLine bytes.
			rest, n, err := f.longLine(src, in, st, &pem)
			stats.Bytes += n
			stats.Lines++
			// Hand the batch back through the output, empty.
			b.in = in
			b.recycle(f)
			b.ready = true
			if err == errStopped || !emit(b) {
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
// The line is redacted in windows of f.window bytes, each redacted only up
// to a cut (see [Filter.cut]) and the rest left to the next window, which
// starts at the cut. Every byte is so decided by exactly one window, and
// each piece goes through the redactor once, so a secret is redacted (and
// counted by an observer) once. What a window learnt about the text after
// its cut that the next one cannot see (a secret whose context lies before
// the cut) is carried to it as spans it must cover.
//
// pem is advanced past the line, as far as its last piece tells: a BEGIN
// armour there opens a block.
func (f *Filter) longLine(src io.Reader, data []byte, st stage, pem *pemState) (rest []byte, n int64, err error) {
	var buf []byte
	var owed []redact.Match // secrets the next piece must cover, offsets from its start
	for {
		for len(data) >= f.window {
			c := f.cut(data[:f.window], owed)
			if !f.emitPiece(st, data[:c.at], c.mask, false) {
				return nil, n, errStopped
			}
			owed = c.owed
			n += int64(c.at)
			data = data[c.at:]
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
		if nlAt >= 0 || err != nil {
			end := len(buf)
			if nlAt >= 0 {
				end = nlAt
			}
			f.pemStep(pem, buf[:end], true)
			if !f.emitPiece(st, buf[:end], f.last(buf[:end], owed), nlAt >= 0) {
				return nil, n, errStopped
			}
			if nlAt < 0 {
				return nil, n + int64(end), err
			}
			n += int64(nlAt + 1)
			return append([]byte(nil), buf[nlAt+1:]...), n, err
		}
		data = buf
	}
}

// emitPiece queues text, a piece of a long line, redacted (see
// [Filter.appendPiece]).
func (f *Filter) emitPiece(st stage, text []byte, mask []redact.Match, newline bool) bool {
	b := st.get(win)
	if need := outRoom(len(text)); cap(b.out) < need {
		b.out = make([]byte, 0, need)
	}
	b.out = f.appendPiece(b.out[:0], text, mask)
	if newline {
		b.out = append(b.out, '\n')
	}
	b.ready = true
	return st.emit(b)
}

// appendPiece appends text, a piece of a long line, redacted as text: by
// the redactor, or, when mask is not nil, with the spans of mask replaced
// by the marker (a window that could not find a cut its pieces agree on).
func (f *Filter) appendPiece(dst, text []byte, mask []redact.Match) []byte {
	if mask == nil {
		return f.r.AppendBytes(dst, text)
	}
	return appendMasked(dst, text, mask, f.r.Marker())
}

// appendWindowed appends line, a line longer than MaxLine that a batch
// held whole (it followed other lines), redacted in the windows
// [Filter.longLine] would use, so that the output does not depend on how
// the input was read.
func (f *Filter) appendWindowed(dst, line []byte) []byte {
	var owed []redact.Match
	for len(line) >= f.window {
		c := f.cut(line[:f.window], owed)
		dst = f.appendPiece(dst, line[:c.at], c.mask)
		owed = c.owed
		line = line[c.at:]
	}
	return f.appendPiece(dst, line, f.last(line, owed))
}

// appendMasked appends text with the spans ms, sorted and disjoint,
// replaced by marker.
func appendMasked(dst, text []byte, ms []redact.Match, marker string) []byte {
	last := 0
	for _, m := range ms {
		s, e := max(m.Start, last), min(m.End, len(text))
		if e <= s {
			continue
		}
		dst = append(dst, text[last:s]...)
		dst = append(dst, marker...)
		last = e
	}
	return append(dst, text[last:]...)
}

// A cutting decides the end of the piece of a window redacted now.
type cutting struct {
	at   int            // the piece is win[:at]
	mask []redact.Match // nil: redact the piece with the redactor; else mask these spans
	owed []redact.Match // spans the next piece must cover, offsets from at
}

// maxTries bounds the cuts verified per window, and so the work: each try
// is two scans of the window, and a window advances by at least half its
// length, so a byte is scanned at most 2+4·maxTries times (twice in the
// usual case of the first cut being clean).
const maxTries = 3

// cut chooses where to end the piece of win, a full window of a long line,
// that is redacted now. A cut p is clean when the redactor, scanning
// win[:p] and win[p:] apart, finds exactly the secrets it finds in win:
// then no rule's context (a keyword, a key name, "curl … -u" before the
// secret, an '@' after it) straddles p, and redacting the pieces apart is
// the same as redacting the window whole. win begins at the previous cut,
// so it holds at least len(win)-2·Overlap bytes of left context for every
// secret after p: any match up to Overlap bytes long, context included, is
// seen whole by some window.
//
// Candidates are tried from the latest (see [Filter.candidate]). When none
// is clean, the cut falls closed: if the pieces only miss secrets after p,
// those are owed by the next piece; otherwise the piece is written with
// every span either view found replaced by the marker.
func (f *Filter) cut(win []byte, owed []redact.Match) cutting {
	ms := f.find(win)
	hi := len(win) - f.overlap
	lo := len(win) - 2*f.overlap
	step := (hi - lo) / maxTries
	var covered, partial, masked *cutting
	prev := -1
	for try := range maxTries {
		p := f.candidate(win, ms, lo, hi-try*step)
		if p == prev {
			continue
		}
		prev = p
		a := f.find(win[:p])
		b := f.find(win[p:])
		before, after := clip(ms, 0, p), shift(clip(ms, p, len(win)), -p)
		owedA, owedB := clip(owed, 0, p), shift(clip(owed, p, len(win)), -p)
		okA := covers(a, before) && covers(a, owedA)
		okB := covers(b, after) && len(owedB) == 0
		switch {
		case okA && okB && sameSpans(a, before) && sameSpans(b, after):
			return cutting{at: p}
		case okA && okB:
			if covered == nil {
				covered = &cutting{at: p}
			}
		case okA:
			// The piece before p is right; the one after misses secrets
			// whose context is before p: the next piece must cover them.
			if partial == nil {
				partial = &cutting{at: p, owed: union(after, owedB)}
			}
		default:
			if masked == nil {
				masked = &cutting{
					at:   p,
					mask: union(a, before, owedA),
					owed: union(after, owedB),
				}
			}
		}
	}
	switch {
	case covered != nil:
		return *covered
	case partial != nil:
		return *partial
	}
	return *masked
}

// last returns how to write the last piece of a long line, text: nil (by
// the redactor) unless the redactor misses a secret owed to it.
func (f *Filter) last(text []byte, owed []redact.Match) []redact.Match {
	if len(owed) == 0 {
		return nil
	}
	ms := f.find(text)
	if covers(ms, owed) {
		return nil
	}
	return union(ms, clip(owed, 0, len(text)))
}

// candidate returns where to end the redacted part of win below hi: in
// [lo, hi], as late as possible, at least f.ctx bytes away from every
// secret found in win, and just after a blank when one is near, so that a
// word is not split either.
func (f *Filter) candidate(win []byte, ms []redact.Match, lo, hi int) int {
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

// clip returns the parts of the sorted spans ms that lie in [lo, hi).
func clip(ms []redact.Match, lo, hi int) []redact.Match {
	var out []redact.Match
	for _, m := range ms {
		s, e := max(m.Start, lo), min(m.End, hi)
		if s < e {
			m.Start, m.End = s, e
			out = append(out, m)
		}
	}
	return out
}

// shift returns ms moved by d bytes.
func shift(ms []redact.Match, d int) []redact.Match {
	out := make([]redact.Match, len(ms))
	for i, m := range ms {
		m.Start += d
		m.End += d
		out[i] = m
	}
	return out
}

// sameSpans reports whether a and b hold the same spans, found by the same
// rules.
func sameSpans(a, b []redact.Match) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// covers reports whether every byte of the spans want lies in a span of
// have; both are sorted and disjoint.
func covers(have, want []redact.Match) bool {
	j := 0
	for _, w := range want {
		pos := w.Start
		for pos < w.End {
			for j < len(have) && have[j].End <= pos {
				j++
			}
			if j == len(have) || have[j].Start > pos {
				return false
			}
			pos = have[j].End
		}
	}
	return true
}

// union returns the spans of all the lists, sorted and merged.
func union(lists ...[]redact.Match) []redact.Match {
	var all []redact.Match
	for _, l := range lists {
		all = append(all, l...)
	}
	slices.SortFunc(all, func(a, b redact.Match) int { return cmp.Compare(a.Start, b.Start) })
	var out []redact.Match
	for _, m := range all {
		if n := len(out); n > 0 && m.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, m.End)
			continue
		}
		out = append(out, m)
	}
	return out
}

// scanned, when a test sets it, counts the bytes the window cutting asks
// the redactor to scan, so that a test can bound the work per byte.
var scanned *atomic.Int64

// find reports the secrets in b.
func (f *Filter) find(b []byte) []redact.Match {
	if scanned != nil {
		scanned.Add(int64(len(b)))
	}
	return f.r.Find(unsafeString(b))
}

// unsafeString views b as a string; b must not change while it is used.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
