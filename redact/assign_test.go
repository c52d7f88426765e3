package redact

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/logredact/logredact/internal/cases"
)

// TestAssignmentShapesRecall checks, shape by shape, that the planted
// secret is gone from at least 97% of the generated cases (keys × values ×
// formats), through String and, for JSON lines, AppendJSON.
func TestAssignmentShapesRecall(t *testing.T) {
	r := MustNew()
	type tally struct{ found, total int }
	per := map[string]*tally{}
	var misses []string
	for _, c := range cases.Shapes() {
		tl := per[c.Shape]
		if tl == nil {
			tl = &tally{}
			per[c.Shape] = tl
		}
		outs := []string{r.String(c.Input)}
		if c.Format == "json" {
			b, err := r.AppendJSON(nil, []byte(c.Input))
			require.NoError(t, err, c.Input)
			outs = append(outs, string(b))
		}
		for _, out := range outs {
			tl.total++
			if !strings.Contains(out, c.Secret) {
				tl.found++
			} else if len(misses) < 20 {
				misses = append(misses, c.Shape+"/"+c.Format+": "+out)
			}
		}
	}
	names := make([]string, 0, len(per))
	for n := range per {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		tl := per[n]
		recall := float64(tl.found) / float64(tl.total)
		t.Logf("%-20s recall %.3f (%d/%d)", n, recall, tl.found, tl.total)
		assert.GreaterOrEqual(t, recall, 0.97, "shape %s", n)
	}
	for _, m := range misses {
		t.Log("miss: " + m)
	}
}

// TestAssignmentKeepsContext checks that only the value goes: key, quotes,
// host and path stay.
func TestAssignmentKeepsContext(t *testing.T) {
	r := MustNew()
	tok := "ghs_" + strings.Repeat("aB3d", 9)
	pw := "Pw" + "9-quartz-Lamp"
	tests := []struct{ in, want string }{
		{`git clone https://x-access-token:` + tok + `@example.com/org/repo.git`, `git clone https://x-access-token:[REDACTED]@example.com/org/repo.git`},
		{`password := "` + pw + `" // db`, `password := "[REDACTED]" // db`},
		{`{"password":"it\"s ` + pw + `","user":"bob"}`, `{"password":"[REDACTED]","user":"bob"}`},
		{`ALTER USER app WITH PASSWORD 'it''s ` + pw + `';`, `ALTER USER app WITH PASSWORD '[REDACTED]';`},
		{"<password>\n  " + pw + "\n</password>", "<password>\n  [REDACTED]\n</password>"},
		{`cfg={User:bob Password:` + pw + `}`, `cfg={User:bob Password:[REDACTED]}`},
		{`password= user=bob`, `password= user=bob`},
		{`password=/` + pw, `password=[REDACTED]`},
		{`private_key: /etc/ssl/private/server.key`, `private_key: /etc/ssl/private/server.key`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, r.String(tt.in), tt.in)
	}
}

// TestLookAlikesAreKept runs the real-log false-positive families through
// every entry point.
func TestLookAlikesAreKept(t *testing.T) {
	modes := map[string]*Redactor{
		"mask":  MustNew(),
		"label": MustNew(WithMode(Label)),
		"hmac":  MustNew(WithHMACKey([]byte("assign-test-hmac-key-0123456789"))),
	}
	for name, r := range modes {
		for _, s := range cases.LookAlikes() {
			assert.Equal(t, s, r.String(s), "%s: String changed a look-alike", name)
			if json.Valid([]byte(s)) {
				b, err := r.AppendJSON(nil, []byte(s))
				require.NoError(t, err)
				assert.Equal(t, s, string(b), "%s: AppendJSON changed a look-alike", name)
			}
		}
	}
}

// TestAssignSpansLinear checks the work bound on inputs made of keys: every
// hit inside a value already decided is skipped. Time is measured by
// BenchmarkAssignSpans; this counts spans.
func TestAssignSpansLinear(t *testing.T) {
	r := MustNew()
	for _, s := range []string{strings.Repeat("auth=", 3200), strings.Repeat("password=", 4000), strings.Repeat(`"password":"`, 2000)} {
		hits := r.kw.AppendHits(nil, s)
		sps := r.assignSpans(nil, s, hits)
		assert.LessOrEqual(t, len(sps), 1, "one value, read once")
	}
}

func BenchmarkAssignSpans(b *testing.B) {
	r := MustNew()
	inputs := []struct{ name, s string }{
		{"auth-x3200", strings.Repeat("auth=", 3200)},
		{"password-x4000", strings.Repeat("password=", 4000)},
		{"password-space-x4000", strings.Repeat("password: ", 4000)},
		{"quoted-x2000", strings.Repeat(`"password":"`, 2000)},
		{"xml-x2000", strings.Repeat(`<password>`, 2000)},
		{"glued-x3000", strings.Repeat("xtokenx", 3000)},
		{"line200", `time=2026-11-27T13:00:00.123Z level=info caller=api/handler.go:88 method=POST path=/api/v1/orders status=201 msg="login" password=Pw9-quartz-Lamp user=u-1234 region=eu-west-1 attempt=1 xxxxxxxx`},
	}
	for _, in := range inputs {
		hits := r.kw.AppendHits(nil, in.s)
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.s)))
			for b.Loop() {
				r.assignSpans(nil, in.s, hits)
			}
		})
	}
}
