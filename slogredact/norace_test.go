//go:build !race

package slogredact_test

const raceEnabled = false
