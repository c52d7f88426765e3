package patterns

// pemBody is the text between the armour lines of a PEM block as it reaches a
// log: base64 lines separated by real line breaks, by "\n" escapes (one line
// of JSON or a quoted string), or by "\\n" (JSON logged inside a JSON string),
// plus the Proc-Type/DEK-Info or Version headers some formats carry.
const pemBody = `(?:[A-Za-z0-9+/=\s\\:,.()]|-[A-Za-z0-9+/=\s\\:,.()])`

// pemLabel matches the words of a private key's armour label, e.g. "RSA ",
// "OPENSSH ", "ENCRYPTED ", "PGP ".
const pemLabel = `(?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?`

// keyPatterns covers key material: PEM and PuTTY private keys and JWTs.
func keyPatterns() []Pattern {
	return []Pattern{
		{
			ID:          "private-key",
			Description: "PEM private key block (PKCS#1, PKCS#8, SEC1, OpenSSH, PGP), one or many lines",
			Keywords:    []string{"private key"},
			// Only the body is the secret; the armour lines stay so a reader
			// can tell what was removed. Public keys and certificates use
			// other labels and never match.
			Regex:       `-----BEGIN ` + pemLabel + `-----(` + pemBody + `{32,}?)-----END ` + pemLabel + `-----`,
			SecretGroup: 1,
			Entropy:     3,
		},
		{
			ID:          "private-key-truncated",
			Description: "start of a PEM private key whose END line was cut off by a log size limit",
			Keywords:    []string{"private key"},
			// Without an END line, the body is taken as base64 runs joined
			// by line breaks or their escapes, which stops at the first
			// character that cannot be part of a key.
			Regex:       `-----BEGIN ` + pemLabel + `-----((?:\\{1,3}[nr]|\s)*[A-Za-z0-9+/=]{40,}(?:(?:\\{1,3}[nr]|\s)+[A-Za-z0-9+/=]+)*)`,
			SecretGroup: 1,
			Entropy:     3,
		},
		{
			ID:          "putty-private-key",
			Description: "private lines of a PuTTY .ppk key file",
			Keywords:    []string{"private-lines:"},
			Regex:       `Private-Lines:[ \t]*[0-9]{1,3}(?:\\{1,3}[nr]|\s)+([A-Za-z0-9+/=](?:[A-Za-z0-9+/=]|\\{1,3}[nr]|\s)*?)(?:\\{1,3}[nr]|\s)*Private-MAC:`,
			SecretGroup: 1,
			Entropy:     3,
		},
		{
			ID:          "jwt",
			Description: "signed JSON Web Token (JWS compact serialization)",
			Keywords:    []string{"eyj"},
			// Header and payload are base64url JSON objects, so both start
			// with "eyJ" ({"). An unsigned token (empty third part) grants
			// nothing and is left alone.
			Regex:       `\b(eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,})` + tokenEnd,
			SecretGroup: 1,
			Entropy:     3,
		},
		{
			ID:          "jwt-base64",
			Description: "JSON Web Token wrapped in base64 (a Kubernetes Secret value, a config blob)",
			Keywords:    []string{"zxlk"},
			// base64 of "eyJ" is "ZXlK"; a JWT's two dots become part of
			// the base64 text, so only the start and the alphabet are
			// known. 60 characters at least: the header alone is longer.
			Regex:       `(?:^|[^A-Za-z0-9+/])(ZXlK[A-Za-z0-9+/]{60,1000}={0,2})(?:[^A-Za-z0-9+/=]|$)`,
			SecretGroup: 1,
			Entropy:     4,
		},
	}
}
