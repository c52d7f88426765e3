package patterns

import (
	"regexp"
	"strings"
)

// Key names for the generic key/value patterns. A name must end right before
// the separator, which is what keeps "passwordless", "max_tokens",
// "api_key_id" and "secret_name" out. Password names must start a word or
// follow '_', '.', '-' or a camelCase hump, so "bypass" and "compass" are not
// password names. The names deliberately do not match the start of the key
// (a leading [\w.-]*? would): the secret is the value, and a regex that
// starts at a literal word runs several times faster.
const (
	passwordName = `(?:(?:\b|[_.-])(?i:pass(?:word|wd|phrase)?|pwd)|[A-Za-z0-9](?:Pass(?:word|wd|phrase)?|Pwd|PASSWORD|PASSWD|PASSPHRASE))(?:[_.-]?(?i:confirmation|confirm|again|repeat|[0-9]))?`

	secretName = `(?i:secret)(?:[_.-]?(?i:key|token|value|access[_.-]?key))?`

	credentialName = `(?i:credentials?|creds|auth|session)`

	cliName = `(?i:(?:[a-z0-9]+-)*(?:password|passwd|passphrase|pass|secret|token|api-?key|access-key|secret-key|private-key|client-secret|auth-token|access-token|refresh-token|credentials?))`
)

// tokenName is any name ending in "token" at a word start, after a separator
// or at the end of a camelCase word. A qualifier list (access, refresh, id …)
// was tried and dropped: it left out real names nobody thought of, and Go's
// regexp engine, which does not dispatch on the next byte, ran it five to ten
// times slower. The price is that pagination tokens (next_page_token) are
// redacted too, which loses nothing secret.
const tokenName = `(?:\b|[_.-])[A-Za-z0-9]*(?i:token)`

// keyName needs a qualifier: names ending in "key" are mostly public (sort,
// partition, cache, idempotency, public, foreign, primary keys).
var keyName = qualified("key", keyQualifiers...)

var keyQualifiers = []string{"api", "access", "secret", "private", "auth", "app", "master", "encryption", "signing", "client",
	"subscription", "license", "account", "service", "admin", "hmac", "jwt", "webhook", "session", "crypto", "cipher"}

// qualifiedKeywords returns every qualifier joined to final by nothing, '_',
// '-' or '.', the spellings qualified accepts. As keywords they keep the
// patterns from running on the many lines where "key" stands alone or ends
// a public word ("publickey", "cache key"): measured on generated logs,
// the bare keyword made sshd lines cost more than half of all redaction time.
func qualifiedKeywords(final string, qualifiers []string) []string {
	var out []string
	for _, q := range qualifiers {
		for _, sep := range []string{"", "_", "-", "."} {
			out = append(out, q+sep+final)
		}
	}
	return out
}

// qualified returns a regex for a name ending in final (any case) right after
// one of the qualifiers, where the qualifier starts a word, follows '_', '.'
// or '-', or starts a camelCase hump ("stripeApiKey"). Requiring that start
// keeps "monkey" and "turkey" out.
//
// The qualifiers are compiled into a trie of one-letter classes. Go's regexp
// engine does not dispatch on the next byte, so a flat alternation of twenty
// words costs twenty threads at every word start; the trie only follows the
// branches whose letters match.
func qualified(final string, qualifiers ...string) string {
	return `(?:(?:\b|[_.-])` + trie(qualifiers, false) + `|[a-z0-9]` + trie(qualifiers, true) + `)[_.-]?(?i:` + final + `)`
}

// trie returns an alternation matching exactly the words, case-insensitively
// except that with upperFirst the first letter must be upper case.
func trie(words []string, upperFirst bool) string {
	children := map[byte][]string{}
	var order []byte
	terminal := false
	for _, w := range words {
		if w == "" {
			terminal = true
			continue
		}
		if _, ok := children[w[0]]; !ok {
			order = append(order, w[0])
		}
		children[w[0]] = append(children[w[0]], w[1:])
	}
	if len(order) == 0 {
		return ""
	}
	alts := make([]string, len(order))
	for i, c := range order {
		lo, up := string(c), strings.ToUpper(string(c))
		class := "[" + lo + up + "]"
		if lo == up {
			class = regexp.QuoteMeta(lo)
		} else if upperFirst {
			class = up
		}
		alts[i] = class + trie(children[c], false)
	}
	out := "(?:" + strings.Join(alts, "|") + ")"
	if terminal {
		out += "?"
	}
	return out
}

