// Package cases holds example log lines for the built-in secret patterns,
// shared by the catalog's own tests (package patterns) and the engine's
// (package redact) so both check the same examples.
//
// No literal in this package looks like a live credential: every secret is
// assembled at run time from a split prefix and a deterministic pseudo-random
// body (see gen), so the repository passes secret scanners, including
// logredact's own --check, while the tests still see realistic values.
package cases

import (
	"encoding/base64"
	"strings"
)

// Case is one log line holding one planted secret.
type Case struct {
	// Pattern is the ID of the built-in pattern expected to find Secret.
	Pattern string

	// Input is a realistic log line (or multi-line record) containing
	// Secret.
	Input string

	// Secret is the planted credential. After redaction it must be gone
	// from the output; whatever the pattern keeps as context (key name,
	// URL scheme and host, armour lines) stays.
	Secret string
}

// Alphabets for gen.
const (
	alnum    = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	lowerNum = "abcdefghijklmnopqrstuvwxyz0123456789"
	upperNum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	hexLower = "0123456789abcdef"
	digits   = "0123456789"
	b64      = alnum + "+/"
	b64url   = alnum + "_-"
	base32   = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	bech32   = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"
	// pwChars avoids the characters that end an unquoted value (quotes,
	// '\', ',', ';', '&') so a planted password is one value in any style.
	pwChars = alnum + "!@#%^*_-.+"
	// urlChars are the password characters that need no escaping in a
	// URL's userinfo.
	urlChars = alnum + "!*_-.~"
)

// gen returns n characters drawn from alphabet by a xorshift generator
// seeded with seed. The output is fixed for a given seed, so failures are
// reproducible, and varied enough to clear every entropy floor in the
// catalog.
func gen(alphabet string, n, seed int) string {
	x := uint64(seed)*0x9E3779B97F4A7C15 + 0x2545F4914F6CDD1D
	b := make([]byte, n)
	for i := range b {
		x ^= x >> 12
		x ^= x << 25
		x ^= x >> 27
		b[i] = alphabet[(x*0x2545F4914F6CDD1D>>33)%uint64(len(alphabet))]
	}
	return string(b)
}

// join concatenates parts. Prefixes are written split across arguments so
// that no single literal in the source is a provider prefix glued to a body.
func join(parts ...string) string { return strings.Join(parts, "") }

// mark is where a case's template takes its secret.
const mark = "⟪S⟫"

func c(pattern, template, secret string) Case {
	return Case{Pattern: pattern, Input: strings.ReplaceAll(template, mark, secret), Secret: secret}
}

// All returns the example lines, at least one for every built-in pattern
// ID, several for the generic, header and URL families. It returns a new
// slice on every call.
func All() []Case {
	var out []Case
	for _, f := range []func() []Case{cloudCases, vcsCases, chatCases, aiCases, packageCases, saasCases, moreCases, keyCases, httpCases, genericCases, breadthCases} {
		out = append(out, f()...)
	}
	return out
}

