//go:build !race

package zerologredact_test

const raceEnabled = false
