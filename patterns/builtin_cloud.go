package patterns

// AWS access key IDs: a four-character kind prefix and 16 base32
// characters. The ID may be glued to a name ("AWS_KEY_AKIA…") but not sit
// inside a longer alphanumeric or base64 run.
const (
	awsKeyIDStart = `(?:^|[^A-Za-z0-9+/])`
	awsKeyID      = `(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}`
)

// cloudPatterns covers cloud and infrastructure providers: AWS, Google, Azure,
// Alibaba, DigitalOcean, Cloudflare, Tailscale, Supabase, Heroku, HashiCorp,
// Databricks.
func cloudPatterns() []Pattern {
	return []Pattern{
		{
			ID:          "aws-access-key-id",
			Description: "AWS access key ID (long-term or temporary)",
			Keywords:    []string{"akia", "asia", "abia", "acca", "a3t"},
			Regex:       awsKeyIDStart + `(` + awsKeyID + `)\b`,
			SecretGroup: 1,
			Entropy:     3,
			// AWS documentation uses key IDs ending in EXAMPLE; they are
			// public and appear in tutorials and test fixtures.
			Allow: []string{`EXAMPLE$`},
		},
		{
			ID:          "aws-secret-access-key",
			Description: "AWS secret access key next to a name that says so",
			Keywords:    []string{"secret"},
			// A bare 40-character base64 string is far too common to flag
			// on its own, so the key name is required.
			Regex:       `(?i:aws[_.-]?secret[_.-]?access[_.-]?key|secret[_.-]?access[_.-]?key|aws[_.-]?secret(?:[_.-]?key)?)` + sepBounded + `\\?["']?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)`,
			SecretGroup: 1,
			Entropy:     3.5,
			Allow:       []string{`EXAMPLEKEY$`},
		},
		{
			ID:          "aws-secret-after-key-id",
			Description: "AWS secret access key written right after its access key ID",
			Keywords:    []string{"akia", "asia", "abia", "acca", "a3t"},
			// "AKIA…:secret", "AKIA… secret", "AKIA…/secret", a CSV
			// credentials row "AKIA…,secret", or the two as adjacent
			// quoted strings. The key ID is the context, so the secret
			// needs no name of its own; the ID is found by
			// aws-access-key-id.
			Regex:       awsKeyIDStart + awsKeyID + `\\?["']?[ \t]{0,3}[:/,;| \t=][ \t]{0,3}\\?["']?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)`,
			SecretGroup: 1,
			Entropy:     3.5,
			Allow:       []string{`EXAMPLEKEY$`},
		},
		{
			ID:          "aws-session-token",
			Description: "AWS STS session token in a variable, JSON field, header or presigned URL",
			Keywords:    []string{"session_token", "sessiontoken", "session-token", "security-token", "security_token", "securitytoken"},
			Regex:       `(?i:aws[_.-]?session[_.-]?token|session[_.-]?token|x-amz-security-token|security[_.-]?token)` + sepBounded + `\\?["']?([A-Za-z0-9/+=%]{100,1000})`,
			SecretGroup: 1,
			Entropy:     4,
		},
		{
			ID:          "gcp-service-account-private-key",
			Description: "private key field of a Google Cloud service account JSON key file",
			Keywords:    []string{"private_key"},
			// The key sits in a JSON string, so its line breaks are "\n"
			// escapes, or "\\n" when the JSON was itself logged as a string.
			Regex:       `\\?"private_key\\?"\s*:\s*\\?"(-----BEGIN ` + pemLabel + `-----[A-Za-z0-9+/=\\\s]{32,}?-----END ` + pemLabel + `-----(?:\\{1,3}n)?)`,
			SecretGroup: 1,
		},
		token("google-api-key", "Google API key", []string{"aiza"},
			`(?:^|[^A-Za-z0-9+/])(AIza[\w-]{35})`+tokenEnd),
		token("google-oauth-access-token", "Google OAuth 2.0 access token", []string{"ya29."},
			`(ya29\.[\w-]{20,512})`),
		token("google-oauth-client-secret", "Google OAuth client secret", []string{"gocspx-"},
			`(GOCSPX-[\w-]{28})`+tokenEnd),
		token("google-oauth-refresh-token", "Google OAuth 2.0 refresh token", []string{"1//0"},
			`(?:^|[^\w/])(1//0[\w-]{40,512})`),
		{
			ID:          "azure-storage-account-key",
			Description: "Azure Storage account key in a connection string",
			Keywords:    []string{"accountkey"},
			Regex:       `(?i:AccountKey)\s{0,16}=\s{0,16}([A-Za-z0-9+/]{86}==)`,
			SecretGroup: 1,
			Entropy:     4,
		},
		{
			ID:          "azure-shared-access-key",
			Description: "Azure Service Bus / Event Hubs shared access key in a connection string",
			Keywords:    []string{"sharedaccesskey"},
			Regex:       `(?i:SharedAccessKey)\s{0,16}=\s{0,16}([A-Za-z0-9+/]{42,44}={0,2})`,
			SecretGroup: 1,
			Entropy:     4,
		},
		token("azure-ad-client-secret", "Microsoft Entra ID (Azure AD) application client secret", []string{"q~"},
			`(?:^|[^\w~.-])([\w~.-]{3}[0-9]Q~[\w~.-]{31,34})(?:[^\w~.-]|$)`),
		{
			ID:          "azure-sas-signature",
			Description: "signature of an Azure shared access signature URL",
			Keywords:    []string{"sig="},
			Regex:       `[?&;](?i:sig)=([A-Za-z0-9%+/=]{20,300})`,
			SecretGroup: 1,
			Entropy:     3,
		},
		token("alibaba-access-key-id", "Alibaba Cloud AccessKey ID", []string{"ltai"},
			`(?:^|[^A-Za-z0-9+/])(LTAI[A-Za-z0-9]{12,20})\b`),
		token("digitalocean-token", "DigitalOcean personal access, OAuth or refresh token", []string{"dop_v1_", "doo_v1_", "dor_v1_"},
			`(do[por]_v1_[a-f0-9]{64})\b`),
		token("cloudflare-origin-ca-key", "Cloudflare Origin CA key", []string{"v1.0-"},
			`(v1\.0-[a-z0-9]{24}-[a-f0-9]{146})\b`),
		{
			ID:          "cloudflare-api-token",
			Description: "Cloudflare API token or global API key next to a Cloudflare name",
			Keywords:    []string{"cloudflare", "cf_api", "cf-api"},
			Regex:       `(?i:cloudflare[_.-]?(?:api[_.-]?)?(?:token|key)|cf[_-]api[_-](?:token|key))` + sepBounded + `\\?["']?([\w-]{37,40})` + tokenEnd,
			SecretGroup: 1,
			Entropy:     3.5,
		},
		token("tailscale-key", "Tailscale auth, API or OAuth client key", []string{"tskey-"},
			`(tskey-[a-z]{1,20}-[A-Za-z0-9]{8,40}-[A-Za-z0-9]{16,80})`),
		token("supabase-access-token", "Supabase personal access token", []string{"sbp_"},
			`(sbp_[a-f0-9]{40})\b`),
		token("supabase-secret-key", "Supabase project secret API key", []string{"sb_secret_"},
			`(sb_secret_[\w-]{31,100})`),
		token("heroku-api-key", "Heroku platform API key", []string{"hrku-"},
			`(HRKU-AA[\w-]{58})`+tokenEnd),
		token("vault-token", "HashiCorp Vault service, batch or recovery token", []string{"hvs.", "hvb.", "hvr."},
			`\b(hv[sbr]\.[\w-]{24,300})`),
		token("terraform-cloud-token", "Terraform Cloud / Enterprise API token", []string{"atlasv1"},
			`\b([A-Za-z0-9]{14}\.atlasv1\.[\w-]{60,70})`+tokenEnd),
		token("databricks-token", "Databricks personal access token", []string{"dapi"},
			`(?:^|[^A-Za-z0-9+/])(dapi[a-f0-9]{32}(?:-[0-9])?)\b`),
	}
}
