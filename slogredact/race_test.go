//go:build race

package slogredact_test

// raceEnabled skips allocation budgets: the race detector changes what
// allocates, and sync.Pool drops items at random under it.
const raceEnabled = true