func cloudCases() []Case {
	awsID := join("AK", "IA", gen(base32, 16, 1))
	awsTemp := join("AS", "IA", gen(base32, 16, 2))
	awsSecret := gen(b64, 40, 3)
	session := gen(b64, 320, 4)
	acctKey := gen(b64, 86, 5) + "=="
	sasSig := gen(alnum, 40, 6) + "%2B" + gen(alnum, 3, 7) + "%3D"
	adSecret := join("aB", "c", "8", "Q~", gen(b64url+"~.", 34, 8))
	return []Case{
		c("aws-access-key-id", `time=2026-01-02T03:04:05Z level=info msg="assumed role" access_key_id=`+mark+` region=eu-west-1`, awsID),
		c("aws-access-key-id", `{"Credentials":{"AccessKeyId":"`+mark+`","Expiration":"2026-01-02T04:04:05Z"}}`, awsTemp),
		c("aws-secret-access-key", `aws_secret_access_key = `+mark, awsSecret),
		c("aws-secret-access-key", `{"AccessKeyId":"`+awsTemp+`","SecretAccessKey":"`+mark+`","SessionToken":"x"}`, awsSecret),
		c("aws-secret-access-key", `export AWS_SECRET_ACCESS_KEY=`+mark+` && aws s3 ls`, awsSecret),
		c("aws-session-token", `AWS_SESSION_TOKEN=`+mark, session),
		c("aws-session-token", `GET /bucket/obj?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Security-Token=`+mark+`&X-Amz-Expires=300 HTTP/1.1`, session),
		c("gcp-service-account-private-key", `{"type":"service_account","project_id":"demo","private_key_id":"`+gen(hexLower, 40, 9)+`","private_key":"`+mark+`","client_email":"svc@demo.iam.gserviceaccount.com"}`,
			pemBlock("", gen(b64, 64*6, 10), `\n`)+`\n`),
		c("google-api-key", `GET https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key=`+mark+` 200 12ms`, join("AI", "za", gen(b64url, 35, 11))),
		c("google-oauth-access-token", `oauth2: token refreshed access_token=`+mark+` expires_in=3599`, join("ya", "29.", gen(b64url, 150, 12))),
		c("google-oauth-client-secret", `{"web":{"client_id":"123-abc.apps.googleusercontent.com","client_secret":"`+mark+`"}}`, join("GOC", "SPX-", gen(b64url, 28, 13))),
		c("google-oauth-refresh-token", `gcloud auth: stored refresh_token=`+mark+` for user bob`, join("1/", "/0", gen(b64url, 100, 14))),
		c("azure-storage-account-key", `DefaultEndpointsProtocol=https;AccountName=prodlogs;AccountKey=`+mark+`;EndpointSuffix=core.windows.net`, acctKey),
		c("azure-shared-access-key", `Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=`+mark, gen(b64, 43, 15)+"="),
		c("azure-ad-client-secret", `AZURE_CLIENT_ID=4f0c... AZURE_CLIENT_SECRET=`+mark+` AZURE_TENANT_ID=common`, adSecret),
		c("azure-sas-signature", `PUT https://prodlogs.blob.core.windows.net/logs/app.log?sv=2022-11-02&ss=b&srt=o&sp=rw&se=2026-01-01T00:00:00Z&sig=`+mark+` 201`, sasSig),
		c("alibaba-access-key-id", `aliyun: using AccessKeyId `+mark+` for oss-cn-hangzhou`, join("LT", "AI", gen(alnum, 20, 16))),
		c("digitalocean-token", `doctl auth init --access-token `+mark, join("do", "p_v1_", gen(hexLower, 64, 17))),
		c("cloudflare-origin-ca-key", `origin_ca_key=`+mark, join("v1", ".0-", gen(hexLower, 24, 18), "-", gen(hexLower, 146, 19))),
		c("cloudflare-api-token", `CLOUDFLARE_API_TOKEN=`+mark+` terraform apply`, gen(b64url, 40, 20)),
		c("tailscale-key", `tailscale up --authkey=`+mark+` --hostname=web-1`, join("ts", "key-auth-", gen(alnum, 12, 21), "-", gen(alnum, 30, 22))),
		c("supabase-access-token", `SUPABASE_ACCESS_TOKEN=`+mark, join("sb", "p_", gen(hexLower, 40, 23))),
		c("supabase-secret-key", `createClient(url, "`+mark+`")`, join("sb_", "secret_", gen(b64url, 32, 24))),
		c("heroku-api-key", `HEROKU_API_KEY=`+mark, join("HR", "KU-AA", gen(b64url, 58, 25))),
		c("vault-token", `vault: renewed token `+mark+` ttl=768h`, join("hv", "s.", gen(b64url, 90, 26))),
		c("terraform-cloud-token", `credentials "app.terraform.io" { token = "`+mark+`" }`, join(gen(alnum, 14, 27), ".atlas", "v1.", gen(b64url, 67, 28))),
		c("databricks-token", `databricks-cli: DATABRICKS_TOKEN=`+mark, join("da", "pi", gen(hexLower, 32, 29))),
	}
}

