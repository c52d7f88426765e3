package redact

import (
	"errors"
	"fmt"
	"strings"

	"github.com/logredact/logredact/patterns"
)

// An Option configures a [Redactor]. Options are applied in order by [New],
// which reports every problem they cause; a nil Option is ignored.
type Option func(*settings)

type settings struct {
	noBuiltins  bool
	drop        []string
	custom      []patterns.Pattern
	addKeys     []string
	addWeakKeys []string
	removeKeys  []string
	mode        Mode
	mask        string
	labelFormat string
	hmacKey     []byte
	allow       []string
	observer    func(rule string)
	// contextAllow: pattern ID -> allowlists tested against the whole
	// match or line (rules files, regexTarget "match" and "line").
	contextAllow map[string]*contextAllow
	structTag    string // see WithStructTag
	errs         []error
}

// WithPatterns adds custom patterns after the built-in ones. Each is
// validated by New: its ID must be kebab-case and unique among all active
// patterns, its regular expressions must compile, its SecretGroup must name
// an existing group, and no keyword may be empty. A pattern without keywords
// is allowed but runs its regular expression on every input, which is much
// slower than a keyword-gated one.
func WithPatterns(ps ...patterns.Pattern) Option {
	return func(s *settings) { s.custom = append(s.custom, ps...) }
}

// WithoutBuiltins drops the whole built-in catalog; only patterns given with
// [WithPatterns] remain. Sensitive keys are not affected.
func WithoutBuiltins() Option {
	return func(s *settings) { s.noBuiltins = true }
}

// WithoutPatterns drops the built-in patterns with the given IDs. Naming an
// ID that is not in the catalog is an error, so a typo does not silently
// keep a pattern active.
func WithoutPatterns(ids ...string) Option {
	return func(s *settings) { s.drop = append(s.drop, ids...) }
}

// WithSensitiveKeys adds strong key names: any value assigned to them (in
// JSON, logfmt, [Redactor.Field] and key/value text alike) is masked whole
// unless it is a placeholder such as "${DB_PASSWORD}", "%s", "<token>",
// "****", "changeme" or an already-redacted "[REDACTED]". Names are
// normalised as described at [Redactor.IsSensitiveKey], so "X-Session-Id"
// and "x_session_id" are the same name. A name given both here and to
// [WithWeakKeys] is strong.
func WithSensitiveKeys(keys ...string) Option {
	return func(s *settings) { s.addKeys = append(s.addKeys, keys...) }
}

// WithWeakKeys adds weak key names: a value assigned to them is masked only
// when it looks like a generated credential: at least 16 bytes of a
// credential alphabet (letters, digits, + / = _ - . ~ % : ! @ # $ ^ *)
// mixing at least two kinds of characters, with an entropy of at least 3
// bits per byte, and not a number, a dotted, dashed or underscored
// identifier of words and numbers, an ARN, a URL, a path or an e-mail
// address. Placeholders are never masked. The default weak names are
// [DefaultWeakKeys] (token, auth, cookie, session, ticket, signature …):
// programs use them for session ids and cookies, but also for counters,
// connection ids, auth methods and class dumps ("auth:SIMPLE",
// "token=Token{…}"). [WithoutSensitiveKeys] removes weak names too.
func WithWeakKeys(keys ...string) Option {
	return func(s *settings) { s.addWeakKeys = append(s.addWeakKeys, keys...) }
}

// WithoutSensitiveKeys removes key names from the sensitive set, for
// example "session" in an application whose "session" field is a public
// identifier. Values under such keys are still scanned by the patterns.
func WithoutSensitiveKeys(keys ...string) Option {
	return func(s *settings) { s.removeKeys = append(s.removeKeys, keys...) }
}

// WithMode selects the replacement mode. The default is [Mask].
func WithMode(m Mode) Option {
	return func(s *settings) { s.mode = m }
}

// WithMask sets the text that replaces a secret in [Mask] and [Partial]
// modes. The default is "[REDACTED]". It must not be empty.
func WithMask(mask string) Option {
	return func(s *settings) { s.mask = mask }
}

// WithLabelFormat sets the marker of [Label] mode: format must contain "%s"
// exactly once, where the rule name goes. The default is "[REDACTED:%s]".
func WithLabelFormat(format string) Option {
	return func(s *settings) { s.labelFormat = format }
}

// WithHMACKey sets the key of [HMAC] mode and selects that mode. The key
// should come from a secret store or the environment, never from a command
// line; it must be at least 16 bytes long. New keeps its own copy.
func WithHMACKey(key []byte) Option {
	return func(s *settings) {
		s.hmacKey = append([]byte(nil), key...)
		s.mode = HMAC
	}
}

// WithAllow adds regular expressions of values that are never secrets,
// whatever pattern found them (a global allowlist). A secret matching any
// of them is kept. It does not apply to values under sensitive keys.
func WithAllow(regexes ...string) Option {
	return func(s *settings) { s.allow = append(s.allow, regexes...) }
}

// WithObserver registers fn to be called once for every secret replaced,
// with the ID of the pattern that found it or [KeyRule]. It never receives
// the secret. fn is called synchronously from every goroutine that
// redacts, so it must be fast and safe for concurrent use; it suits metrics
// and counters.
func WithObserver(fn func(rule string)) Option {
	return func(s *settings) { s.observer = fn }
}

func (s *settings) check() {
	if s.mask == "" {
		s.errs = append(s.errs, errors.New("redact: the mask must not be empty"))
	}
	if strings.Count(s.labelFormat, "%s") != 1 {
		s.errs = append(s.errs, errors.New(`redact: the label format must contain "%s" exactly once`))
	}
	if s.mode < Mask || s.mode > HMAC {
		s.errs = append(s.errs, fmt.Errorf("redact: unknown replacement mode %d", int(s.mode)))
	}
	if s.mode == HMAC && len(s.hmacKey) < 16 {
		s.errs = append(s.errs, errors.New("redact: hmac mode needs a key of at least 16 bytes (WithHMACKey)"))
	}
}
