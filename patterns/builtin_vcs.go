package patterns

// vcsPatterns covers source hosting and CI: GitHub and GitLab tokens. Both
// providers put a fixed public prefix on every token, so the prefix alone is
// enough context and doubles as the keyword kept by partial redaction.
func vcsPatterns() []Pattern {
	return []Pattern{
		token("github-pat", "GitHub classic personal access token", []string{"ghp_"},
			`(ghp_[A-Za-z0-9]{36,251})`),
		token("github-oauth-token", "GitHub OAuth access token", []string{"gho_"},
			`(gho_[A-Za-z0-9]{36,251})`),
		token("github-user-to-server-token", "GitHub App user-to-server token", []string{"ghu_"},
			`(ghu_[A-Za-z0-9]{36,251})`),
		token("github-server-to-server-token", "GitHub App installation (server-to-server) token", []string{"ghs_"},
			`(ghs_[A-Za-z0-9]{36,251})`),
		token("github-refresh-token", "GitHub App refresh token", []string{"ghr_"},
			`(ghr_[A-Za-z0-9]{36,251})`),
		token("github-fine-grained-pat", "GitHub fine-grained personal access token", []string{"github_pat_"},
			`(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59,200})`),

		// GitLab's newer personal tokens carry a ".01.xxxxxxxxx" routing
		// suffix; it is part of the token.
		token("gitlab-pat", "GitLab personal, project or group access token", []string{"glpat-"},
			`(glpat-[\w-]{20,300}(?:\.[0-9a-z]{2}\.?[0-9a-z]{7,9})?)`),
		token("gitlab-deploy-token", "GitLab deploy token", []string{"gldt-"},
			`(gldt-[\w-]{20,300})`),
		token("gitlab-runner-token", "GitLab runner authentication token", []string{"glrt-"},
			`(glrt-[\w-]{20,300}(?:\.[0-9a-z]{2}\.?[0-9a-z]{7,9})?)`),
		token("gitlab-runner-registration-token", "GitLab legacy runner registration token", []string{"gr1348941"},
			`(GR1348941[\w-]{20,300})`),
		token("gitlab-ci-build-token", "GitLab CI/CD job token", []string{"glcbt-"},
			`(glcbt-[0-9a-zA-Z]{1,5}_[\w-]{20,300})`),
		token("gitlab-pipeline-trigger-token", "GitLab pipeline trigger token", []string{"glptt-"},
			`(glptt-[0-9a-f]{40})\b`),
		token("gitlab-feed-token", "GitLab feed token", []string{"glft-"},
			`(glft-[\w-]{20,300})`),
		token("gitlab-incoming-mail-token", "GitLab incoming mail token", []string{"glimt-"},
			`(glimt-[\w-]{25,300})`),
		token("gitlab-agent-token", "GitLab agent for Kubernetes token", []string{"glagent-"},
			`(glagent-[\w-]{50,300})`),
		token("gitlab-oauth-app-secret", "GitLab OAuth application secret", []string{"gloas-"},
			`(gloas-[\w-]{64,300})`),
		token("gitlab-scim-token", "GitLab SCIM OAuth token", []string{"glsoat-"},
			`(glsoat-[\w-]{20,300})`),
		token("gitlab-feature-flag-client-token", "GitLab feature flags client token", []string{"glffct-"},
			`(glffct-[\w-]{20,300})`),
	}
}

// chatPatterns covers chat and messaging: Slack, Discord and Telegram.
func chatPatterns() []Pattern {
	return []Pattern{
		token("slack-bot-token", "Slack bot token", []string{"xoxb-"},
			`(xoxb-[0-9]{8,14}-[A-Za-z0-9-]{8,120})\b`),
		token("slack-user-token", "Slack user token", []string{"xoxp-", "xoxe-"},
			`(xox[pe]-[0-9]{8,14}-[A-Za-z0-9-]{8,160})\b`),
		token("slack-legacy-token", "Slack workspace, legacy or refresh token", []string{"xoxa-", "xoxo-", "xoxr-", "xoxs-"},
			`(xox[aors]-[0-9A-Za-z]{1,48}(?:-[0-9A-Za-z]{1,64}){0,4})\b`),
		token("slack-config-token", "Slack app configuration access or refresh token", []string{"xoxe.", "xoxe-"},
			`(xoxe(?:\.xox[bp])?-[0-9]-[A-Za-z0-9]{100,200})\b`),
		token("slack-app-token", "Slack app-level token", []string{"xapp-"},
			`(xapp-[0-9]-[A-Za-z0-9]{8,14}-[0-9]{10,14}-[A-Za-z0-9]{32,80})\b`),
		token("slack-webhook-url", "secret path (team, channel and key) of a Slack incoming webhook URL", []string{"hooks.slack.com"},
			`(?i:hooks\.slack\.com/(?:services|workflows|triggers)/)([A-Za-z0-9][\w+/-]{19,119})`+tokenEnd),
		token("discord-webhook-url", "secret token segment of a Discord webhook URL", []string{"discord"},
			`(?i:discord(?:app)?\.com/api(?:/v[0-9]{1,3})?/webhooks/)[0-9]{17,20}/([\w-]{60,68})`+tokenEnd),
		{
			ID:          "discord-bot-token",
			Description: "Discord bot token after a Discord name or the Bot auth scheme",
			// The token shape (three dot-separated base64url parts) is too
			// generic to flag without context.
			Keywords:    []string{"discord", "bot "},
			Regex:       `(?:(?i:discord)[\w.-]{0,30}?` + sepBounded + `\\?["']?|\b(?i:bot)[ \t]{1,8})([MNO][\w-]{23,27}\.[\w-]{6,7}\.[\w-]{27,40})` + tokenEnd,
			SecretGroup: 1,
			Entropy:     3.5,
		},
		token("telegram-bot-token", "Telegram Bot API token", []string{":aa"},
			`(?:^|[^0-9])([0-9]{8,10}:AA[\w-]{33})`+tokenEnd),
	}
}