func vcsCases() []Case {
	glTail := func(seed int) string { return gen(b64url, 20, seed) }
	return []Case{
		c("github-pat", `git clone https://x-access-token:`+mark+`@github.com/org/repo.git`, join("gh", "p_", gen(alnum, 36, 101))),
		c("github-pat", `GITHUB_TOKEN=`+mark+` gh release create v1.2.3`, join("gh", "p_", gen(alnum, 36, 102))),
		c("github-oauth-token", `github: oauth callback issued `+mark, join("gh", "o_", gen(alnum, 36, 103))),
		c("github-user-to-server-token", `app auth: user token `+mark+` expires in 8h`, join("gh", "u_", gen(alnum, 36, 104))),
		c("github-server-to-server-token", `{"token":"`+mark+`","expires_at":"2026-01-01T00:00:00Z"}`, join("gh", "s_", gen(alnum, 36, 105))),
		c("github-refresh-token", `refresh_token=`+mark+`&grant_type=refresh_token`, join("gh", "r_", gen(alnum, 36, 106))),
		c("github-fine-grained-pat", `Authorization: token `+mark, join("github", "_pat_", gen(alnum, 22, 107), "_", gen(alnum, 59, 108))),
		c("gitlab-pat", `curl --header "PRIVATE-TOKEN: `+mark+`" https://gitlab.example.com/api/v4/projects`, join("gl", "pat-", glTail(109))),
		c("gitlab-deploy-token", `docker login -u deployer -p `+mark+` registry.gitlab.example.com`, join("gl", "dt-", glTail(110))),
		c("gitlab-runner-token", `[[runners]] token = "`+mark+`"`, join("gl", "rt-", glTail(111))),
		c("gitlab-runner-registration-token", `gitlab-runner register --registration-token `+mark, join("GR13", "48941", glTail(112))),
		c("gitlab-ci-build-token", `job 42 started with CI_JOB_TOKEN=`+mark, join("gl", "cbt-", "3f", "_", glTail(113))),
		c("gitlab-pipeline-trigger-token", `curl -X POST -F token=`+mark+` -F ref=main https://gitlab.example.com/api/v4/projects/1/trigger/pipeline`, join("gl", "ptt-", gen(hexLower, 40, 114))),
		c("gitlab-feed-token", `GET /dashboard/projects.atom?feed_token=`+mark+` 200`, join("gl", "ft-", glTail(115))),
		c("gitlab-incoming-mail-token", `incoming email address reply+`+mark+`@gitlab.example.com`, join("gl", "imt-", gen(b64url, 25, 116))),
		c("gitlab-agent-token", `agentk: using token `+mark, join("gl", "agent-", gen(b64url, 50, 117))),
		c("gitlab-oauth-app-secret", `oauth application secret=`+mark, join("gl", "oas-", gen(b64url, 64, 118))),
		c("gitlab-scim-token", `SCIM token rotated: `+mark, join("gl", "soat-", glTail(119))),
		c("gitlab-feature-flag-client-token", `unleash client instance_id=`+mark, join("gl", "ffct-", glTail(120))),
	}
}

func chatCases() []Case {
	return []Case{
		c("slack-bot-token", `slack: posting with token `+mark+` to #alerts`, join("xo", "xb-", gen(digits, 12, 201), "-", gen(digits, 13, 202), "-", gen(alnum, 24, 203))),
		c("slack-user-token", `SLACK_USER_TOKEN=`+mark, join("xo", "xp-", gen(digits, 12, 204), "-", gen(digits, 12, 205), "-", gen(digits, 13, 206), "-", gen(hexLower, 32, 207))),
		c("slack-legacy-token", `legacy slack token `+mark+` used by bot`, join("xo", "xs-", gen(digits, 12, 208), "-", gen(alnum, 32, 209))),
		c("slack-config-token", `apps.manifest.create token=`+mark, join("xo", "xe.xo", "xp-1-", gen(alnum, 166, 210))),
		c("slack-app-token", `socket mode: connecting with `+mark, join("xa", "pp-1-A", gen(upperNum, 10, 211), "-", gen(digits, 13, 212), "-", gen(hexLower, 64, 213))),
		c("slack-webhook-url", `alert sent to https://hooks.slack.com/services/T`+gen(upperNum, 8, 214)+`/B`+gen(upperNum, 10, 215)+`/`+mark+` status=200`, gen(alnum, 24, 216)),
		c("slack-webhook-url", `notify url=https://hooks.slack.com/workflows/`+mark+` ok`, gen(b64url, 48, 217)),
		c("discord-webhook-url", `POST https://discord.com/api/webhooks/`+gen(digits, 18, 217)+`/`+mark+` 204`, gen(b64url, 68, 218)),
		c("discord-bot-token", `DISCORD_BOT_TOKEN=`+mark, join("M", gen(b64url, 25, 219), ".", gen(b64url, 6, 220), ".", gen(b64url, 38, 221))),
		c("discord-bot-token", `map[Authorization:[Bot `+mark+`] User-Agent:[DiscordBot]]`, join("N", gen(b64url, 25, 222), ".", gen(b64url, 6, 223), ".", gen(b64url, 38, 224))),
		c("telegram-bot-token", `POST https://api.telegram.org/bot`+mark+`/sendMessage 200`, join("7", gen(digits, 9, 225), ":A", "A", gen(b64url, 33, 226))),
	}
}

