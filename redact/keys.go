package redact

import "strings"

// DefaultSensitiveKeys returns the strong key names (see [WithSensitiveKeys])
// that [New] uses unless told otherwise, as a new slice. They are given in
// normalised form (see [Redactor.IsSensitiveKey]); a key matches when its
// normalised form equals one of them or ends with "_" followed by one of
// them, so "password" also covers "db.password", "DB_PASSWORD" and
// "userPassword".
func DefaultSensitiveKeys() []string {
	return append([]string(nil), defaultSensitiveKeys...)
}

// DefaultWeakKeys returns the weak key names (see [WithWeakKeys]) that [New]
// uses unless told otherwise, as a new slice, in normalised form.
func DefaultWeakKeys() []string {
	return append([]string(nil), defaultWeakKeys...)
}

// defaultSensitiveKeys are the strong names: whatever is assigned to them is
// a secret unless it is a placeholder.
var defaultSensitiveKeys = []string{
	"password", "passwd", "pwd", "pass", "passphrase", "pgpassword",
	"secret", "client_secret", "secret_key", "secret_access_key", "secret_token", "secret_value",
	"access_token", "refresh_token", "id_token", "auth_token",
	"bearer_token", "session_token", "security_token", "api_token", "private_token",
	"api_key", "apikey", "private_key", "signing_key", "encryption_key",
	"access_key", "master_key", "account_key", "hmac_key", "app_key", "auth_key",
	"credential", "credentials", "creds",
	"authorization", "proxy_authorization",
}

// defaultWeakKeys are the weak names: they name credentials in some programs
// and public identifiers, counters or words in many others.
var defaultWeakKeys = []string{
	"token", "auth", "cookie", "set_cookie", "session", "sessionid", "jsessionid", "phpsessid",
	"ticket", "signature", "sid", "session_key", "license_key", "subscription_key",
}

// runTogether are the names recognised at the end of a key written in one
// lower-case word ("pgpassword", "dbpassword", "csrftoken"): they are long
// and specific enough that a glued prefix does not change their meaning.
// "pass", "pwd", "key" and "auth" are not among them: "bypass", "compass",
// "monkey" and "oauth" are not secrets.
// A glued name has the tier the name has in the set, and none when the name
// was removed from it.
var runTogether = []string{"password", "passwd", "passphrase", "secret", "apikey", "token"}

// maxKeyLen bounds the normalisation buffer kept on the stack; longer keys
// are normalised on the heap, which is correct but slower.
const maxKeyLen = 96

// normalizeKey appends the normalised form of key to dst: ASCII lower case,
// with words separated by a single '_'. Words are split at '_', '-', '.',
// ' ', '/', ':' and at camelCase boundaries ("apiKey", "APIKey", "X-Api-Key"
// and "API_KEY" all become "api_key").
func normalizeKey(dst []byte, key string) []byte {
	sep := false // a separator is pending
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case c == '_' || c == '-' || c == '.' || c == ' ' || c == '/' || c == ':':
			sep = true
			continue
		case 'A' <= c && c <= 'Z':
			// Upper case starts a word after a lower-case letter or digit
			// ("apiKey") and before a lower-case letter that ends an
			// acronym ("APIKey": the 'K').
			if i > 0 {
				p := key[i-1]
				if ('a' <= p && p <= 'z') || ('0' <= p && p <= '9') {
					sep = true
				} else if 'A' <= p && p <= 'Z' && i+1 < len(key) && 'a' <= key[i+1] && key[i+1] <= 'z' {
					sep = true
				}
			}
			c += 'a' - 'A'
		}
		if sep && len(dst) > 0 {
			dst = append(dst, '_')
		}
		sep = false
		dst = append(dst, c)
	}
	return dst
}

// keySet maps normalised sensitive key names to their tier.
type keySet map[string]tier

// matches reports whether the normalised key n names a secret, strong or
// weak (see tier).
func (ks keySet) matches(n []byte) bool { return ks.tier(n) != tierNone }

// tier returns the tier of the normalised key n:
//
//   - n, or its last words after a '_', is a name in the set: that name's
//     tier. The longest such name wins ("session_token" is strong although
//     "token" is weak).
//   - Otherwise, a trailing confirmation or repetition marker is ignored:
//     "password_confirmation", "password_again", "password2" are passwords.
//   - Otherwise, a last word that ends with one of runTogether
//     ("pgpassword", "csrftoken") has that name's tier.
func (ks keySet) tier(n []byte) tier {
	if len(ks) == 0 || len(n) == 0 {
		return tierNone
	}
	if t := ks.lookup(n); t != tierNone {
		return t
	}
	base := trimDecoration(n)
	if len(base) < len(n) {
		if t := ks.lookup(base); t != tierNone {
			return t
		}
	}
	last := base
	if i := strings.LastIndexByte(string(base), '_'); i >= 0 {
		last = base[i+1:]
	}
	for _, name := range runTogether {
		if len(last) > len(name) && strings.HasSuffix(string(last), name) {
			return ks[name]
		}
	}
	return tierNone
}

func (ks keySet) lookup(n []byte) tier {
	if t, ok := ks[string(n)]; ok {
		return t
	}
	for i := 1; i < len(n); i++ {
		if n[i-1] == '_' {
			if t, ok := ks[string(n[i:])]; ok {
				return t
			}
		}
	}
	return tierNone
}

// trimDecoration removes from the normalised key n a trailing word that
// repeats or confirms the name before it, or trailing digits.
func trimDecoration(n []byte) []byte {
	for _, d := range []string{"_confirmation", "_confirm", "_again", "_repeat", "_new", "_old"} {
		if len(n) > len(d) && string(n[len(n)-len(d):]) == d {
			return n[:len(n)-len(d)]
		}
	}
	i := len(n)
	for i > 0 && '0' <= n[i-1] && n[i-1] <= '9' {
		i--
	}
	if i > 0 && i < len(n) {
		if n[i-1] == '_' {
			i--
		}
		return n[:i]
	}
	return n
}

// lastWord returns the final '_'-separated word of a normalised name: a raw
// key can only be sensitive if it contains this word, whatever its case and
// separators, which makes it a prefilter keyword.
func lastWord(n string) string {
	if i := strings.LastIndexByte(n, '_'); i >= 0 {
		return n[i+1:]
	}
	return n
}
