package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// What an input turned out to be, from its first bytes.
type inputInfo struct {
	gzip   bool   // decompressed on the fly
	utf16  string // "UTF-16LE" or "UTF-16BE" when decoded from a BOM
	binary bool   // a NUL byte in the first sniffLen bytes (after decoding)
}

// sniffLen is how much of an input is looked at to call it binary, as git
// and grep do: a NUL byte in the first 8000 bytes.
const sniffLen = 8000

// errZstd is returned for zstd-compressed input. The standard library has
// no zstd decoder; the well-kept module that has one
// (github.com/klauspost/compress) is not a dependency of this project, so
// such input is reported as not read instead of being passed as clean.
var errZstd = errors.New("zstd-compressed input is not supported (decompress it first: zstd -dc FILE | logredact scan -)")

// decodeInput returns a reader of r's text: gzip is decompressed
// (multi-member files included), UTF-16 with a byte order mark is decoded
// to UTF-8, and the info says what was found. A UTF-8 byte order mark is
// kept, as everything else, byte for byte.
//
// The encoding is decided on what the first read returns, so that a
// stream that pauses (tail -f) is not held back. With sniff, the first
// sniffLen bytes of text are read ahead to set info.binary before
// decodeInput returns; without it info.binary is set as the text is read.
func decodeInput(r io.Reader, sniff bool) (io.Reader, *inputInfo, error) {
	info := &inputInfo{}
	head, r, err := firstRead(r)
	if err != nil {
		return nil, info, err
	}
	switch {
	case len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b:
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, info, fmt.Errorf("gzip: %w", err)
		}
		info.gzip = true
		if head, r, err = firstRead(zr); err != nil {
			return nil, info, fmt.Errorf("gzip: %w", err)
		}
	case len(head) >= 4 && bytes.Equal(head[:4], []byte{0x28, 0xb5, 0x2f, 0xfd}):
		return nil, info, errZstd
	}
	if enc := utf16BOM(head); enc != "" {
		info.utf16 = enc
		br := bufio.NewReader(r)
		br.Discard(2)
		r = &utf16Reader{src: br, big: enc == "UTF-16BE"}
	}
	if !sniff {
		return &nulWatch{r: r, info: info, left: sniffLen}, info, nil
	}
	br := bufio.NewReaderSize(r, 64<<10)
	peek, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, info, err
	}
	info.binary = bytes.IndexByte(peek, 0) >= 0
	return br, info, nil
}

// firstRead returns what the first Read of r that gives any bytes gives,
// without waiting for more (a paused stream, tail -f, must not be held
// back), and a reader of all of r. Files give far more than the 4 bytes
// the magic numbers need.
func firstRead(r io.Reader) ([]byte, io.Reader, error) {
	buf := make([]byte, 4096)
	var n int
	var err error
	for n == 0 && err == nil {
		n, err = r.Read(buf)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, nil, err
	}
	return buf[:n], io.MultiReader(bytes.NewReader(buf[:n]), r), nil
}

// utf16BOM names the encoding of text that starts with a UTF-16 byte
// order mark and reads as text in it, or returns "". Bytes that start as a
// BOM but decode to control characters, private-use characters or unpaired
// surrogates are not UTF-16: they are passed as they are.
func utf16BOM(head []byte) string {
	if len(head) < 2 {
		return ""
	}
	var big bool
	switch {
	case head[0] == 0xff && head[1] == 0xfe:
	case head[0] == 0xfe && head[1] == 0xff:
		big = true
	default:
		return ""
	}
	units := head[2:]
	for i := 0; i+1 < len(units); i += 2 {
		c := rune(units[i]) | rune(units[i+1])<<8
		if big {
			c = rune(units[i+1]) | rune(units[i])<<8
		}
		switch {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r',
			c >= 0xe000 && c < 0xf900, c >= 0xfffe:
			return ""
		case c >= 0xdc00 && c < 0xe000:
			if i < 2 {
				return "" // a low surrogate first
			}
			p := rune(units[i-2]) | rune(units[i-1])<<8
			if big {
				p = rune(units[i-1]) | rune(units[i-2])<<8
			}
			if p < 0xd800 || p >= 0xdc00 {
				return ""
			}
		}
	}
	if big {
		return "UTF-16BE"
	}
	return "UTF-16LE"
}

// nulWatch passes r through and sets info.binary when a NUL byte is among
// the first sniffLen bytes.
type nulWatch struct {
	r    io.Reader
	info *inputInfo
	left int
}

func (w *nulWatch) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if w.left > 0 {
		look := p[:min(n, w.left)]
		if bytes.IndexByte(look, 0) >= 0 {
			w.info.binary = true
		}
		w.left -= len(look)
	}
	return n, err
}

// utf16Reader decodes UTF-16 (after its byte order mark) to UTF-8. An
// unpaired surrogate becomes U+FFFD, as does an odd last byte.
type utf16Reader struct {
	src  *bufio.Reader
	big  bool
	out  []byte // decoded, not yet returned
	high rune   // a high surrogate waiting for its pair, or 0
	err  error
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.out) == 0 {
		if u.err != nil {
			return 0, u.err
		}
		u.fill()
	}
	n := copy(p, u.out)
	u.out = u.out[n:]
	return n, nil
}

func (u *utf16Reader) fill() {
	var pair [2]byte
	for range 4096 {
		n, err := io.ReadFull(u.src, pair[:])
		if err != nil {
			if n == 1 || u.high != 0 {
				u.out = utf8.AppendRune(u.out, utf8.RuneError)
				u.high = 0
			}
			if errors.Is(err, io.ErrUnexpectedEOF) {
				err = io.EOF
			}
			u.err = err
			return
		}
		c := rune(pair[0]) | rune(pair[1])<<8
		if u.big {
			c = rune(pair[1]) | rune(pair[0])<<8
		}
		switch {
		case u.high != 0:
			r := utf16.DecodeRune(u.high, c)
			u.high = 0
			if r == utf8.RuneError && utf16.IsSurrogate(c) && c < 0xdc00 {
				u.out = utf8.AppendRune(u.out, utf8.RuneError)
				u.high = c
				continue
			}
			if r == utf8.RuneError {
				u.out = utf8.AppendRune(u.out, utf8.RuneError)
				if !utf16.IsSurrogate(c) {
					u.out = utf8.AppendRune(u.out, c)
				}
				continue
			}
			u.out = utf8.AppendRune(u.out, r)
		case c >= 0xd800 && c < 0xdc00:
			u.high = c
		case c >= 0xdc00 && c < 0xe000:
			u.out = utf8.AppendRune(u.out, utf8.RuneError)
		default:
			u.out = utf8.AppendRune(u.out, c)
		}
	}
}
