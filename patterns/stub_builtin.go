package patterns

// PLACEHOLDER written by the lead so package redact compiles while the real
// catalog is being written: the catalog author deletes this file.
func Builtin() []Pattern {
	return []Pattern{
		{ID: "github-pat", Description: "GitHub personal access token", Keywords: []string{"ghp_"}, Regex: `\b(ghp_[0-9A-Za-z]{36})\b`, SecretGroup: 1},
		{ID: "generic-password", Description: "password assignment", Keywords: []string{"password"}, Regex: `(?i)password["']?\s*[:=]\s*["']?([^\s"'&,;\[]{1,200})`, SecretGroup: 1},
		{ID: "url-credentials", Description: "password in a URL", Keywords: []string{"://"}, Regex: `[a-zA-Z][a-zA-Z0-9+.-]{0,20}://[^\s:/@]{1,100}:([^\s:/@]{1,200})@`, SecretGroup: 1},
		{ID: "bearer-token", Description: "bearer token", Keywords: []string{"bearer"}, Regex: `(?i)\bbearer\s+([A-Za-z0-9._~+/=-]{8,500})`, SecretGroup: 1},
	}
}
