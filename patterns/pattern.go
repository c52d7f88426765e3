// Package patterns holds logredact's built-in catalog of secret shapes as
// plain data.
//
// A Pattern says what a secret looks like; it does not say how to find it.
// The engine in package redact compiles patterns into a keyword prefilter and
// per-pattern regular expressions. Keeping the catalog free of engine code lets
// other tools read, filter or extend it, and lets the engine change without
// touching the data.
package patterns

// Pattern describes one kind of secret.
//
// The rules an engine follows for a Pattern:
//   - The Regex runs only on input where at least one of the Keywords occurs,
//     compared case-insensitively. A Pattern with no Keywords runs on every
//     input, which is slower; every built-in pattern has Keywords.
//   - SecretGroup selects the submatch that is the secret: 0 means the whole
//     match, n means the n-th capturing group. Only that span is replaced, so
//     context such as a key name or a URL's scheme and host survives.
//   - A candidate whose secret has a Shannon entropy (bits per byte) below
//     Entropy is not a secret. Zero disables the check.
//   - A candidate whose secret matches any of the Allow regexes is a known
//     non-secret (a documentation example, a placeholder) and is left alone.
type Pattern struct {
	// ID names the pattern in labels, statistics and errors. It is kebab-case
	// and unique within a catalog, for example "github-pat".
	ID string

	// Description says in a few words what the pattern finds.
	Description string

	// Keywords are literal strings, at least one of which occurs in every
	// match. They are compared case-insensitively.
	Keywords []string

	// Regex is the pattern in Go RE2 syntax (package regexp).
	Regex string

	// SecretGroup is the index of the capturing group that holds the secret,
	// or 0 for the whole match.
	SecretGroup int

	// Entropy is the minimum Shannon entropy, in bits per byte, of the
	// secret. Zero means no minimum.
	Entropy float64

	// Allow lists regular expressions for values that look like this secret
	// but are known not to be one. A secret matching any of them is kept.
	Allow []string
}
