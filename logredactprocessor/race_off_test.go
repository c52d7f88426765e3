//go:build !race

package logredactprocessor

const raceEnabled = false
