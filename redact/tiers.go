package redact

import (
	"bytes"
	"strings"
	"unsafe"
)

// Key tiers. A key name says how strongly the value assigned to it is a
// secret:
//
//   - A strong name (password, passwd, passphrase, secret, client_secret,
//     api_key, private_key, access_token, auth_token, refresh_token,
//     credentials, authorization …; see [DefaultSensitiveKeys] and
//     [WithSensitiveKeys]) masks any value that is not a placeholder.
//   - A weak name (token, auth, cookie, session, ticket, signature, sid …;
//     see [DefaultWeakKeys] and [WithWeakKeys]) masks only a value that looks
//     like a credential (see looksLikeCredential): programs also use these
//     names for counters, identifiers, class dumps and method names
//     ("session: 30546173_4261722401", "auth:SIMPLE", "token=Token{…}").
//   - Under any name, a placeholder (see isPlaceholder) is not a secret and
//     is left byte for byte: "${DB_PASSWORD}", "%s", "{{ .Token }}",
//     "<token>", "[PASSWORD]", "****", "changeme", an already-redacted
//     "[REDACTED…]", documented example keys.
type tier uint8

const (
	tierNone tier = iota
	tierWeak
	tierStrong
)

// keyTier returns the tier of a raw key name.
func (r *Redactor) keyTier(key string) tier {
	if len(key) == 0 || !r.kw.Any(key, groupKey) {
		return tierNone
	}
	var buf [maxKeyLen]byte
	return r.keys.tier(normalizeKey(buf[:0], key))
}

// masksValue reports whether value, assigned to a key of tier t, is
// replaced. It is the one rule behind Field, the JSON rewriter and the text
// grammar.
func masksValue(t tier, value string) bool {
	switch {
	case t == tierNone || value == "":
		return false
	case isPlaceholder(value):
		return false
	case t == tierWeak:
		return looksLikeCredential(value)
	}
	return true
}

// maxCheck bounds how much of a value the tier rules read: a value longer
// than that is judged on its start, which keeps every decision O(1) and the
// grammar linear in the input whatever the number of keys in it.
const maxCheck = 256

// minCredential is the shortest value a weak name masks.
const minCredential = 16

// looksLikeCredential reports whether v could be a generated credential: at
// least 16 bytes of a credential alphabet (letters, digits and
// + / = _ - . ~ % : ! @ # $ ^ *), at least two kinds of characters, an
// entropy of at least 3 bits per byte, and none of the shapes of public
// values: a number, a dotted, dashed or underscored identifier made of
// words and numbers ("30546173_4261722401", "com.example.app"), an ARN, a
// URL, a path or an e-mail address. Only the first maxCheck bytes are read.
func looksLikeCredential(v string) bool {
	if len(v) < minCredential {
		return false
	}
	if len(v) > maxCheck {
		v = v[:maxCheck]
	}
	if strings.HasPrefix(v, "arn:") || strings.Contains(v, "://") || v[0] == '/' || v[0] == '~' ||
		strings.HasPrefix(v, "./") || strings.HasPrefix(v, "../") {
		return false
	}
	var kinds [4]bool
	mixedSeg, segLetters, segDigits := false, false, false
	at := -1
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case 'a' <= c && c <= 'z':
			kinds[0] = true
			segLetters = true
		case 'A' <= c && c <= 'Z':
			kinds[1] = true
			segLetters = true
		case '0' <= c && c <= '9':
			kinds[2] = true
			segDigits = true
		case c == '.' || c == '_' || c == '-' || c == ':' || c == '/':
			kinds[3] = true
			mixedSeg = mixedSeg || segLetters && segDigits
			segLetters, segDigits = false, false
		case c == '+' || c == '=' || c == '~' || c == '%' || c == '!' || c == '#' || c == '$' || c == '^' || c == '*':
			kinds[3] = true
			mixedSeg = true // not an identifier separator
		case c == '@':
			kinds[3] = true
			mixedSeg = true
			at = i
		default:
			return false
		}
	}
	mixedSeg = mixedSeg || segLetters && segDigits
	if !mixedSeg {
		// Words and numbers joined by separators, or one of them alone.
		return false
	}
	if at > 0 && isDottedName(v[:at]) && (strings.IndexByte(v[at:], '.') > 0 || isHex(v[at+1:])) {
		return false // an e-mail address, or a Java object: android.os.BinderProxy@2bd79ce
	}
	if len(v) > 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X') && isHex(v[2:]) {
		return false // a number in hex: sessionid: 0x14ede63a5a70002
	}
	n := 0
	for _, k := range kinds {
		if k {
			n++
		}
	}
	return n >= 2 && entropy(v) >= 3
}

