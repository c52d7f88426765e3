package redact_test

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/logredact/logredact/patterns"
	"github.com/logredact/logredact/redact"
)

// The targets of issue 2, checked by these benchmarks (never by timed
// tests): String on a clean 64-byte string ≤ 100 ns/op and 0 allocs/op;
// the prefilter on 1 MiB of clean JSON log lines ≥ 750 MB/s; a 200-byte
// line holding one secret ≤ 3 µs/op.

// benchShapeKeywords are the prefilter keywords of
// ../shared/notes/secret-shapes.md. benchRedactors turns each into a custom
// pattern, so the benchmarks also run with a catalog of the size the
// built-in one is heading for, whatever size it has today.
var benchShapeKeywords = strings.Fields(`
akia asia abia acca aws_secret_access_key secretaccesskey session_token
security-token ghp_ gho_ ghu_ ghs_ ghr_ github_pat_ glpat- gldt- glrt-
glcbt- glptt- glft- glimt- glagent- gloas- xoxb- xoxp- xoxa- xoxr- xoxs-
xoxe- xapp- hooks.slack.com sk_live_ rk_live_ sk_test_ rk_test_ whsec_
aiza ya29. gocspx- private_key accountkey q~ sig= eyj -----begin
t3blbkfj sk-proj- sk-svcacct- sk-admin- sk-ant- hf_ api_org_ gsk_ xai-
pplx- npm_ pypi- rubygems_ dckr_pat_ sg. twilio key- shpat_ shpca_ shppa_
shpss_ eaaa sq0atp- sq0csp- dop_v1_ doo_v1_ dor_v1_ hvs. hvb. atlasv1
hrku-aa dapi glsa_ glc_ sntryu_ sntrys_ nrak- dp.pt. pul- pmak- dt0c01.
lin_api_ ntn_ atatt3 age-secret-key-1 ltai tskey- sbp_ telegram discord
bearer basic authorization proxy-authorization api-key x-api-key
x-auth-token cookie set-cookie token= key= secret= password= access_token
id_token refresh_token api_key apikey passwd pwd passphrase client_secret
auth_token credentials signature= putty-user-key-file-
`)

// benchRedactors returns the redactors the benchmarks run on: the default
// one, and one with a custom pattern for every keyword of secret-shapes.md
// added to the built-ins.
func benchRedactors(b *testing.B) []struct {
	name string
	r    *redact.Redactor
} {
	var extra []patterns.Pattern
	for i, k := range benchShapeKeywords {
		extra = append(extra, patterns.Pattern{
			ID:          fmt.Sprintf("bench-shape-%d", i),
			Keywords:    []string{k},
			Regex:       `(?i)` + regexp.QuoteMeta(k) + `([A-Za-z0-9_\-]{20,64})\b`,
			SecretGroup: 1,
		})
	}
	def := redact.MustNew()
	big := redact.MustNew(redact.WithPatterns(extra...))
	kw := map[string]bool{}
	for _, p := range def.Patterns() {
		for _, k := range p.Keywords {
			kw[strings.ToLower(k)] = true
		}
	}
	b.Logf("built-in catalog: %d patterns, %d distinct keywords; big: %d patterns", len(def.Patterns()), len(kw), len(big.Patterns()))
	return []struct {
		name string
		r    *redact.Redactor
	}{{"builtin", def}, {"big", big}}
}

// benchClean64 is a 64-byte clean log line.
const benchClean64 = `{"level":"info","msg":"request completed","status":200,"ms":125}`

// benchLog returns n bytes of clean JSON log lines: lines holding any
// keyword are left out, so the whole text passes the prefilter.
func benchLog(r *redact.Redactor, n int) string {
	rng := rand.New(rand.NewPCG(3, 4))
	msgs := []string{"request completed", "cache miss", "user logged in", "retrying upload", "connection pool stats", "scheduled job finished"}
	paths := []string{"/api/v1/users", "/healthz", "/api/v2/orders/checkout", "/static/app.js", "/metrics"}
	var sb strings.Builder
	for sb.Len() < n {
		line := fmt.Sprintf(`{"time":"2026-11-27T13:%02d:%02d.%03dZ","level":"info","msg":%q,"method":"GET","path":%q,"status":%d,"duration_ms":%d,"user_id":%d,"trace_id":"%016x","bytes":%d}`+"\n",
			rng.IntN(60), rng.IntN(60), rng.IntN(1000), msgs[rng.IntN(len(msgs))], paths[rng.IntN(len(paths))],
			200+rng.IntN(5)*100, rng.IntN(900), rng.IntN(100000), rng.Uint64(), rng.IntN(1<<20))
		// String allocates only when the prefilter flags its input.
		if testing.AllocsPerRun(1, func() { r.String(line) }) == 0 {
			sb.WriteString(line)
		}
	}
	return sb.String()[:n]
}