func aiCases() []Case {
	marker := join("T3Blbk", "FJ")
	return []Case{
		c("openai-api-key", `openai: OPENAI_API_KEY=`+mark+` model=gpt-4o`, join("sk-", "proj-", gen(b64url, 74, 301), marker, gen(b64url, 74, 302))),
		c("openai-legacy-api-key", `{"api_key": "`+mark+`", "org": "org-1"}`, join("sk-", gen(alnum, 20, 303), marker, gen(alnum, 20, 304))),
		c("anthropic-api-key", `curl https://api.anthropic.com/v1/messages -H "x-api-key: `+mark+`"`, join("sk-", "ant-", "api03-", gen(b64url, 93, 305), "AA")),
		c("anthropic-admin-key", `ANTHROPIC_ADMIN_KEY=`+mark, join("sk-", "ant-", "admin01-", gen(b64url, 93, 306), "AA")),
		c("huggingface-token", `huggingface-cli login --token `+mark, join("h", "f_", gen(alnum, 34, 307))),
		c("huggingface-org-token", `HF org token: `+mark, join("api", "_org_", gen(alnum, 34, 308))),
		c("groq-api-key", `GROQ_API_KEY=`+mark, join("gs", "k_", gen(alnum, 52, 309))),
		c("xai-api-key", `xai client init key=`+mark, join("xa", "i-", gen(alnum, 80, 310))),
		c("perplexity-api-key", `{"headers":{"Authorization":"Bearer `+mark+`"}}`, join("pp", "lx-", gen(alnum, 48, 311))),
	}
}

func packageCases() []Case {
	return []Case{
		c("npm-token", `//registry.npmjs.org/:_authToken=`+mark, join("np", "m_", gen(alnum, 36, 401))),
		c("npmrc-auth", `npm config: _auth=`+mark+` always-auth=true`, base64.StdEncoding.EncodeToString([]byte("ci:"+gen(alnum, 18, 402)))),
		c("npmrc-auth", `//npm.pkg.github.com/:_authToken=`+mark, gen(alnum, 40, 403)),
		c("pypi-token", `twine upload -u __token__ -p `+mark+` dist/*`, join("py", "pi-", "AgEIcHlwaS5vcmc", gen(b64url, 70, 404))),
		c("rubygems-api-key", `GEM_HOST_API_KEY=`+mark+` gem push pkg.gem`, join("ruby", "gems_", gen(hexLower, 48, 405))),
		c("dockerhub-token", `echo "$X" | docker login -u bob --password-stdin # token=`+mark, join("dckr", "_pat_", gen(b64url, 27, 406))),
	}
}

