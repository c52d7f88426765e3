package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"unicode/utf8"

	"github.com/logredact/logredact/internal/filter"
)

// The file tool: -o OUT, --in-place and --diff. Files are replaced the way
// editors do it safely: the new content goes to a temporary file in the
// same directory, is flushed to disk, gets the mode of the file it
// replaces and is renamed over it, so a reader sees the old file or the
// new one, never a part, and a failure leaves the original as it was.

// syncFile flushes f to disk; tests replace it to make writing fail.
var syncFile = (*os.File).Sync

// replaceFile writes path anew through fill, which writes the content to
// the temporary file it is given and reports whether to keep it: on false
// or an error the temporary file is removed and path is not touched.
func replaceFile(path string, mode fs.FileMode, owner *syscall.Stat_t, fill func(tmp *os.File) (bool, error)) (bool, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".logredact-*")
	if err != nil {
		return false, err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	keep, err := fill(tmp)
	if err != nil || !keep {
		return false, err
	}
	if err := tmp.Chmod(mode); err != nil {
		return false, err
	}
	if owner != nil {
		tmp.Chown(int(owner.Uid), int(owner.Gid)) // best effort: only root may give a file away
	}
	if err := syncFile(tmp); err != nil {
		return false, err
	}
	if err := tmp.Close(); err != nil {
		return false, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return false, err
	}
	done = true
	if d, err := os.Open(dir); err == nil { // make the rename itself durable
		d.Sync()
		d.Close()
	}
	return true, nil
}

// inPlace rewrites each file with its secrets redacted. A file with
// nothing to redact is left untouched, modification time included.
func inPlace(c *config, f *filter.Filter, stderr io.Writer) int {
	code := exitOK
	for _, name := range c.files {
		changed, err := inPlaceOne(f, name)
		if err != nil {
			fmt.Fprintf(stderr, "logredact: %s: %v (the file is unchanged)\n", name, err)
			code = exitFailure
			continue
		}
		if changed {
			fmt.Fprintf(stderr, "logredact: %s: redacted\n", name)
		}
	}
	return code
}

func inPlaceOne(f *filter.Filter, name string) (bool, error) {
	path, err := filepath.EvalSymlinks(name) // replace the file, not the link
	if err != nil {
		return false, err
	}
	fh, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return false, err
	}
	if !fi.Mode().IsRegular() {
		return false, errors.New("not a regular file")
	}
	text, info, err := decodeInput(fh, true)
	if err != nil {
		return false, err
	}
	switch {
	case info.gzip:
		return false, errors.New("gzip-compressed: --in-place would write it back decompressed; use -o OUT")
	case info.utf16 != "":
		return false, fmt.Errorf("%s: --in-place would write it back as UTF-8; use -o OUT", info.utf16)
	case info.binary:
		return false, errors.New("binary file: not rewritten")
	}
	owner, _ := fi.Sys().(*syscall.Stat_t)
	return replaceFile(path, fi.Mode().Perm(), owner, func(tmp *os.File) (bool, error) {
		if _, err := filterToFile(f, text, tmp, nil); err != nil {
			return false, err
		}
		same, err := sameContent(fh, tmp)
		return !same, err
	})
}

// writeOutput is -o OUT: every input, in order, into OUT, which keeps its
// mode if it exists and otherwise takes the first input file's.
func writeOutput(c *config, f *filter.Filter, counts *counters, stdin io.Reader, stderr io.Writer) int {
	mode := fs.FileMode(0o644)
	var owner *syscall.Stat_t
	outInfo, err := os.Stat(c.output)
	switch {
	case err == nil:
		mode = outInfo.Mode().Perm()
		owner, _ = outInfo.Sys().(*syscall.Stat_t)
	case len(c.files) > 0 && c.files[0] != "-":
		if fi, err := os.Stat(c.files[0]); err == nil {
			mode = fi.Mode().Perm()
		}
	}
	for _, name := range c.files {
		if fi, err := os.Stat(name); err == nil && outInfo != nil && os.SameFile(fi, outInfo) {
			fmt.Fprintf(stderr, "logredact: -o %s is also an input: use --in-place to rewrite a file\n", c.output)
			return exitUsage
		}
	}
	code := exitOK
	_, err = replaceFile(c.output, mode, owner, func(tmp *os.File) (bool, error) {
		bw := bufio.NewWriterSize(tmp, 256<<10)
		code = filterInputs(c, f, counts, stdin, bw, stderr)
		if err := bw.Flush(); err != nil {
			return false, err
		}
		return code != exitFailure, nil
	})
	if err != nil {
		fmt.Fprintf(stderr, "logredact: %s: %v\n", c.output, err)
		return exitFailure
	}
	if code == exitFailure {
		fmt.Fprintf(stderr, "logredact: %s not written\n", c.output)
	}
	return code
}

