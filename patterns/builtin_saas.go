package patterns

// aiPatterns covers model providers. Their keys are long and random, so the
// entropy floor is raised above the default for prefixed tokens: these
// prefixes are the ones most often pasted into docs with a made-up body.
func aiPatterns() []Pattern {
	ps := []Pattern{
		// Project, service-account and admin keys embed the "T3BlbkFJ"
		// marker (base64 of "OpenAI") somewhere after the prefix; the
		// prefix is enough, and the open width survives format changes.
		token("openai-api-key", "OpenAI project, service account or admin API key", []string{"sk-proj-", "sk-svcacct-", "sk-admin-"},
			`(sk-(?:proj|svcacct|admin)-[\w-]{40,300})`),
		token("openai-legacy-api-key", "OpenAI legacy user API key", []string{"t3blbkfj"},
			`\b(sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})\b`),
		token("anthropic-api-key", "Anthropic API key", []string{"sk-ant-api03-"},
			`(sk-ant-api03-[\w-]{93}AA)`+tokenEnd),
		token("anthropic-admin-key", "Anthropic Admin API key", []string{"sk-ant-admin01-"},
			`(sk-ant-admin01-[\w-]{93}AA)`+tokenEnd),
		token("huggingface-token", "Hugging Face user access token", []string{"hf_"},
			`(?:^|[^A-Za-z0-9])(hf_[A-Za-z0-9]{34,40})\b`),
		token("huggingface-org-token", "Hugging Face organization API token", []string{"api_org_"},
			`(api_org_[A-Za-z0-9]{34})\b`),
		token("groq-api-key", "Groq API key", []string{"gsk_"},
			`(gsk_[A-Za-z0-9]{52})\b`),
		token("xai-api-key", "xAI API key", []string{"xai-"},
			`(xai-[A-Za-z0-9]{80})\b`),
		token("perplexity-api-key", "Perplexity API key", []string{"pplx-"},
			`(pplx-[A-Za-z0-9]{48})\b`),
	}
	for i := range ps {
		ps[i].Entropy = 3
	}
	return ps
}

// packagePatterns covers package registries and container registries.
func packagePatterns() []Pattern {
	return []Pattern{
		token("npm-token", "npm access token", []string{"npm_"},
			`(npm_[A-Za-z0-9]{36})\b`),
		{
			ID:          "npmrc-auth",
			Description: "_auth or _authToken setting in an .npmrc file",
			Keywords:    []string{"_auth"},
			Regex:       `(?i:_auth(?:Token)?)[ \t]{0,16}=[ \t]{0,16}\\?["']?([^\s"'\x60\\$\[][^\s"'\x60\\]{0,1000})`,
			SecretGroup: 1,
			Entropy:     2.5,
			Allow:       placeholderAllow,
		},
		// Every PyPI token is a macaroon whose serialisation starts with
		// the same bytes (it encodes the location "pypi.org").
		token("pypi-token", "PyPI API token", []string{"pypi-ageichlwas5vcmc"},
			`(pypi-AgEIcHlwaS5vcmc[\w-]{50,300})`),
		token("rubygems-api-key", "RubyGems API key", []string{"rubygems_"},
			`(rubygems_[a-f0-9]{48})\b`),
		token("dockerhub-token", "Docker Hub personal or organization access token", []string{"dckr_pat_", "dckr_oat_"},
			`(dckr_(?:pat|oat)_[\w-]{27,300})`+tokenEnd),
	}
}

