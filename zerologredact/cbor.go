//go:build binary_log

package zerologredact

import (
	"bytes"
	"encoding/binary"
	"errors"
	"unsafe"

	"github.com/rs/zerolog"
)

// isCBOR reports whether p is taken for one of zerolog's CBOR events (this
// build has binary_log, as zerolog's): an indefinite-length map, from its
// start byte 0xbf to its break byte 0xff. zerolog writes one event per
// write and appends no newline to CBOR, so these are not held as lines.
func isCBOR(p []byte) bool {
	return len(p) >= 2 && p[0] == 0xbf && p[len(p)-1] == 0xff
}

// emitCBOR redacts the CBOR event p item by item and writes it. An event
// with nothing to redact is written as it is; one that is not well-formed
// CBOR is redacted as text.
func (w *Writer) emitCBOR(lw zerolog.LevelWriter, level zerolog.Level, p []byte) error {
	bf := bufPool.Get().(*buffer)
	sc := bufPool.Get().(*buffer)
	c := cborRewriter{w: w, src: p, out: bf.b[:0], scratch: sc.b[:0]}
	out := p
	end, err := c.items(0, len(p))
	switch {
	case err != nil || end != len(p):
		out = w.r.AppendBytes(bf.b[:0], p)
		c.out = out
	case c.changed:
		out = append(c.out, p[c.last:]...)
		c.out = out
	}
	_, err = w.forward(lw, level, out, len(p))
	if cap(c.out) <= maxPooled {
		bf.b = c.out[:0]
		bufPool.Put(bf)
	}
	if cap(c.scratch) <= maxPooled {
		sc.b = c.scratch[:0]
		bufPool.Put(sc)
	}
	return err
}

// maxCBORDepth bounds nesting, as redact bounds JSON's: deeper input is
// not walked but redacted as text.
const maxCBORDepth = 1000

var errCBOR = errors.New("zerologredact: malformed CBOR")

// CBOR major types, as zerolog's encoder writes them.
const (
	cborUint   = 0
	cborNegInt = 1
	cborBytes  = 2
	cborText   = 3
	cborArray  = 4
	cborMap    = 5
	cborTag    = 6
	cborSimple = 7

	cborBreak = 0xff
	cborNull  = 0xf6

	tagEmbeddedCBOR = 63
	tagEmbeddedJSON = 262
)

// cborRewriter copies src to out lazily: out holds the redacted form of
// src[:last], and is only written to once an item changes.
type cborRewriter struct {
	w       *Writer
	src     []byte
	out     []byte
	last    int
	changed bool
	depth   int
	scratch []byte
	dry     bool // only find where items end: redact nothing
}

// head decodes the item header at i: its major type, its argument (a
// length, count, value or tag number), whether it is of indefinite length,
// and where its content starts.
func (c *cborRewriter) head(i, end int) (major byte, arg uint64, indef bool, next int, err error) {
	if i >= end {
		return 0, 0, false, 0, errCBOR
	}
	b := c.src[i]
	major, minor := b>>5, b&0x1f
	i++
	var n int
	switch {
	case minor < 24:
		return major, uint64(minor), false, i, nil
	case minor == 24:
		n = 1
	case minor == 25:
		n = 2
	case minor == 26:
		n = 4
	case minor == 27:
		n = 8
	case minor == 31 && major >= cborBytes && major <= cborMap:
		return major, 0, true, i, nil
	case minor == 31 && major == cborSimple:
		return major, 0, false, i, nil // a break, checked by the caller
	default:
		return 0, 0, false, 0, errCBOR
	}
	if end-i < n {
		return 0, 0, false, 0, errCBOR
	}
	var buf [8]byte
	copy(buf[8-n:], c.src[i:i+n])
	return major, binary.BigEndian.Uint64(buf[:]), false, i + n, nil
}

// items walks the items in src[i:end] in sequence and returns where they
// end.
func (c *cborRewriter) items(i, end int) (int, error) {
	for i < end {
		var err error
		if i, err = c.item(i, end, false); err != nil {
			return 0, err
		}
	}
	return i, nil
}

