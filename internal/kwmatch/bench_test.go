package kwmatch

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchKeywords is a realistic prefilter keyword set: the provider prefixes
// and context words of ../shared/notes/secret-shapes.md plus the last words
// of the default sensitive key names, about the size the built-in catalog
// is expected to reach.
var benchKeywords = strings.Fields(`
akia asia abia acca a3t aws secret aws_secret_access_key secretaccesskey
session_token security-token x-amz-security-token aws_session_token
ghp_ gho_ ghu_ ghs_ ghr_ github_pat_ glpat- gldt- glrt- glcbt- glptt- glft-
glimt- glagent- gloas- xoxb- xoxp- xoxa- xoxr- xoxs- xoxe- xapp-
hooks.slack.com sk_live_ rk_live_ sk_test_ rk_test_ sk_prod_ rk_prod_ whsec_
aiza ya29. gocspx- private_key accountkey= q~ sig= eyj -----begin
private key rsa openssh encrypted putty-user-key-file- t3blbkfj sk-proj-
sk-svcacct- sk-admin- sk-ant-api03- sk-ant-admin01- hf_ api_org_ gsk_ xai-
pplx- npm_ pypi-ageichlwas5vcmc rubygems_ dckr_pat_ sg. twilio key- -us
shpat_ shpca_ shppa_ shpss_ eaaa sq0atp- sq0csp- dop_v1_ doo_v1_ dor_v1_
hvs. hvb. atlasv1 hrku-aa dapi glsa_ glc_ sntryu_ sntrys_ nrak- dp.pt. pul-
pmak- dt0c01. lin_api_ ntn_ atatt3 age-secret-key-1 ltai v1.0- tskey- sbp_
telegram api.telegram.org :aa discord discord.com/api/webhooks discordapp
:// bearer basic authorization proxy-authorization api-key x-api-key
x-auth-token cookie set-cookie token= key= secret= password= access_token
id_token refresh_token api_key apikey password passwd pwd pass passphrase
client_secret token auth_token credentials credential creds session auth
signature= client-secret api-secret mongodb+srv postgres mysql redis amqp
--password --token --secret -p jdbc: sasl_password smtp_password
db_password database_url connection_string connstr dsn= private-token
x-goog-api-key ocp-apim-subscription-key x-functions-key x-api-token
authtoken bot_token webhook_secret signing_secret encryption_key
signing_key master_key secret_key jwt oauth client_id_secret consumer_secret
access_key secret_access_key storage_key sas_token sv= se= sp= skoid
azure npm_token pypi_token slack_token github_token gitlab_token
heroku_api_key datadog dd_api_key dd_app_key newrelic sentry_dsn
grafana doppler pulumi postman dynatrace linear notion atlassian alibaba
cloudflare tailscale supabase sendgrid mailgun mailchimp shopify square
digitalocean vault terraform databricks key cookie
`)

// benchLog returns n bytes of JSON log lines holding none of benchKeywords.
func benchLog(n int) string {
	m, err := New(benchKeywords, ones(len(benchKeywords)))
	if err != nil {
		panic(err)
	}
	r := rand.New(rand.NewPCG(7, 7))
	msgs := []string{"request completed", "cache miss", "user logged in", "retrying upload", "connection pool stats", "scheduled job finished"}
	paths := []string{"/api/v1/users", "/healthz", "/api/v2/orders/checkout", "/static/app.js", "/metrics"}
	var b strings.Builder
	for b.Len() < n {
		line := fmt.Sprintf(`{"time":"2026-11-27T13:%02d:%02d.%03dZ","level":"info","msg":%q,"method":"GET","path":%q,"status":%d,"duration_ms":%d,"user_id":%d,"trace_id":"%016x","bytes":%d}`+"\n",
			r.IntN(60), r.IntN(60), r.IntN(1000), msgs[r.IntN(len(msgs))], paths[r.IntN(len(paths))],
			200+r.IntN(5)*100, r.IntN(900), r.IntN(100000), r.Uint64(), r.IntN(1<<20))
		if !m.Any(line, 1) {
			b.WriteString(line)
		}
	}
	return b.String()[:n]
}

