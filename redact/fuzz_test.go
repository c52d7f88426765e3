package redact_test

import (
	"strings"
	"testing"

	"github.com/logredact/logredact/internal/timebound"
	"github.com/logredact/logredact/redact"
)

// plantedSecrets returns secrets of several families with the context that
// makes each one recognisable, built at run time.
func plantedSecrets() []struct{ text, secret string } {
	gh := "ghp_" + strings.Repeat("Zq7x", 9)
	pw := "Pw" + "9-quartz-Lamp"
	url := "redis://cache:" + pw + "@10.1.2.3:6379/0"
	bearer := "eyJ" + "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVlLXRlc3Q"
	return []struct{ text, secret string }{
		{gh, gh},
		{"password=" + pw, pw},
		{url, pw},
		{"Authorization: Bearer " + bearer, bearer},
	}
}

// FuzzString plants a secret between two pieces of arbitrary text. The
// property: the secret never survives and nothing panics.
func FuzzString(f *testing.F) {
	f.Add("", "", uint8(0))
	f.Add("level=info msg=", " user=bob", uint8(1))
	f.Add(`{"msg":"`, `"}`, uint8(2))
	f.Add("\xff\xfe", "\n\r\n", uint8(3))
	f.Add("token ghp_", "ghp_ tail", uint8(0))
	r := redact.MustNew()
	secrets := plantedSecrets()
	f.Fuzz(func(t *testing.T, before, after string, which uint8) {
		s := secrets[int(which)%len(secrets)]
		// Separators keep the planted secret a separate token; without them
		// random neighbours could legitimately turn it into something else.
		in := before + " " + s.text + " " + after
		out := r.String(in)
		if strings.Count(out, s.secret) > strings.Count(before, s.secret)+strings.Count(after, s.secret) {
			t.Fatalf("secret survived:\n in: %q\nout: %q", in, out)
		}
		b := r.AppendBytes(nil, []byte(in))
		if string(b) != out {
			t.Fatalf("AppendBytes and String disagree:\n%q\n%q", b, out)
		}
		for _, m := range r.Find(in) {
			if m.Start < 0 || m.End > len(in) || m.Start >= m.End {
				t.Fatalf("bad span %+v for input of %d bytes", m, len(in))
			}
		}
		// Time per byte stays bounded: the fuzzer's text repeated to
		// 16 KB is the shape of every known quadratic input (a keyword
		// and a separator, over and over).
		if unit := before + s.text[:min(len(s.text), int(which)%8)]; unit != "" {
			long := strings.Repeat(unit, 16<<10/len(unit)+1)
			timebound.Run(t, len(long), func() { r.String(long) })
		}
	})
}
