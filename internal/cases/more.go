package cases

import "encoding/base64"

func moreCases() []Case {
	return []Case{
		c("onepassword-service-account-token", `OP_SERVICE_ACCOUNT_TOKEN=`+mark, join("op", "s_", "eyJ", gen(b64, 300, 1001))),
		c("onepassword-secret-key", `op account add --secret-key `+mark, join("A", "3-", gen(upperNum, 6, 1002), "-", gen(upperNum, 11, 1003), "-", gen(upperNum, 5, 1004), "-", gen(upperNum, 5, 1005), "-", gen(upperNum, 5, 1006))),
		c("adobe-client-secret", `adobe io: client_secret=`+mark, join("p8", "e-", gen(alnum, 32, 1007))),
		c("flyio-token", `FLY_API_TOKEN=`+mark+` flyctl deploy`, join("fo", "1_", gen(b64url, 43, 1010))),
		c("openrouter-api-key", `openrouter: using key `+mark, join("sk-", "or-", "v1-", gen(hexLower, 64, 1011))),
		c("langsmith-api-key", `LANGSMITH_API_KEY=`+mark, join("ls", "v2_", "pt_", gen(hexLower, 32, 1012), "_", gen(hexLower, 10, 1013))),
		c("replicate-api-token", `REPLICATE_API_TOKEN=`+mark, join("r", "8_", gen(alnum, 37, 1014))),
		c("pinecone-api-key", `pinecone init api_key=`+mark, join("pc", "sk_", gen(alnum, 6, 1015), "_", gen(alnum, 64, 1016))),
		c("mapbox-secret-token", `MAPBOX_DOWNLOADS_TOKEN=`+mark, join("sk", ".", base64.RawURLEncoding.EncodeToString([]byte(`{"u":"bob","a":"`+gen(alnum, 8, 1017)+`"}`)), ".", gen(b64url, 22, 1018))),
		c("figma-token", `X-Figma-Token: `+mark, join("fi", "gd_", gen(b64url, 40, 1019))),
		c("contentful-token", `contentful space export --management-token `+mark, join("CF", "PAT-", gen(b64url, 43, 1020))),
		c("planetscale-token", `pscale connect --service-token `+mark, join("pscale", "_tkn_", gen(b64url, 43, 1021))),
		c("netlify-token", `NETLIFY_AUTH_TOKEN=`+mark, join("nf", "p_", gen(alnum, 36, 1022))),
		c("shippo-token", `shippo: ShippoToken `+mark, join("shippo", "_live_", gen(hexLower, 40, 1023))),
		c("duffel-token", `duffel client created with `+mark, join("duffel", "_test_", gen(b64url, 43, 1024))),
		c("duffel-token", `DUFFEL_TOKEN="`+mark+`"`, join("duffel", "_live_", gen(b64url, 20, 1090), "=", gen(b64url, 22, 1091))),
		c("easypost-key", `EASYPOST_API_KEY=`+mark, join("EZ", "AK", gen(alnum, 54, 1025))),
		c("flutterwave-secret-key", `FLW_SECRET_KEY=`+mark, join("FLW", "SECK_TEST-", gen(hexLower, 32, 1026), "-X")),
		c("typeform-token", `typeform: Authorization=Bearer `+mark, join("tf", "p_", gen(b64url, 59, 1027))),
		c("readme-api-key", `README_API_KEY=`+mark, join("rd", "me_", gen(lowerNum, 70, 1028))),
		c("prefect-api-key", `prefect cloud login -k `+mark, join("pn", "u_", gen(alnum, 36, 1029))),
		c("sourcegraph-token", `SRC_ACCESS_TOKEN=`+mark, join("sg", "p_", gen(hexLower, 16, 1030), "_", gen(hexLower, 40, 1031))),
		c("artifactory-token", `jfrog rt ping --access-token `+mark, join("cmVmdGtu", "OjAxOj", gen(alnum, 54, 1032))),
		c("artifactory-token", `X-JFrog-Art-Api: `+mark, join("AK", "Cp", gen(alnum, 69, 1033))),
		c("bitbucket-app-password", `git push https://bob:`+mark+`@bitbucket.org/team/repo.git`, join("AT", "BB", gen(alnum, 32, 1034))),
		c("buildkite-token", `BUILDKITE_API_TOKEN=`+mark, join("bk", "ua_", gen(hexLower, 40, 1035))),
		c("circleci-token", `Circle-Token: `+mark, join("CCI", "PAT_", gen(alnum, 22, 1036), "_", gen(hexLower, 40, 1037))),
		c("infracost-api-key", `INFRACOST_API_KEY=`+mark, join("ic", "o-", gen(alnum, 32, 1038))),
		c("facebook-access-token", `GET /v19.0/me?access_token=`+mark+` 200`, join("EA", "AG", gen(alnum, 120, 1039))),
		c("azure-devops-pat", `az devops login with token `+mark, join(gen(alnum, 76, 1040), "AZ", "DO", gen(alnum, 4, 1041))),
	}
}
