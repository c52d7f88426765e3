package anyredact

import "github.com/logredact/logredact/redact"

// Tier is how a key name decides about the value logged under it (see the
// key tiers of package redact).
type Tier uint8

const (
	// NotSensitive: the value is scanned by the patterns only.
	NotSensitive Tier = iota
	// Weak: a scalar is masked whole only when its text looks like a
	// credential ([redact.Redactor.MasksValue]); a group, struct, map or
	// list is walked, and the keys inside it decide.
	Weak
	// Strong: the value is masked whole, whatever its kind, unless it is
	// empty (or, for a string, a placeholder).
	Strong
)

// tierProbe is neither a placeholder nor credential-like: a strong name
// masks it and a weak name does not, which tells the two apart through the
// public API of package redact.
const tierProbe = "0"

// KeyTier returns the tier of key for r. Both tiers are sensitive keys for
// [redact.Redactor.IsSensitiveKey].
func KeyTier(r *redact.Redactor, key string) Tier {
	switch {
	case !r.IsSensitiveKey(key):
		return NotSensitive
	case r.MasksValue(key, tierProbe):
		return Strong
	}
	return Weak
}