// isPlaceholder reports whether v stands for a secret without being one. It
// reads at most maxCheck bytes of v.
func isPlaceholder(v string) bool {
	if v == "" {
		return true
	}
	if len(v) > maxCheck {
		v = v[:maxCheck]
	}
	if n := len(v); n > 1 && v[n-1] == ':' && 'A' <= v[0] && v[0] <= 'Z' && isIdent(v[:n-1]) {
		// The next field of a Go %+v dump whose value here is empty:
		// "{Name:x Password: DSN: Tags:[]}".
		return true
	}
	switch v[0] {
	case '$':
		// ${DB_PASSWORD}, $(cat file) (cut at the blank: "$(cat"),
		// $PASSWORD, $1, $$. Only a closed or word-only form counts: an
		// opening that runs into anything else may start a password.
		switch {
		case len(v) == 1 || v == "$$":
			return true
		case v[1] == '{':
			// A closing brace may have ended the value ("${DB_PASSWORD").
			return strings.IndexByte(v, '}') > 2 || isVarName(v[2:])
		case v[1] == '(':
			return strings.IndexByte(v, ')') > 2 || isLetters(v[2:])
		}
		return isVarName(v[1:]) || isDigits(v[1:])
	case '%':
		// %s, %v, %+v, %(password)s, %PASSWORD%, %1.
		if len(v) <= 3 || v[1] == '(' && strings.IndexByte(v, ')') == len(v)-2 ||
			v[len(v)-1] == '%' && isIdent(v[1:len(v)-1]) {
			return true
		}
	case '{':
		// {{ .Token }}, {password}, {0}.
		if strings.HasPrefix(v, "{{") && strings.HasSuffix(v, "}}") || v[len(v)-1] == '}' && isIdent(strings.Trim(v, "{}")) {
			return true
		}
	case '<':
		// <token>, <your password> (cut at the blank by the text grammar:
		// "<your"), <PASSWORD. An unclosed bracket before anything else
		// ("<plainValue4711") may start a password, so it is masked.
		if v[len(v)-1] == '>' || isPlaceholderWord(v[1:]) || len(v) > 4 && strings.EqualFold(v[1:5], "your") {
			return true
		}
	case '[':
		// [PASSWORD], [REDACTED:rule], [hidden], [FILTERED].
		if i := strings.IndexByte(v, ']'); i > 0 && isPlaceholderWord(v[1:i]) {
			return true
		}
	case '*', 'x', 'X', '.', '#', '_', '-', 0xe2:
		if isRun(v) {
			return true
		}
	case '`':
		// Code quoting a placeholder: `${{ secrets.TOKEN }}`. What the
		// backticks quote decides; a password in them is a password.
		return len(v) >= 2 && v[len(v)-1] == '`' && isPlaceholder(v[1:len(v)-1])
	}
	// A partial mask showing a short tail (****1234), a marker, or text
	// a redactor already went over.
	if strings.HasPrefix(v, "***") && len(strings.TrimLeft(v, "*")) <= 6 ||
		isRedactedMarker(v) ||
		strings.Contains(v, "[REDACTED") {
		return true
	}
	// Documented example keys (AWS's AKIAIOSFODNN7EXAMPLE and
	// wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, and the many examples
	// written after them).
	if strings.Contains(v, "EXAMPLE") {
		return true
	}
	if isPlaceholderWord(v) {
		return true
	}
	// Code rather than data: a reference to a variable or a call, such as
	// var.db_password, process.env.DB_PASSWORD, os.Getenv("X"),
	// secrets.TOKEN.
	if isCodeRef(v) {
		return true
	}
	return false
}

// isNextAssignment reports whether v, read as the value of a name in free
// text, is another assignment: "auth: enabled=true" has no value of its
// own. Only the text grammar asks: a structured value under a strong key
// ({"apiKey":"A=x"}) is a value whatever it holds. Base64 padding
// ("dXNlcjpwYXNz=") is not an operator.
func isNextAssignment(v string) bool {
	i := strings.IndexByte(v, '=')
	return i > 0 && i < 40 && i+1 < len(v) && v[i+1] != '=' && isIdent(v[:i])
}

