//go:build !unix

package bench

import "time"

// cpuNow is not measured on this platform: the CPU metrics are left out.
func cpuNow() time.Duration { return 0 }
