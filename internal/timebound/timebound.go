// Package timebound is the time-per-byte property shared by the fuzz
// targets: redaction is linear in its input, so an input that takes far
// longer per byte than usual has found a super-linear path.
package timebound

import (
	"testing"
	"time"

	"github.com/logredact/logredact/internal/race"
)

const (
	// PerByte is the most time one input byte may cost: redaction's usual
	// cost is tens of nanoseconds, so this is a thousand times that.
	PerByte = 50 * time.Microsecond
	// Floor is added to every budget so that small inputs, whose time is
	// fixed costs and scheduling noise on a busy machine, do not flake.
	Floor = 250 * time.Millisecond
)

// Budget returns how long handling n bytes may take: Floor plus PerByte
// for each byte, ten times that under the race detector.
func Budget(n int) time.Duration {
	b := Floor + time.Duration(n)*PerByte
	if race.Enabled {
		b *= 10
	}
	return b
}

// Check fails t when the input of n bytes, whose handling began at start,
// took longer than Budget(n).
func Check(t testing.TB, start time.Time, n int) {
	t.Helper()
	if took := time.Since(start); took > Budget(n) {
		t.Fatalf("%d input bytes took %v, over the budget of %v (%v per byte)", n, took, Budget(n), PerByte)
	}
}

// Run calls f, which handles n bytes, and fails t when it takes longer
// than Budget(n) twice in a row: one slow run on a shared machine is
// noise, two are a finding.
func Run(t testing.TB, n int, f func()) {
	t.Helper()
	for try := 0; ; try++ {
		start := time.Now()
		f()
		took := time.Since(start)
		if took <= Budget(n) {
			return
		}
		if try == 1 {
			t.Fatalf("%d input bytes took %v, over the budget of %v (%v per byte)", n, took, Budget(n), PerByte)
		}
	}
}