// diffInputs is --diff: the lines the filter would change, as
//
//	--- app.log
//	+++ app.log (redacted)
//	@@ line 12 @@
//	-password=*******
//	+password=[REDACTED]
//
// The secret never shows: on the '-' side every byte the filter changes is
// a '*' (one per character), the '+' side is the filter's output.
func diffInputs(c *config, f *filter.Filter, stdin io.Reader, stdout, stderr io.Writer) int {
	color := useColor(stdout)
	bw := bufio.NewWriter(stdout)
	code := exitOK
	inputs := c.files
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	tmp, err := os.MkdirTemp("", "logredact-diff-")
	if err != nil {
		fmt.Fprintf(stderr, "logredact: %v\n", err)
		return exitFailure
	}
	defer os.RemoveAll(tmp)
	for _, name := range inputs {
		changed, err := diffOne(f, name, stdin, bw, tmp, color)
		if err != nil {
			if isBrokenPipe(err) {
				return code
			}
			fmt.Fprintf(stderr, "logredact: %s: %v\n", name, err)
			code = exitFailure
			continue
		}
		if changed && code == exitOK {
			code = exitFound
		}
	}
	if err := bw.Flush(); err != nil && !isBrokenPipe(err) {
		fmt.Fprintf(stderr, "logredact: %v\n", err)
		return exitFailure
	}
	return code
}

func diffOne(f *filter.Filter, name string, stdin io.Reader, w *bufio.Writer, tmp string, color bool) (bool, error) {
	src := stdin
	if name != "-" {
		fh, err := os.Open(name)
		if err != nil {
			return false, err
		}
		defer fh.Close()
		src = fh
	}
	text, _, err := decodeInput(src, false)
	if err != nil {
		return false, err
	}
	orig, err := os.CreateTemp(tmp, "in-*")
	if err != nil {
		return false, err
	}
	defer orig.Close()
	out, err := os.CreateTemp(tmp, "out-*")
	if err != nil {
		return false, err
	}
	defer out.Close()
	if _, err := filterToFile(f, text, out, orig); err != nil {
		return false, err
	}
	red, green, bold, reset := "", "", "", ""
	if color {
		red, green, bold, reset = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[0m"
	}
	label := name
	if name == "-" {
		label = "standard input"
	}
	first := true
	return eachChange(orig, out, func(n int, in, outLine []byte) error {
		if first {
			fmt.Fprintf(w, "%s--- %s\n+++ %s (redacted)%s\n", bold, label, label, reset)
			first = false
		}
		fmt.Fprintf(w, "@@ line %d @@\n%s-%s%s\n%s+%s%s\n", n, red, maskChanged(in, outLine), reset, green, outLine, reset)
		_, err := w.Write(nil)
		return err
	})
}

// maskChanged returns in with the bytes from the first to the last that
// differ from out replaced by one '*' per character: whatever the filter
// replaced lies in there, and text between two secrets is hidden with
// them rather than risk showing a part of one.
func maskChanged(in, out []byte) []byte {
	p := 0
	for p < len(in) && p < len(out) && in[p] == out[p] {
		p++
	}
	s := 0
	for s < len(in)-p && s < len(out)-p && in[len(in)-1-s] == out[len(out)-1-s] {
		s++
	}
	// Keep whole characters: a shared byte inside a multi-byte character
	// must not cut it.
	for p > 0 && p < len(in) && !utf8.RuneStart(in[p]) {
		p--
	}
	for s > 0 && !utf8.RuneStart(in[len(in)-s]) {
		s--
	}
	masked := make([]byte, 0, len(in))
	masked = append(masked, in[:p]...)
	for range utf8.RuneCount(in[p : len(in)-s]) {
		masked = append(masked, '*')
	}
	return append(masked, in[len(in)-s:]...)
}

// useColor reports whether w is a terminal and $NO_COLOR is unset or
// empty (https://no-color.org).
func useColor(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	fh, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := fh.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
