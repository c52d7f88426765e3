package bench

import (
	"testing"
	"time"
)

// cpuMetric reports the process's CPU time per operation since start, as
// "cpu-ns/op", and, when the benchmark set its bytes, the throughput per
// CPU second, as "MB/cpu-s". Run with -cpu 1 for a one-core figure: with
// more workers it is the total work, not the elapsed time.
func cpuMetric(b *testing.B, start time.Duration, bytesPerOp int64) {
	used := cpuNow() - start
	if used <= 0 || b.N == 0 {
		return
	}
	b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/op")
	if bytesPerOp > 0 {
		b.ReportMetric(float64(bytesPerOp)*float64(b.N)/used.Seconds()/1e6, "MB/cpu-s")
	}
}