func saasCases() []Case {
	return []Case{
		c("stripe-secret-key", `stripe.api_key = "`+mark+`"`, join("sk", "_live_", gen(alnum, 24, 501))),
		c("stripe-secret-key", `STRIPE_SECRET_KEY=`+mark, join("sk", "_test_", gen(alnum, 99, 502))),
		c("stripe-restricted-key", `using restricted key `+mark+` for reporting`, join("rk", "_live_", gen(alnum, 24, 503))),
		c("stripe-webhook-secret", `STRIPE_WEBHOOK_SECRET=`+mark, join("wh", "sec_", gen(alnum, 32, 504))),
		c("sendgrid-api-key", `sendgrid: Authorization: Bearer `+mark, join("S", "G.", gen(b64url, 22, 505), ".", gen(b64url, 43, 506))),
		c("twilio-api-key", `twilio client api_key_sid=`+mark+` account=AC123`, join("S", "K", gen(hexLower, 32, 507))),
		c("twilio-auth-token", `TWILIO_AUTH_TOKEN=`+mark, gen(hexLower, 32, 508)),
		c("mailgun-api-key", `mailgun: sending with api key `+mark+` domain=mg.example.com`, join("ke", "y-", gen(lowerNum, 32, 509))),
		c("mailgun-api-key", `POST https://api:`+mark+`@api.mailgun.net/v3/mg.example.com/messages`, join("ke", "y-", gen(lowerNum, 32, 510))),
		c("mailchimp-api-key", `mailchimp: apikey `+mark+` list=abc`, join(gen(hexLower, 32, 511), "-u", "s14")),
		c("shopify-token", `X-Shopify-Access-Token: `+mark, join("shp", "at_", gen(hexLower, 32, 512))),
		c("square-access-token", `square: SQUARE_ACCESS_TOKEN=`+mark, join("EA", "AA", gen(b64url, 60, 513))),
		c("square-access-token", `square legacy token `+mark, join("sq0", "atp-", gen(b64url, 22, 514))),
		c("square-oauth-secret", `square oauth secret `+mark, join("sq0", "csp-", gen(b64url, 43, 515))),
		c("grafana-service-account-token", `GRAFANA_TOKEN=`+mark, join("gl", "sa_", gen(alnum, 32, 516), "_", gen(hexLower, 8, 517))),
		c("grafana-cloud-token", `grafana cloud policy token `+mark, join("gl", "c_", gen(alnum, 80, 518), "==")),
		c("grafana-api-key", `grafana api key `+mark+` created`, join("eyJr", "Ijoi", gen(alnum, 70, 519), "=")),
		c("sentry-user-token", `SENTRY_AUTH_TOKEN=`+mark, join("sntr", "yu_", gen(hexLower, 64, 520))),
		c("sentry-org-token", `sentry-cli --auth-token `+mark+` releases new 1.0`, join("sntr", "ys_", "eyJ", gen(b64, 80, 521), "_", gen(b64, 43, 522))),
		c("newrelic-user-api-key", `NEW_RELIC_API_KEY=`+mark, join("NR", "AK-", gen(upperNum, 27, 523))),
		c("newrelic-insert-key", `insights insert key `+mark, join("NR", "II-", gen(b64url, 32, 524))),
		c("newrelic-license-key", `newrelic.yml license_key: `+mark, join(gen(hexLower, 36, 525), "NR", "AL")),
		c("doppler-token", `DOPPLER_TOKEN=`+mark+` doppler run -- ./app`, join("dp", ".pt.", gen(alnum, 43, 526))),
		c("pulumi-access-token", `PULUMI_ACCESS_TOKEN=`+mark, join("pu", "l-", gen(hexLower, 40, 527))),
		c("postman-api-key", `X-Api-Key: `+mark, join("PM", "AK-", gen(hexLower, 24, 528), "-", gen(hexLower, 34, 529))),
		c("dynatrace-token", `Authorization: Api-Token `+mark, join("dt0", "c01.", gen(upperNum, 24, 530), ".", gen(upperNum, 64, 531))),
		c("linear-api-key", `linear: Authorization=`+mark, join("lin", "_api_", gen(alnum, 40, 532))),
		c("notion-token", `NOTION_TOKEN=`+mark, join("nt", "n_", gen(digits, 11, 533), gen(alnum, 35, 534))),
		c("notion-legacy-token", `notion integration `+mark+` connected`, join("sec", "ret_", gen(alnum, 43, 535))),
		c("atlassian-api-token", `jira: basic auth bob@example.com:`+mark, join("ATA", "TT3", gen(b64url, 183, 536), "=", gen(hexLower, 8, 537))),
		c("age-secret-key", "# created: 2026-01-01\n"+mark+"\n", join("AGE-", "SECRET-", "KEY-1", gen(bech32, 58, 538))),
	}
}

// pemBlock assembles a PEM private key block whose lines are joined by nl
// ("\n", a literal backslash-n, or a doubled backslash-n). The armour words
// are concatenated so that no literal in this file is a whole block.
func pemBlock(label, body, nl string) string {
	return join(dashes, "BEGIN ", label, "PRIVATE", " KEY", dashes, nl, pemLines(body, nl), nl, dashes, "END ", label, "PRIVATE", " KEY", dashes)
}

const dashes = "-----"

// pemLines splits body into 64-character lines joined by nl.
func pemLines(body, nl string) string {
	var lines []string
	for len(body) > 64 {
		lines = append(lines, body[:64])
		body = body[64:]
	}
	lines = append(lines, body)
	return strings.Join(lines, nl)
}

