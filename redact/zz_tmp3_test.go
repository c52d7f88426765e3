package redact

import (
	"runtime"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

func zzCPU() int64 {
	var ts syscall.Timespec
	syscall.Syscall(syscall.SYS_CLOCK_GETTIME, 3, uintptr(unsafe.Pointer(&ts)), 0)
	return ts.Nano()
}

func zzMin(n int, f func()) float64 {
	best := 1e18
	for r := 0; r < 9; r++ {
		t0 := zzCPU()
		for i := 0; i < n; i++ {
			f()
		}
		if d := float64(zzCPU()-t0) / float64(n); d < best {
			best = d
		}
	}
	return best
}

func TestZZCPU(t *testing.T) {
	runtime.LockOSThread()
	r := MustNew()
	pw := "Pw" + "9-quartz-Lamp"
	gh := "ghp_" + strings.Repeat("a1B2", 9)
	tok := "eyJ" + "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVlLXRlc3Q"
	pad := func(s string) string {
		const head = `time=2026-11-27T13:00:00.123Z level=info caller=api/handler.go:88 method=POST path=/api/v1/orders status=201 `
		s = head + s + " user=u-1234 region=eu-west-1 attempt=1 "
		for len(s) < 200 {
			s += "x"
		}
		return s[:200]
	}
	for _, l := range []string{pad("msg=\"pushed with " + gh + "\""), pad("msg=\"login\" password=" + pw), pad("dsn=postgres://app:" + pw + "@db:5432/x"), pad("hdr=\"Authorization: Bearer " + tok + "\"")} {
		t.Logf("%-60.60s String %.0f ns  mayHold %.0f ns  hits %.0f ns", l[110:], zzMin(2000, func() { r.String(l) }), zzMin(2000, func() { r.mayHold(l) }), zzMin(2000, func() { r.kw.AppendHits(nil, l) }))
	}
	for _, k := range []string{"level", "user_id", "max_tokens", "password", "X-Api-Key", "db.password"} {
		t.Logf("IsSensitiveKey(%q) %.1f ns", k, zzMin(100000, func() { r.IsSensitiveKey(k) }))
	}
	c64 := `{"level":"info","msg":"request completed","status":200,"ms":125}`
	t.Logf("String clean64 %.1f ns", zzMin(100000, func() { r.String(c64) }))
}

func TestZZWin(t *testing.T) {
	runtime.LockOSThread()
	r := MustNew()
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
	for _, line := range []string{pad("msg=\"login\" password=" + pw), pad("hdr=\"Authorization: Bearer " + tok + "\"")} {
		hits := r.kw.AppendHits(nil, line)
		wins := r.windows(nil, hits, line)
		for _, w := range wins {
			c := &r.pats[w.pat]
			var out []span
			d := zzMin(2000, func() { out, _ = r.search(nil, line, w) })
			t.Logf("  %-30s [%d,%d] %.0f ns found=%d", c.ID, w.lo, w.hi, d, len(out))
		}
		t.Logf("spans total %.0f", zzMin(2000, func() { r.spans(line) }))
	}
}
