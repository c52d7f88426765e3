package logfmt_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

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

// opaque looks like a generated credential without matching any vendor
// pattern: what a weak key name masks.
var opaque = "Zq7" + "xW9" + "vK2" + "mN4pL8" + "aB3cD5eF"

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
		{name: "sensitive last", in: "n=1 password=abc", want: "n=1 password=[REDACTED]"},
		// Weak names ("token", "session", "auth") mask only values that look
		// like credentials, as the JSON rewriter does.
		{name: "weak plain values", in: "n=1 token=abc session=30546173_4261722401 auth=SIMPLE"},
		{name: "weak quoted plain", in: `token="two words" n=1`},
		{name: "weak credential", in: "n=1 session=" + opaque, want: "n=1 session=[REDACTED]"},
		{name: "weak quoted credential", in: `auth="` + opaque + `" n=1`, want: `auth="[REDACTED]" n=1`},
		{name: "placeholder", in: "password=${DB_PASSWORD} n=1"},
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
	a, _ := logfmt.Append(nil, []byte(`password="a \"b\""`), h)
	b, _ := logfmt.Append(nil, []byte(`password="a \"b\""`), h)
	c, _ := logfmt.Append(nil, []byte(`password="a \"c\""`), h)
	assert.Equal(t, a, b)
	assert.NotEqual(t, a, c)
	assert.Regexp(t, `^password="\[REDACTED:hmac:[0-9a-f]{8}\]"$`, string(a))
	// The digest is of the unquoted value, so logfmt and JSON agree.
	j, err := h.AppendJSON(nil, []byte(`{"password":"a \"b\""}`))
	assert.NoError(t, err)
	assert.Equal(t, `{"password":"`+strings.TrimSuffix(strings.TrimPrefix(string(a), `password="`), `"`)+`"}`, string(j))
}

// TestAgreesWithJSON checks that a value under a key is masked in logfmt
// exactly when the JSON rewriter masks it: both follow the key's tier.
func TestAgreesWithJSON(t *testing.T) {
	r := redact.MustNew()
	keys := []string{"password", "apiKey", "client_secret", "token", "session", "auth", "cookie", "sid", "user", "msg"}
	values := []string{"abc", "hunter2", "two words", opaque, "${DB_PASSWORD}", "30546173_4261722401", "SIMPLE", "[REDACTED:x]", "changeme", `say "hi"`}
	const marker = "[REDACTED]"
	for _, k := range keys {
		for _, v := range values {
			q := strings.ReplaceAll(v, `"`, `\"`)
			lf, ok := logfmt.Append(nil, []byte(k+`="`+q+`" n=1`), r)
			assert.True(t, ok)
			js, err := r.AppendJSON(nil, []byte(`{"`+k+`":"`+q+`","n":1}`))
			assert.NoError(t, err)
			lfMasked := string(lf) == k+`="`+marker+`" n=1`
			jsMasked := string(js) == `{"`+k+`":"`+marker+`","n":1}`
			assert.Equal(t, jsMasked, lfMasked, "%s=%q: logfmt %s, JSON %s", k, v, lf, js)
			assert.Equal(t, r.MasksValue(k, v), lfMasked, "%s=%q: MasksValue disagrees with %s", k, v, lf)
			if !lfMasked {
				assert.Equal(t, k+`="`+q+`" n=1`, string(lf), "a value left alone is kept byte for byte")
			}
		}
	}
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
	f.Add([]byte(`session="a \" b" x=`), uint(12))
	r := redact.MustNew()
	plants := []struct{ plant, secret string }{
		{" t=" + ghToken + " ", ghToken},
		{" password=" + opaque + " ", opaque},
		{` session="` + opaque + `" `, opaque},
	}
	f.Fuzz(func(t *testing.T, data []byte, pos uint) {
		p := int(pos % uint(len(data)+1))
		pl := plants[int(pos/7)%len(plants)]
		in := append(append(append([]byte(nil), data[:p]...), pl.plant...), data[p:]...)
		// Time per byte stays bounded: 50µs a byte above a floor, with one
		// retry, as a machine shared with other work can stall any run.
		budget := 100*time.Millisecond + time.Duration(len(in))*50*time.Microsecond
		for try := 0; ; try++ {
			start := time.Now()
			out, ok := logfmt.Append(nil, in, r)
			took := time.Since(start)
			if ok && strings.Contains(string(out), pl.secret) {
				t.Fatalf("secret survived in %d bytes of output", len(out))
			}
			if took <= budget {
				break
			}
			if try == 1 {
				t.Fatalf("%d bytes took %v, over %v", len(in), took, budget)
			}
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
