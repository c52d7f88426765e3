package filter

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/redact"
)

// pemBody returns the base64 lines of a key body of n random bytes, made
// now: no key is ever committed.
func pemBody(n int) []string {
	raw := make([]byte, n)
	_, _ = rand.Read(raw)
	b := base64.StdEncoding.EncodeToString(raw)
	var lines []string
	for len(b) > 64 {
		lines = append(lines, b[:64])
		b = b[64:]
	}
	return append(lines, b)
}

// armour returns the BEGIN and END lines of label ("RSA PRIVATE KEY").
func armour(label string) (begin, end string) {
	return "-----BEGIN " + label + "-----", "-----END " + label + "-----"
}

// pemCase is an input and the output a correct filter writes for it, built
// line by line; gone lists text that must not survive.
type pemCase struct {
	in, want []string
	gone     []string
}

func (c *pemCase) same(lines ...string) {
	c.in = append(c.in, lines...)
	c.want = append(c.want, lines...)
}

func (c *pemCase) body(prefix func(int) string, suffix string, lines []string) {
	for i, l := range lines {
		c.in = append(c.in, prefix(i)+l+suffix)
		c.want = append(c.want, prefix(i)+"[REDACTED]"+suffix)
		c.gone = append(c.gone, l)
	}
}

func noPrefix(int) string { return "" }

