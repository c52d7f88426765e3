package redact

import "strings"

// DefaultSensitiveKeys returns the key names whose values [New] masks whole
// unless told otherwise, as a new slice. They are given in normalised form
// (see [Redactor.IsSensitiveKey]); a key matches when its normalised form
// equals one of them or ends with "_" followed by one of them, so "password"
// also covers "db.password", "DB_PASSWORD" and "userPassword".
func DefaultSensitiveKeys() []string {
	return append([]string(nil), defaultSensitiveKeys...)
}

var defaultSensitiveKeys = []string{
	"password", "passwd", "pwd", "pass", "passphrase", "pgpassword",
	"secret", "client_secret", "secret_key", "secret_access_key",
	"token", "access_token", "refresh_token", "id_token", "auth_token",
	"bearer_token", "session_token", "security_token", "api_token",
	"api_key", "apikey", "private_key", "signing_key", "encryption_key",
	"credential", "credentials", "creds",
	"authorization", "proxy_authorization", "auth",
	"cookie", "set_cookie", "session",
}

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

// keySet holds normalised sensitive key names.
type keySet map[string]struct{}

// matches reports whether the normalised key n is, or ends with '_' and, a
// name in the set.
func (ks keySet) matches(n []byte) bool {
	if len(ks) == 0 {
		return false
	}
	if _, ok := ks[string(n)]; ok {
		return true
	}
	for i := 1; i < len(n); i++ {
		if n[i-1] == '_' {
			if _, ok := ks[string(n[i:])]; ok {
				return true
			}
		}
	}
	return false
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