// benchDirtyLines returns 200-byte log lines, each holding one secret.
func benchDirtyLines() []struct{ name, line string } {
	gh := "ghp_" + strings.Repeat("a1B2", 9)
	pw := "Pw" + "9-quartz-Lamp"
	tok := "eyJ" + "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVlLXRlc3Q"
	pad := func(s string) string {
		const head = `time=2026-11-27T13:00:00.123Z level=info caller=api/handler.go:88 method=POST path=/api/v1/orders status=201 `
		s = head + s + " user=u-1234 region=eu-west-1 attempt=1 "
		for len(s) < 200 {
			s += "x"
		}
		return s[:200]
	}
	return []struct{ name, line string }{
		{"github", pad("msg=\"pushed with " + gh + "\"")},
		{"password", pad("msg=\"login\" password=" + pw)},
		{"url", pad("dsn=postgres://app:" + pw + "@db:5432/x")},
		{"bearer", pad("hdr=\"Authorization: Bearer " + tok + "\"")},
	}
}

func BenchmarkString(b *testing.B) {
	for _, rc := range benchRedactors(b) {
		r := rc.r
		if got := r.String(benchClean64); len(benchClean64) != 64 || got != benchClean64 {
			b.Fatalf("clean64 is not a clean 64-byte line: %q", got)
		}
		b.Run(rc.name+"/clean64", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r.String(benchClean64)
			}
		})
		big := benchLog(r, 1<<20)
		b.Run(rc.name+"/clean1MiB", func(b *testing.B) {
			b.SetBytes(int64(len(big)))
			b.ReportAllocs()
			for b.Loop() {
				r.String(big)
			}
		})
		for _, d := range benchDirtyLines() {
			if r.String(d.line) == d.line {
				b.Fatalf("%s: secret not found in %q", d.name, d.line)
			}
			b.Run(rc.name+"/secret200-"+d.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					r.String(d.line)
				}
			})
		}
	}
}

func BenchmarkAppendBytes(b *testing.B) {
	r := redact.MustNew()
	clean := []byte(benchLog(r, 1<<16))
	dirty := []byte(benchDirtyLines()[1].line)
	dst := make([]byte, 0, 1<<17)
	b.Run("clean64KiB", func(b *testing.B) {
		b.SetBytes(int64(len(clean)))
		b.ReportAllocs()
		for b.Loop() {
			dst = r.AppendBytes(dst[:0], clean)
		}
	})
	b.Run("secret200", func(b *testing.B) {
		b.SetBytes(int64(len(dirty)))
		b.ReportAllocs()
		for b.Loop() {
			dst = r.AppendBytes(dst[:0], dirty)
		}
	})
}

func BenchmarkFind(b *testing.B) {
	r := redact.MustNew()
	b.Run("clean64", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r.Find(benchClean64)
		}
	})
	for _, d := range benchDirtyLines() {
		b.Run("secret200-"+d.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r.Find(d.line)
			}
		})
	}
}

// benchKeys are field names as adapters see them: mostly ordinary, a few
// sensitive, some look-alikes.
var benchKeys = []string{
	"level", "msg", "time", "user_id", "duration_ms", "status", "path",
	"trace_id", "max_tokens", "password", "apiKey", "X-Api-Key",
	"db.password", "Authorization", "keyboard", "prompt_tokens",
}

func BenchmarkIsSensitiveKey(b *testing.B) {
	r := redact.MustNew()
	for _, k := range []string{"level", "user_id", "max_tokens", "password", "X-Api-Key", "db.password"} {
		b.Run(k, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r.IsSensitiveKey(k)
			}
		})
	}
	b.Run("mix16", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, k := range benchKeys {
				r.IsSensitiveKey(k)
			}
		}
	})
}

func BenchmarkField(b *testing.B) {
	r := redact.MustNew()
	b.Run("clean", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r.Field("path", "/api/v1/orders/1234")
		}
	})
	b.Run("sensitiveKey", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r.Field("password", "Pw9-quartz-Lamp")
		}
	})
}

// TestBenchAllocs holds the allocation budgets of the hot paths.
func TestBenchAllocs(t *testing.T) {
	r := redact.MustNew()
	clean := benchLog(r, 4096)
	dst := make([]byte, 0, 8192)
	clean64 := []byte(benchClean64)
	longKey := strings.Repeat("long_key_", 8) + "password"
	for name, fn := range map[string]func(){
		"String/clean64":  func() { r.String(benchClean64) },
		"String/clean4K":  func() { r.String(clean) },
		"Find/clean64":    func() { r.Find(benchClean64) },
		"AppendBytes":     func() { dst = r.AppendBytes(dst[:0], clean64) },
		"IsSensitiveKey":  func() { r.IsSensitiveKey("X-Api-Key"); r.IsSensitiveKey("user_id") },
		"Field/clean":     func() { r.Field("path", "/api/v1/orders/1234") },
		"IsSensitiveLong": func() { r.IsSensitiveKey(longKey) },
	} {
		if n := testing.AllocsPerRun(100, fn); n != 0 {
			t.Errorf("%s: %v allocs/op, want 0", name, n)
		}
	}
	// Dirty lines allocate the result, the span list and package regexp's
	// index slices; their counts are reported by BenchmarkString rather
	// than held here, because the race detector makes sync.Pool drop
	// objects and so changes them.
}