// placeholderWords are conventional dummy values and words that mean "no
// value"; "changeme" and friends are published defaults, so showing them
// reveals nothing.
var placeholderWords = map[string]bool{
	"changeme": true, "change_me": true, "change-me": true, "changeit": true, "placeholder": true,
	"example": true, "dummy": true, "redacted": true, "masked": true, "hidden": true, "filtered": true,
	"secret": true, "password": true, "passwd": true, "token": true, "todo": true, "tbd": true,
	"fixme": true, "none": true, "null": true, "nil": true, "undefined": true, "true": true,
	"false": true, "yes": true, "no": true, "on": true, "off": true, "empty": true, "unset": true,
	"notset": true, "not_set": true, "not set": true, "n/a": true, "na": true, "secure": true,
	"sensitive": true, "omitted": true, "removed": true, "protected": true, "private": true,
	"your_password": true, "your_token": true, "your_secret": true, "your_api_key": true, "your_key": true,
	"your-password": true, "your-token": true, "your-secret": true, "your-api-key": true, "your-key": true,
	"your_password_here": true, "your_token_here": true, "your_secret_here": true,
	"your_api_key_here": true, "your_key_here": true, "password_here": true, "token_here": true,
}

// isPlaceholderWord reports whether w is a dummy word in any case, a
// "redacted…" marker or a "your_…_here" instruction.
func isPlaceholderWord(w string) bool {
	if len(w) == 0 || len(w) > 40 {
		return false
	}
	var buf [40]byte
	lw := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		lw[i] = asciiLowerByte(w[i])
	}
	if placeholderWords[string(lw)] {
		return true
	}
	if isRedactedMarker(string(lw)) {
		return true
	}
	return strings.HasPrefix(string(lw), "your") && strings.Contains(string(lw), "here")
}

// isRedactedMarker reports whether v starts with the word "redacted" in
// any case: "REDACTED", "redacted:rule", "Redacted_by_proxy"; not
// "REDACTEDplainValue", which may be a password's tail.
func isRedactedMarker(v string) bool {
	const w = "redacted"
	if len(v) < len(w) || !strings.EqualFold(v[:len(w)], w) {
		return false
	}
	if len(v) == len(w) {
		return true
	}
	c := v[len(w)] | 0x20
	return !('a' <= c && c <= 'z' || '0' <= v[len(w)] && v[len(w)] <= '9')
}

// isCodeRef reports whether v is a qualified reference such as
// var.db_password, os.Getenv("X"), os.environ["X"] or
// process.env.DB_PASSWORD: code printed by a config dump or a stack trace.
// A dot is required, so a password such as "Summer(2024)" is still one.
func isCodeRef(v string) bool {
	i := 0
	for i < len(v) && (isWordByte(v[i]) || v[i] == '$') {
		i++
	}
	if i == 0 || i == len(v) || v[i] != '.' || '0' <= v[0] && v[0] <= '9' {
		return false
	}
	head := v[:i]
	switch head {
	case "var", "local", "data", "module", "each", "self", "env", "secrets", "vars", "inputs", "steps", "needs", "params", "values", "settings":
		// Terraform, GitHub Actions, Helm and similar references.
		return isPath(v[i+1:])
	}
	if strings.HasPrefix(v, "process.env.") {
		return true
	}
	// A call or an index after a dotted name.
	for j := i; j < len(v); j++ {
		c := v[j]
		if c == '(' || c == '[' {
			return true
		}
		if !isWordByte(c) && c != '.' {
			return false
		}
	}
	return false
}

// isPath reports whether v is a dotted path of identifiers.
func isPath(v string) bool {
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		if !isWordByte(v[i]) && v[i] != '.' && v[i] != '-' {
			return false
		}
	}
	return true
}

// isVarName reports whether v, read after a '$', names a variable:
// $DB_PASSWORD, $password, $dbPassword. A name that mixes lower case and
// digits ($ecret123, $plainValue4711) is more likely a password that starts
// with '$', so it is not a placeholder: when unsure, mask.
func isVarName(v string) bool {
	if !isIdent(v) {
		return false
	}
	lower, digit := false, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		lower = lower || 'a' <= c && c <= 'z'
		digit = digit || '0' <= c && c <= '9'
	}
	return !(lower && digit)
}

// isLetters reports whether v is a non-empty run of ASCII letters.
func isLetters(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return v != ""
}

func isIdent(v string) bool {
	if v == "" || '0' <= v[0] && v[0] <= '9' {
		return false
	}
	for i := 0; i < len(v); i++ {
		if !isWordByte(v[i]) {
			return false
		}
	}
	return true
}

