package patterns

// headerSep is the separator after a header name in the forms logs show:
// "Name: v" on the wire, "name=v" in logfmt, "Name":"v" in JSON and
// Name:[v] in Go's fmt output of an http.Header.
const headerSep = `\\?["']?[ \t]*[:=][ \t]*\[?\\?["']?[ \t]*`

// httpPatterns covers credentials carried by HTTP: auth headers, cookies,
// credentials inside URLs and secret query parameters.
func httpPatterns() []Pattern {
	return []Pattern{
		{
			ID:          "http-auth-bearer",
			Description: "token after the Bearer scheme (Authorization header, Go header dump, curl -H)",
			Keywords:    []string{"bearer"},
			Regex:       `\b(?i:bearer)[ \t]+([\w~+/.-][\w~+/.\[-]{5,}=*)`,
			SecretGroup: 1,
			Entropy:     2.5,
			// Words after "Bearer" are prose or WWW-Authenticate
			// parameters: "Bearer authentication required",
			// "Bearer realm=...", "Bearer error=...".
			Allow: wordAllow,
		},
		{
			ID:          "http-auth-basic",
			Description: "base64 user:password after the Basic scheme",
			Keywords:    []string{"basic"},
			Regex:       `\b(?i:basic)[ \t]+((?:[A-Za-z0-9+/]{4}){2,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)(?:[^A-Za-z0-9+/=]|$)`,
			SecretGroup: 1,
			Entropy:     2.5,
			Allow:       wordAllow,
		},
		{
			ID:          "http-auth-token-scheme",
			Description: "credential after a Token, Bot, SSWS, SSO-Key or similar scheme in an Authorization header",
			Keywords:    []string{"authorization"},
			Regex:       `(?i:authorization)` + headerSep + `(?i:token|bot|sso-key|api-?key|key|ssws|splunk|pat|gitlab-token)[ \t]+([^\s"'\x60\\,;\[\]][^\s"'\x60\\,;\]]{7,})`,
			SecretGroup: 1,
			Entropy:     2.5,
			Allow:       wordAllow,
		},
		{
			ID:          "http-auth-digest",
			Description: "response hash of an HTTP Digest Authorization header",
			Keywords:    []string{"digest"},
			// The response hash lets an attacker run an offline guess
			// against the password, so it is treated as secret.
			Regex:       `\b(?i:digest)[ \t]+[^\r\n]{0,400}?\b(?i:response)=\\?"?([0-9a-fA-F]{32,128})\b`,
			SecretGroup: 1,
			Entropy:     2.5,
		},
		{
			ID:          "http-auth-negotiate",
			Description: "SPNEGO/Kerberos or NTLM token after the Negotiate or NTLM scheme",
			Keywords:    []string{"negotiate", "ntlm"},
			Regex:       `\b(?i:negotiate|ntlm)[ \t]+([A-Za-z0-9+/]{20,}={0,2})`,
			SecretGroup: 1,
			Entropy:     3,
		},
		{
			ID:          "http-auth-header",
			Description: "raw Authorization or Proxy-Authorization value with no auth scheme",
			Keywords:    []string{"authorization"},
			Regex:       `(?i:authorization)` + headerSep + `([\w~+/.:=-][\w~+/.:=\[-]{15,})`,
			SecretGroup: 1,
			Entropy:     3,
			Allow:       append([]string{`(?i)^aws4-hmac-sha(?:256|512)$`, `(?i)^goog4-`}, wordAllow...),
		},
		{
			ID:          "http-header-api-key",
			Description: "value of an API key header such as X-API-Key or Ocp-Apim-Subscription-Key",
			Keywords:    []string{"api-key", "apikey", "subscription-key", "functions-key"},
			Regex:       `\b(?i:x-(?:goog-)?api-?key|api-?key|ocp-apim-subscription-key|x-functions-key)\\?["']?[ \t]*:[ \t]*\[?\\?["']?[ \t]*([^\s"'\x60\\,;\[\]][^\s"'\x60\\,;\]]{7,})`,
			SecretGroup: 1,
			Entropy:     2.5,
			Allow:       genericAllow,
		},
		{
			ID:          "http-header-auth-token",
			Description: "value of a token header such as X-Auth-Token, X-Vault-Token or PRIVATE-TOKEN",
			Keywords:    []string{"token"},
			Regex:       `\b(?i:x-(?:auth|access|api|vault|consul|nomad|gitlab|figma|session|github|csrf|xsrf|shopify-access)-token|private-token|job-token)` + headerSep + `([^\s"'\x60\\,;@\[\]][^\s"'\x60\\,;@\]]{7,})`,
			SecretGroup: 1,
			Entropy:     2.5,
			Allow:       genericAllow,
		},
		{
			ID:          "http-cookie-header",
			Description: "all name=value pairs of a Cookie request header",
			Keywords:    []string{"cookie"},
			// The whole header goes: a request's cookies mix session
			// identifiers with tracking values, and which is which depends
			// on the application.
			Regex:       `(?:^|[^\w-])(?i:cookie)` + headerSep + `([^\s"'\x60\\;,=\[\]]+=[^\s"'\x60\\;,]+(?:;[ \t]?[^\s"'\x60\\;,]+)*)`,
			SecretGroup: 1,
			Entropy:     2.5,
		},
		{
			ID:          "http-set-cookie",
			Description: "value of the cookie set by a Set-Cookie response header",
			Keywords:    []string{"set-cookie"},
			Regex:       `(?i:set-cookie)` + headerSep + `[^\s"'\x60\\;,=]+=([^\s"'\x60\\;,\[][^\s"'\x60\\;,]*)`,
			SecretGroup: 1,
			Entropy:     2.5,
			Allow:       append([]string{`(?i)^deleted$`}, genericAllow...),
		},
		{
			ID:          "url-credentials",
			Description: "password in the userinfo part of a URL; scheme, user and host are kept",
			Keywords:    []string{"://"},
			// The password may itself contain '@' (people do not always
			// percent-encode it); the greedy class backs off to the last
			// '@' before the host.
			Regex:       `\b[A-Za-z][A-Za-z0-9+.-]{1,30}://[^\s:/?#@"'\x60<>\\]*:([^\s/?#"'\x60<>\\@\[][^\s/?#"'\x60<>\\]*)@[^\s/?#@"'\x60<>\\]`,
			SecretGroup: 1,
			Allow:       placeholderAllow,
		},
		{
			ID:          "url-query-secret",
			Description: "secret-named query or fragment parameter such as access_token, api_key, client_secret or password",
			Keywords:    []string{"token=", "key=", "secret=", "password=", "passwd=", "pwd=", "auth=", "code="},
			Regex:       `[?&#;](?i:access_token|id_token|refresh_token|auth_token|session_token|private_token|api_key|apikey|api-key|client_secret|password|passwd|pwd|secret|token|auth|code)=([^&#;\s"'\x60\\<>\[][^&#;\s"'\x60\\<>]*)`,
			SecretGroup: 1,
			Entropy:     2,
			Allow:       genericAllow,
		},
		{
			ID:          "url-query-key",
			Description: "key= query parameter carrying an API key (Google Maps and many others)",
			Keywords:    []string{"key="},
			// Plain "key" names all sorts of public things, so only a long,
			// random-looking value counts.
			Regex:       `[?&#;](?i:key)=([\w-]{20,})` + tokenEnd,
			SecretGroup: 1,
			Entropy:     3.5,
		},
		{
			ID:          "signature-param",
			Description: "request signature (SigV4 Authorization header, presigned S3 or GCS URL, webhook signature)",
			Keywords:    []string{"signature="},
			Regex:       `\b(?i:x-amz-signature|x-goog-signature|signature)=([^&#\s"'\x60\\<>,;\[][^&#\s"'\x60\\<>,;]*)`,
			SecretGroup: 1,
			Entropy:     3,
			Allow:       genericAllow,
		},
	}
}
