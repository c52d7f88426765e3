//go:build race

// Package race tells tests whether the race detector is on. Under it
// sync.Pool drops items at random, so allocation budgets (which rely on
// pooled buffers) are only checked without it.
package race

// Enabled is true when the binary was built with -race.
const Enabled = true
