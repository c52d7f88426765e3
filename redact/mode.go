package redact

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// Mode selects what replaces a secret.
type Mode int

const (
	// Mask replaces every secret with the mask, "[REDACTED]" by default
	// (see [WithMask]).
	Mask Mode = iota

	// Label replaces a secret with a marker naming the rule that found it,
	// such as "[REDACTED:github-pat]" (see [WithLabelFormat]). Values
	// replaced because of their key are labelled [KeyRule].
	Label

	// Partial keeps a provider's public prefix, such as "ghp_" or
	// "sk_live_", and masks the rest: "ghp_[REDACTED]". The prefix kept is
	// the longest keyword of the pattern that begins the secret; nothing of
	// the secret's body is ever kept. Secrets with no such prefix are masked.
	Partial

	// HMAC replaces a secret with a keyed digest, "[REDACTED:hmac:1a2b3c4d]":
	// the first 8 hex digits of HMAC-SHA256 over the secret. The same secret
	// gives the same marker under the same key, so one credential can be
	// followed across lines without being revealed. It needs [WithHMACKey].
	HMAC
)

// KeyRule is the rule name reported for values replaced because their key is
// sensitive, in labels, [Match] values and observers.
const KeyRule = "sensitive-key"

var modeNames = [...]string{Mask: "mask", Label: "label", Partial: "partial", HMAC: "hmac"}

// String returns the mode's name as accepted by [ParseMode].
func (m Mode) String() string {
	if m >= 0 && int(m) < len(modeNames) {
		return modeNames[m]
	}
	return fmt.Sprintf("Mode(%d)", int(m))
}

// ParseMode returns the Mode named s: "mask", "label", "partial" or "hmac".
func ParseMode(s string) (Mode, error) {
	for i, n := range modeNames {
		if n == s {
			return Mode(i), nil
		}
	}
	return 0, fmt.Errorf("redact: unknown replacement mode %q (want mask, label, partial or hmac)", s)
}

// appendReplacement appends the text that stands in for secret, found by
// rule (a pattern ID or KeyRule). prefix is the public prefix to keep in
// Partial mode, already checked to begin secret.
func (r *Redactor) appendReplacement(dst []byte, rule, secret, prefix string) []byte {
	switch r.mode {
	case Label:
		dst = append(dst, r.labelPrefix...)
		dst = append(dst, rule...)
		return append(dst, r.labelSuffix...)
	case Partial:
		dst = append(dst, prefix...)
		return append(dst, r.mask...)
	case HMAC:
		mac := hmac.New(sha256.New, r.hmacKey)
		mac.Write([]byte(secret))
		var sum [sha256.Size]byte
		var hx [8]byte
		hex.Encode(hx[:], mac.Sum(sum[:0])[:4])
		dst = append(dst, "[REDACTED:hmac:"...)
		dst = append(dst, hx[:]...)
		return append(dst, ']')
	default:
		return append(dst, r.mask...)
	}
}