func isDigits(v string) bool {
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// isRun reports whether v is at least three of one mask character (or of
// '•', which is multi-byte).
func isRun(v string) bool {
	if strings.HasPrefix(v, "•") {
		return strings.Trim(v, "•") == ""
	}
	if len(v) < 3 {
		return false
	}
	c := asciiLowerByte(v[0])
	for i := 1; i < len(v); i++ {
		d := asciiLowerByte(v[i])
		if d != c && !(c != 'x' && (d == '.' || d == '#' || d == '_' || d == '-' || d == '*')) {
			return false
		}
	}
	return true
}

// isCleanPath reports whether v is a file path: "/etc/ssl/key.pem",
// "~/.aws/credentials", "./secrets/db".
func isCleanPath(v string) bool {
	i := 0
	switch {
	case strings.HasPrefix(v, "~/"):
		i = 1
	case strings.HasPrefix(v, "./"):
		i = 1
	case strings.HasPrefix(v, "../"):
		i = 2
	}
	if i >= len(v) || v[i] != '/' {
		return false
	}
	for ; i < len(v); i++ {
		c := v[i]
		if !isWordByte(c) && c != '.' && c != '/' && c != '-' && c != '@' {
			return false
		}
	}
	return true
}

// pathLike reports whether the path v is clearly a file, not a password
// that starts with '/': it has two or more segments or a file extension.
func pathLike(v string) bool {
	if strings.Count(v, "/") >= 2 {
		return true
	}
	if i := strings.LastIndexByte(v, '.'); i > 0 && len(v)-i <= 5 && i < len(v)-1 {
		return true
	}
	return false
}

// proseWords follow a credential name and a colon in messages rather than
// in assignments ("password: is required", "token: expired").
var proseWords = map[string]bool{
	"required": true, "invalid": true, "incorrect": true, "wrong": true, "missing": true, "expired": true,
	"expiring": true, "changed": true, "reset": true, "updated": true, "failed": true, "failure": true,
	"mismatch": true, "accepted": true, "rejected": true, "verified": true, "ok": true, "is": true,
	"was": true, "for": true, "of": true, "the": true, "a": true, "an": true, "and": true, "or": true,
	"not": true, "must": true, "should": true, "too": true, "has": true, "have": true, "field": true,
	"prompt": true, "policy": true, "length": true, "strength": true, "hash": true, "hashed": true,
	"encrypted": true, "provided": true, "supplied": true, "given": true, "attempt": true,
	"attempts": true, "error": true, "check": true, "validation": true, "authentication": true,
	"login": true, "short": true, "long": true, "weak": true, "strong": true, "sent": true, "set": true,
	"user": true, "enabled": true, "disabled": true, "active": true, "expires": true, "refreshed": true,
	"revoked": true, "created": true, "deleted": true, "found": true, "valid": true, "unknown": true,
}

// isProse reports whether v is one of proseWords, in any case.
func isProse(v string) bool {
	if len(v) > 16 {
		return false
	}
	var buf [16]byte
	for i := 0; i < len(v); i++ {
		buf[i] = asciiLowerByte(v[i])
	}
	return proseWords[string(buf[:len(v)])]
}

// family names the generic pattern a key belongs to, for labels and
// statistics: "password", "secret", "token", "api-key" or "credential".
// n is the normalised key.
func family(n []byte) int {
	switch {
	case bytes.Contains(n, []byte("pass")) || bytes.Contains(n, []byte("pwd")):
		return famPassword
	case bytes.Contains(n, []byte("secret")):
		return famSecret
	case bytes.HasSuffix(n, []byte("token")):
		return famToken
	case bytes.HasSuffix(n, []byte("key")):
		return famAPIKey
	}
	return famCredential
}

// masksJSON reports whether the JSON value whose first byte is first and
// whose content (decoded, for a string) is value, under a key of tier
// w.tier, is replaced. A strong key masks any value but a placeholder
// string; a weak key masks only a string that looks like a credential, and
// its objects and arrays are walked.
func (w *jsonRewriter) masksJSON(first byte, value []byte) bool {
	v := unsafe.String(unsafe.SliceData(value), len(value))
	if first == '"' {
		return masksValue(w.tier, v)
	}
	return w.tier == tierStrong
}

// isDottedName reports whether v is made of letters, digits, '.', '_', '-'
// and '+' only: the user of an e-mail address or a class name.
func isDottedName(v string) bool {
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; !isWordByte(c) && c != '.' && c != '-' && c != '+' {
			return false
		}
	}
	return true
}

func isHex(v string) bool {
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
