package filter

import (
	"sort"
	"testing"

	"github.com/logredact/logredact/redact"
)

func TestZZLine(t *testing.T) {
	line := []byte("Nov 27 13:00:00 web-2 sshd[19458]: Accepted publickey for deploy from 10.227.139.205 port 49310 ssh2")
	ns := func(r *redact.Redactor) float64 {
		best := 1e18
		for range 3 {
			res := testing.Benchmark(func(b *testing.B) {
				dst := make([]byte, 0, 256)
				for b.Loop() {
					dst = r.AppendBytes(dst[:0], line)
				}
			})
			best = min(best, float64(res.NsPerOp()))
		}
		return best
	}
	base := redact.MustNew()
	t.Logf("all: %.0f ns", ns(base))
	type row struct {
		id string
		d  float64
	}
	var rows []row
	for _, p := range base.Patterns() {
		rows = append(rows, row{p.ID, ns(redact.MustNew(redact.WithoutPatterns(p.ID)))})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].d < rows[j].d })
	for _, r := range rows[:5] {
		t.Logf("without %s: %.0f ns", r.id, r.d)
	}
}