// item walks, and redacts, the item at i, and returns where it ends.
// sensitive is true for a value under a sensitive key: it is replaced
// whole by the marker unless it is null or an empty string.
func (c *cborRewriter) item(i, end int, sensitive bool) (int, error) {
	if c.depth++; c.depth > maxCBORDepth {
		return 0, errCBOR
	}
	defer func() { c.depth-- }()
	if sensitive && !c.dry {
		next, err := c.skip(i, end)
		if err != nil {
			return 0, err
		}
		if !empty(c.src[i:next]) {
			c.replace(i, next, cborText, []byte(c.w.r.Marker()))
		}
		return next, nil
	}
	major, arg, indef, next, err := c.head(i, end)
	if err != nil {
		return 0, err
	}
	switch major {
	case cborUint, cborNegInt:
		return next, nil
	case cborSimple:
		if c.src[i] == cborBreak {
			return 0, errCBOR // a break outside an indefinite container
		}
		return next, nil
	case cborBytes, cborText:
		if indef {
			return 0, errCBOR // zerolog never writes chunked strings
		}
		stop, err := span(next, arg, end)
		if err != nil || c.dry {
			return stop, err
		}
		c.scratch = c.w.r.AppendBytes(c.scratch[:0], c.src[next:stop])
		if !bytes.Equal(c.scratch, c.src[next:stop]) {
			c.replace(i, stop, major, c.scratch)
		}
		return stop, nil
	case cborArray, cborMap:
		for k := uint64(0); indef || k < arg; k++ {
			if next >= end {
				return 0, errCBOR
			}
			if indef && c.src[next] == cborBreak {
				return next + 1, nil
			}
			key := false
			if major == cborMap {
				if key, err = c.keySensitive(next, end); err != nil {
					return 0, err
				}
				if next, err = c.item(next, end, false); err != nil {
					return 0, err
				}
			}
			if next, err = c.item(next, end, key); err != nil {
				return 0, err
			}
		}
		return next, nil
	default: // cborTag
		return c.tagged(arg, next, end)
	}
}

// tagged walks the content, at next, of an item with the given tag.
func (c *cborRewriter) tagged(tag uint64, next, end int) (int, error) {
	if c.dry || tag != tagEmbeddedJSON && tag != tagEmbeddedCBOR {
		return c.item(next, end, false) // a time, an address, hex bytes...
	}
	major, n, indef, body, err := c.head(next, end)
	if err != nil || major != cborBytes || indef {
		return 0, errCBOR
	}
	stop, err := span(body, n, end)
	if err != nil || c.dry {
		return stop, err
	}
	content := c.src[body:stop]
	var red []byte
	if tag == tagEmbeddedJSON {
		red, err = c.w.r.AppendJSON(c.scratch[:0], content)
		if err != nil {
			red = c.w.r.AppendBytes(c.scratch[:0], content)
		}
	} else {
		// RawCBOR: walk it as an event of its own.
		inner := cborRewriter{w: c.w, src: content, scratch: c.scratch, depth: c.depth}
		innerEnd, err := inner.items(0, len(content))
		c.scratch = inner.scratch
		switch {
		case err != nil || innerEnd != len(content):
			red = c.w.r.AppendBytes(nil, content)
		case inner.changed:
			red = append(inner.out, content[inner.last:]...)
		default:
			red = content
		}
	}
	if !bytes.Equal(red, content) {
		c.replace(next, stop, cborBytes, red)
	}
	if tag == tagEmbeddedJSON {
		c.scratch = red[:0]
	}
	return stop, nil
}

// keySensitive reports whether the map key at i is a text string naming a
// sensitive key.
func (c *cborRewriter) keySensitive(i, end int) (bool, error) {
	major, n, indef, next, err := c.head(i, end)
	if err != nil || major != cborText || indef {
		return false, err
	}
	stop, err := span(next, n, end)
	if err != nil || stop == next {
		return false, err
	}
	// The key is only read during the call; src is not changed meanwhile.
	return c.w.r.IsSensitiveKey(unsafe.String(&c.src[next], stop-next)), nil
}

// empty reports whether item holds nothing to hide, which a sensitive key
// keeps as AppendJSON does: null, the empty string, or embedded JSON null
// (zerolog's Interface(nil)).
func empty(item []byte) bool {
	switch string(item) {
	case "\xf6", "\x60", "\xd9\x01\x06\x44null":
		return true
	}
	return false
}

// skip returns where the item at i ends, without redacting it.
func (c *cborRewriter) skip(i, end int) (int, error) {
	probe := cborRewriter{w: c.w, src: c.src, depth: c.depth, dry: true}
	return probe.item(i, end, false)
}

// replace writes the item src[i:stop] as one of type major holding
// content.
func (c *cborRewriter) replace(i, stop int, major byte, content []byte) {
	c.out = append(c.out, c.src[c.last:i]...)
	c.out = appendHead(c.out, major, uint64(len(content)))
	c.out = append(c.out, content...)
	c.last = stop
	c.changed = true
}

func appendHead(dst []byte, major byte, n uint64) []byte {
	m := major << 5
	switch {
	case n < 24:
		return append(dst, m|byte(n))
	case n < 1<<8:
		return append(dst, m|24, byte(n))
	case n < 1<<16:
		return binary.BigEndian.AppendUint16(append(dst, m|25), uint16(n))
	case n < 1<<32:
		return binary.BigEndian.AppendUint32(append(dst, m|26), uint32(n))
	default:
		return binary.BigEndian.AppendUint64(append(dst, m|27), n)
	}
}

// span returns where content of n bytes starting at i ends.
func span(i int, n uint64, end int) (int, error) {
	if n > uint64(end-i) {
		return 0, errCBOR
	}
	return i + int(n), nil
}
