package redact

// KeyTier is how a key name decides about the value logged under it (see
// [Redactor.IsSensitiveKey] and [WithWeakKeys]).
type KeyTier uint8

const (
	// KeyNotSensitive: the value is scanned by the patterns only.
	KeyNotSensitive = KeyTier(tierNone)
	// KeyWeak: a scalar is masked whole only when its text looks like a
	// credential ([Redactor.MasksValue]); a group, struct, map or list
	// is walked, and the keys inside it decide.
	KeyWeak = KeyTier(tierWeak)
	// KeyStrong: the value is masked whole, whatever its kind, unless it
	// is empty (or, for a string, a placeholder).
	KeyStrong = KeyTier(tierStrong)
)

// KeyTier returns the tier of key. Both KeyWeak and KeyStrong keys are
// sensitive for [Redactor.IsSensitiveKey]. Adapters use it to decide about
// a structured value (masked whole under a strong key, walked under a weak
// one) without probing [Redactor.MasksValue] with made-up values.
func (r *Redactor) KeyTier(key string) KeyTier { return KeyTier(r.keyTier(key)) }
