//go:build unix

package bench

import (
	"syscall"
	"time"
)

// cpuNow returns the CPU time the process has used so far, user and
// system. On a shared machine it varies far less than wall time: time the
// benchmark spends waiting for a core is not counted.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
