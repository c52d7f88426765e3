package bench

import "runtime/debug"

// raceEnabled reports whether the test binary was built with -race, which
// changes what allocates (sync.Pool drops items at random under it), so the
// allocation budgets are checked only without it.
func raceEnabled() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}
