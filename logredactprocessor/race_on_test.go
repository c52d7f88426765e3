//go:build race

package logredactprocessor

// raceEnabled says whether the race detector is on: it changes allocation
// counts, so allocation checks are skipped under it.
const raceEnabled = true
