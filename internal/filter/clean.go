package filter

import (
	"bytes"
	"io"
)

// The clean path. Most log lines hold nothing to redact, and the engine can
// tell so for a run of whole lines in one pass of its keyword automaton (see
// redact.Redactor.CleanLines). Such a run goes to the output as the same bytes: it is not
// split into lines, not parsed as JSON or logfmt and not scanned again, and
// a long run is not even copied: the writer takes it from the input buffer
// (see seg). Only the lines the automaton flags, and the lines of a PEM
// block, are redacted one at a time by their format.

// minPassRun is the length from which a run of clean lines is written from
// the input buffer in place instead of being copied to the output buffer:
// below it the copy costs less than the extra write call (a system call
// when the output is a file or a pipe).
const minPassRun = 32 << 10

// seg is a piece of a batch's output, in input order: in[start:end] when
// fromIn, else out[start:end]. A batch without segments writes out whole.
type seg struct {
	start, end int
	fromIn     bool
}

// redactIn fills b with the redaction of b.in: out and, when a run of clean
// lines is written in place, segs.
func (f *Filter) redactIn(b *batch) {
	if need := outRoom(len(b.in)); cap(b.out) < need {
		b.out = make([]byte, 0, need)
	}
	b.out, b.segs, b.mark = b.out[:0], b.segs[:0], 0
	in, st := b.in, b.pem
	pemAt := -1 // start of the line holding the next PEM armour at or after pos
	for pos := 0; pos < len(in); {
		if st.blk == nil {
			// Outside a PEM block, up to the next line that may open one
			// (pemStep must see it), whole clean lines pass.
			lim := len(in)
			if f.pemLines > 0 {
				if pemAt < pos {
					pemAt = nextPEMLine(in, pos)
				}
				lim = pemAt
			}
			if n := f.clean(in[pos:lim]); n > 0 {
				b.pass(pos, pos+n)
				pos += n
				continue
			}
		}
		line, end := in[pos:], len(in)
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, end = line[:i], pos+i+1
		}
		b.out = f.appendOne(b.out, line, &st)
		if end > pos+len(line) {
			b.out = append(b.out, '\n')
		}
		pos = end
	}
	if len(b.segs) > 0 && len(b.out) > b.mark {
		b.segs = append(b.segs, seg{start: b.mark, end: len(b.out)})
	}
}

// nextPEMLine returns the start of the first line of in at or after pos
// that names a private key, or len(in).
func nextPEMLine(in []byte, pos int) int {
	i := bytes.Index(in[pos:], privKey)
	if i < 0 {
		return len(in)
	}
	return bytes.LastIndexByte(in[:pos+i], '\n') + 1
}

// appendOne redacts line, one line without its '\n', onto dst from the PEM
// state st, which it advances. A line longer than MaxLine is redacted in
// windows, as when it is read in pieces.
func (f *Filter) appendOne(dst, line []byte, st *pemState) []byte {
	seen := st.masked
	long := len(line) > f.maxLine
	s, e := f.pemStep(st, line, long)
	switch {
	case long:
		return f.appendWindowed(dst, line)
	case s < e:
		return f.appendPEMBody(dst, line, s, e, !seen)
	}
	return f.AppendLine(dst, line)
}

// pass adds in[start:end], a run of clean lines, to the output: copied to
// out when short, else as a segment of its own.
func (b *batch) pass(start, end int) {
	if end-start < minPassRun {
		b.out = append(b.out, b.in[start:end]...)
		return
	}
	if len(b.out) > b.mark {
		b.segs = append(b.segs, seg{start: b.mark, end: len(b.out)})
		b.mark = len(b.out)
	}
	b.segs = append(b.segs, seg{start: start, end: end, fromIn: true})
}

// writeTo writes the output of b to w.
func (b *batch) writeTo(w io.Writer) error {
	if len(b.segs) == 0 {
		if len(b.out) == 0 {
			return nil
		}
		_, err := w.Write(b.out)
		return err
	}
	for _, s := range b.segs {
		p := b.out[s.start:s.end]
		if s.fromIn {
			p = b.in[s.start:s.end]
		}
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}
