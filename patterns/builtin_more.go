package patterns

// morePatterns covers further providers whose tokens carry a distinctive
// prefix or marker. None of them needs key-name context.
func morePatterns() []Pattern {
	ps := []Pattern{
		token("onepassword-service-account-token", "1Password service account token", []string{"ops_eyj"},
			`(ops_eyJ[A-Za-z0-9+/]{250,1000}[A-Za-z0-9+/]{0,1000}={0,3})`),
		token("onepassword-secret-key", "1Password account Secret Key", []string{"a3-"},
			`\b(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})\b`),
		token("adobe-client-secret", "Adobe developer console client secret", []string{"p8e-"},
			`(p8e-[A-Za-z0-9]{32})\b`),
		token("flyio-token", "Fly.io access token", []string{"fo1_"},
			`(fo1_[\w-]{20,300})`),
		token("openrouter-api-key", "OpenRouter API key", []string{"sk-or-v1-"},
			`(sk-or-v1-[a-f0-9]{64})\b`),
		token("langsmith-api-key", "LangSmith personal or service key", []string{"lsv2_"},
			`(lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})\b`),
		token("replicate-api-token", "Replicate API token", []string{"r8_"},
			`\b(r8_[A-Za-z0-9]{37})\b`),
		token("pinecone-api-key", "Pinecone API key", []string{"pcsk_"},
			`(pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{40,80})\b`),
		// Mapbox secret tokens are "sk." followed by a JWT-like body; public
		// tokens ("pk.") are meant to ship in web pages and are left alone.
		token("mapbox-secret-token", "Mapbox secret access token", []string{"sk.eyj"},
			`(sk\.eyJ[\w-]{20,300}\.[\w-]{20,300})`),
		token("figma-token", "Figma personal access token", []string{"figd_"},
			`(figd_[\w-]{40,300})`),
		token("contentful-token", "Contentful personal access token", []string{"cfpat-"},
			`(CFPAT-[\w-]{43})`+tokenEnd),
		token("planetscale-token", "PlanetScale service token, password or OAuth token", []string{"pscale_tkn_", "pscale_pw_", "pscale_oauth_"},
			`(pscale_(?:tkn|pw|oauth)_[\w.=-]{32,64})`),
		token("netlify-token", "Netlify personal access token", []string{"nfp_"},
			`(nfp_[A-Za-z0-9]{36})\b`),
		token("shippo-token", "Shippo API token", []string{"shippo_live_", "shippo_test_"},
			`(shippo_(?:live|test)_[a-f0-9]{40})\b`),
		token("duffel-token", "Duffel API token", []string{"duffel_live_", "duffel_test_"},
			`(duffel_(?:live|test)_[\w=-]{43})`+tokenEnd),
		token("easypost-key", "EasyPost production or test API key", []string{"ezak", "eztk"},
			`\b(EZ[AT]K[A-Za-z0-9]{54})\b`),
		token("flutterwave-secret-key", "Flutterwave secret key", []string{"flwseck"},
			`\b(FLWSECK(?:_TEST)?-[a-fA-F0-9]{32}-X)\b`),
		token("typeform-token", "Typeform personal access token", []string{"tfp_"},
			`(tfp_[\w.=-]{40,300})`),
		token("readme-api-key", "ReadMe API key", []string{"rdme_"},
			`(rdme_[a-z0-9]{70})\b`),
		token("prefect-api-key", "Prefect Cloud API key", []string{"pnu_"},
			`(pnu_[A-Za-z0-9]{36})\b`),
		token("sourcegraph-token", "Sourcegraph access token", []string{"sgp_"},
			`(sgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40})\b`),
		token("artifactory-token", "JFrog Artifactory API key or reference token", []string{"akcp", "cmvmdgtu"},
			`\b(AKCp[A-Za-z0-9]{69}|cmVmdGtuOjAxOj[A-Za-z0-9]{40,300})\b`),
		token("bitbucket-app-password", "Bitbucket app password or API token", []string{"atbb"},
			`(?:^|[^A-Za-z0-9+/])(ATBB[\w=.-]{16,300})`),
		token("buildkite-token", "Buildkite user access token", []string{"bkua_"},
			`(bkua_[a-z0-9]{40})\b`),
		token("circleci-token", "CircleCI personal or project API token", []string{"ccipat_", "cciprj_"},
			`\b(CCIP(?:AT|RJ)_[A-Za-z0-9]{22}_[a-f0-9]{40})\b`),
		token("infracost-api-key", "Infracost API key", []string{"ico-"},
			`(ico-[A-Za-z0-9]{32})\b`),
		// Facebook user and page tokens start with EAA; EAAA is Square's,
		// covered by square-access-token.
		token("facebook-access-token", "Facebook / Meta Graph API access token", []string{"eaa"},
			`\b(EAA[B-Z][A-Za-z0-9]{60,300})`),
		// Azure DevOps personal access tokens since 2024 carry the AZDO
		// signature at a fixed position.
		token("azure-devops-pat", "Azure DevOps personal access token", []string{"azdo"},
			`\b([A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})\b`),
	}
	for i := range ps {
		switch ps[i].ID {
		case "shippo-token", "duffel-token":
			// A live or test prefix and a fixed width are proof enough;
			// a placeholder body is masked too (see providerPatterns).
			ps[i].Entropy = 0
		}
	}
	return ps
}