func TestRunPEM(t *testing.T) {
	rsaB, rsaE := armour("RSA PRIVATE KEY")
	tests := []struct {
		name string
		opts Options
		eol  string
		crlf bool
		make func(c *pemCase)
	}{
		{name: "plain", make: func(c *pemCase) {
			c.same("starting", rsaB)
			c.body(noPrefix, "", pemBody(1190))
			c.same(rsaE, "done")
		}},
		{name: "crlf", crlf: true, make: func(c *pemCase) {
			b, e := armour("OPENSSH PRIVATE KEY")
			c.same(b)
			c.body(noPrefix, "", pemBody(400))
			c.same(e, "next")
		}},
		{name: "encrypted headers and blank line", make: func(c *pemCase) {
			c.same(rsaB, "Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC,0A1B2C3D4E5F60718293A4B5C6D7E8F9", "")
			c.body(noPrefix, "", pemBody(600))
			c.same(rsaE)
		}},
		{name: "cri prefix on every line", make: func(c *pemCase) {
			// RFC 3339 with trailing zeros trimmed: the prefix's length
			// changes from line to line.
			cri := func(i int) string {
				return fmt.Sprintf("2026-01-02T03:04:05.%dZ stdout F ", 1+i*1370%100000)
			}
			c.same(cri(0) + "2026/01/02 03:04:05 loaded key " + "-----BEGIN EC PRIVATE KEY-----")
			c.body(cri, "", pemBody(220))
			c.same(cri(9) + "-----END EC PRIVATE KEY-----")
			c.same(cri(10) + "2026/01/02 03:04:06 listening on :8443")
		}},
		{name: "syslog prefix on every line", make: func(c *pemCase) {
			b, e := armour("PRIVATE KEY")
			// The day rolls over: "Jan  9" becomes "Jan 10".
			c.same("Jan  9 23:59:59 host app[4021]: " + b)
			sys := func(i int) string { return fmt.Sprintf("Jan 10 00:00:%02d host app[4021]: ", i) }
			c.body(sys, "", pemBody(900))
			c.same(sys(40)+e, "Jan 10 00:00:41 host app[4021]: ready")
		}},
		{name: "interleaved line is not masked", make: func(c *pemCase) {
			pre := func(int) string { return "2026-01-02 10:00:00 INFO keys: " }
			body := pemBody(500)
			c.same(pre(0) + rsaB)
			c.body(pre, "", body[:3])
			c.same("2026-01-02 10:00:00 INFO http: GET /health 200")
			c.body(pre, "", body[3:])
			c.same(pre(0) + rsaE)
		}},
		{name: "docker json lines", make: func(c *pemCase) {
			js := func(s string, i int) string {
				return fmt.Sprintf(`{"log":"%s\n","stream":"stderr","time":"2026-01-02T03:04:05.%dZ"}`, s, 100+i)
			}
			c.same(js(rsaB, 0))
			for i, l := range pemBody(300) {
				c.in = append(c.in, js(l, i))
				c.want = append(c.want, js("[REDACTED]", i))
				c.gone = append(c.gone, l)
			}
			c.same(js(rsaE, 99))
		}},
		{name: "joined first line", make: func(c *pemCase) {
			body := pemBody(300)
			c.in = append(c.in, rsaB+" "+body[0])
			c.want = append(c.want, rsaB+"[REDACTED]")
			c.gone = append(c.gone, body[0])
			c.body(noPrefix, "", body[1:])
			c.same(rsaE)
		}},
		{name: "two keys back to back", make: func(c *pemCase) {
			c.same(rsaB)
			c.body(noPrefix, "", pemBody(300))
			c.same(rsaE)
			b, e := armour("ENCRYPTED PRIVATE KEY")
			c.same(b)
			c.body(noPrefix, "", pemBody(300))
			c.same(e, "ZmluZSBub3cgdGhhbmtz") // base64-looking, after the END: kept
		}},
		{name: "new begin before end", make: func(c *pemCase) {
			c.same(rsaB)
			c.body(noPrefix, "", pemBody(100))
			b, e := armour("DSA PRIVATE KEY")
			c.same("app: " + b)
			c.body(func(int) string { return "app: " }, "", pemBody(100))
			c.same("app: " + e)
		}},
		{name: "no end, bound reached", opts: Options{PEMLines: 4}, make: func(c *pemCase) {
			body := pemBody(600)
			c.same(rsaB)
			c.body(noPrefix, "", body[:4])
			c.same(body[4:]...) // past the bound: ordinary lines again
		}},
		{name: "no end before eof", make: func(c *pemCase) {
			c.same("x", rsaB)
			c.body(noPrefix, "", pemBody(300))
		}},
		{name: "public key and certificate stay", make: func(c *pemCase) {
			for _, label := range []string{"PUBLIC KEY", "CERTIFICATE", "RSA PUBLIC KEY"} {
				b, e := armour(label)
				c.same(b)
				c.same(pemBody(300)...)
				c.same(e)
			}
		}},
		{name: "off", opts: Options{PEMLines: -1}, make: func(c *pemCase) {
			c.same(rsaB)
			c.same(pemBody(300)...)
			c.same(rsaE)
		}},
	}
	for _, tc := range tests {
		var c pemCase
		tc.make(&c)
		eol := "\n"
		if tc.crlf {
			eol = "\r\n"
		}
		in := strings.Join(c.in, eol) + eol
		want := strings.Join(c.want, eol) + eol
		for _, workers := range []int{1, 3} {
			for _, oneByte := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/workers=%d/onebyte=%v", tc.name, workers, oneByte), func(t *testing.T) {
					o := tc.opts
					o.Workers = workers
					var blocks atomic.Int64
					o.Observe = func(rule string) {
						assert.Equal(t, "private-key", rule)
						blocks.Add(1)
					}
					f := newFilter(t, &o)
					src := iotestReader(strings.NewReader(in), oneByte)
					var out bytes.Buffer
					_, err := f.Run(&out, src)
					require.NoError(t, err)
					assert.Equal(t, want, out.String())
					for _, g := range c.gone {
						assert.NotContains(t, out.String(), g)
					}
					if len(c.gone) == 0 {
						assert.Zero(t, blocks.Load())
					} else {
						assert.Positive(t, blocks.Load())
					}
				})
			}
		}
	}
}

// iotestReader returns r, or r one byte a read (every line then ends a
// batch, and the PEM state crosses batches at every line).
func iotestReader(r io.Reader, oneByte bool) io.Reader {
	if oneByte {
		return iotest.OneByteReader(r)
	}
	return r
}

