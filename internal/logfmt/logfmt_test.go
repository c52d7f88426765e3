package logfmt_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/logredact/logredact/internal/logfmt"
	"github.com/logredact/logredact/redact"
)

var ghToken = "gh" + "p_" + func() string {
	const a = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, 36)
	for i := range b {
		b[i] = a[(i*7+3)%len(a)]
	}
	return string(b)
}()

func TestAppend(t *testing.T) {
	r := redact.MustNew(redact.WithSensitiveKeys("shard"))
	tests := []struct {
		name, in string
		want     string // with ok true; "" means unchanged
		notOK    bool
	}{
		{name: "simple clean", in: "a=1 b=two"},
		{name: "quoted clean", in: `msg="hello world" n=1`},
		{name: "escapes clean", in: `msg="say \"hi\" \\ ok" n=1`},
		{name: "empty values", in: `a= b="" c=3`},
		{name: "blanks around", in: "  a=1\tb=2  "},
		{name: "equals in bare value", in: "url=/x?a=b&c=d n=1"},
		{name: "invalid utf8 clean", in: "k=\xff\xfe v=1"},
		{name: "sensitive bare", in: "user=bob password=hunter2 n=1", want: "user=bob password=[REDACTED] n=1"},
		{name: "sensitive quoted", in: `shard="a b" n=1`, want: `shard="[REDACTED]" n=1`},
		{name: "sensitive camel", in: "apiKey=abc123 n=1", want: "apiKey=[REDACTED] n=1"},
		{name: "sensitive last", in: "n=1 token=abc", want: "n=1 token=[REDACTED]"},
		{name: "sensitive empty", in: `token= shard=""`},
		{name: "pattern in value", in: `msg="push ` + ghToken + `" n=1`, want: `msg="push [REDACTED]" n=1`},
		{name: "pattern in bare value", in: "t=" + ghToken, want: "t=[REDACTED]"},
		{name: "text", in: "hello world", notOK: true},
		{name: "text then pairs", in: "2026-01-01 INFO a=1", notOK: true},
		{name: "bare key", in: "a=1 flag", notOK: true},
		{name: "unterminated quote", in: `a="x b=2`, notOK: true},
		{name: "quote glued", in: `a="x"b=2`, notOK: true},
		{name: "quote in bare", in: `a=x"y`, notOK: true},
		{name: "empty key", in: "=1 a=2", notOK: true},
		{name: "empty", in: "", notOK: true},
		{name: "blank", in: "   ", notOK: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			prefix := []byte("PREFIX:")
			got, ok := logfmt.Append(prefix, []byte(tc.in), r)
			if tc.notOK {
				assert.False(t, ok)
				assert.Equal(t, "PREFIX:", string(got), "dst unchanged")
				return
			}
			assert.True(t, ok)
			want := tc.want
			if want == "" {
				want = tc.in
			}
			assert.Equal(t, "PREFIX:"+want, string(got))
		})
	}
}

func TestAppendReplacementQuoting(t *testing.T) {
	r := redact.MustNew(redact.WithMode(redact.Label), redact.WithLabelFormat(`<hidden "%s">`))
	got, ok := logfmt.Append(nil, []byte("password=x n=1"), r)
	assert.True(t, ok)
	assert.Equal(t, `password="<hidden \"sensitive-key\">" n=1`, string(got))

	h := redact.MustNew(redact.WithHMACKey([]byte(strings.Repeat("k", 16))))
	a, _ := logfmt.Append(nil, []byte(`token="a \"b\""`), h)
	b, _ := logfmt.Append(nil, []byte(`token="a \"b\""`), h)
	c, _ := logfmt.Append(nil, []byte(`token="a \"c\""`), h)
	assert.Equal(t, a, b)
	assert.NotEqual(t, a, c)
	assert.Regexp(t, `^token="\[REDACTED:hmac:[0-9a-f]{8}\]"$`, string(a))
}

func TestAppendCleanAllocs(t *testing.T) {
	r := redact.MustNew()
	line := []byte(`time=2026-11-27T13:00:00Z level=info msg="cache hit" status=200 path=/api/v1/users`)
	dst := make([]byte, 0, 256)
	allocs := testing.AllocsPerRun(100, func() { dst, _ = logfmt.Append(dst[:0], line, r) })
	assert.Zero(t, allocs)
}

func FuzzAppend(f *testing.F) {
	f.Add([]byte(`a=1 msg="x y"`), uint(3))
	f.Add([]byte(`password=`), uint(9))
	r := redact.MustNew()
	f.Fuzz(func(t *testing.T, data []byte, pos uint) {
		p := int(pos % uint(len(data)+1))
		in := append(append(append([]byte(nil), data[:p]...), " t="+ghToken+" "...), data[p:]...)
		out, ok := logfmt.Append(nil, in, r)
		if ok && strings.Contains(string(out), ghToken) {
			t.Fatalf("secret survived: %q", out)
		}
	})
}

func ExampleAppend() {
	r := redact.MustNew()
	out, ok := logfmt.Append(nil, []byte(`level=info msg="login ok" user=bob password=hunter2`), r)
	fmt.Println(string(out), ok)
	_, ok = logfmt.Append(nil, []byte("plain text, not logfmt"), r)
	fmt.Println(ok)
	// Output:
	// level=info msg="login ok" user=bob password=[REDACTED] true
	// false
}
