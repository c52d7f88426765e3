//go:build race && !binary_log

package zerologredact_test

// raceEnabled: the race detector makes sync.Pool drop a quarter of what is
// put back, so allocation budgets cannot be checked under it.
const raceEnabled = true
