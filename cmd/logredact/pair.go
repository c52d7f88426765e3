package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"

	"github.com/logredact/logredact/internal/filter"
)

// The scan, --diff and --in-place modes all need to know which lines the
// filter changes, with exactly the filter's output (multi-line private
// keys and windowed long lines included). They run the filter as the
// default command does, into a file, and then read the input and the
// output side by side: the filter writes one output line per input line.

// filterToFile runs f over src into out and, when keep is set, copies the
// text it reads into keep. Both files are left at their ends.
func filterToFile(f *filter.Filter, src io.Reader, out, keep *os.File) (filter.Stats, error) {
	if keep != nil {
		src = io.TeeReader(src, keep)
	}
	bw := bufio.NewWriterSize(out, 256<<10)
	st, err := f.Run(bw, src)
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = &filter.WriteError{Err: ferr}
	}
	return st, err
}

// eachChange calls fn for every line of orig that differs in redacted,
// with its 1-based number and both lines without their '\n'. It reads
// both from their starts and reports whether any line differed; lines are
// held whole, one at a time.
func eachChange(orig, redacted io.ReadSeeker, fn func(n int, in, out []byte) error) (bool, error) {
	for _, s := range []io.Seeker{orig, redacted} {
		if _, err := s.Seek(0, io.SeekStart); err != nil {
			return false, err
		}
	}
	a := bufio.NewReaderSize(orig, 64<<10)
	b := bufio.NewReaderSize(redacted, 64<<10)
	var in, out []byte
	changed := false
	for n := 1; ; n++ {
		var errA, errB error
		in, errA = readLine(a, in[:0])
		out, errB = readLine(b, out[:0])
		if errA != nil && !errors.Is(errA, io.EOF) {
			return changed, errA
		}
		if errB != nil && !errors.Is(errB, io.EOF) {
			return changed, errB
		}
		if !bytes.Equal(in, out) {
			changed = true
			if fn != nil {
				if err := fn(n, bytes.TrimSuffix(in, []byte("\n")), bytes.TrimSuffix(out, []byte("\n"))); err != nil {
					return changed, err
				}
			}
		}
		if errA != nil && errB != nil {
			return changed, nil
		}
	}
}

// readLine appends the next line of r, with its '\n' if it has one, to dst.
func readLine(r *bufio.Reader, dst []byte) ([]byte, error) {
	for {
		chunk, err := r.ReadSlice('\n')
		dst = append(dst, chunk...)
		if !errors.Is(err, bufio.ErrBufferFull) {
			return dst, err
		}
	}
}

// sameContent reports whether the files a and b hold the same bytes,
// reading both from their starts.
func sameContent(a, b io.ReadSeeker) (bool, error) {
	changed, err := eachChange(a, b, nil)
	return !changed, err
}