// saasPatterns covers the remaining hosted services whose keys have a
// recognisable shape.
func saasPatterns() []Pattern {
	return []Pattern{
		token("stripe-secret-key", "Stripe secret API key", []string{"sk_live_", "sk_test_", "sk_prod_"},
			`(?:^|[^A-Za-z0-9])(sk_(?:live|test|prod)_[A-Za-z0-9]{10,247})\b`),
		token("stripe-restricted-key", "Stripe restricted API key", []string{"rk_live_", "rk_test_", "rk_prod_"},
			`(?:^|[^A-Za-z0-9])(rk_(?:live|test|prod)_[A-Za-z0-9]{10,247})\b`),
		token("stripe-webhook-secret", "Stripe webhook signing secret", []string{"whsec_"},
			`(whsec_[A-Za-z0-9+/]{32,300})`),
		token("sendgrid-api-key", "SendGrid API key", []string{"sg."},
			`\b(SG\.[\w-]{16,32}\.[\w-]{16,64})`+tokenEnd),
		{
			ID:          "twilio-api-key",
			Description: "Twilio API key SID near a Twilio name",
			// "SK" plus 32 hex digits is specific, but the only keyword it
			// offers, "sk", occurs in ordinary words (task, disk, risk) and
			// would wake the regex on most lines.
			Keywords:    []string{"twilio"},
			Regex:       `(?i:twilio)[^\r\n]{0,100}?\b(SK[0-9a-fA-F]{32})\b`,
			SecretGroup: 1,
			Entropy:     2,
		},
		{
			ID:          "twilio-auth-token",
			Description: "Twilio auth token next to a Twilio name",
			Keywords:    []string{"twilio"},
			Regex:       `(?i:twilio)[\w.-]{0,30}?(?i:auth[_.-]?token|token|secret)` + sepBounded + `\\?["']?([a-f0-9]{32})\b`,
			SecretGroup: 1,
			Entropy:     3,
		},
		{
			ID:          "mailgun-api-key",
			Description: "Mailgun private API key near a Mailgun name or in api: basic auth",
			// "key-" followed by 32 characters is also how many cache keys
			// look, so Mailgun context is required.
			Keywords:    []string{"mailgun", "key-"},
			Regex:       `(?:(?i:mailgun)[^\r\n]{0,100}?\b|\bapi:)(key-[0-9a-z]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})\b`,
			SecretGroup: 1,
			Entropy:     3,
		},
		token("mailchimp-api-key", "Mailchimp API key", []string{"-us"},
			`\b([0-9a-f]{32}-us[0-9]{1,2})\b`),
		token("shopify-token", "Shopify access, custom app, partner or shared secret token", []string{"shpat_", "shpca_", "shppa_", "shpss_"},
			`(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\b`),
		token("square-access-token", "Square access token", []string{"eaaa", "sq0atp-"},
			`\b((?:EAAA[\w=-]{60}|sq0atp-[\w-]{22}))`+tokenEnd),
		token("square-oauth-secret", "Square OAuth application secret", []string{"sq0csp-", "sq0csb-"},
			`(sq0cs[pb]-[\w-]{43,50})`+tokenEnd),
		token("grafana-service-account-token", "Grafana service account token", []string{"glsa_"},
			`(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})\b`),
		token("grafana-cloud-token", "Grafana Cloud access policy token", []string{"glc_"},
			`(glc_[A-Za-z0-9+/]{32,300}={0,2})`),
		// Legacy Grafana API keys are base64 of a JSON object starting
		// {"k":" and so always begin with the same eight characters.
		token("grafana-api-key", "Grafana legacy API key", []string{"eyjrijoi"},
			`\b(eyJrIjoi[A-Za-z0-9+/]{50,300}={0,2})`),
		token("sentry-user-token", "Sentry user auth token", []string{"sntryu_"},
			`(sntryu_[a-f0-9]{64})\b`),
		token("sentry-org-token", "Sentry organization auth token", []string{"sntrys_"},
			`(sntrys_eyJ[A-Za-z0-9+/=]{60,300}(?:_[A-Za-z0-9+/=]{20,300})?)`),
		token("newrelic-user-api-key", "New Relic user API key", []string{"nrak-"},
			`(NRAK-[A-Z0-9]{27})\b`),
		token("newrelic-insert-key", "New Relic insights insert key", []string{"nrii-"},
			`(NRII-[\w-]{20,32})`+tokenEnd),
		token("newrelic-license-key", "New Relic ingest license key", []string{"nral"},
			`\b([A-Za-z0-9]{36}NRAL)\b`),
		token("doppler-token", "Doppler personal, service, service account, CLI, SCIM or audit token", []string{"dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."},
			`\b(dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44})\b`),
		token("pulumi-access-token", "Pulumi access token", []string{"pul-"},
			`(pul-[a-f0-9]{40})\b`),
		token("postman-api-key", "Postman API key", []string{"pmak-"},
			`(PMAK-[a-f0-9]{24}-[a-f0-9]{34})\b`),
		token("dynatrace-token", "Dynatrace API or platform token", []string{"dt0"},
			`\b(dt0[a-z][0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64})\b`),
		token("linear-api-key", "Linear API key or OAuth token", []string{"lin_api_", "lin_oauth_"},
			`(lin_(?:api|oauth)_[A-Za-z0-9]{40,300})\b`),
		token("notion-token", "Notion integration token", []string{"ntn_"},
			`(ntn_[0-9]{11}[A-Za-z0-9]{35})\b`),
		{
			ID:          "notion-legacy-token",
			Description: "Notion legacy internal integration token",
			Keywords:    []string{"secret_"},
			Regex:       `(secret_[A-Za-z0-9]{43})\b`,
			SecretGroup: 1,
			Entropy:     4,
		},
		token("atlassian-api-token", "Atlassian Cloud API token", []string{"atatt3", "atctt3"},
			`(AT[AC]TT3[\w=-]{20,250})`+tokenEnd),
		{
			ID:          "age-secret-key",
			Description: "age encryption identity (secret key)",
			Keywords:    []string{"age-secret-key-1"},
			Regex:       `(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b`,
			SecretGroup: 1,
			// The prefix, bech32 alphabet and fixed length are proof
			// enough; a documentation key of repeated letters is
			// masked too (no one logs one on purpose).
			Entropy: 0,
		},
	}
}
