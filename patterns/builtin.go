package patterns

import "math"

// Builtin returns logredact's built-in catalog of secret patterns.
//
// Every call builds a new slice with new Keywords and Allow slices, so a
// caller may filter, reorder or edit the result without affecting other
// callers or later calls.
//
// The patterns are written for an engine that follows the rules documented on
// Pattern and, beyond them, these conventions:
//   - A match never crosses a line break of the underlying text, and every
//     match contains one of its Keywords close to its start, so running a
//     regular expression only on a window of a few hundred bytes before and a
//     kilobyte or so after a keyword hit finds the same secrets as running it
//     on the whole input (private key blocks are the exception: they may span
//     lines and grow past the window, which the engine handles by widening
//     the window when a match touches its edge).
//   - Values with no fixed width (passwords, generic tokens, header values)
//     end at a delimiter. Provider patterns bound every repetition (a few
//     hundred bytes, up to RE2's 1000 for long structured tokens) so that
//     the engine can bound the window it searches; the bound sits well past
//     any real token of the family. A GCP service account key, a whole PEM
//     block, is the one provider pattern left unbounded.
//   - A token with a distinctive prefix is found even when glued to a name
//     ("GITHUB_TOKEN_ghp_…"): such prefixes do not require a word boundary
//     before them. Provider names that stand before plain random values
//     are matched by the keyed rules (see keyed).
//   - Matches of different patterns may overlap (a JWT inside an
//     Authorization header, a private key inside a JSON field); an engine
//     replaces the union of the secret spans.
//   - Output the engine produces with its default mask and label formats is
//     not matched again: "[REDACTED]", "[REDACTED:id]",
//     "[REDACTED:hmac:…]" and a partial "ghp_[REDACTED]" are rejected by
//     the value syntax or by an Allow rule every pattern carries, so
//     redacting twice gives the same result as redacting once. A custom
//     mask gets no such guarantee.
//   - In generic patterns (key/value, headers, URLs) the keywords are key
//     names, not value prefixes, and a value may happen to start with one
//     ("pass…"). Partial redaction should keep a keyword only for patterns
//     whose secret group starts with a literal (a non-empty LiteralPrefix
//     of the group's regex): that holds for the provider tokens and never
//     for the generic patterns, whose groups start with a character class.
func Builtin() []Pattern {
	var all []Pattern
	for _, family := range [][]Pattern{
		cloudPatterns(),
		vcsPatterns(),
		chatPatterns(),
		aiPatterns(),
		packagePatterns(),
		saasPatterns(),
		morePatterns(),
		providerPatterns(),
		providerKeyedPatterns(),
		keyedPatterns(),
		keyPatterns(),
		httpPatterns(),
		genericPatterns(),
	} {
		all = append(all, family...)
	}
	for i := range all {
		all[i].Keywords = append([]string(nil), all[i].Keywords...)
		all[i].Allow = append([]string{allowRedacted}, all[i].Allow...)
	}
	return all
}

// Shannon returns the Shannon entropy of s in bits per byte: the sum over each
// distinct byte value b of -p(b)*log2(p(b)), where p(b) is the fraction of the
// bytes of s equal to b. It is computed over bytes, not runes, so the result
// lies in [0, 8]; it is 0 for the empty string and for a string of one
// repeated byte.
//
// Pattern.Entropy floors in this catalog were chosen with this definition; an
// engine that applies them should call Shannon rather than a variant (over
// runes, or normalised by length) whose scale differs.
func Shannon(s string) float64 {
	if len(s) == 0 {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	var h float64
	for _, c := range counts {
		if c == 0 {
			continue
		}
		p := float64(c) / n
		h -= p * math.Log2(p)
	}
	return h
}

// allowRedacted keeps the engine's own output from being found again:
// "[REDACTED]", "[REDACTED:id]", "[REDACTED:hmac:…]" and, in partial mode, a
// kept prefix followed by the mask ("ghp_[REDACTED]"), which a generic
// pattern would otherwise take for a value. Every pattern gets it, even those
// whose value syntax already rejects '[', so the guarantee does not depend on
// each regex being written carefully. A value may also start at "REDACTED"
// because header patterns skip the '[' of Go's Header:[value] form, which
// then also skips the one a placeholder opens with. Values never legitimately
// contain "[REDACTED", so the rule costs nothing.
const allowRedacted = `^REDACTED|\[REDACTED`

// token builds the common shape of a provider token with a public prefix: the
// whole token is the secret. The entropy floor of 2 bits per byte rejects
// documentation placeholders (a prefix followed by a row of x's or zeros,
// about 1 bit) while accepting test fixtures built from a short repeated
// unit such as four characters nine times (about 2.5 bits); real tokens
// score 4 to 6.
func token(id, desc string, keywords []string, re string) Pattern {
	return Pattern{
		ID:          id,
		Description: desc,
		Keywords:    keywords,
		Regex:       re,
		SecretGroup: 1,
		Entropy:     2,
	}
}

// Shared regex fragments.
const (
	// tokenEnd ends a token whose alphabet includes '-', where \b would
	// accept a match that stops in the middle of a longer run of token
	// characters.
	tokenEnd = `(?:[^\w-]|$)`

	// sep is the separator between a key and its value in the styles logs
	// use: k=v, k = v, k: v, k => v, "k":"v", 'k': 'v', \"k\":\"v\".
	// A bare '=' takes no trailing blanks so that "password= user=bob"
	// (an empty value) does not make "user=bob" the secret. Go's ":=" is
	// left out on purpose: it shows up in source code, which logredact
	// --check scans, far more than in logs.
	sep = `\\?["']?(?:[ \t]*=>[ \t]*|[ \t]+=[ \t]*|=|[ \t]*:[ \t]*)`

	// sepBounded is sep with blank runs of at most 8, for provider
	// patterns, whose width must be bounded (see Builtin).
	sepBounded = `\\?["']?(?:[ \t]{0,8}=>[ \t]{0,8}|[ \t]{1,8}=[ \t]{0,8}|=|[ \t]{0,8}:[ \t]{0,8})`
)
