package cases

import "strings"

// NearMisses returns lines that look like they hold a secret but do not, so
// no built-in pattern may change them: usage counters under token-ish names,
// identifiers and digests, prose about credentials, key names that merely
// contain a sensitive word, public keys and certificates, URLs without a
// password, placeholders, and output that has already been redacted. It
// returns a new slice on every call.
func NearMisses() []string {
	sha := gen(hexLower, 64, 901)
	pub := pemArmour("PUBLIC KEY", gen(b64, 64*4, 902))
	cert := pemArmour("CERTIFICATE", gen(b64, 64*8, 903))
	return append([]string{
		// A go.sum hash after a provider's module path: base64, not a key.
		`github.com/DataDog/datadog-go v5.5.0/go.mod h1:` + gen(alnum, 7, 918) + `+` + gen(alnum, 35, 919) + `=`,
		// Token usage and rate limiting.
		`{"model":"gpt-4o","max_tokens":4096,"temperature":0.2}`,
		`usage: {"prompt_tokens": 12, "completion_tokens": 34, "total_tokens": 46}`,
		`rate limiter: bucket tokens=17 capacity=100 refill=10/s`,
		`tokenizer produced 512 tokens in 3ms`,
		`{"token": 12345, "token_count": 7}`,
		`"refresh_token_expires_in": 7200`,
		`"token_type": "Bearer", "expires_in": 3600`,
		`token=`,
		// Identifiers and digests.
		`api_key_id=4f3c2a1b rotated by admin`,
		`token_id=8a7b6c5d expired_at=2026-05-01`,
		`"apiKeyId": "k-123", "secretId": "s-456"`,
		`trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7`,
		`traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01`,
		`request_id=3fa85f64-5717-4562-b3fc-2c963f66afa6 status=200`,
		`session_id=3fa85f64-5717-4562-b3fc-2c963f66afa6 user=bob`,
		`deployed commit 9fceb02d0ae598e95dc970b74767f19372d61af8 to production`,
		`pulled registry.example.com/app@sha256:` + sha,
		`checksum sha256=` + sha + ` file=app.tar.gz`,
		`"digest": "sha256:` + sha + `"`,
		`tokenizer=cl100k_base tokens_per_second=41.5`,
		`sort_key=created_at partition_key=tenant`,
		`max_retries=3 key=user:42 cache hit`,
		// Prose.
		`password reset for user bob requested from 10.0.0.7`,
		`invalid token for user alice`,
		`authorization: failed for user bob`,
		`Authorization header missing`,
		`401 Bearer authentication required`,
		`WWW-Authenticate: Bearer realm="api", error="invalid_token"`,
		`basic authentication failed for user bob`,
		`Basic plan renewed for account 42`,
		`token expired at 2026-01-01T00:00:00Z`,
		`the API key is invalid`,
		`session started for user bob`,
		`user bob changed password: true`,
		`password: is required`,
		`signature verification failed`,
		`git commit -m "fix password validation"`,
		`Using cached credentials from ~/.aws/credentials`,
		`FATAL:  password authentication failed for user "postgres"`,
		`sshd[812]: Failed password for invalid user admin from 10.0.0.1 port 22`,
		`Login succeeded for user bob (auth method: password)`,
		`auth_method=password mfa=true`,
		`password_policy: min_length=12 require_symbols=true`,
		`{"role":"user","content":"how do I reset my password?"}`,
		`auth: enabled=true method=oidc`,
		`"password": os.Getenv("DB_PASSWORD")`,
		`api_key = os.environ["API_KEY"]`,
		`exec: mysql -u root -p --host db`,
		`exec: curl -u bob https://api.example.com`,
		`level=info key=value monkey=banana turkey=1 hotkey=ctrl+c`,
		`X-Request-Id: 3fa85f64-5717-4562-b3fc-2c963f66afa6`,
		`ETag: "33a64df551425fcc55e4d42a148795d9f25f89d4"`,
		// Names that only contain a sensitive word, or label public things.
		`passwordless=true login enabled`,
		`secret_name=db-creds namespace=prod`,
		`kind: Secret name: db-creds`,
		`secret: db-creds`,
		`session: active`,
		`auth: none`,
		`tests: pass=12 fail=0 skip=3`,
		`bypass=true cache=off`,
		`PWD=/home/bob/src OLDPWD=/home/bob`,
		`export PASSWORD_MIN_LENGTH=12`,
		`{"password_strength": "strong", "password_changed": true}`,
		`private_key_path=/etc/ssl/private/server.key`,
		`private_key: /etc/ssl/private/server.key`,
		`credentials: ~/.aws/credentials`,
		`--password-file /run/secrets/db_password`,
		`--token-ttl 3600 --no-password`,
		`cookie_consent=accepted theme=dark`,
		`Set-Cookie: theme=dark; Path=/`,
		`X-RateLimit-Remaining: 4999`,
		`"credentials": {"type": "oauth"}`,
		// Public keys and certificates.
		pub,
		cert,
		`authorized key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI` + gen(b64, 43, 904) + ` bob@laptop`,
		// AWS's documented example key ID.
		`aws configure set aws_access_key_id ` + join("AK", "IA", "IOSFODNN7", "EXAMPLE"),
		// URLs with no password.
		`cloning https://bob@github.com/org/repo.git`,
		`GET https://example.com/search?page=2&per_page=50 200`,
		`postgres://app@db.internal:5432/app`,
		`redis://cache.internal:6379/0`,
		`http://localhost:8080/health?verbose=true`,
		`mailto:bob@example.com`,
		`user=bob email=bob@example.com`,
		`posting to https://hooks.slack.com/services/ failed: no webhook configured`,
		// Placeholders.
		`password=${DB_PASSWORD}`,
		`password=$PASSWORD`,
		`password: <password>`,
		`token: {{ .Token }}`,
		`Password: ********`,
		`api_key=xxxxxxxxxxxxxxxx`,
		`password=changeme`,
		`password= user=bob`,
		`password="" user=bob`,
		`"password": null`,
		`auth=true`,
		`Authorization: Bearer`,
		`Authorization: Bearer ${TOKEN}`,
		`--password $DB_PASSWORD`,
		`postgres://app:${DB_PASSWORD}@db:5432/app`,
		// Already redacted.
		`password=[REDACTED]`,
		`password=[REDACTED:generic-password]`,
		`{"password":"[REDACTED]"}`,
		`Authorization: Bearer [REDACTED:hmac:0a1b2c3d]`,
		`Authorization: [REDACTED:http-auth-header]`,
		`X-Auth-Token: [REDACTED]`,
		`token ` + join("gh", "p_") + `[REDACTED] revoked`,
		`postgres://app:[REDACTED]@db:5432/app`,
		`Cookie: [REDACTED]`,
		`GET /cb?code=[REDACTED]&state=xyz`,
		join(dashes, "BEGIN RSA ", "PRIVATE", " KEY", dashes, "[REDACTED]", dashes, "END RSA ", "PRIVATE", " KEY", dashes),
	}, breadthNearMisses()...)
}

// pemArmour wraps body in BEGIN/END lines with the given label.
func pemArmour(label, body string) string {
	return strings.Join([]string{dashes + "BEGIN " + label + dashes, pemLines(body, "\n"), dashes + "END " + label + dashes}, "\n")
}