// benchAdversarial returns about n bytes made of keyword prefixes that
// almost, but never quite, complete a keyword, keeping the automaton deep.
func benchAdversarial(kws []string, n int) string {
	r := rand.New(rand.NewPCG(9, 9))
	ref := newNaive(kws, ones(len(kws)))
	var near []string
	for _, k := range kws {
		if len(k) > 1 && !ref.Any(k[:len(k)-1], 1) {
			near = append(near, k[:len(k)-1])
		}
	}
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(near[r.IntN(len(near))])
		b.WriteByte("#@!|"[r.IntN(4)])
	}
	return b.String()[:n]
}

func benchMatcher(b *testing.B) *Matcher {
	m, err := New(benchKeywords, ones(len(benchKeywords)))
	if err != nil {
		b.Fatal(err)
	}
	return m
}

const mb = uint32(1) << groupShift

func BenchmarkAny(b *testing.B) {
	m := benchMatcher(b)
	ref := newNaive(benchKeywords, ones(len(benchKeywords)))
	b.Logf("%d keywords, %d states, %d classes", len(benchKeywords), len(m.trans)/int(m.stride), m.stride)
	short := benchLog(1 << 10)[:64]
	big := benchLog(1 << 20)
	adv := benchAdversarial(benchKeywords, 1<<20)
	for _, s := range []string{short, big, adv} {
		if h := m.AppendHits(nil, s); len(h) > 0 {
			b.Fatalf("bench input holds keyword %q", benchKeywords[h[0].Keyword])
		}
	}
	inputs := []struct{ name, s string }{{"short64", short}, {"clean1MiB", big}, {"adversarial1MiB", adv}}
	for _, in := range inputs {
		s := in.s
		b.Run(in.name+"/dfa", func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				m.Any(s, 1)
			}
		})
		b.Run(in.name+"/dfa1stream", func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				m.any1(s, 0, mb)
			}
		})
		{
			b.Run(in.name+"/dfa4streams", func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				b.ReportAllocs()
				for b.Loop() {
					m.any4(s, mb)
				}
			})
		}
		if len(s) <= 64 {
			b.Run(in.name+"/naive", func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				b.ReportAllocs()
				for b.Loop() {
					ref.Any(s, 1)
				}
			})
		} else {
			sub := s[:64<<10] // the naive matcher is too slow for 1 MiB
			b.Run(in.name+"/naive64KiB", func(b *testing.B) {
				b.SetBytes(int64(len(sub)))
				b.ReportAllocs()
				for b.Loop() {
					ref.Any(sub, 1)
				}
			})
		}
	}
}

func ones(n int) []uint8 {
	g := make([]uint8, n)
	for i := range g {
		g[i] = 1
	}
	return g
}

func BenchmarkAppendHits(b *testing.B) {
	m := benchMatcher(b)
	// Dirty text: log lines with a keyword every few hundred bytes.
	dirty := strings.ReplaceAll(benchLog(1<<20), `"cache miss"`, `"token refreshed"`)
	line := benchLog(1 << 10)[:150] + " password=hunter2hunter2 and more text: " + strings.Repeat("x", 20)
	dst := make([]Hit, 0, 1<<16)
	for _, in := range []struct{ name, s string }{{"line200", line[:200]}, {"dirty1MiB", dirty}} {
		s := in.s
		b.Run(in.name+"/dfa", func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				dst = m.AppendHits(dst[:0], s)
			}
		})
		b.Run(in.name+"/dfa1stream", func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				dst, _ = m.hits1(dst[:0], s, 0, 0)
			}
		})
		{
			b.Run(in.name+"/dfa4streams", func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				b.ReportAllocs()
				for b.Loop() {
					dst = m.hits4(dst[:0], s)
				}
			})
		}
	}
}