func keyCases() []Case {
	rsa := gen(b64, 64*10+20, 601) + "=="
	big := gen(b64, 64*40, 602)
	ossh := gen(b64, 64*6, 603)
	ec := gen(b64, 64*3, 604)
	trunc := gen(b64, 64*4, 605)
	putty := gen(b64, 64*3+12, 606)
	jwt := func(seed int) string {
		h := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
		p := base64.RawURLEncoding.EncodeToString([]byte(`{"sub":"` + gen(digits, 8, seed) + `","iat":1767225600}`))
		return h + "." + p + "." + gen(b64url, 43, seed+1)
	}
	return []Case{
		c("private-key", "loaded key:\n"+pemBlock("RSA ", rsa, "\n")+"\n", pemLines(rsa, "\n")),
		c("private-key", `level=debug msg="tls config" key="`+pemBlock("", big, `\n`)+`"`, pemLines(big, `\n`)),
		c("private-key", `{"msg":"{\"ssh_key\":\"`+pemBlock("OPENSSH ", ossh, `\\n`)+`\"}"}`, pemLines(ossh, `\\n`)),
		c("private-key", "key: |\n  "+pemBlock("EC ", ec, "\n  ")+"\n", pemLines(ec, "\n  ")),
		c("private-key-truncated", `msg="writing key" data="`+join(dashes, "BEGIN RSA ", "PRIVATE", " KEY", dashes)+`\n`+pemLines(trunc, `\n`)+`...[truncated 2048 bytes]`, pemLines(trunc, `\n`)),
		c("putty-private-key", "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n"+gen(b64, 64, 607)+"\n"+gen(b64, 20, 608)+"\nPrivate-Lines: 4\n"+pemLines(putty, "\n")+"\nPrivate-MAC: "+gen(hexLower, 64, 609)+"\n", pemLines(putty, "\n")),
		c("putty-private-key", `ppk="PuTTY-User-Key-File-2: ssh-ed25519\nPrivate-Lines: 4\n`+pemLines(putty, `\n`)+`\nPrivate-MAC: `+gen(hexLower, 40, 610)+`"`, pemLines(putty, `\n`)),
		c("jwt", `{"level":"info","id_token":"`+mark+`"}`, jwt(611)),
		c("jwt", `session established with `+mark, jwt(613)),
	}
}

