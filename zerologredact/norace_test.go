//go:build !race && !binary_log

package zerologredact_test

const raceEnabled = false