// Value syntaxes. Each quoting style is its own pattern because RE2 has no
// back-references: one regex cannot say "end at the same quote that opened
// the value", and a value that ends at either quote leaks the rest of
// "it's a secret".
const (
	// valueBare is an unquoted value. It ends at blanks, quotes (including
	// '\x60'), '\\', ',', ';' and '&', does not start with '=', '[' or an
	// opening bracket (so "[REDACTED]", "<password>" and "{{ .Token }}" are
	// not values) and does not end with a closing bracket, so the ']' of a
	// Go map printed with %v stays.
	valueBare = `([^\s"'\x60\\,;&=\[\]{}()<>|](?:[^\s"'\x60\\,;&]*[^\s"'\x60\\,;&\]})>])?)`

	// valueDouble is a double-quoted value with backslash escapes, as in
	// JSON and logfmt; a \" inside stays in the value. The closing quote
	// is optional so a line cut off inside the value is still caught.
	valueDouble = `"((?:[^"\\\r\n]|\\[^\r\n])+)"?`

	// valueSingle is a single-quoted value (shell, Python repr, SQL).
	valueSingle = `'((?:[^'\\\r\n]|\\[^\r\n])+)'?`

	// valueEscaped is a double-quoted value inside JSON that was itself
	// logged as a JSON string: it opens and closes with \" and an inner
	// quote appears as \\\".
	valueEscaped = `\\"((?:[^"\\\r\n]|\\\\\\"|\\\\\\\\|\\\\[^"\\\r\n])+)(?:\\")?`
)

// Allow lists shared by the generic patterns.
var (
	// placeholderAllow holds values that stand for a secret without being
	// one: template and environment references, masks, and conventional
	// dummy words. "changeme" and friends are included on purpose: they
	// are published defaults, so showing them reveals nothing, while
	// flagging them would make every sample config noisy.
	placeholderAllow = []string{
		`^\$\{[^}]*\}?$`,
		`^\$\(?[A-Za-z_][A-Za-z0-9_]*\)?$`,
		`^%[A-Za-z_][A-Za-z0-9_]*%$`,
		`^%\([A-Za-z_][A-Za-z0-9_]*\)[sd]$`,
		`^<[^>]*>?$`,
		`^\{\{`,
		`^\{[A-Za-z_][A-Za-z0-9_.]*\}$`,
		`^\*{3,}`,
		`^•+$`,
		`(?i)^x{3,}$`,
		`^[.#_-]{3,}$`,
		// Only delimiters: a list of names such as "password=", "pwd="
		// in documentation or code, not a value.
		`^[\s,;]*$`,
		// A value that starts with a backtick is code: a raw string
		// literal closing before a concatenation, or Markdown quoting.
		"^\x60",
		// Code rather than data: a qualified call or index such as
		// os.Getenv(...) or os.environ[...], printed by a config dump or
		// a stack trace. The dot is required so that a password such as
		// "Summer(2024)" is still a password.
		`^[A-Za-z_]\w*\.[\w.]*[(\[]`,
		// Another assignment: "auth: enabled=true" has no value of its
		// own.
		`^[a-z][a-z_]*=`,
		`(?i)^(?:changeme|change_me|changeit|placeholder|example|dummy|redacted|masked|hidden|secret|password|passwd|token|todo|tbd|fixme|none|null|nil|undefined|true|false|yes|no|on|off|empty|unset|not[_ -]?set|n/?a|your[_-]?(?:password|token|secret|api[_-]?key|key)(?:[_-]?here)?)$`,
	}

	// proseAllow holds words that follow a credential name and a colon in
	// messages rather than in assignments, such as a reset or a required
	// field.
	proseAllow = []string{
		`(?i)^(?:required|invalid|incorrect|wrong|missing|expired|expiring|changed|reset|updated|failed|failure|mismatch|accepted|rejected|verified|ok|is|was|for|of|the|a|an|and|or|not|must|should|too|has|have|field|prompt|policy|length|strength|hash|hashed|encrypted|provided|supplied|given|attempt|attempts|error|check|validation|authentication|login|short|long|weak|strong|sent|set|user|enabled|disabled)$`,
	}

	// wordAllow holds lone words, identifiers and small numbers: what a
	// token-ish name or an auth scheme is followed by in prose, in
	// configuration labels ("secret: db-creds") and in usage counters.
	wordAllow = []string{
		`^[a-z]{1,16}=*$`,
		`^[A-Z][a-z]{1,16}=*$`,
		`^[a-z]+(?:[_.-][a-z]+){1,4}$`,
		`^[0-9]+(?:\.[0-9]+)?$`,
	}

	// pathAllow holds file paths: "private_key: /etc/ssl/key.pem" names a
	// file, and PWD is the working directory, not a password.
	pathAllow = []string{
		`^(?:~|\.{1,2})?/[\w.@/-]*$`,
		`(?i)\.(?:pem|key|crt|cer|der|json|p12|pfx|jks|ppk|txt)$`,
	}

	genericAllow = concat(placeholderAllow, wordAllow)
)

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// family describes one group of key names and how strict its values are.
type family struct {
	id, what string
	keywords []string
	name     string
	entropy  float64
	allow    []string
}