func httpCases() []Case {
	tok := func(seed int) string { return gen(b64url, 40, seed) }
	basic := base64.StdEncoding.EncodeToString([]byte("deploy:" + gen(alnum, 16, 701)))
	return []Case{
		c("http-auth-bearer", `curl -H "Authorization: Bearer `+mark+`" https://api.example.com/v1/me`, tok(702)),
		c("http-auth-bearer", `map[Accept:[*/*] Authorization:[Bearer `+mark+`]]`, tok(703)),
		c("http-auth-bearer", `{"headers":{"authorization":"bearer `+mark+`"}}`, tok(704)),
		c("http-auth-bearer", `Proxy-Authorization: Bearer `+mark, tok(705)),
		c("http-auth-basic", `> Authorization: Basic `+mark, basic),
		c("http-auth-basic", `{"Proxy-Authorization":"Basic `+mark+`"}`, basic),
		c("http-auth-token-scheme", `Authorization: Token `+mark, gen(alnum, 40, 706)),
		c("http-auth-token-scheme", `authorization=SSWS `+mark+` path=/api/v1/users`, gen(b64url, 42, 707)),
		c("http-auth-digest", `Authorization: Digest username="bob", realm="api", nonce="`+gen(hexLower, 32, 708)+`", uri="/x", qop=auth, nc=00000001, cnonce="0a4f113b", response="`+mark+`"`, gen(hexLower, 32, 709)),
		c("http-auth-negotiate", `Authorization: Negotiate `+mark, gen(b64, 120, 710)+"=="),
		c("http-auth-negotiate", `WWW-Authenticate: NTLM `+mark, gen(b64, 60, 711)),
		c("http-auth-header", `Authorization: `+mark, gen(alnum, 40, 712)),
		c("http-auth-header", `{"Authorization":"`+mark+`","Content-Type":"application/json"}`, gen(b64url, 48, 713)),
		c("http-header-api-key", `X-API-Key: `+mark, gen(alnum, 32, 714)),
		c("http-header-api-key", `map[Ocp-Apim-Subscription-Key:[`+mark+`]]`, gen(hexLower, 32, 715)),
		c("http-header-auth-token", `X-Auth-Token: `+mark, gen(b64url, 32, 716)),
		c("http-header-auth-token", `curl -H 'X-Vault-Token: `+mark+`' https://vault:8200/v1/secret/data/app`, gen(alnum, 28, 717)),
		c("http-cookie-header", "Cookie: "+join("_ga=GA1.2.1234; ", "sessionid=", mark, "; theme=dark"), gen(alnum, 32, 719)),
		c("http-cookie-header", `{"cookie":"connect.sid=`+mark+`"}`, gen(b64url, 40, 720)),
		c("http-set-cookie", `Set-Cookie: session=`+mark+`; Path=/; HttpOnly; Secure; SameSite=Lax`, gen(b64url, 40, 721)),
		c("url-credentials", `connecting to postgres://app:`+mark+`@db.internal:5432/app?sslmode=require`, gen(alnum, 20, 722)),
		c("url-credentials", `MONGO_URL=mongodb+srv://svc:`+mark+`@cluster0.example.net/prod`, gen(alnum, 24, 723)),
		c("url-credentials", `redis://:`+mark+`@cache:6379/0`, gen(alnum, 24, 724)),
		c("url-credentials", `{"dsn":"amqp://guest:`+mark+`@mq:5672/"}`, gen(urlChars, 18, 725)),
		c("url-credentials", `fetching https://bob:`+mark+`@example.com/file.zip`, "p@"+gen(alnum, 14, 726)),
		c("url-query-secret", `GET /oauth/callback?code=`+mark+`&state=af0ifjsldkj 302`, gen(b64url, 40, 727)),
		c("url-query-secret", `redirect to https://app.example.com/#access_token=`+mark+`&token_type=bearer&expires_in=3600`, gen(b64url, 40, 728)),
		c("url-query-secret", `GET /login?user=bob&password=`+mark+` 401`, gen(alnum, 14, 729)),
		c("url-query-secret", `POST /token?grant_type=client_credentials&client_secret=`+mark, gen(b64url, 32, 730)),
		c("url-query-secret", `wss://stream.example.com/feed?api_key=`+mark+`&symbols=ABC`, gen(alnum, 32, 731)),
		c("url-query-key", `GET https://www.googleapis.com/youtube/v3/search?part=snippet&key=`+mark+`&q=cats`, gen(b64url, 39, 732)),
		c("signature-param", `GET https://bucket.s3.amazonaws.com/a.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260101T000000Z&X-Amz-Signature=`+mark+` 200`, gen(hexLower, 64, 733)),
		c("signature-param", `Authorization: AWS4-HMAC-SHA256 Credential=`+join("AK", "IA", gen(base32, 16, 734))+`/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=`+mark, gen(hexLower, 64, 735)),
	}
}