// TestRunPEMAcrossBatches puts keys around batch boundaries of a large
// input redacted by several workers: each batch must start from the state
// the lines before it left.
func TestRunPEMAcrossBatches(t *testing.T) {
	rsaB, rsaE := armour("RSA PRIVATE KEY")
	var c pemCase
	for k := range 40 {
		for i := range 400 + 37*k {
			c.same(fmt.Sprintf("filler line %d of group %d", i, k))
		}
		c.same(rsaB)
		c.body(noPrefix, "", pemBody(1200))
		c.same(rsaE)
	}
	in := strings.Join(c.in, "\n") + "\n"
	want := strings.Join(c.want, "\n") + "\n"
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			var blocks atomic.Int64
			f := newFilter(t, &Options{Workers: workers, Observe: func(string) { blocks.Add(1) }})
			got := runString(t, f, in)
			require.Equal(t, want, got)
			assert.EqualValues(t, 40, blocks.Load())
		})
	}
}

// TestRunPEMAfterLongLine: a BEGIN at the end of a line longer than
// MaxLine, read in windows, still opens the block.
func TestRunPEMAfterLongLine(t *testing.T) {
	rsaB, rsaE := armour("RSA PRIVATE KEY")
	var c pemCase
	c.same(strings.Repeat("word ", 2000) + rsaB)
	c.body(noPrefix, "", pemBody(300))
	c.same(rsaE)
	in := strings.Join(c.in, "\n") + "\n"
	for _, workers := range []int{1, 2} {
		f := newFilter(t, &Options{Workers: workers, MaxLine: MinMaxLine})
		got := runString(t, f, in)
		assert.Equal(t, strings.Join(c.want, "\n")+"\n", got)
	}
}

func TestPEMShape(t *testing.T) {
	assert.Equal(t, "0-0-0T0:0:0.0Z stdout F ", string(shape(nil, []byte("2026-01-02T03:04:05.5Z  stdout\tF "))))
	blk := &pemBlock{pre: shape(nil, []byte("Jan  9 23:59:59 host app[1]: key "))}
	for _, tc := range []struct {
		line string
		ok   bool
	}{
		{"MIIEowIBAAKCAQEA", true},
		{"   MIIEowIBAAKCAQEA", true},
		{"Jan 10 00:00:01 host app[22]: MIIEowIBAAKCAQEA", true},
		{"Jan 10 00:00:01 host app[22]: key MIIEow", true},
		{"Jan 10 00:00:01 host sshd[9]: MIIEowIBAAKCAQEA", false},
		{"Jan 10 00:00:01 host app[22]: GET /x 200", false},
		{"Proc-Type: 4,ENCRYPTED", false},
		{"", false},
	} {
		s, e := blk.body([]byte(tc.line))
		assert.Equal(t, tc.ok, s < e, tc.line)
	}
}

// TestPEMAfterLongBeginLine: the lines a long line's read leaves over are
// lines of their own. The body lines read with the end of a BEGIN line
// longer than MaxLine were taken for the start of another long line and
// redacted as text (found by FuzzFilter).
func TestPEMAfterLongBeginLine(t *testing.T) {
	flt, err := New(redact.MustNew(), &Options{MaxLine: MinMaxLine, Workers: 1})
	require.NoError(t, err)
	body := pemBody(200)
	for _, tail := range []int{0, 10, 3 * MinMaxLine} {
		in := strings.Repeat("ab ", 700) + " -----BEGIN RSA PRIVATE KEY-----\n" + strings.Join(body, "\n") +
			"\n-----END RSA PRIVATE KEY----- " + strings.Repeat("z", tail) + "\nnext\n"
		var out bytes.Buffer
		_, err := flt.Run(&out, strings.NewReader(in))
		require.NoError(t, err)
		for _, l := range body {
			require.NotContains(t, out.String(), l, "tail %d", tail)
		}
		assert.Equal(t, strings.Count(in, "\n"), strings.Count(out.String(), "\n"), "line count")
	}
}