// genericPatterns covers key/value assignments whose key names a secret,
// in every quoting style, plus command-line flags.
//
// The regexes of the generic-* patterns are the reference description of
// these shapes for tools that read the catalog. The redact engine does not
// run them: its assignment grammar (redact/assign.go) reads the same shapes
// and many more (:=, ::=, ?=, .=, +=, setProperty("k", "v"), XML elements,
// SQL PASSWORD '…', IDENTIFIED BY, sshpass -p, redis-cli -a) in linear
// time, judges the value by the key's tier, and reports what it finds under
// these IDs, so labels, statistics and WithoutPatterns keep working.
func genericPatterns() []Pattern {
	families := []family{
		{
			id: "password", what: "password or passphrase",
			keywords: []string{"pass", "pwd"},
			name:     passwordName,
			// Any string can be a password, so there is no entropy floor;
			// 1-3 digit numbers are test counters ("pass=12 fail=0").
			allow: concat(placeholderAllow, proseAllow, pathAllow, []string{`^[0-9]{1,3}$`}),
		},
		{
			id: "secret", what: "secret (client_secret, app_secret, secret_key …)",
			keywords: []string{"secret"},
			name:     secretName,
			entropy:  2,
			allow:    concat(genericAllow, proseAllow),
		},
		{
			id: "token", what: "token (access_token, refresh_token, auth_token, id_token …)",
			keywords: []string{"token"},
			name:     tokenName,
			entropy:  2,
			allow:    concat(genericAllow, proseAllow),
		},
		{
			id: "api-key", what: "API, access, private or signing key",
			keywords: qualifiedKeywords("key", keyQualifiers),
			name:     keyName,
			entropy:  2,
			allow:    concat(genericAllow, proseAllow, pathAllow, []string{`^-----BEGIN`}),
		},
		{
			id: "credential", what: "credentials, auth or session value",
			// Cookie headers have their own patterns, which understand
			// the name=value; name=value syntax.
			keywords: []string{"cred", "auth", "session"},
			name:     credentialName,
			entropy:  2.5,
			allow:    concat(genericAllow, proseAllow, pathAllow),
		},
	}
	styles := []struct {
		suffix, how, value string
	}{
		{"", "unquoted", valueBare},
		{"-quoted", "double-quoted (JSON, logfmt)", valueDouble},
		{"-single-quoted", "single-quoted", valueSingle},
		{"-escaped", `escaped-quoted (JSON inside a JSON string)`, valueEscaped},
	}
	var out []Pattern
	for _, f := range families {
		for _, s := range styles {
			out = append(out, Pattern{
				ID:          "generic-" + f.id + s.suffix,
				Description: s.how + " value assigned to a " + f.what + " name",
				Keywords:    f.keywords,
				Regex:       f.name + sep + s.value,
				SecretGroup: 1,
				Entropy:     f.entropy,
				Allow:       f.allow,
			})
		}
	}
	cliKeywords := []string{"pass", "secret", "token", "apikey", "api-key", "access-key", "private-key", "cred"}
	cliAllow := concat(placeholderAllow, pathAllow)
	out = append(out,
		Pattern{
			ID:          "generic-cli-flag",
			Description: "unquoted value of a secret-named command-line flag given as --flag value",
			Keywords:    cliKeywords,
			// The value may not start with '-', which would be the next
			// flag; --flag=value is covered by the unquoted generic
			// patterns.
			Regex:       `(?:^|\s)--` + cliName + `[ \t]+([^\s"'\x60\\=\-\[\]{}()<>|][^\s"'\x60\\]*)`,
			SecretGroup: 1,
			Allow:       cliAllow,
		},
		Pattern{
			ID:          "generic-cli-flag-quoted",
			Description: "double-quoted value of a secret-named command-line flag",
			Keywords:    cliKeywords,
			Regex:       `(?:^|\s)--` + cliName + `(?:[ \t]+|=)` + valueDouble,
			SecretGroup: 1,
			Allow:       cliAllow,
		},
		Pattern{
			ID:          "generic-cli-flag-single-quoted",
			Description: "single-quoted value of a secret-named command-line flag",
			Keywords:    cliKeywords,
			Regex:       `(?:^|\s)--` + cliName + `(?:[ \t]+|=)` + valueSingle,
			SecretGroup: 1,
			Allow:       cliAllow,
		},
		Pattern{
			ID:          "mysql-cli-password",
			Description: "password glued to -p on a mysql, mysqldump or mysqladmin command line",
			Keywords:    []string{"mysql"},
			// A -p followed by a blank makes the client prompt, so only the
			// attached form is a secret.
			Regex:       `\bmysql(?:dump|admin|sh)?\b[^\r\n]{0,200}?[ \t]-p([^\s"'\x60\\-][^\s"'\x60\\]*)`,
			SecretGroup: 1,
			Allow:       cliAllow,
		},
		Pattern{
			ID:          "curl-user-password",
			Description: "password in curl's -u / --user user:password option",
			Keywords:    []string{"curl"},
			Regex:       `\bcurl\b[^\r\n]{0,300}?[ \t](?:-u|--user)[ \t]*\\?["']?[^\s:"'\x60\\]*["']?:["']?([^\s"'\x60\\]+)`,
			SecretGroup: 1,
			Allow:       cliAllow,
		},
	)
	return out
}