func genericCases() []Case {
	pw := func(seed int) string { return gen(pwChars, 16, seed) }
	val := func(seed int) string { return gen(alnum, 28, seed) }
	spaced := func(seed int) string {
		return gen(alnum, 6, seed) + " " + gen(alnum, 7, seed+1) + " " + gen(alnum, 5, seed+2)
	}
	p1, p2 := pw(801), pw(802)
	two := `password=` + p1 + ` retry_password=` + p2
	return []Case{
		// Passwords, unquoted.
		c("generic-password", `level=info msg="db connect" user=app password=`+mark+` host=db`, pw(803)),
		c("generic-password", `DB_PASSWORD=`+mark, pw(804)),
		c("generic-password", `db.password: `+mark, pw(805)),
		c("generic-password", `exec: app --password=`+mark+` --verbose`, pw(806)),
		c("generic-password", `config loaded: {User:bob Password:`+mark+` Host:db}`, pw(807)),
		c("generic-password", `opts=map[password:`+mark+` user:bob]`, pw(808)),
		c("generic-password", `PGPASSWORD=`+mark+` psql -h db -U app`, pw(809)),
		c("generic-password", `smtp login ok smtpPass=`+mark, pw(810)),
		c("generic-password", `passphrase = `+mark, pw(811)),
		c("generic-password", `{"user":"bob","password":`+mark+`}`, gen(digits, 8, 812)),
		c("generic-password", two, p1),
		c("generic-password", two, p2),
		// Passwords, quoted.
		c("generic-password-quoted", `{"user":"bob","password":"`+mark+`","remember":true}`, pw(813)),
		c("generic-password-quoted", `level=warn msg="login" password="`+mark+`" user=bob`, spaced(814)),
		c("generic-password-quoted", `{"dbPassword": "`+mark+`"}`, pw(817)),
		c("generic-password", `signup email=bob@example.com password_confirmation=`+mark, pw(816)),
		c("generic-password-quoted", `{"password":"`+`ab\"`+mark+`"}`, pw(818)),
		c("generic-password-quoted", `export MYSQL_ROOT_PASSWORD="`+mark+`"`, spaced(819)),
		c("generic-password-single-quoted", `password='`+mark+`'`, spaced(822)),
		c("generic-password-single-quoted", `kwargs={'user': 'bob', 'passwd': '`+mark+`'}`, pw(825)),
		c("generic-password-escaped", `{"msg":"{\"user\":\"bob\",\"password\":\"`+mark+`\"}"}`, pw(826)),
		// Secrets.
		c("generic-secret", `client_id=abc client_secret=`+mark+` scope=openid`, val(827)),
		c("generic-secret", `JWT_SECRET=`+mark, val(828)),
		c("generic-secret-quoted", `{"webhookSecret": "`+mark+`"}`, val(829)),
		c("generic-secret-single-quoted", `SECRET_KEY = '`+mark+`'`, val(830)),
		c("generic-secret-escaped", `{"log":"{\"app_secret\":\"`+mark+`\"}"}`, val(831)),
		// Tokens.
		c("generic-token", `token=`+mark, val(832)),
		c("generic-token", `refresh ok access_token=`+mark+` expires_in=3600`, val(833)),
		c("generic-token", `GITLAB_API_TOKEN: `+mark, val(834)),
		c("generic-token-quoted", `{"apiToken":"`+mark+`","page":2}`, val(835)),
		c("generic-token-quoted", `{"refresh_token": "`+mark+`", "token_type": "Bearer"}`, val(836)),
		c("generic-token-single-quoted", `{'auth_token': '`+mark+`'}`, val(837)),
		c("generic-token-escaped", `"body":"{\"id_token\":\"`+mark+`\",\"scope\":\"openid\"}"`, val(838)),
		// API keys.
		c("generic-api-key", `API_KEY=`+mark+` ./run.sh`, val(839)),
		c("generic-api-key", `x-api-key=`+mark, val(840)),
		c("generic-api-key", `encryption_key: `+mark, val(841)),
		c("generic-api-key-quoted", `{"apiKey":"`+mark+`"}`, val(842)),
		c("generic-api-key-quoted", `{"secretKey": "`+mark+`", "region": "us"}`, val(843)),
		c("generic-api-key-single-quoted", `api_key = '`+mark+`'`, val(844)),
		c("generic-api-key-escaped", `{"payload":"{\"accessKey\":\"`+mark+`\"}"}`, val(845)),
		// Credentials, auth, sessions, cookies.
		c("generic-credential", `credentials=`+mark, val(846)),
		c("generic-credential", `session=`+mark+` user=bob`, val(847)),
		c("generic-credential-quoted", `{"auths":{"registry.example.com":{"auth":"`+mark+`"}}}`, base64.StdEncoding.EncodeToString([]byte("bob:"+val(848)))),
		c("generic-credential-single-quoted", `{'credentials': '`+mark+`'}`, val(849)),
		c("generic-credential-escaped", `{"m":"{\"creds\":\"`+mark+`\"}"}`, val(850)),
		// Command-line flags.
		c("generic-cli-flag", `exec: mysql --user app --password `+mark+` --host db`, pw(851)),
		c("generic-cli-flag", `vault login --token `+mark, val(852)),
		c("generic-cli-flag", `--api-key `+mark, val(853)),
		c("generic-cli-flag-quoted", `exec: tool --client-secret "`+mark+`" --verbose`, spaced(854)),
		c("generic-cli-flag-single-quoted", `psql --password '`+mark+`'`, spaced(857)),
		c("mysql-cli-password", `backup: running mysqldump -h db -u root -p`+mark+` --all-databases`, pw(858)),
		c("curl-user-password", `exec: curl -sS -u deploy:`+mark+` https://artifacts.example.com/upload`, pw(859)),
		c("curl-user-password", `curl --user "bob:`+mark+`" https://api.example.com`, pw(860)),
	}
}
